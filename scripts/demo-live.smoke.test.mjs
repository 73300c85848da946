// Smoke test of the demo as `npm start` serves it (web-dev-server.config.mjs, with the demo's
// server at /api): the address it prints opens the demo, the server decides what each role sees,
// and the chat's "profile" reply is a signed link that opens the customer's own page. No console
// error on the way. Run by `npm test` (node --test).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';

let server, browser, page, origin, dataDir;

/** A port free right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
const problems = [];

before(async () => {
  // The demo's database in a folder of this run's own, not the developer's .demo-data/.
  dataDir = await mkdtemp(join(tmpdir(), 'demo-data-'));
  process.env.DEMO_DATA_DIR = dataDir;
  // web-dev-server.config.mjs reads PORT (its own default, 8000, may be held by another run).
  process.env.PORT = String(await freePort());
  server = await startDevServer({
    config: { open: false },
    readCliArgs: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  origin = `http://localhost:${server.server.address().port}`;
  browser = await puppeteer.launch({ executablePath: findBrowser(), args: BROWSER_ARGS, headless: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function waitFor(predicate, what, ...args) {
  await page
    .waitForFunction(predicate, { timeout: 20_000 }, ...args)
    .catch(() => assert.fail(`timed out waiting for ${what}`));
}

const rowNames = () =>
  page.evaluate(() =>
    [...document.querySelector('#panel').shadowRoot.querySelectorAll('[data-property]')].map(
      (row) => row.dataset.property,
    ),
  );

async function signIn(role) {
  await page.select('#settings select[name="role"]', role);
}

test('the live demo, on the server', async (t) => {
  await t.test('the address npm start prints opens the demo, which says its data is on the server', async () => {
    await page.goto(`${origin}/`);
    assert.equal(new URL(page.url()).pathname, '/demo/');
    await waitFor(() => document.querySelector('#data-source')?.textContent.startsWith('Live'), 'the live note');
    await waitFor(
      () => document.querySelector('#panel').shadowRoot.querySelector('[data-property="shoe_size"]'),
      'the panel',
    );
  });

  await t.test('the server decides what each role sees: an agent has no credit limit, an admin has', async () => {
    await signIn('agent');
    await waitFor(
      () => !document.querySelector('#panel').shadowRoot.querySelector('[aria-busy="true"]'),
      'the panel as agent',
    );
    await waitFor(
      () => document.querySelector('#panel').shadowRoot.querySelector('[data-property="shoe_size"]'),
      'rows as agent',
    );
    assert.ok(!(await rowNames()).includes('credit_limit'));
    const asAgent = await page.evaluate(async () =>
      (await fetch('/api/customers/c-01', { headers: { 'X-Demo-Role': 'agent' } })).json(),
    );
    assert.ok(!('credit_limit' in asAgent.properties));
    await signIn('admin');
    await waitFor(
      () => document.querySelector('#panel').shadowRoot.querySelector('[data-property="credit_limit"]'),
      'the credit limit as admin',
    );
    await signIn('agent');
  });

  await t.test('an edit in one browser appears in another, through the server', async () => {
    // A second browser: its own context (as a private window), its own RestStore and event stream.
    const other = await browser.createBrowserContext();
    try {
      const second = await other.newPage();
      second.on('pageerror', (error) => problems.push(`second page error: ${error.message}`));
      await second.goto(`${origin}/demo/`);
      // The shoe size as the compact panel shows it (read first, edit in place).
      const shown = () =>
        document
          .querySelector('#panel')
          ?.shadowRoot?.querySelector('[data-property="shoe_size"] .read-value')
          ?.textContent.trim();
      await second.select('#settings select[name="role"]', 'agent');
      await second.waitForFunction(shown, { timeout: 20_000 });
      const typed = (await second.evaluate(shown)) === '41' ? '42' : '41';
      // The first browser opens the row to edit it, types and commits with Enter (in front: a page in
      // the background gets no focus or keys).
      await page.bringToFront();
      await page.evaluate(() => {
        const row = document.querySelector('#panel').shadowRoot.querySelector('[data-property="shoe_size"]');
        // An empty property sits under "N empty properties": opened first, as a user would.
        const folded = row.closest('details');
        if (folded) folded.open = true;
        row.querySelector('.read-value').click();
      });
      await page.waitForFunction(
        () =>
          document
            .querySelector('#panel')
            .shadowRoot.querySelector('[data-property="shoe_size"] property-editor')
            ?.shadowRoot?.querySelector('input'),
        { timeout: 20_000 },
      );
      const input = await page.evaluateHandle(() =>
        document
          .querySelector('#panel')
          .shadowRoot.querySelector('[data-property="shoe_size"] property-editor')
          .shadowRoot.querySelector('input'),
      );
      await input.evaluate((el) => {
        el.focus();
        el.select();
      });
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await second
        .waitForFunction(
          (expected) =>
            document
              .querySelector('#panel')
              ?.shadowRoot?.querySelector('[data-property="shoe_size"] .read-value')
              ?.textContent.trim() === expected,
          { timeout: 20_000 },
          typed,
        )
        .catch(async () => {
          const mine = await page.evaluate(() => {
            const row = document.querySelector('#panel')?.shadowRoot?.querySelector('[data-property="shoe_size"]');
            const editor = row?.querySelector('property-editor');
            return JSON.stringify({
              value: editor?.value,
              input: editor?.shadowRoot?.querySelector('input')?.value,
              status: row?.querySelector('[part~="status"]')?.textContent,
              active: document.activeElement?.localName,
            });
          });
          const theirs = await second.evaluate(shown);
          assert.fail(
            `the second browser did not show the edit: typed ${typed}, first shows ${mine}, second ${theirs}`,
          );
        });
    } finally {
      await other.close();
    }
  });

  await t.test('the customer sends “profile”, gets a signed link, and edits as themselves', async () => {
    await page.focus('#composer input[name="text"]');
    await page.keyboard.type('profile');
    await page.keyboard.press('Enter');
    await waitFor(() => document.querySelector('#messages a[href*="#token=cp1."]'), 'the signed link');
    const link = await page.$eval('#messages a[href*="#token=cp1."]', (a) => a.href);
    assert.match(link, /\/demo\/#token=cp1\.[\w-]+\.[\w-]+$/);
    await page.goto(link);
    await waitFor(() => !document.querySelector('#page-profile').hidden, 'the profile page');
    await waitFor(
      () => document.querySelector('#profile').shadowRoot.querySelector('property-editor'),
      'the profile form',
    );
    assert.ok(!page.url().includes('cp1.'), 'the token left the address bar');
    const shown = await page.evaluate(() =>
      [...document.querySelector('#profile').shadowRoot.querySelectorAll('property-editor')].map(
        (e) => e.definition.name,
      ),
    );
    assert.ok(
      shown.includes('shoe_size') && !shown.includes('agent_notes') && !shown.includes('credit_limit'),
      shown.join(),
    );
    const input = await page.evaluateHandle(() =>
      [...document.querySelector('#profile').shadowRoot.querySelectorAll('property-editor')]
        .find((e) => e.definition.name === 'shoe_size')
        .shadowRoot.querySelector('input'),
    );
    await input.evaluate((el) => {
      el.focus();
      el.select();
    });
    await page.keyboard.type('43');
    await page.keyboard.press('Tab');
    await page.evaluate(() =>
      document.querySelector('#profile').shadowRoot.querySelector('[part~="save-button"]').click(),
    );
    await waitFor(
      () =>
        document.querySelector('#profile').shadowRoot.querySelector('[part~="message"]')?.textContent.includes('saved'),
      'saved',
    );
    const stored = await page.evaluate(async () =>
      (await fetch('/api/customers/c-01', { headers: { 'X-Demo-Role': 'admin' } })).json(),
    );
    assert.equal(stored.properties.shoe_size, '43');
    assert.equal(stored.changed.shoe_size.by, 'customer:c-01');
  });

  await t.test('an altered link is refused on screen, with a clear message', async () => {
    await page.goto(`${origin}/demo/`);
    await page.focus('#composer input[name="text"]');
    await page.keyboard.type('profile');
    await page.keyboard.press('Enter');
    await waitFor(() => document.querySelector('#messages a[href*="#token=cp1."]'), 'the signed link');
    const link = await page.$eval('#messages a[href*="#token=cp1."]', (a) => a.href);
    // Someone changes the customer the link names: the payload no longer matches the signature.
    const [start, payload, signature] = link.split('.');
    const forged = `${start}.${payload.slice(0, -2)}${payload.at(-2) === 'A' ? 'B' : 'A'}${payload.at(-1)}.${signature}`;
    await page.goto(forged);
    await waitFor(
      () => document.querySelector('#profile').shadowRoot.textContent.includes('This link does not work any more'),
      'the refusal',
    );
    const editors = await page.evaluate(
      () => document.querySelector('#profile').shadowRoot.querySelectorAll('property-editor').length,
    );
    assert.equal(editors, 0, 'no field of anyone’s profile is shown');
  });

  await t.test('no console error on the way', () => {
    assert.deepEqual(problems, []);
  });
});
