// PostgresStore.findCustomers over many generated customers: the total and the first page of 50,
// for a one-condition and a four-condition audience, with EXPLAIN ANALYZE of the SQL it runs.
// `npm run bench` runs it on PGlite with 100,000 customers (and on DATABASE_URL's server too, when set),
// reading the last line, `BENCH_JSON {…}`. By hand:
//   node --import tsx bench/postgres.mjs                      PGlite in memory, 100,000 customers
//   node --import tsx bench/postgres.mjs --customers 1000000  on DATABASE_URL (a database of its own, dropped after)
//   bash scripts/with-postgres.sh node --import tsx bench/postgres.mjs --server --customers 1000000
import pg from 'pg';
import { PostgresStore } from '../src/server/postgres-store.ts';
import { SqlParams, audienceSql } from '../src/server/postgres/audience-sql.ts';
import { withBuiltIns } from '../src/storage/store-rules.ts';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at < 0 ? fallback : args[at + 1];
};
const onServer = args.includes('--server');
const total = Number(option('customers', '100000'));
const runs = Number(option('runs', '7'));
const NOW = new Date('2026-11-30T12:00:00Z');

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' } };
const choice = (values) => values.map((value) => ({ value, label: value }));
const DEFINITIONS = [
  {
    ...base,
    name: 'tier',
    label: 'Tier',
    type: 'single-choice',
    order: 0,
    options: choice(['gold', 'silver', 'bronze', 'basic', 'trial']),
  },
  { ...base, name: 'age', label: 'Age', type: 'number', order: 1 },
  {
    ...base,
    name: 'channels',
    label: 'Channels',
    type: 'multiple-choice',
    order: 2,
    options: choice(['whatsapp', 'telegram', 'email']),
  },
  { ...base, name: 'signup', label: 'Signed up', type: 'date', order: 3 },
  { ...base, name: 'city', label: 'City', type: 'word', order: 4 },
  { ...base, name: 'home', label: 'Home', type: 'location', order: 5 },
];

const QUERIES = {
  'one condition (tier in [gold])': {
    match: 'all',
    conditions: [{ property: 'tier', operator: 'in', value: ['gold'] }],
  },
  'four conditions (tier in [gold, silver], age 30–50, channels has-any [whatsapp], signed up in the last 365 days)': {
    match: 'all',
    conditions: [
      { property: 'tier', operator: 'in', value: ['gold', 'silver'] },
      { property: 'age', operator: 'between', value: ['30', '50'] },
      { property: 'channels', operator: 'has-any', value: ['whatsapp'] },
      { property: 'signup', operator: 'within-last-days', value: 365 },
    ],
  },
};

// Customers made by the database itself, deterministic (hashint4 of the row number). The values
// are ASCII, so lower() folds them as JavaScript's toLowerCase does for the `folded` column.
const GENERATE = `
  WITH g AS (SELECT n, jsonb_strip_nulls(jsonb_build_object(
      'tier', (ARRAY['gold','silver','bronze','basic','trial'])[1 + abs(hashint4(n * 7 + 1)) % 5],
      'age', CASE WHEN abs(hashint4(n * 7 + 2)) % 5 <> 0 THEN (18 + abs(hashint4(n * 7 + 3)) % 70)::text END,
      'channels', (SELECT jsonb_agg(c ORDER BY i) FROM unnest(ARRAY['whatsapp','telegram','email']) WITH ORDINALITY AS t(c, i)
                   WHERE ((1 + abs(hashint4(n * 7 + 4)) % 7) >> (i::int - 1)) & 1 = 1),
      'signup', to_char(date '2019-01-01' + abs(hashint4(n * 7 + 5)) % 2900, 'YYYY-MM-DD'),
      'city', (ARRAY['Berlin','Paris','Lima','Tokyo','Oslo'])[1 + abs(hashint4(n * 7 + 6)) % 5],
      'home', jsonb_build_object('lat', 40 + (abs(hashint4(n * 7 + 7)) % 20000) / 1000.0, 'lng', (abs(hashint4(n * 7 + 8)) % 30000) / 1000.0)
    )) AS p
    FROM generate_series($1::int, $2::int) AS n)
  INSERT INTO customers (id, channel, number, name, properties, folded, revision)
  SELECT 'c' || lpad(n::text, 8, '0'), 'telegram', n::text, 'Customer ' || n, p,
         (SELECT jsonb_object_agg(key, lower(value #>> '{}')) FROM jsonb_each(p) WHERE jsonb_typeof(value) = 'string')
           || jsonb_build_object('name', 'customer ' || n, 'number', n::text),
         1
  FROM g`;

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

// The store, and a connection of the benchmark's own to the same database for loading and EXPLAIN.
let storeOptions;
let runSql;
let finish;
if (onServer) {
  if (!process.env.DATABASE_URL)
    throw new Error('--server needs DATABASE_URL (or run it through scripts/with-postgres.sh)');
  const name = `cp_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  storeOptions = { connectionString: url.toString() };
  runSql = async (text, params) => (await client.query(text, params)).rows;
  finish = async () => {
    await client.end();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  };
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create();
  storeOptions = { client: pglite };
  runSql = async (text, params) => (await pglite.query(text, params)).rows;
  finish = () => pglite.close();
}
const store = await PostgresStore.open({ ...storeOptions, seed: { definitions: DEFINITIONS } });
const sql = { query: runSql };

const started = performance.now();
const batch = 100_000;
for (let from = 1; from <= total; from += batch) {
  await sql.query(GENERATE, [from, Math.min(total, from + batch - 1)]);
}
await sql.query('ANALYZE customers');
const loaded = performance.now() - started;
console.log(
  `${onServer ? 'PostgreSQL server' : 'PGlite'}: ${total.toLocaleString('en')} customers generated and analysed in ${(loaded / 1000).toFixed(1)} s`,
);
console.log((await sql.query('SELECT version()'))[0].version);

const definitions = withBuiltIns(await store.listDefinitions());
const summary = {
  where: onServer ? 'PostgreSQL server' : 'PGlite',
  customers: total,
  audiences: [],
  writes: undefined,
};
for (const [label, query] of Object.entries(QUERIES)) {
  const times = [];
  let result;
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    result = await store.findCustomers(query, { limit: 50, now: NOW });
    if (i > 0) times.push(performance.now() - t); // the first run warms caches and plans
  }
  const { median: m, min, max } = median(times);
  console.log(`\n${label}: total ${result.total.toLocaleString('en')}, first page ${result.customers.length}`);
  console.log(
    `  findCustomers (count + first page of 50): median ${m.toFixed(1)} ms (min ${min.toFixed(1)}, max ${max.toFixed(1)}, n=${times.length})`,
  );
  summary.audiences.push({ label, total: result.total, median: m, min, max, n: times.length });

  const params = new SqlParams();
  const where = audienceSql(query, definitions, params, { now: NOW });
  const n = params.values.length;
  for (const [what, text, values] of [
    [
      'page',
      `SELECT id, channel, number, name, properties, revision, changed FROM customers c WHERE ${where} ORDER BY c.id LIMIT $${n + 1}::int`,
      [...params.values, 51],
    ],
    ['count', `SELECT count(*)::int AS total FROM customers c WHERE ${where}`, params.values],
  ]) {
    const plan = await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    console.log(`  EXPLAIN ANALYZE (${what}):\n${plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n')}`);
  }
}

// updateCustomer from 8 clients at once, each writing its own customers' fields with the revision it
// read (the server's pool serves them in parallel; PGlite, one connection, in turn).
const CLIENTS = 8;
const WRITES_EACH = Number(option('writes', '250'));
const writeStart = performance.now();
let conflicts = 0;
await Promise.all(
  Array.from({ length: CLIENTS }, async (_, client) => {
    for (let i = 0; i < WRITES_EACH; i++) {
      const id = `c${String(1 + (((client * WRITES_EACH + i) * 7919) % total)).padStart(8, '0')}`;
      const current = await store.getCustomer(id);
      try {
        await store.updateCustomer(
          id,
          { city: `City${client}x${i}` },
          { revision: current.revision, author: `bench-${client}` },
        );
      } catch {
        conflicts++;
      }
    }
  }),
);
const writeSeconds = (performance.now() - writeStart) / 1000;
const writes = CLIENTS * WRITES_EACH;
summary.writes = { clients: CLIENTS, writes, seconds: writeSeconds, perSecond: writes / writeSeconds, conflicts };
console.log(
  `\nupdateCustomer, ${CLIENTS} clients: ${writes} writes (each after a read) in ${writeSeconds.toFixed(1)} s, ${(writes / writeSeconds).toFixed(0)} writes/s, ${conflicts} conflicts`,
);

await store.close();
await finish();
console.log(`BENCH_JSON ${JSON.stringify(summary)}`);
