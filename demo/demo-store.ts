// The browser-only demo's store: IndexedDB, seeded on first load (the static build uses it).
import { IndexedDbStore } from '../src/storage/indexeddb-store.js';
import { audiences, definitions, seedCustomers } from './seed.js';

export const store = new IndexedDbStore({
  name: 'demo',
  seed: () => ({ definitions, customers: seedCustomers(), audiences }),
  author: 'Demo agent',
});
