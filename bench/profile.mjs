// node bench/profile.mjs [N] [page call args-json]: a CPU profile of the panel's first render at N
// fields (default 2,000), or of any bench page's function, in headless Chromium; prints the
// functions with the most self time and writes bench/results/profile.cpuprofile (open it in
// Chromium's DevTools, Performance tab).
import { mkdir, writeFile } from 'node:fs/promises';
import { startBench } from './serve.mjs';

const n = Number(process.argv[2] ?? 2000);
const [file = 'panel.html', call = 'firstRender', args = `[${n}]`] = process.argv.slice(3);
const { server, browser, origin } = await startBench(8766);
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench/${file}`);
  await page.waitForFunction(() => 'bench' in window);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const time = await page.evaluate((name, a) => window.bench[name](...a), call, JSON.parse(args));
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`${call}(${args}): ${JSON.stringify(time)}`);
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/profile.cpuprofile', JSON.stringify(profile));
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
} finally {
  await browser.close();
  await server.stop();
}
