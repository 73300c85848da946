import { expect } from 'chai';
import { runStoreConformance, rejection } from '../testing/store-conformance.js';
import { seed } from '../testing/seed.js';
import { MemoryStore } from './memory-store.js';
import { StoreError } from './store-error.js';

runStoreConformance(
  'MemoryStore',
  async (setup) => {
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
  },
  { namesFields: true },
);

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

  it('hands out frozen customers: changing a returned one throws and changes nothing stored', async () => {
    const store = new MemoryStore(seed());
    const ana = await store.getCustomer('ana');
    expect(() => (ana.properties.age = '99')).to.throw(TypeError);
    expect(() => (ana.name = 'Anna')).to.throw(TypeError);
    expect(() => (ana.properties.channels as string[]).push('telegram')).to.throw(TypeError);
    expect(() => ((ana.properties.home as { lat: number }).lat = 0)).to.throw(TypeError);
    const saved = await store.updateCustomer('ana', { notes: 'Evenings' }, { revision: 1 });
    expect(() => delete saved.changed!.notes).to.throw(TypeError);
    expect(() => (saved.properties.notes = 'Nights')).to.throw(TypeError);
    const [found] = (await store.findCustomers({ match: 'all', conditions: [] }, { limit: 1 })).customers;
    expect(() => (found!.properties.age = '1')).to.throw(TypeError);
    await rejection(store.updateCustomer('ana', { age: '99' }, { revision: Number.NaN }), 'invalid');

    const now = await store.getCustomer('ana');
    expect(now.name).to.equal('Ana');
    expect(now.properties).to.deep.include({ age: '34', notes: 'Evenings', channels: ['whatsapp', 'email'] });
    expect((now.properties.home as { lat: number }).lat).to.equal(48.8584);
    expect(now.changed?.notes?.revision).to.equal(2);
  });

  it('a listener that changes the customer of an event changes nothing stored', async () => {
    const store = new MemoryStore(seed());
    const refused: unknown[] = [];
    store.subscribe((event) => {
      if (event.type !== 'customer-changed') return;
      try {
        event.customer.properties.age = '0';
      } catch (error) {
        refused.push(error);
      }
    });
    const reply = await store.updateCustomer('ana', { age: '35' }, { revision: 1 });
    expect(refused).to.have.length(1);
    expect(refused[0]).to.be.instanceOf(TypeError);
    expect(reply.properties.age).to.equal('35');
    expect((await store.getCustomer('ana')).properties.age).to.equal('35');
  });

  it('names the written fields in its customer-changed event', async () => {
    const store = new MemoryStore(seed());
    const heard: { fields?: string[]; revision: number }[] = [];
    store.subscribe((event) => {
      if (event.type === 'customer-changed') heard.push({ revision: event.customer.revision, ...event });
    });
    await store.updateCustomer('ana', { age: '35', notes: null }, { revision: 1 });
    // Stale but already holding the value: no conflict, nothing written.
    await store.updateCustomer('ana', { age: '35' }, { revision: 1 });
    await store.updateCustomer('ana', { name: 'Ana Lima', class: 'ClassOf2024' }, { revision: 1 });
    await store.upsertCustomer({ id: 'ben', channel: 'telegram', number: '555', name: 'Ben' });
    // Only the channel changes: shown with the number, so named as `number`.
    await store.upsertCustomer({ id: 'ben', channel: 'web', number: '555', name: 'Ben' });
    expect(heard.map(({ fields, revision }) => ({ fields, revision }))).to.deep.equal([
      { fields: ['age', 'notes'], revision: 2 },
      { fields: [], revision: 2 },
      { fields: ['name', 'class'], revision: 3 },
      { fields: ['number'], revision: 2 },
      { fields: ['number'], revision: 3 },
    ]);
  });

  it('a write at many properties makes only the written values new: every other value is the same object', async () => {
    const n = 1_000;
    const names = Array.from({ length: n }, (_, i) => `place${i}`);
    const store = new MemoryStore({
      definitions: names.map((name) => ({ name, label: name, type: 'location' as const })),
      customers: [
        {
          id: 'c',
          number: '1',
          name: 'C',
          revision: 1,
          properties: Object.fromEntries(names.map((name, i) => [name, { lat: i / 100, lng: 0 }])),
        },
      ],
    });
    const { revision } = await store.updateCustomer('c', { place1: { lat: 1, lng: 1 } }, { revision: 1 });
    const before = await store.getCustomer('c');
    await store.updateCustomer('c', { place0: { lat: 5, lng: 5 } }, { revision });
    const after = await store.getCustomer('c');

    expect(after.revision).to.equal(3);
    expect(after.properties.place0).to.deep.equal({ lat: 5, lng: 5 });
    expect(after.properties.place0).not.to.equal(before.properties.place0);
    // What the write replaced is left as it was, for whoever still holds it.
    expect(before.properties.place0).to.deep.equal({ lat: 0, lng: 0 });
    const unchanged = names.slice(1).filter((name) => after.properties[name] !== before.properties[name]);
    expect(unchanged).to.deep.equal([]);
    expect(after.changed?.place1).to.equal(before.changed?.place1);
    expect(after.changed?.place0?.revision).to.equal(3);
  });

  it('deletes a definition from its frozen customers', async () => {
    const store = new MemoryStore(seed());
    const before = await store.updateCustomer('ana', { age: '40' }, { revision: 1 });
    await store.deleteDefinition('age');
    const ana = await store.getCustomer('ana');
    expect(ana.properties).not.to.have.property('age');
    expect(ana.changed ?? {}).not.to.have.property('age');
    expect(Object.isFrozen(ana.properties)).to.equal(true);
    // The customer handed out before is left as it was.
    expect(before.properties.age).to.equal('40');
    expect((await store.getCustomer('ben')).properties).not.to.have.property('age');
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
