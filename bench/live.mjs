// The live stream under load: 200 RestStores (agents, admins, customers) listening on one server
// instance while a writer changes customers 20 times a second for 30 s. Every stream must get
// exactly the events its principal may see; prints the delay from a write to its arrival and the
// heap over the run (clients and server share this process). By hand:
//   node --expose-gc --import tsx bench/live.mjs                     MemoryStore
//   node --expose-gc --import tsx bench/live.mjs --postgres          PostgresStore on PGlite (LISTEN/NOTIFY)
//   node --expose-gc --import tsx bench/live.mjs --streams 50 --seconds 5
import { runLiveLoad, LOAD_DEFINITIONS, loadCustomers } from '../src/internal/test/live-load.ts';
import { MemoryStore } from '../src/storage/memory-store.ts';
import { PostgresStore } from '../src/server/postgres-store.ts';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(args[at + 1]);
};
const seed = { definitions: LOAD_DEFINITIONS, customers: loadCustomers() };
const store = args.includes('--postgres')
  ? await PostgresStore.open({
      seed,
      ...(process.env.DATABASE_URL ? { connectionString: process.env.DATABASE_URL } : {}),
    })
  : new MemoryStore(seed);
const result = await runLiveLoad(store, {
  streams: option('streams', 200),
  rate: option('rate', 20),
  seconds: option('seconds', 30),
});
await store.close?.();
console.log(
  `${result.streams} streams, ${result.writes} writes: ${result.delivered} of ${result.expected} events delivered, ` +
    `${result.wrong} streams wrong; delay median ${result.delay.median} ms, p99 ${result.delay.p99} ms, max ${result.delay.max} ms; ` +
    `heap ${result.heap.start} MB → ${result.heap.end} MB (samples every 5 s: ${result.heap.samples.join(', ')})`,
);
console.log(`BENCH_JSON ${JSON.stringify(result)}`);
process.exit(result.wrong === 0 && result.delivered === result.expected ? 0 : 1);
