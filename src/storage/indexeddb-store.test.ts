import { expect } from 'chai';
import { rejection, runStoreConformance } from '../testing/store-conformance.js';
import { seed, SEED_DEFINITIONS } from '../testing/seed.js';
import type { AudienceQuery, Customer } from '../model/index.js';
import { BLOCK_SIZE } from './indexeddb-blocks.js';
import { INDEX_FIELD, toRecord, VALUE_INDEX } from './indexeddb-index.js';
import { IndexedDbStore } from './indexeddb-store.js';
import type { StoreEvent } from './property-store.js';
import { StoreError } from './store-error.js';
import { waitUntil } from '../internal/test/wait.js';

let next = 0;
const uniqueName = () => `test-${Date.now()}-${next++}`;

runStoreConformance(
  'IndexedDbStore',
  async (setup) => {
    const name = uniqueName();
    const opened: IndexedDbStore[] = [];
    const open = (author: string) => {
      const store = new IndexedDbStore({
        name,
        seed: { definitions: setup.definitions, customers: setup.customers },
        author,
      });
      opened.push(store);
      return store;
    };
    return {
      store: open(setup.author),
      other: async (author) => open(author),
      cleanup: async () => {
        await Promise.all(opened.map((store) => store.close()));
        await IndexedDbStore.deleteDatabase(name);
      },
    };
  },
  { history: false },
);

/** Opens a store's database with the raw API at `version`, running `upgrade` when it is created or raised (an older or newer library's layout). */
function openRaw(
  databaseName: string,
  version: number,
  upgrade?: (db: IDBDatabase, tx: IDBTransaction) => void,
): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName, version);
    if (upgrade) request.onupgradeneeded = () => upgrade(request.result, request.transaction!);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('IndexedDbStore', () => {
  it('keeps its data when closed and opened again, and seeds only once', async () => {
    const name = uniqueName();
    const first = new IndexedDbStore({ name, seed: seed() });
    await first.updateCustomer('ana', { age: '40' }, { revision: 1 });
    await first.close();
    const again = new IndexedDbStore({ name, seed: seed() });
    const ana = await again.getCustomer('ana');
    expect(ana.properties.age).to.equal('40');
    expect(ana.revision).to.equal(2);
    await again.close();
    await IndexedDbStore.deleteDatabase(name);
  });

  it('upgrades a database of version 1 (before saved audiences): its customers stay, audiences can be saved', async () => {
    const name = uniqueName();
    const v1 = await openRaw(`customer-properties:${name}`, 1, (db) => {
      db.createObjectStore('definitions', { keyPath: 'name' });
      db.createObjectStore('customers', { keyPath: 'id' }).put(seed().customers[2]!);
      db.createObjectStore('meta').put(true, 'seeded');
    });
    v1.close();
    const store = new IndexedDbStore({ name, seed: seed() });
    expect((await store.getCustomer('cem')).name).to.equal('Cem');
    const saved = await store.saveAudience({ name: 'Everyone', query: { match: 'all', conditions: [] } });
    expect(await store.listAudiences()).to.deep.equal([saved]);
    await store.close();
    await IndexedDbStore.deleteDatabase(name);
  });

  it('seeds saved audiences, and forgets them on reset to a seed without', async () => {
    const name = uniqueName();
    const everyone = {
      id: 'a-1',
      name: 'Everyone',
      query: { match: 'all' as const, conditions: [] },
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const store = new IndexedDbStore({ name, seed: { ...seed(), audiences: [everyone] } });
    expect(await store.listAudiences()).to.deep.equal([everyone]);
    await store.reset(seed());
    expect(await store.listAudiences()).to.deep.equal([]);
    await store.close();
    await IndexedDbStore.deleteDatabase(name);
  });

  it('tells another instance (another tab) about a change, and its own listeners once', async () => {
    const name = uniqueName();
    const here = new IndexedDbStore({ name, seed: seed() });
    const there = new IndexedDbStore({ name, seed: seed() });
    const heard: StoreEvent[] = [];
    const seen: StoreEvent[] = [];
    there.subscribe((event) => heard.push(event));
    here.subscribe((event) => seen.push(event));
    await there.listDefinitions();
    await here.updateCustomer('ben', { favorite_color: 'green' }, { revision: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).to.have.length(1);
    expect(heard[0]!.type === 'customer-changed' && heard[0]!.customer.properties.favorite_color).to.equal('green');
    expect(seen).to.have.length(1);
    expect((await there.getCustomer('ben')).properties.favorite_color).to.equal('green');
    await Promise.all([here.close(), there.close()]);
    await IndexedDbStore.deleteDatabase(name);
  });

  it('starts over from the seed on reset', async () => {
    const name = uniqueName();
    const store = new IndexedDbStore({ name, seed: seed() });
    await store.deleteDefinition('age');
    await store.reset();
    expect((await store.getCustomer('ana')).properties.age).to.equal('34');
    await store.close();
    await IndexedDbStore.deleteDatabase(name);
  });

  it('tells its listeners and another tab of a reset: the revisions start over, so a customer held must be read again', async () => {
    const name = uniqueName();
    const here = new IndexedDbStore({ name, seed: seed() });
    const there = new IndexedDbStore({ name, seed: seed() });
    const heard: StoreEvent[] = [];
    const seen: StoreEvent[] = [];
    there.subscribe((event) => heard.push(event));
    here.subscribe((event) => seen.push(event));
    await there.listDefinitions();
    await here.updateCustomer('ana', { age: '40' }, { revision: 1 });
    await here.reset();
    await waitUntil(() => heard.some((event) => event.type === 'reset'), 'the other tab hears the reset');
    expect(seen.filter((event) => event.type === 'reset')).to.have.length(1);
    expect(await there.getCustomer('ana')).to.include({ revision: 1 });
    await Promise.all([here.close(), there.close()]);
    await IndexedDbStore.deleteDatabase(name);
  });

  it('reports a transaction the browser aborted as unavailable, not as a cancelled call', async () => {
    const name = uniqueName();
    const store = new IndexedDbStore({ name, seed: seed() });
    await store.listDefinitions();
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      this.transaction.abort();
      return request;
    };
    try {
      await rejection(store.updateCustomer('ana', { age: '40' }, { revision: 1 }), 'unavailable');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect((await store.getCustomer('ana')).properties.age).to.equal('34');
    await store.close();
    await IndexedDbStore.deleteDatabase(name);
  });

  describe('when the browser closes its connection', () => {
    /** The connections the stores open, caught on their way out of `indexedDB.open`. */
    let connections: IDBDatabase[];
    const open = IDBFactory.prototype.open;
    beforeEach(() => {
      connections = [];
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        const request = open.apply(this, args);
        request.addEventListener('success', () => connections.push(request.result));
        return request;
      };
    });
    afterEach(() => {
      IDBFactory.prototype.open = open;
    });

    it('opens a new connection on the next call after a close event (site data cleared)', async () => {
      const name = uniqueName();
      const store = new IndexedDbStore({ name, seed: seed() });
      await store.updateCustomer('ana', { age: '40' }, { revision: 1 });
      const [db] = connections;
      db!.close();
      db!.dispatchEvent(new Event('close'));
      expect((await store.getCustomer('ana')).properties.age).to.equal('40');
      expect((await store.updateCustomer('ana', { age: '41' }, { revision: 2 })).revision).to.equal(3);
      expect(connections).to.have.length(2);
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });

    it('recovers on Try again when the connection closed without an event', async () => {
      const name = uniqueName();
      const store = new IndexedDbStore({ name, seed: seed() });
      await store.listDefinitions();
      connections[0]!.close();
      await rejection(store.getCustomer('ana'), 'unavailable');
      expect((await store.getCustomer('ana')).name).to.equal('Ana');
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });

    it('lets another tab delete the database (versionchange), then starts over from the seed', async () => {
      const name = uniqueName();
      const store = new IndexedDbStore({ name, seed: seed() });
      await store.updateCustomer('ana', { age: '40' }, { revision: 1 });
      await IndexedDbStore.deleteDatabase(name);
      const ana = await store.getCustomer('ana');
      expect(ana.properties.age).to.equal('34');
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });

    it('lets another tab open a newer version (versionchange), then works on with it', async () => {
      const name = uniqueName();
      const store = new IndexedDbStore({ name, seed: seed() });
      await store.updateCustomer('ana', { age: '40' }, { revision: 1 });
      const newer = await openRaw(store.databaseName, 99);
      expect((await store.getCustomer('ana')).properties.age).to.equal('40');
      newer.close();
      expect((await store.updateCustomer('ana', { age: '41' }, { revision: 2 })).revision).to.equal(3);
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });
    it('refuses a newer database whose layout it would misread (readableFrom above its version), reading nothing', async () => {
      const name = uniqueName();
      const store = new IndexedDbStore({ name, seed: seed() });
      await store.getCustomer('ana');
      await store.close();
      // A later version of the library, whose records version 4 cannot read, upgraded it.
      const newer = await openRaw(store.databaseName, 99, (_db, tx) => tx.objectStore('meta').put(99, 'readableFrom'));
      newer.close();
      const old = new IndexedDbStore({ name, seed: seed() });
      const error = await old.getCustomer('ana').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(StoreError);
      expect((error as StoreError).code).to.equal('unavailable');
      await old.close();
      await IndexedDbStore.deleteDatabase(name);
    });
  });

  describe('schema upgrade from version 1', () => {
    /** A database as version 1 of the library left it: no value index, customers as they are. */
    async function versionOne(name: string, data: ReturnType<typeof seed>): Promise<void> {
      const db = await openRaw(`customer-properties:${name}`, 1, (db) => {
        db.createObjectStore('definitions', { keyPath: 'name' });
        db.createObjectStore('customers', { keyPath: 'id' });
        db.createObjectStore('meta');
      });
      const tx = db.transaction(['definitions', 'customers', 'meta'], 'readwrite');
      for (const def of data.definitions) tx.objectStore('definitions').put(def);
      for (const customer of data.customers) tx.objectStore('customers').put(customer);
      tx.objectStore('meta').put(true, 'seeded');
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    }

    it('keeps every definition and customer, and finds them through the new index', async () => {
      const name = uniqueName();
      const data = seed();
      // Enough customers that the upgrade walks its cursor a while, each with a colour.
      for (let i = 0; i < 300; i++) {
        data.customers.push({
          id: `x${String(i).padStart(3, '0')}`,
          number: String(1000 + i),
          name: `Customer ${i}`,
          channel: 'telegram',
          revision: 1,
          properties: { favorite_color: i % 3 === 0 ? 'green' : 'blue', age: String(i % 90) },
        });
      }
      await versionOne(name, data);
      // The seed given here is not written: the database was seeded by version 1.
      const store = new IndexedDbStore({ name, seed: { customers: [] } });
      for (const customer of data.customers) {
        expect(await store.getCustomer(customer.id)).to.deep.equal(customer);
      }
      const custom = (await store.listDefinitions()).filter((def) => !def.builtIn);
      expect(custom).to.deep.equal(data.definitions);
      const green = await store.findCustomers(
        { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['green'] }] },
        { limit: 1000 },
      );
      expect(green.customers.map((c) => c.id)).to.deep.equal(
        data.customers.filter((c) => c.properties.favorite_color === 'green').map((c) => c.id),
      );
      expect(green.total).to.equal(100);
      expect(await store.countValues('favorite_color')).to.equal(
        data.customers.filter((c) => c.properties.favorite_color).length,
      );
      // A write after the upgrade is found by its new value, and not by its old one.
      await store.updateCustomer('x000', { favorite_color: 'red' }, { revision: 1 });
      const red = await store.findCustomers({
        match: 'all',
        conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }],
      });
      expect(red.customers.map((c) => c.id)).to.deep.equal(['ana', 'x000']);
      expect(
        (
          await store.findCustomers({
            match: 'all',
            conditions: [{ property: 'favorite_color', operator: 'in', value: ['green'] }],
          })
        ).total,
      ).to.equal(99);
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });
  });

  /** `n` customers beyond the seed's two, a colour each (a third green) and an age. */
  function many(n: number): Customer[] {
    return Array.from({ length: n }, (_, i) => ({
      id: `x${String(i).padStart(4, '0')}`,
      number: String(1000 + i),
      name: `Customer ${i}`,
      channel: 'telegram',
      revision: 1,
      properties: { favorite_color: i % 3 === 0 ? 'green' : 'blue', age: String(i % 90) },
    }));
  }
  const coloured = (customers: Customer[]) => customers.filter((c) => c.properties.favorite_color).length;
  const colour = (value: string): AudienceQuery => ({
    match: 'all',
    conditions: [{ property: 'favorite_color', operator: 'in', value: [value] }],
  });
  /** Every page of an audience, following the cursors. */
  async function everyPage(store: IndexedDbStore, query: AudienceQuery): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.findCustomers(query, { limit: 100, ...(cursor ? { cursor } : {}) });
      ids.push(...page.customers.map((c) => c.id));
      cursor = page.cursor;
    } while (cursor);
    return ids;
  }

  describe('a seed of several blocks', () => {
    it('reads, finds, writes and upserts its customers, and keeps them across a reopen', async () => {
      const name = uniqueName();
      const data = seed();
      // Out of id order, over three blocks.
      data.customers.push(...many(BLOCK_SIZE * 2 + 200).reverse());
      const greens = () =>
        data.customers
          .filter((c) => c.properties.favorite_color === 'green')
          .map((c) => c.id)
          .sort();
      let store = new IndexedDbStore({ name, seed: data });
      for (const customer of data.customers) expect(await store.getCustomer(customer.id)).to.deep.equal(customer);
      await rejection(store.getCustomer('x9999'), 'not-found');
      expect(await everyPage(store, colour('green'))).to.deep.equal(greens());
      expect(await store.countValues('favorite_color')).to.equal(coloured(data.customers));

      // A write moves the customer out of its block: found by its new value only, read as written.
      const written = await store.updateCustomer('x0600', { favorite_color: 'red' }, { revision: 1 });
      expect(written.revision).to.equal(2);
      data.customers.find((c) => c.id === 'x0600')!.properties.favorite_color = 'red';
      expect(await everyPage(store, colour('red'))).to.deep.equal(['ana', 'x0600']);
      expect(await everyPage(store, colour('green'))).to.deep.equal(greens());
      expect(await store.countValues('favorite_color')).to.equal(coloured(data.customers));
      await rejection(store.updateCustomer('x0600', { favorite_color: 'blue' }, { revision: 1 }), 'conflict');
      // Three conditions read candidates from blocks and records alike.
      const three: AudienceQuery = {
        match: 'all',
        conditions: [
          { property: 'favorite_color', operator: 'in', value: ['red', 'green'] },
          { property: 'age', operator: 'gte', value: '30' },
          { property: 'age', operator: 'lt', value: '31' },
        ],
      };
      const expected = data.customers
        .filter((c) => ['red', 'green'].includes(c.properties.favorite_color as string) && c.properties.age === '30')
        .map((c) => c.id)
        .sort();
      expect(expected.length).to.be.greaterThan(2);
      expect(await everyPage(store, three)).to.deep.equal(expected);

      // An upsert by channel and number finds a block customer and renames it: no second customer.
      const upserted = await store.upsertCustomer({ channel: 'telegram', number: '2100', name: 'Renamed' });
      expect(upserted.id).to.equal('x1100');
      expect((await store.getCustomer('x1100')).name).to.equal('Renamed');
      expect(await store.countValues('age')).to.equal(data.customers.filter((c) => c.properties.age).length);

      await store.close();
      store = new IndexedDbStore({ name, seed: { customers: [] } });
      expect((await store.getCustomer('x0600')).properties.favorite_color).to.equal('red');
      expect((await store.getCustomer('x1100')).name).to.equal('Renamed');
      expect(await everyPage(store, colour('green'))).to.deep.equal(greens());

      // Deleting a definition takes its values from block customers and own records alike.
      await store.deleteDefinition('favorite_color');
      expect((await store.getCustomer('x0003')).properties).to.not.have.property('favorite_color');
      expect((await store.getCustomer('x0600')).properties).to.not.have.property('favorite_color');
      expect(await store.countValues('favorite_color')).to.equal(0);
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });
    it("forgets a deleted definition's values in blocks, lowercased words too: a new definition of the name finds none", async () => {
      const name = uniqueName();
      const store = new IndexedDbStore({ name, seed: seed() });
      const classOf = (value: string): AudienceQuery => ({
        match: 'all',
        conditions: [{ property: 'class', operator: 'equals', value }],
      });
      expect(await everyPage(store, classOf('classof2023'))).to.deep.equal(['ana']);
      await store.deleteDefinition('class');
      await store.createDefinition({ ...SEED_DEFINITIONS[2]!, name: 'class' });
      expect(await store.findCustomers(classOf('classof2023'))).to.deep.equal({ customers: [], total: 0 });
      // Ana leaves her block: still not in the audience, and the page holds customers only.
      await store.updateCustomer('ana', { age: '35' }, { revision: 1 });
      expect(await store.findCustomers(classOf('classof2023'))).to.deep.equal({ customers: [], total: 0 });
      expect(await store.countValues('class')).to.equal(0);
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });
    it('upserts by channel and number into the customer of the lowest id, whichever of them left its block', async () => {
      const name = uniqueName();
      const twins = many(2).map((customer) => ({ ...customer, number: '1000' }));
      const store = new IndexedDbStore({ name, seed: { ...seed(), customers: twins } });
      await store.updateCustomer('x0001', { age: '5' }, { revision: 1 });
      const upserted = await store.upsertCustomer({ channel: 'telegram', number: '1000', name: 'Renamed' });
      expect(upserted.id).to.equal('x0000');
      expect((await store.getCustomer('x0000')).name).to.equal('Renamed');
      expect((await store.getCustomer('x0001')).name).to.equal('Customer 1');
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });
    it('resets in one go: a customer another tab writes meanwhile is not kept beside its seeded self', async () => {
      const name = uniqueName();
      const other = new IndexedDbStore({ name, seed: seed() });
      await other.listDefinitions();
      let asked!: () => void;
      const seedAsked = new Promise<void>((resolve) => (asked = resolve));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const store = new IndexedDbStore({
        name,
        seed: async () => {
          asked();
          await held;
          return seed();
        },
      });
      await store.listDefinitions();
      const resetting = store.reset();
      await seedAsked;
      await other.upsertCustomer({ id: 'ana', channel: 'whatsapp', number: '+4915123456789', name: 'Ana Other' });
      release();
      await resetting;
      const named: AudienceQuery = { match: 'all', conditions: [{ property: 'name', operator: 'is-set' }] };
      expect(await everyPage(store, named)).to.deep.equal(['ana', 'ben', 'cem']);
      expect((await store.getCustomer('ana')).name).to.equal('Ana');
      // A seed a write would refuse changes nothing.
      await rejection(
        store.reset({ customers: [{ id: '', number: '1', name: 'Nobody', revision: 1, properties: {} }] }),
        'invalid',
      );
      expect(await everyPage(store, named)).to.deep.equal(['ana', 'ben', 'cem']);
      await Promise.all([store.close(), other.close()]);
      await IndexedDbStore.deleteDatabase(name);
    });
    it('takes writes from two tabs to customers of one block at once: each leaves the block, neither is lost', async () => {
      const name = uniqueName();
      const data = seed();
      data.customers.push(...many(20));
      const one = new IndexedDbStore({ name, seed: data });
      const two = new IndexedDbStore({ name, seed: data });
      const ids = data.customers.map((c) => c.id).filter((id) => id.startsWith('x'));
      const results = await Promise.allSettled(
        ids.map((id, i) => (i % 2 ? one : two).updateCustomer(id, { favorite_color: 'red' }, { revision: 1 })),
      );
      expect(results.every((result) => result.status === 'fulfilled')).to.equal(true);
      // The same customer from both at once: one write, one conflict.
      const both = await Promise.allSettled([
        one.updateCustomer('ben', { age: '20' }, { revision: 1 }),
        two.updateCustomer('ben', { age: '21' }, { revision: 1 }),
      ]);
      expect(both.map((result) => result.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
      expect(await everyPage(one, colour('red'))).to.deep.equal(['ana', ...ids]);
      expect(await everyPage(two, colour('green'))).to.deep.equal([]);
      expect(await two.countValues('favorite_color')).to.equal(coloured(data.customers));
      expect((await two.getCustomer('ben')).revision).to.equal(2);
      await Promise.all([one.close(), two.close()]);
      await IndexedDbStore.deleteDatabase(name);
    });
  });

  describe('schema upgrade from version 3', () => {
    /** A database as version 3 of the library left it: one record per customer, under the value index. */
    async function versionThree(name: string, data: ReturnType<typeof seed>): Promise<void> {
      const db = await openRaw(`customer-properties:${name}`, 3, (db) => {
        db.createObjectStore('definitions', { keyPath: 'name' });
        const customers = db.createObjectStore('customers', { keyPath: 'id' });
        customers.createIndex(VALUE_INDEX, INDEX_FIELD, { multiEntry: true });
        db.createObjectStore('meta');
        db.createObjectStore('audiences', { keyPath: 'id' });
      });
      const tx = db.transaction(['definitions', 'customers', 'meta'], 'readwrite');
      for (const def of data.definitions) tx.objectStore('definitions').put(def);
      for (const customer of data.customers) tx.objectStore('customers').put(toRecord(customer));
      tx.objectStore('meta').put(true, 'seeded');
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    }

    it('keeps every customer where it is, found through the index as before', async () => {
      const name = uniqueName();
      const data = seed();
      data.customers.push(...many(300));
      await versionThree(name, data);
      const store = new IndexedDbStore({ name, seed: { customers: [] } });
      for (const customer of data.customers) expect(await store.getCustomer(customer.id)).to.deep.equal(customer);
      const greens = data.customers.filter((c) => c.properties.favorite_color === 'green').map((c) => c.id);
      expect(await everyPage(store, colour('green'))).to.deep.equal(greens);
      expect(await store.countValues('favorite_color')).to.equal(coloured(data.customers));
      await store.updateCustomer('x0000', { favorite_color: 'red' }, { revision: 1 });
      expect(await everyPage(store, colour('red'))).to.deep.equal(['ana', 'x0000']);
      expect(await everyPage(store, colour('green'))).to.deep.equal(greens.slice(1));
      // A reset seeds into the new stores, and the upgraded records give way to it.
      await store.reset({ definitions: data.definitions, customers: many(10) });
      expect(await everyPage(store, colour('green'))).to.deep.equal(['x0000', 'x0003', 'x0006', 'x0009']);
      await rejection(store.getCustomer('ana'), 'not-found');
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });
  });
});
