// Takes docs/demo.png (the built demo's agent workspace) and docs/sidebar-light.png and
// docs/sidebar-dark.png (the customer details panel at 360 px, Chloé Martin) in headless Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';
import { buildDemo } from './build-demo.mjs';
import { serve } from './static-server.mjs';

const dir = await mkdtemp(join(tmpdir(), 'demo-shot-'));
await buildDemo(dir);
const server = await serve(dir);
const browser = await puppeteer.launch({ executablePath: findBrowser(), args: BROWSER_ARGS, headless: true });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#panel')?.shadowRoot?.querySelector('[part~="fields"]'));
  await page.click('#conversation-list button[data-customer="c-03"]');
  await page.waitForFunction(() =>
    document.querySelector('#panel').shadowRoot.querySelector('[part~="number"]')?.textContent.includes('+33'),
  );
  await page.type('#composer input', 'profile');
  await page.keyboard.press('Enter');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await page.screenshot({ path: 'docs/demo.png' });
  console.log('docs/demo.png written');

  // The sidebar on a 360 px screen, in the demo's light and dark themes (dark: color-scheme on <html>).
  await page.setViewport({ width: 360, height: 800, deviceScaleFactor: 2 });
  for (const theme of ['light', 'dark']) {
    await page.select('select[name="theme"]', theme);
    await page.waitForFunction(
      (dark) => document.documentElement.classList.contains('dark') === dark,
      {},
      theme === 'dark',
    );
    const panel = await page.$('.details');
    await panel.evaluate((el) => el.scrollIntoView());
    await new Promise((resolve) => setTimeout(resolve, 300));
    await panel.screenshot({ path: `docs/sidebar-${theme}.png`, captureBeyondViewport: false });
    console.log(`docs/sidebar-${theme}.png written`);
  }
} finally {
  await browser.close();
  server.close();
  await rm(dir, { recursive: true, force: true });
}
