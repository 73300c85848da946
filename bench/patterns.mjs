// npm run bench (or `node --import tsx bench/patterns.mjs`): a nested-repeat pattern against
// 10,000 letters in Node: the model's parseValue, and a whole PATCH through createPropertyServer
// over a MemoryStore (what a customer could send). RE2 makes both linear; a backtracking RegExp
// took 21.6 s on 28 letters. Prints one BENCH_JSON line for bench/run.mjs.
import { loadPatternEngine, parseValue } from '../src/model/index.ts';
import { createPropertyServer } from '../src/server/index.ts';
import { MemoryStore } from '../src/storage/memory-store.ts';

const ROUNDS = 20;
const def = {
  name: 'code',
  label: 'Code',
  type: 'text',
  pattern: '([a-z]+)+[0-9]',
  showToAgent: true,
  showToCustomer: true,
  access: { '*': 'edit' },
  order: 0,
};
const letters = 'a'.repeat(10_000);

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

await loadPatternEngine();
const parseTimes = [];
for (let i = 0; i < ROUNDS; i++) {
  const start = performance.now();
  const result = parseValue(def, letters);
  parseTimes.push(performance.now() - start);
  if (result.ok || result.error.code !== 'pattern.mismatch') throw new Error('expected pattern.mismatch');
}

const store = new MemoryStore({
  definitions: [def],
  customers: [{ id: 'c1', number: '+4915123456789', channel: 'whatsapp', properties: {}, revision: 1 }],
});
const server = createPropertyServer({
  store,
  authenticate: async () => ({ kind: 'user', id: 'u1', roles: ['agent'] }),
  profileSecret: 'bench-secret-bench-secret-bench-secret',
});
const patchTimes = [];
for (let i = 0; i < ROUNDS; i++) {
  const start = performance.now();
  const response = await server.fetch(
    new Request('http://bench/api/customers/c1', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' },
      body: JSON.stringify({ changes: { code: letters } }),
    }),
  );
  patchTimes.push(performance.now() - start);
  if (response.status !== 422) throw new Error(`expected 422, got ${response.status}`);
}

const summary = { parse: median(parseTimes), patch: median(patchTimes) };
console.log(
  `([a-z]+)+[0-9] on 10,000 letters: parseValue median ${summary.parse.median.toFixed(2)} ms; PATCH through the server ${summary.patch.median.toFixed(2)} ms`,
);
console.log(`BENCH_JSON ${JSON.stringify(summary)}`);
