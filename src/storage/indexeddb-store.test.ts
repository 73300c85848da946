import { expect } from 'chai';
import { runStoreConformance } from '../internal/test/store-conformance.js';
import { seed } from '../internal/test/seed.js';
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
});
