// CSV export and import of N customers (default 100,000) through MemoryStore, in Node:
//   node --expose-gc --import tsx bench/csv.ts [N]
// Time, and the heap the export or import itself takes (the peak above what the store holds),
// sampled every 5 ms and at every chunk, so a function that held the whole file would show it.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Customer, PropertyDefinition } from '../src/model/index.js';
import { exportCustomersCsv } from '../src/storage/csv-export.js';
import { importCustomersCsv } from '../src/storage/csv-import.js';
import { MemoryStore } from '../src/storage/memory-store.js';
import { options, SAMPLE, TYPES } from './sample.js';

const N = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc.');

const definitions: PropertyDefinition[] = TYPES.map((type, order) => ({
  name: `p_${type.replace('-', '_')}`,
  label: `P ${type}`,
  type,
  order,
  showToAgent: true,
  showToCustomer: false,
  access: { '*': 'edit' },
  ...(type.endsWith('choice') ? { options } : {}),
}));
const customers = (): Customer[] =>
  Array.from({ length: N }, (_, i) => ({
    id: `c${String(i).padStart(7, '0')}`,
    channel: 'telegram',
    number: String(100000 + i),
    name: `Customer ${i}`,
    revision: 1,
    properties: Object.fromEntries(definitions.map((def, t) => [def.name, SAMPLE[TYPES[t]!]])),
  }));

/** Runs `work`, sampling the heap; returns ms and the peak heap above the baseline, in MB. */
async function measure(
  work: (sample: () => void) => Promise<void>,
): Promise<{ ms: number; peakMb: number; keptMb: number }> {
  gc!();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 5);
  const start = performance.now();
  await work(sample);
  const ms = performance.now() - start;
  clearInterval(timer);
  sample();
  gc!();
  return { ms, peakMb: (peak - base) / 1048576, keptMb: (process.memoryUsage().heapUsed - base) / 1048576 };
}

const file = join(tmpdir(), `cp-bench-${process.pid}.csv`);
const everyone = { match: 'all' as const, conditions: [] };
const source = new MemoryStore({ definitions, customers: customers() });

const exported = await measure(async (sample) => {
  const out = createWriteStream(file);
  const reader = exportCustomersCsv(source, everyone, { pageSize: 1_000 }).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    sample();
    if (!out.write(next.value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
});
const bytes = (await stat(file)).size;

const fileStream = () =>
  Readable.toWeb(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) as ReadableStream<string>;

const dry = await measure(async (sample) => {
  const report = await importCustomersCsv(source, fileStream(), { dryRun: true, onProgress: sample });
  if (report.written !== N) throw new Error(`dry run: ${JSON.stringify(report).slice(0, 300)}`);
});

const target = new MemoryStore({ definitions });
const real = await measure(async (sample) => {
  const report = await importCustomersCsv(target, fileStream(), { onProgress: sample });
  if (report.created !== N) throw new Error(`import: ${JSON.stringify(report).slice(0, 300)}`);
});
gc();
const storeMb = process.memoryUsage().heapUsed / 1048576;
await unlink(file);

const mb = (n: number) => `${n.toFixed(1)} MB`;
console.log(
  `CSV of ${N.toLocaleString('en')} customers, ${TYPES.length} properties each (${mb(bytes / 1048576)} file), Node ${process.version}:`,
);
console.log(`| step | time | peak heap above the start (garbage included) | kept after it (gc) |`);
console.log(`|---|---|---|---|`);
const line = (step: string, m: { ms: number; peakMb: number; keptMb: number }) =>
  console.log(`| ${step} | ${(m.ms / 1000).toFixed(1)} s | ${mb(m.peakMb)} | ${mb(m.keptMb)} |`);
line('export (pages of 1,000, written to a file)', exported);
line('import, dry run (read from the file, matched by id, nothing written)', dry);
line('import into an empty store (every customer created: the store grows)', real);
console.log(`(heap after both stores are full: ${mb(storeMb)})`);
