import { expect } from 'chai';
import { runStoreConformance, rejection } from '../testing/store-conformance.js';
import { seed } from '../testing/seed.js';
import { MemoryStore } from './memory-store.js';
import { StoreError } from './store-error.js';

runStoreConformance('MemoryStore', async (setup) => {
  const store = new MemoryStore(setup);
  // Two agents share one store; each writes under their own name.
  return {
    store,
    other: async (author) => ({
      listDefinitions: (o) => store.listDefinitions(o),
      createDefinition: (d) => store.createDefinition(d),
      updateDefinition: (d) => store.updateDefinition(d),
      deleteDefinition: (n) => store.deleteDefinition(n),
      getCustomer: (id, o) => store.getCustomer(id, o),
      findCustomers: (q, o) => store.findCustomers(q, o),
      async updateCustomer(id, changes, opts) {
        const previous = store.author;
        store.author = author;
        try {
          return await store.updateCustomer(id, changes, opts);
        } finally {
          store.author = previous;
        }
      },
    }),
  };
});

describe('MemoryStore', () => {
  it('refuses invalid seed data instead of keeping it', () => {
    const data = seed();
    data.customers[0]!.properties.age = 'forty';
    expect(() => new MemoryStore(data)).to.throw(StoreError, /age \(value\.type\)/);
    try {
      new MemoryStore(data);
    } catch (error) {
      expect((error as StoreError).errors.age?.code).to.equal('value.type');
    }
  });

  it('simulates latency, and a cancelled read stops waiting', async () => {
    const store = new MemoryStore({ ...seed(), latency: 5_000 });
    const controller = new AbortController();
    const read = store.getCustomer('ana', { signal: controller.signal });
    controller.abort();
    let error: unknown;
    await read.catch((e) => (error = e));
    expect((error as Error).name).to.equal('AbortError');
  });

  it('hands out copies: changing a returned customer changes nothing stored', async () => {
    const store = new MemoryStore(seed());
    const ana = await store.getCustomer('ana');
    ana.properties.age = '99';
    expect((await store.getCustomer('ana')).properties.age).to.equal('34');
    await rejection(store.updateCustomer('ana', { age: '99' }, { revision: Number.NaN }), 'invalid');
  });
});

describe('MemoryStore seeded from plain JS', () => {
  it('takes definitions without order, access or visibility, and numbers them in the order given', async () => {
    const store = new MemoryStore({
      definitions: [
        { name: 'age', label: 'Age', type: 'number' },
        { name: 'notes', label: 'Notes', type: 'text', showToCustomer: true },
      ],
      customers: [{ id: 'ana', number: '+4915123456789', properties: { age: '34' } } as never],
    });
    const custom = (await store.listDefinitions()).filter((def) => !def.builtIn);
    expect(
      custom.map(({ name, order, access, showToAgent, showToCustomer }) => ({
        name,
        order,
        access,
        showToAgent,
        showToCustomer,
      })),
    ).to.deep.equal([
      { name: 'age', order: 0, access: { '*': 'edit' }, showToAgent: true, showToCustomer: false },
      { name: 'notes', order: 1, access: { '*': 'edit' }, showToAgent: true, showToCustomer: true },
    ]);
    // A seed without a name is a customer nobody has named yet, as a conversation creates one.
    expect((await store.getCustomer('ana')).name).to.equal('');
  });
});
