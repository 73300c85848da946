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

describe('MemoryStore.findCustomers pages', () => {
  const tiers = ['gold', 'silver'];
  const data = () => ({
    definitions: [
      {
        name: 'tier',
        label: 'Tier',
        type: 'single-choice' as const,
        options: tiers.map((value) => ({ value, label: value })),
      },
    ],
    // Seeded out of id order: the pages still come in id order.
    customers: Array.from({ length: 30 }, (_, i) => ({
      id: `c${String(29 - i).padStart(2, '0')}`,
      number: String(100 + i),
      name: `Customer ${29 - i}`,
      channel: 'telegram',
      revision: 1,
      properties: { tier: tiers[(29 - i) % 2]! },
    })),
  });
  const gold = { match: 'all' as const, conditions: [{ property: 'tier', operator: 'in' as const, value: ['gold'] }] };

  it('walks every match once, in id order, page by page from the cursor', async () => {
    const store = new MemoryStore(data());
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.findCustomers(gold, { limit: 4, ...(cursor ? { cursor } : {}) });
      expect(page.total).to.equal(15);
      ids.push(...page.customers.map((customer) => customer.id));
      cursor = page.cursor;
    } while (cursor);
    expect(ids).to.deep.equal(Array.from({ length: 15 }, (_, i) => `c${String(i * 2).padStart(2, '0')}`));
  });

  it('counts again after a write: the next page’s total and members follow the change', async () => {
    const store = new MemoryStore(data());
    const first = await store.findCustomers(gold, { limit: 4 });
    expect(first.customers.map((c) => c.id)).to.deep.equal(['c00', 'c02', 'c04', 'c06']);
    await store.updateCustomer('c08', { tier: 'silver' }, { revision: 1 });
    await store.updateCustomer('c09', { tier: 'gold' }, { revision: 1 });
    const next = await store.findCustomers(gold, { limit: 4, cursor: first.cursor! });
    expect(next.total).to.equal(15);
    expect(next.customers.map((c) => c.id)).to.deep.equal(['c09', 'c10', 'c12', 'c14']);
    await store.updateCustomer('c10', { tier: 'silver' }, { revision: 1 });
    const after = await store.findCustomers(gold, { limit: 4, cursor: first.cursor! });
    expect(after.total).to.equal(14);
    expect(after.customers.map((c) => c.id)).to.deep.equal(['c09', 'c12', 'c14', 'c16']);
  });

  it('a cursor past the last customer gives an empty last page', async () => {
    const store = new MemoryStore(data());
    const page = await store.findCustomers(gold, { cursor: 'zzz' });
    expect(page).to.deep.equal({ customers: [], total: 15 });
  });
});
