// node bench/idb-seed.mjs [kind,kind,…] [n]: raw IndexedDB seeding strategies, and the store's own seeding.
import { startBench } from './serve.mjs';
const kinds = (process.argv[2] ?? 'plain,indexed,postings,blocks500,store').split(',');
const n = Number(process.argv[3] ?? 100_000);
const { server, browser, origin } = await startBench(0);
try {
  for (const kind of kinds) {
    const page = await browser.newPage();
    if (kind === 'store' || kind === 'find') {
      await page.goto(`${origin}/bench/find.html`);
      await page.waitForFunction(() => 'bench' in window);
      const r = await page.evaluate((n) => window.bench.indexedDb(n, 3), n);
      const med = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)].toFixed(0);
      console.log(
        `store: seeding ${r.seeding.toFixed(0)} ms; one condition ${med(r.one.times)} ms (${r.one.total}); three ${med(r.three.times)} ms (${r.three.total}); next pages ${med(r.one.next)} / ${med(r.three.next)} ms; first write of a seeded customer ${med(r.firstWrites)} ms`,
      );
    } else {
      await page.goto(`${origin}/bench/idb-seed.html`);
      await page.waitForFunction(() => 'seedBench' in window);
      const ms = await page.evaluate((k, n) => window.seedBench.run(k, n), kind, n);
      console.log(`${kind}: ${ms.toFixed(0)} ms for ${n}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
