// npm run bench (or `node --expose-gc --import tsx bench/memory-store.mjs [customers]`):
// MemoryStore.findCustomers over 1,000,000 customers in Node: a one-condition audience (the first
// page of 50 with its total, then the next page from its cursor), a three-condition one, and the
// heap a query allocates. Prints one BENCH_JSON line for bench/run.mjs.
import { MemoryStore } from '../src/storage/memory-store.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = 10;
const NOW = new Date('2026-11-27T12:00:00Z');
const base = { showToAgent: true, showToCustomer: false, access: { '*': 'edit' } };
const colors = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'];
const definitions = [
  {
    ...base,
    name: 'favorite_color',
    label: 'Favorite color',
    type: 'single-choice',
    options: colors.map((value) => ({ value, label: value })),
  },
  { ...base, name: 'last_visit', label: 'Last visit', type: 'date' },
  { ...base, name: 'spent', label: 'Spent', type: 'number' },
];

function* customers(n) {
  for (let i = 0; i < n; i++) {
    yield {
      id: `c${String(i).padStart(7, '0')}`,
      number: String(1_000_000 + i),
      name: `Customer ${i}`,
      channel: 'telegram',
      revision: 1,
      properties: {
        favorite_color: colors[i % colors.length],
        last_visit: new Date(NOW.getTime() - (i % 365) * 86_400_000).toISOString().slice(0, 10),
        spent: String(i % 1000),
      },
    };
  }
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), n: sorted.length };
};

let started = performance.now();
const store = new MemoryStore({ definitions, customers: [...customers(N)], now: () => NOW });
const seedSeconds = (performance.now() - started) / 1000;

const oneCondition = { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }] };
const threeConditions = {
  match: 'all',
  conditions: [
    { property: 'favorite_color', operator: 'in', value: ['red', 'blue'] },
    { property: 'last_visit', operator: 'within-last-days', value: 30 },
    { property: 'spent', operator: 'gte', value: '100' },
  ],
};

/** The first page (after a write, so no total is cached), then the next page from its cursor. */
async function measure(query) {
  const first = [];
  const next = [];
  const heap = [];
  let total = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // A write makes the data new: the first page counts every match again.
    const { revision } = await store.getCustomer('c0000000');
    await store.updateCustomer('c0000000', { name: `Customer 0 (${revision})` }, { revision });
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    started = performance.now();
    const page = await store.findCustomers(query, { limit: 50 });
    first.push(performance.now() - started);
    heap.push(process.memoryUsage().heapUsed - before);
    total = page.total;
    started = performance.now();
    await store.findCustomers(query, { limit: 50, cursor: page.cursor });
    next.push(performance.now() - started);
  }
  return { total, first: stats(first), next: stats(next), heapBytes: stats(heap) };
}

const summary = {
  customers: N,
  seedSeconds,
  oneCondition: await measure(oneCondition),
  threeConditions: await measure(threeConditions),
};
console.log(`BENCH_JSON ${JSON.stringify(summary)}`);
