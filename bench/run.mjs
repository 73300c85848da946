// npm run bench: sizes and speeds, measured in one run, in headless Chromium as in the tests.
// The full comparison against the plain-DOM and plain-Lit floors arrives with the bench issue;
// this measures what the elements so far promise.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser } from '../scripts/browser.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function size(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    tsconfig: 'tsconfig.json',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${median.toFixed(2)} ms (min ${sorted[0].toFixed(2)}, max ${sorted.at(-1).toFixed(2)}, n=${sorted.length})`;
}

console.log('Sizes (esbuild --bundle --minify, Lit and date-fns included, gzip -9):');
for (const [name, entry] of [
  ['<property-editor> with its dependencies', 'src/elements/property-editor/property-editor.ts'],
  ['<location-picker> with its dependencies', 'src/elements/location-picker/location-picker.ts'],
  ['customer-properties/model', 'src/model/index.ts'],
  ['the whole library (src/index.ts)', 'src/index.ts'],
]) {
  const { minified, gzip } = await size(entry);
  console.log(`  ${name}: ${kb(minified)} minified, ${kb(gzip)} gzip`);
}

const executablePath = findBrowser();
if (!executablePath) {
  console.error('No Chromium found: run `npm test` once (it installs one) or set CHROME_PATH.');
  process.exit(1);
}
const server = await startDevServer({
  config: {
    rootDir: '.',
    port: 8765,
    nodeResolve: { exportConditions: ['browser', 'production'] },
    plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await puppeteer.launch({ executablePath, args: BROWSER_ARGS, headless: true });
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${server.server.address().port}/bench/combobox.html`);
  await page.waitForFunction(() => 'bench' in window);
  await page.evaluate(() => window.bench.filterBench(2)); // warm-up
  const times = await page.evaluate(() => window.bench.filterBench(10));
  console.log('\nSpeed (headless Chromium):');
  console.log(`  5,000-option combobox, keystroke to filtered list in the DOM: ${stats(times)}`);

  for (const n of [50, 500, 2000]) {
    const renders = [];
    for (let i = 0; i < 5; i++) {
      // A fresh page for each first render, so nothing is warm but the browser.
      const fresh = await browser.newPage();
      await fresh.goto(`http://localhost:${server.server.address().port}/bench/panel.html`);
      await fresh.waitForFunction(() => 'bench' in window);
      renders.push(await fresh.evaluate((count) => window.bench.firstRender(count), n));
      await fresh.close();
    }
    const panelPage = await browser.newPage();
    await panelPage.goto(`http://localhost:${server.server.address().port}/bench/panel.html`);
    await panelPage.waitForFunction(() => 'bench' in window);
    const updates = await panelPage.evaluate((count) => window.bench.updateOne(count, 20), n);
    await panelPage.close();
    console.log(`  <customer-details-panel>, ${n} properties: first render ${stats(renders)}`);
    console.log(`  <customer-details-panel>, ${n} properties: one value changed elsewhere to shown ${stats(updates)}`);
  }

  const findPage = await browser.newPage();
  await findPage.goto(`http://localhost:${server.server.address().port}/bench/find.html`);
  await findPage.waitForFunction(() => 'bench' in window);
  const inMemory = await findPage.evaluate(() => window.bench.memory(100_000, 10));
  console.log(`  findCustomers, 100,000 customers, MemoryStore (${inMemory.total} match): ${stats(inMemory.times)}`);
  const inIndexedDb = await findPage.evaluate(() => window.bench.indexedDb(100_000, 5));
  console.log(`  findCustomers, 100,000 customers, IndexedDbStore (${inIndexedDb.total} match): ${stats(inIndexedDb.times)}`);
} finally {
  await browser.close();
  await server.stop();
}
