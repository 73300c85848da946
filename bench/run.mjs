// npm run bench: sizes and speeds, measured in one run, in headless Chromium as in the tests:
// the hand-written DOM and plain-Lit floors beside the panel, each first render in a fresh page;
// then PostgresStore (bench/postgres.mjs).
import { spawn } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { startBench } from './serve.mjs';
import { preparePeers } from './peers/prepare.mjs';
import { measurePanelScale } from './panel-scale.mjs';
import {
  formatReport,
  kb,
  markdownPageRows,
  markdownRows,
  measurePages,
  measureSizes,
  readBudgets,
} from '../scripts/size-lib.mjs';

/** The newest change to the library's sources, to tell whether dist/ was built from them. */
async function newestSource(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${median.toFixed(2)} ms (min ${sorted[0].toFixed(2)}, max ${sorted.at(-1).toFixed(2)}, n=${sorted.length})`;
}

// Sizes: the same figures as the build's size check (scripts/size-lib.mjs), measured from dist/.
const built = await stat('dist/customer-properties.bundle.js').catch(() => undefined);
if (!built || built.mtimeMs < (await newestSource('src'))) {
  console.error('dist/ is missing or older than src/: run `npm run build` first (the sizes are measured from it).');
  process.exit(1);
}
const sizeBudgets = await readBudgets();
const entryRows = await measureSizes();
const pageRows = await measurePages(sizeBudgets);
const sizeRows = [...entryRows, ...pageRows];
console.log(
  'Sizes (minified, gzip -9; entries and pages bundled by esbuild from dist/, the bundle as rollup wrote it):',
);
console.log(formatReport(sizeRows, sizeBudgets).text);
const sizeLines = markdownRows(entryRows, sizeBudgets);
const pageLines = markdownPageRows(pageRows, sizeBudgets);

// The panel's page bundled (esbuild, as a host's build would), with <location-picker> imported up
// front and on demand: what loading it on demand costs a first render with location fields.
for (const [name, entry] of [
  ['panel-upfront', 'bench/panel.ts'],
  ['panel-on-demand', 'bench/panel-bench.ts'],
]) {
  await esbuild({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: `bench/results/${name}`,
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
  });
  const script = entry.replace('bench/', '').replace('.ts', '.js');
  await writeFile(
    `bench/results/${name}/index.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="./${script}"></script></body></html>\n`,
  );
}

// The peers (bench/peers/: their own package, installed here on demand): built, and their page size.
const peerSizes = await preparePeers();
const PEERS = [
  ['rjsf', 'react-jsonschema-form'],
  ['jsonforms', 'JSON Forms'],
];

const measured = {};
const { server, browser, origin } = await startBench(8765);
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench/combobox.html`);
  await page.waitForFunction(() => 'bench' in window);
  await page.evaluate(() => window.bench.filterBench(2)); // warm-up
  const times = await page.evaluate(() => window.bench.filterBench(10));
  console.log('\nSpeed (headless Chromium):');
  console.log(`  5,000-option combobox, keystroke to filtered list in the DOM: ${stats(times)}`);

  /** Runs `call(args)` in a fresh page of `file`, `times` times, and returns every figure. */
  async function fresh(file, call, args, times) {
    const figures = [];
    for (let i = 0; i < times; i++) {
      const page = await browser.newPage();
      await page.goto(`${origin}/bench/${file}`);
      await page.waitForFunction(() => 'bench' in window);
      const result = await page.evaluate((name, a) => window.bench[name](...a), call, args);
      figures.push(...(Array.isArray(result) ? result : [result]));
      await page.close();
    }
    return figures;
  }
  const ms = (t) => (t >= 100 ? `${Math.round(t)} ms` : `${t.toFixed(1)} ms`);
  const signed = (t) => `${t < 0 ? '−' : '+'}${ms(Math.abs(t))}`;
  const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  const rows = [];
  let bigChoice;
  for (const n of [50, 500, 2000]) {
    const row = { n };
    row.handRender = await fresh('floors.html', 'handFirstRender', [n], 5);
    row.litRender = await fresh('floors.html', 'litFirstRender', [n], 5);
    row.litSkipRender = await fresh('floors.html', 'litFirstRender', [n, true], 5);
    row.panelRender = await fresh('panel.html', 'firstRender', [n], 5);
    row.handUpdate = await fresh('floors.html', 'handUpdate', [n, 20], 1);
    row.litUpdate = await fresh('floors.html', 'litUpdate', [n, 20], 1);
    row.panelUpdate = await fresh('panel.html', 'updateOne', [n, 20], 1);
    // Validation shows a message once: each measure in a fresh page.
    row.handValidate = await fresh('floors.html', 'handValidate', [n, 1], 5);
    row.litValidate = await fresh('floors.html', 'litValidate', [n, 1], 5);
    row.formValidate = await fresh('floors.html', 'formValidate', [n, 1], 5);
    rows.push(row);
    if (n === 500) {
      // The extra field: one single choice with 5,000 options, first in the list. What it
      // adds to a first render: a native <select> in the hand-written floor, a combobox in the panel.
      const handBig = await fresh('floors.html', 'handFirstRender', [n, true], 5);
      const panelBig = await fresh('panel.html', 'firstRender', [n, true], 5);
      bigChoice = {
        handWithout: median(row.handRender),
        hand: median(handBig),
        panelWithout: median(row.panelRender),
        panel: median(panelBig),
      };
      console.log(`  N=500 + a 5,000-option single choice: hand ${stats(handBig)} | panel ${stats(panelBig)}`);
    }
    console.log(
      `  N=${n}: first render hand ${stats(row.handRender)} | Lit ${stats(row.litRender)} | Lit, off-screen rows skipped ${stats(row.litSkipRender)} | panel ${stats(row.panelRender)}`,
    );
    console.log(
      `  N=${n}: update one   hand ${stats(row.handUpdate)} | Lit ${stats(row.litUpdate)} | panel ${stats(row.panelUpdate)}`,
    );
    console.log(
      `  N=${n}: validate all hand ${stats(row.handValidate)} | Lit ${stats(row.litValidate)} | profile form ${stats(row.formValidate)}`,
    );
  }
  // <location-picker> on demand against imported up front, bundled: N = 50 and 500, fresh pages.
  const onDemand = [];
  for (const n of [50, 500]) {
    const upfront = median(await fresh('results/panel-upfront/index.html', 'firstRender', [n], 5));
    const lazy = median(await fresh('results/panel-on-demand/index.html', 'firstRender', [n], 5));
    console.log(`  N=${n}: first render, bundled, the location picker up front ${ms(upfront)} | on demand ${ms(lazy)}`);
    onDemand.push(`N = ${n}: ${ms(upfront)} → ${ms(lazy)} (${signed(lazy - upfront)})`);
  }

  // The same workload in the peers: N fields of the eight types, first render in a fresh page,
  // one value changed from outside (new form data) 20 times in one page.
  const peerRows = [];
  for (const r of rows) {
    const row = { n: r.n, panelRender: median(r.panelRender), panelUpdate: median(r.panelUpdate) };
    for (const [peer] of PEERS) {
      row[peer] = {
        render: median(await fresh('peers/peers.html', 'firstRender', [peer, r.n], r.n >= 2000 ? 3 : 5)),
        update: median(await fresh('peers/peers.html', 'updateOne', [peer, r.n, 20], 1)),
      };
    }
    console.log(
      `  N=${r.n}: peers, first render rjsf ${ms(row.rjsf.render)} | JSON Forms ${ms(row.jsonforms.render)}; update one rjsf ${ms(row.rjsf.update)} | JSON Forms ${ms(row.jsonforms.update)}`,
    );
    peerRows.push(row);
  }
  measured.peers = [
    '| N | first render: panel / react-jsonschema-form / JSON Forms | update one value: panel / react-jsonschema-form / JSON Forms |',
    '|---|---|---|',
    ...peerRows.map(
      (p) =>
        `| ${p.n} | ${ms(p.panelRender)} / ${ms(p.rjsf.render)} / ${ms(p.jsonforms.render)} | ${ms(p.panelUpdate)} / ${ms(p.rjsf.update)} / ${ms(p.jsonforms.update)} |`,
    ),
    `| page size, gzip -9 | the agent panel page ${kb(pageRows.find((row) => row.key === 'page agent panel').gzip)} / ${kb(peerSizes.rjsf.gzip)} / ${kb(peerSizes.jsonforms.gzip)} (each with React 19 and its validator) | |`,
  ];
  console.log(`\n${measured.peers.join('\n')}`);

  // The compact panel (the default layout) at N = 50 … 10,000 beside plain Lit (bench/panel-scale.mjs).
  console.log('\nThe compact panel at scale:');
  measured.scale = (await measurePanelScale(browser, origin)).table;
  console.log(`\n${measured.scale.join('\n')}`);

  const table = [
    "| N | first render: hand / Lit / panel (panel ÷ Lit; goal ≤ 1.5) | first render: Lit with the panel's `content-visibility` rule (panel ÷ it) | update one: hand / Lit / panel (goal < 16 ms) | validate all: hand / Lit / profile form Save (goal < 20 ms) |",
    '|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const [hr, lr, pr] = [median(r.handRender), median(r.litRender), median(r.panelRender)];
    const [hu, lu, pu] = [median(r.handUpdate), median(r.litUpdate), median(r.panelUpdate)];
    const [hv, lv, pv] = [median(r.handValidate), median(r.litValidate), median(r.formValidate)];
    const ls = median(r.litSkipRender);
    table.push(
      `| ${r.n} | ${ms(hr)} / ${ms(lr)} / ${ms(pr)} (${(pr / lr).toFixed(1)}×) | ${ms(ls)} (${(pr / ls).toFixed(1)}×) | ${ms(hu)} / ${ms(lu)} / ${ms(pu)} | ${ms(hv)} / ${ms(lv)} / ${ms(pv)} |`,
    );
  }
  console.log(`\n${table.join('\n')}`);
  measured.table = table;
  measured.chromium = await browser.version();
  const findPage = await browser.newPage();
  await findPage.goto(`${origin}/bench/find.html`);
  await findPage.waitForFunction(() => 'bench' in window);
  const patterns = await findPage.evaluate(() => window.bench.patterns(20));
  console.log(
    `  ([a-z]+)+[0-9] against 10,000 letters, parseValue in Chromium: ${stats(patterns.times)}; RE2 loaded on demand in ${patterns.load.toFixed(0)} ms`,
  );
  const inMemory = await findPage.evaluate(() => window.bench.memory(100_000, 10));
  const inIndexedDb = await findPage.evaluate(() => window.bench.indexedDb(100_000, 5));
  const findLines = [
    ['MemoryStore, 100,000, three conditions', inMemory.three],
    ['MemoryStore, 100,000, one condition', inMemory.one],
    ['IndexedDbStore, 100,000, three conditions (one read from the index)', inIndexedDb.three],
    ['IndexedDbStore, 100,000, one condition (goal < 300 ms)', inIndexedDb.one],
  ].map(
    ([label, r]) =>
      `| findCustomers, ${label} (${r.total.toLocaleString('en')} match): first page / next page | ${stats(r.times)} / ${stats(r.next)} |`,
  );
  for (const line of findLines) console.log(`  ${line}`);
  const seeding = `| IndexedDbStore: seeding 100,000 customers, to the first answer (goal < 5 s) | ${(inIndexedDb.seeding / 1000).toFixed(1)} s |`;
  const firstWrite = `| IndexedDbStore, 100,000 seeded: the first write of a seeded customer (it leaves its block) | ${stats(inIndexedDb.firstWrites)} |`;
  console.log(`  ${seeding}\n  ${firstWrite}`);
  measured.other = [
    `| a 5,000-option single choice added to N = 500, first render without → with it (goal: it costs the panel less than the native \`<select>\` costs the hand-written floor) | hand ${ms(bigChoice.handWithout)} → ${ms(bigChoice.hand)} (${signed(bigChoice.hand - bigChoice.handWithout)}); panel ${ms(bigChoice.panelWithout)} → ${ms(bigChoice.panel)} (${signed(bigChoice.panel - bigChoice.panelWithout)}); medians of 5 fresh pages each |`,
    `| 5,000-option combobox: keystroke to filtered list | ${stats(times)} |`,
    `| the panel's page bundled (esbuild), first render with location fields: \`<location-picker>\` imported up front → on demand, preloaded when the definitions arrive (a MemoryStore answers at once, so nothing hides the load); medians of 5 fresh pages | ${onDemand.join('; ')} |`,
    ...findLines,
    seeding,
    firstWrite,
    `| \`([a-z]+)+[0-9]\` against 10,000 letters, \`parseValue\` in Chromium (RE2; goal: a few ms) | ${stats(patterns.times)}; RE2 loaded on demand in ${patterns.load.toFixed(0)} ms (dev server, unminified) |`,
  ];
} finally {
  await browser.close();
  await server.stop();
}

// The same pattern in Node: parseValue, and a PATCH through createPropertyServer (bench/patterns.mjs).
{
  const summary = await benchScript('bench/patterns.mjs', []);
  const figure = `parseValue median ${summary.parse.median.toFixed(2)} ms (max ${summary.parse.max.toFixed(1)}); PATCH through the server median ${summary.patch.median.toFixed(2)} ms (max ${summary.patch.max.toFixed(1)}), n=${summary.parse.n}`;
  console.log(`  ([a-z]+)+[0-9] against 10,000 letters in Node: ${figure}`);
  measured.other?.push(`| \`([a-z]+)+[0-9]\` against 10,000 letters in Node (RE2): | ${figure} |`);
}

// MemoryStore over 1,000,000 customers in Node (bench/memory-store.mjs).
{
  const summary = await benchScript('bench/memory-store.mjs', ['1000000'], ['--expose-gc']);
  for (const [label, r] of [
    ['one condition (goal < 200 ms; the next page cheaper)', summary.oneCondition],
    ['three conditions', summary.threeConditions],
  ]) {
    const line = `MemoryStore.findCustomers, ${summary.customers.toLocaleString('en')} customers in Node, ${label} (${r.total.toLocaleString('en')} match)`;
    const figure = `first page median ${r.first.median.toFixed(1)} ms (min ${r.first.min.toFixed(1)}, max ${r.first.max.toFixed(1)}); next page median ${r.next.median.toFixed(2)} ms; heap per first page ${(r.heapBytes.median / 2 ** 20).toFixed(1)} MB; n=${r.first.n}`;
    console.log(`  ${line}: ${figure}`);
    measured.other?.push(`| ${line} | ${figure} |`);
  }
}

// PostgresStore (bench/postgres.mjs): PGlite with 100,000 customers; DATABASE_URL's server with
// 1,000,000 too, when one is set.
const pgRuns = [['--customers', '100000']];
if (process.env.DATABASE_URL) pgRuns.push(['--server', '--customers', '1000000']);
for (const args of pgRuns) {
  const summary = await benchScript('bench/postgres.mjs', args);
  for (const audience of summary.audiences) {
    const line = `findCustomers, ${summary.customers.toLocaleString('en')} customers, ${summary.where}: ${audience.label} (${audience.total.toLocaleString('en')} match; count and first page of 50)`;
    const figure = `median ${audience.median.toFixed(1)} ms (min ${audience.min.toFixed(1)}, max ${audience.max.toFixed(1)}, n=${audience.n})`;
    console.log(`  ${line}: ${figure}`);
    measured.other?.push(`| ${line} | ${figure} |`);
  }
  const w = summary.writes;
  const writes = `${w.writes} writes (each after a read) in ${w.seconds.toFixed(1)} s: ${w.perSecond.toFixed(0)} writes/s, ${w.conflicts} conflicts`;
  console.log(`  updateCustomer, ${w.clients} concurrent clients, ${summary.where}: ${writes}`);
  measured.other?.push(`| updateCustomer, ${w.clients} concurrent clients, ${summary.where} | ${writes} |`);
}

/** Runs a bench script in Node (with tsx) and reads its summary line. */
function benchScript(script, args, nodeOptions = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
      if (code !== 0 || !line) reject(new Error(`${script} ${args.join(' ')} failed (exit ${code})`));
      else resolve(JSON.parse(line.slice('BENCH_JSON '.length)));
    });
  });
}

// The latest run goes into BENCHMARKS.md, between its markers.
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const doc = await readFile('BENCHMARKS.md', 'utf8');
if (doc.includes(start) && doc.includes(end) && measured.table) {
  const section = [
    start,
    `Latest \`npm run bench\`: ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${measured.chromium}. Medians (min–max in the console output); first render and "validate all" each once per fresh page, 5 pages; updates 20 in one page.`,
    '',
    ...measured.table,
    '',
    'The compact panel (the default layout) at scale, beside plain Lit (`node bench/panel-scale.mjs`; medians of 5 fresh pages, 3 at N = 10,000; updates 20 in one page, from the store’s event to the row laid out; heap after a full GC, V8 only):',
    '',
    ...measured.scale,
    '',
    '| what | figure |',
    '|---|---|',
    ...measured.other,
    '',
    'The peers on the same workload (bench/peers/: react-jsonschema-form 6.11 and JSON Forms 3.8 with its vanilla renderers, React 19.3, production builds; medians of 5 fresh pages, 3 at N = 2,000; updates 20 in one page):',
    '',
    ...measured.peers,
    '',
    '| page (issue 20; `npm run size`, size-pages/) | gzip | fails above | goal | against the goal | lazy gzip |',
    '|---|---|---|---|---|---|',
    ...pageLines,
    '',
    '| entry (`npm run size`: esbuild from dist/; the bundle as rollup wrote it) | minified | gzip | lazy chunks, gzip | budget |',
    '|---|---|---|---|---|',
    ...sizeLines,
    end,
  ].join('\n');
  await writeFile(
    'BENCHMARKS.md',
    doc.slice(0, doc.indexOf(start)) + section + doc.slice(doc.lastIndexOf(end) + end.length),
  );
  console.log('\nBENCHMARKS.md: the latest run is written between its bench markers.');
}
