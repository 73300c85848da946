// The panel at scale (issue 20): `<customer-details-panel>` in its default compact layout at
// N = 50 … 10,000 properties beside the plain-Lit floor, in fresh pages of headless Chromium:
// first render, one value changed in the store (the first row, on screen, and the last number
// row, off screen: from the store's event to the row laid out, and the store's own write beside
// it), and the JS heap per property. `npm run bench` runs it; alone (no build needed, the
// sources are served as the tests see them):
//   node bench/panel-scale.mjs [N,N,…] [pages]
import { startBench } from './serve.mjs';

const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const ms = (t) => (t >= 100 ? `${Math.round(t)} ms` : `${t.toFixed(1)} ms`);

/** Runs `call(...args)` in a fresh page of `file`, `times` times, and returns every figure. */
async function fresh(browser, origin, file, call, args, times) {
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

/**
 * The V8 heap (after a full GC) that `mount` adds in a fresh page, after `prepare` ran: bytes.
 * DOM nodes live in Blink's own heap and are not in this figure.
 */
async function heapAdded(browser, origin, file, prepare, mount, n) {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench/${file}`);
  await page.waitForFunction(() => 'bench' in window);
  const cdp = await page.createCDPSession();
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  if (prepare) await page.evaluate((name, a) => window.bench[name](a), prepare, n);
  const before = await used();
  await page.evaluate((name, a) => window.bench[name](a), mount, n);
  const after = await used();
  await page.close();
  return after - before;
}

/** Measures every N in `ns`; returns the rows and a markdown table. */
export async function measurePanelScale(browser, origin, ns = [50, 500, 2000, 10000], pages = 5) {
  const rows = [];
  for (const n of ns) {
    const few = n >= 10000 ? Math.min(pages, 3) : pages;
    const row = { n };
    row.litRender = median(await fresh(browser, origin, 'floors.html', 'litFirstRender', [n], few));
    row.litSkipRender = median(await fresh(browser, origin, 'floors.html', 'litFirstRender', [n, true], few));
    row.panelRender = median(await fresh(browser, origin, 'panel.html', 'compactFirstRender', [n], few));
    row.litUpdate = median(await fresh(browser, origin, 'floors.html', 'litUpdate', [n, 20], 1));
    row.panelUpdate = median(await fresh(browser, origin, 'panel.html', 'compactUpdateOne', [n, 20], 1));
    row.panelUpdateLast = median(
      await fresh(browser, origin, 'panel.html', 'compactUpdateOne', [n, 20, `p${Math.floor((n - 1) / 8) * 8}`], 1),
    );
    row.storeWrite = median(await fresh(browser, origin, 'panel.html', 'compactUpdateOne', [n, 20, 'p0', 'write'], 1));
    row.panelHeap = (await heapAdded(browser, origin, 'panel.html', 'compactPrepare', 'compactMount', n)) / n;
    row.litHeap = (await heapAdded(browser, origin, 'floors.html', undefined, 'litFirstRender', n)) / n;
    console.log(
      `  N=${n}: compact panel first render ${ms(row.panelRender)} | Lit ${ms(row.litRender)} (${(row.panelRender / row.litRender).toFixed(2)}×) | Lit with content-visibility ${ms(row.litSkipRender)}; update one: first row ${ms(row.panelUpdate)}, last row ${ms(row.panelUpdateLast)} | Lit ${ms(row.litUpdate)} | MemoryStore write ${ms(row.storeWrite)}; heap per property: panel ${Math.round(row.panelHeap)} B | Lit ${Math.round(row.litHeap)} B`,
    );
    rows.push(row);
  }
  const table = [
    '| N | first render: Lit / compact panel (panel ÷ Lit; goal ≤ 1.5) | Lit with `content-visibility` (panel ÷ it) | update one (from the store’s event to the row laid out), first row / last row: panel (goal < 16 ms, flat in N) / Lit | MemoryStore: the write up to its event | JS heap per property: panel / Lit (goal < 1 KB) |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.n.toLocaleString('en')} | ${ms(r.litRender)} / ${ms(r.panelRender)} (${(r.panelRender / r.litRender).toFixed(2)}×) | ${ms(r.litSkipRender)} (${(r.panelRender / r.litSkipRender).toFixed(2)}×) | ${ms(r.panelUpdate)} / ${ms(r.panelUpdateLast)} / ${ms(r.litUpdate)} | ${ms(r.storeWrite)} | ${Math.round(r.panelHeap)} B / ${Math.round(r.litHeap)} B |`,
    ),
  ];
  return { rows, table };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ns = process.argv[2] ? process.argv[2].split(',').map(Number) : undefined;
  const pages = process.argv[3] ? Number(process.argv[3]) : undefined;
  const { server, browser, origin } = await startBench(8767);
  try {
    const { table } = await measurePanelScale(browser, origin, ns, pages);
    console.log(`\n${table.join('\n')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
