import { expect } from 'chai';
import { rejection, runStoreConformance } from '../testing/store-conformance.js';
import { seed } from '../testing/seed.js';
import { IndexedDbStore } from './indexeddb-store.js';
import type { StoreEvent } from './property-store.js';

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
    const v1 = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`customer-properties:${name}`, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('definitions', { keyPath: 'name' });
        request.result.createObjectStore('customers', { keyPath: 'id' }).put(seed().customers[2]!);
        request.result.createObjectStore('meta').put(true, 'seeded');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
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
      const newer = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(store.databaseName, 2);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      expect((await store.getCustomer('ana')).properties.age).to.equal('40');
      newer.close();
      expect((await store.updateCustomer('ana', { age: '41' }, { revision: 2 })).revision).to.equal(3);
      await store.close();
      await IndexedDbStore.deleteDatabase(name);
    });
  });
});
