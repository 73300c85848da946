// Measured in the browser by bench/run.mjs: findCustomers over 100,000 customers.
import type { AudienceQuery, PropertyDefinition } from '../src/model/index.js';
import { loadPatternEngine } from '../src/model/patterns.js';
import { parseValue } from '../src/model/values.js';
import { IndexedDbStore } from '../src/storage/indexeddb-store.js';
import { MemoryStore } from '../src/storage/memory-store.js';
import type { PropertyStore } from '../src/storage/property-store.js';
import { base, customers, definitions, NOW } from './find-sample.js';

const query: AudienceQuery = {
  match: 'all',
  conditions: [
    { property: 'favorite_color', operator: 'in', value: ['red', 'blue'] },
    { property: 'last_visit', operator: 'within-last-days', value: 30 },
    { property: 'spent', operator: 'gte', value: '100' },
  ],
};

/** One condition: the index answers it alone (issue 20's goal: < 300 ms over 100,000 in IndexedDB). */
const oneCondition: AudienceQuery = {
  match: 'all',
  conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }],
};

interface Timed {
  times: number[];
  total: number;
  /** The next page from the first page's cursor. */
  next: number[];
}

/**
 * Each round: `before` (a write, so a store's cached total is stale), the first page of 50, then
 * the next page from its cursor.
 */
async function time(
  store: PropertyStore,
  rounds: number,
  audience = query,
  before: () => Promise<unknown> = async () => undefined,
): Promise<Timed> {
  const times: number[] = [];
  const next: number[] = [];
  let total = 0;
  for (let i = 0; i < rounds; i++) {
    await before();
    let start = performance.now();
    const page = await store.findCustomers(audience, { limit: 50 });
    times.push(performance.now() - start);
    total = page.total;
    start = performance.now();
    await store.findCustomers(audience, { limit: 50, ...(page.cursor ? { cursor: page.cursor } : {}) });
    next.push(performance.now() - start);
  }
  return { times, total, next };
}

async function memory(n: number, rounds: number) {
  const store = new MemoryStore({ definitions, customers: customers(n), now: () => NOW });
  // A write before each first page: MemoryStore reuses a query's total only over unchanged data.
  const write = async () => {
    const { revision } = await store.getCustomer('c000000');
    await store.updateCustomer('c000000', { name: `Customer 0 (${revision})` }, { revision });
  };
  return { three: await time(store, rounds, query, write), one: await time(store, rounds, oneCondition, write) };
}

/**
 * Seeds `n` customers (timed, to the first answer), then the three-condition and the one-condition
 * audience, then the first write of `rounds` seeded customers.
 */
async function indexedDb(n: number, rounds: number) {
  const name = `bench-${Date.now()}`;
  const seed = { definitions, customers: customers(n) };
  const started = performance.now();
  const store = new IndexedDbStore({ name, seed, now: () => NOW });
  await store.listDefinitions();
  const seeding = performance.now() - started;
  try {
    const results = { seeding, three: await time(store, rounds), one: await time(store, rounds, oneCondition) };
    // A seeded customer's first write moves it out of its block (and its ids out of the postings).
    const firstWrites: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const id = `c${String(1 + i * 7919).padStart(6, '0')}`;
      const start = performance.now();
      await store.updateCustomer(id, { favorite_color: 'red' }, { revision: 1 });
      firstWrites.push(performance.now() - start);
    }
    return { ...results, firstWrites };
  } finally {
    await store.close();
    await IndexedDbStore.deleteDatabase(name);
  }
}

/** `([a-z]+)+[0-9]` against 10,000 letters: RE2's load (once, in this fresh page), then parseValue each round. */
async function patterns(rounds: number): Promise<{ load: number; times: number[] }> {
  const def: PropertyDefinition = {
    ...base,
    order: 0,
    name: 'code',
    label: 'Code',
    type: 'text',
    pattern: '([a-z]+)+[0-9]',
  };
  const letters = 'a'.repeat(10_000);
  const started = performance.now();
  await loadPatternEngine();
  const load = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const result = parseValue(def, letters);
    times.push(performance.now() - start);
    if (result.ok || result.error.code !== 'pattern.mismatch') throw new Error('expected pattern.mismatch');
  }
  return { load, times };
}

(window as unknown as { bench: object }).bench = { memory, indexedDb, patterns };
