// Smoke test of the built demo in headless Chromium: the main story, as a person would walk it,
// with no console error on the way. Run by `npm test` (node --test).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';
import { buildDemo } from './build-demo.mjs';
import { serve } from './static-server.mjs';

let dir, server, browser, page;
const problems = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-'));
  await buildDemo(dir);
  server = await serve(dir);
  browser = await puppeteer.launch({ executablePath: findBrowser(), args: BROWSER_ARGS, headless: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** An element inside shadow roots: each selector is looked up inside the previous one's shadow root. */
function deep(...selectors) {
  return page.evaluateHandle((path) => {
    let node = document;
    for (const selector of path) {
      const root = node.shadowRoot ?? node;
      node = root.querySelector(selector);
      if (!node) return null;
    }
    return node;
  }, selectors);
}

async function waitDeep(predicate, args, what) {
  await page
    .waitForFunction(predicate, { timeout: 10_000 }, ...args)
    .catch(() => assert.fail(`timed out waiting for ${what}`));
}

const panelText = () =>
  page.evaluate(() => document.querySelector('#panel').shadowRoot.textContent.replace(/\s+/g, ' '));

async function saved(name, word = 'Saved') {
  await waitDeep(
    (n, w) =>
      document
        .querySelector('#panel')
        .shadowRoot.querySelector(`[data-property="${n}"] [part~="status"]`)
        ?.textContent.includes(w),
    [name, word],
    `${name} saved`,
  );
}

/**
 * Focuses the first input of a panel field (inside the editor, or inside its location picker). The
 * panel shows values first: a click on the row's value puts its editor in place.
 */
async function focusField(name, inner = 'input, select, textarea') {
  await page.evaluate((n) => {
    const row = document.querySelector('#panel').shadowRoot.querySelector(`[data-property="${n}"]`);
    // An empty property sits under "N empty properties": opened first, as a user would.
    const folded = row.closest('details');
    if (folded) folded.open = true;
    if (!row.querySelector('property-editor')) row.querySelector('button.read-value').click();
  }, name);
  await waitDeep(
    (n) =>
      document.querySelector('#panel').shadowRoot.querySelector(`[data-property="${n}"] property-editor`)?.shadowRoot,
    [name],
    `${name} in edit`,
  );
  const handle = await page.evaluateHandle(
    (n, sel) => {
      const field = document.querySelector('#panel').shadowRoot.querySelector(`[data-property="${n}"] property-editor`);
      const root = field.shadowRoot.querySelector('location-picker')?.shadowRoot ?? field.shadowRoot;
      return root.querySelector(sel);
    },
    name,
    inner,
  );
  await handle.evaluate((el) => {
    el.focus();
    if (el.select) el.select();
  });
}

async function typeField(name, text, inner) {
  await focusField(name, inner);
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

test('the main story of the built demo, with no console error', async (t) => {
  await t.test('an agent opens a customer', async () => {
    await waitDeep(
      () => document.querySelector('#panel')?.shadowRoot?.querySelector('[part~="number"]'),
      [],
      'the panel',
    );
    await page.click('#conversation-list button[data-customer="c-02"]');
    await waitDeep(
      () =>
        document.querySelector('#panel').shadowRoot.querySelector('[part~="number"]')?.textContent ===
        'Telegram: 184467440',
      [],
      'Ben',
    );
  });

  await t.test('edits a property of each type and sees it saved', async () => {
    await focusField('favorite_color', 'select');
    await page.keyboard.press('ArrowDown');
    // A closed select commits on Enter (or leaving), not on each arrow.
    await page.keyboard.press('Enter');
    await saved('favorite_color');
    await typeField('shoe_size', '42,5');
    await saved('shoe_size');
    await typeField('birthday', '02/29/1996');
    await saved('birthday');
    await typeField('best_time', '6:30 PM');
    await saved('best_time');
    await typeField('delivery', '48.1374', '#lat');
    await focusField('delivery', '#lng');
    await page.keyboard.type('11.5755');
    await page.keyboard.press('Tab');
    await saved('delivery');
    await focusField('interests', 'input[type="checkbox"]');
    await page.keyboard.press('Space');
    await saved('interests');
    await focusField('bike', 'input');
    await page.keyboard.type('Road bike M');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await saved('bike');
    await focusField('agent_notes', 'textarea');
    await page.keyboard.type('Wants a call back about the warranty.');
    await page.keyboard.press('Tab');
    await saved('agent_notes');
    await page.reload();
    await page.click('#conversation-list button[data-customer="c-02"]').catch(() => {});
    await waitDeep(
      () =>
        document
          .querySelector('#panel')
          ?.shadowRoot?.querySelector('[data-property="shoe_size"] .read-value')
          ?.textContent.trim() === '42.5',
      [],
      'the saved shoe size after a reload',
    );
    // What the panel was given after the reload: each editor, put in place, holds the stored value.
    const value = async (name) => {
      await focusField(name);
      return page.evaluate(
        (n) =>
          document.querySelector('#panel').shadowRoot.querySelector(`[data-property="${n}"] property-editor`).value,
        name,
      );
    };
    const stored = {
      birthday: await value('birthday'),
      best_time: await value('best_time'),
      delivery: await value('delivery'),
      notes: await value('agent_notes'),
    };
    assert.deepEqual(stored, {
      birthday: '1996-02-29',
      best_time: '18:30',
      delivery: { lat: 48.1374, lng: 11.5755 },
      notes: 'Wants a call back about the warranty.',
    });
  });

  await t.test('the customer sends “profile”, opens the link and edits as the customer', async () => {
    await page.click('#composer input');
    await page.keyboard.type('profile');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#messages a[href="#profile/c-02"]');
    await page.click('#messages a[href="#profile/c-02"]');
    await waitDeep(
      () =>
        !document.querySelector('#page-profile').hidden &&
        document.querySelector('#profile').shadowRoot.querySelector('form'),
      [],
      'the profile page',
    );
    const width = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.phone')).width));
    assert.ok(width <= 320, `a phone-sized screen (${width}px)`);
    const size = await deep('#profile', 'property-editor:nth-of-type(3)', 'input');
    await size.evaluate((el) => {
      el.focus();
      el.select();
    });
    await page.keyboard.type('43');
    await page.keyboard.press('Enter');
    await waitDeep(
      () =>
        document.querySelector('#profile').shadowRoot.querySelector('[part~="message"]')?.textContent.includes('saved'),
      [],
      'the saved message',
    );
  });

  await t.test('an admin creates a property and it appears in the panel', async () => {
    await page.select('#settings select[name="role"]', 'admin');
    await page.goto(`${server.url}#admin`);
    await waitDeep(
      () => document.querySelector('#admin').shadowRoot.querySelector('[part~="add-button"]'),
      [],
      'the property list',
    );
    await (await deep('#admin', '[part~="add-button"]')).click();
    await waitDeep(
      () =>
        document
          .querySelector('#admin')
          .shadowRoot.querySelector('property-definition-form')
          ?.shadowRoot?.querySelector('#label'),
      [],
      'the form',
    );
    const label = await deep('#admin', 'property-definition-form', '#label');
    await label.focus();
    await page.keyboard.type('Loyalty tier');
    await (await deep('#admin', 'property-definition-form', '#type-word')).click();
    await (await deep('#admin', 'property-definition-form', '[part~="save-button"]')).click();
    await waitDeep(
      () => document.querySelector('#admin').shadowRoot.querySelector('tr[data-name="loyalty_tier"]'),
      [],
      'the new row',
    );
    await page.goto(`${server.url}#workspace`);
    await waitDeep(
      () => document.querySelector('#panel').shadowRoot.querySelector('[data-property="loyalty_tier"]'),
      [],
      'the new property in the panel',
    );
  });

  await t.test('switching language and role changes the words and what the user may do', async () => {
    await page.select('#settings select[name="role"]', 'agent');
    await waitDeep(
      () => !document.querySelector('#panel').shadowRoot.querySelector('[data-property="credit_limit"]'),
      [],
      'credit limit hidden from agents',
    );
    await page.select('#settings select[name="locale"]', 'de');
    await waitDeep(
      () =>
        document.querySelector('#panel').shadowRoot.querySelector('[part~="title"]')?.textContent === 'Kundendetails',
      [],
      'German',
    );
    await page.select('#settings select[name="role"]', 'supervisor');
    await waitDeep(
      () => document.querySelector('#panel').shadowRoot.querySelector('[data-property="credit_limit"]'),
      [],
      'credit limit shown to supervisors',
    );
    await typeField('loyalty_code', 'SI2025');
    await saved('loyalty_code', 'Gespeichert');
    assert.match(await panelText(), /Geändert von Supervisor \(demo\)/);
  });

  assert.deepEqual(problems, [], 'no console errors');
});

test('the API page lists all nine elements from custom-elements.json, with no console error', async () => {
  await page.goto(`${server.url}#api`);
  await waitDeep(
    () => document.querySelector('api-viewer')?.shadowRoot?.querySelector('select')?.options.length > 0,
    [],
    'the API viewer',
  );
  const tags = await page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'option') found.push(element.textContent.trim());
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document.querySelector('api-viewer').shadowRoot);
    return found;
  });
  assert.deepEqual(tags, [
    'audience-builder',
    'audience-list',
    'customer-details-panel',
    'customer-import',
    'customer-profile-form',
    'location-picker',
    'property-definition-form',
    'property-definition-list',
    'property-editor',
  ]);
  assert.deepEqual(problems, [], 'no console errors');
});

test('at 390 and 320 CSS px no page of the demo scrolls sideways (WCAG 1.4.10)', async () => {
  const wide = [];
  for (const width of [390, 320]) {
    await page.setViewport({ width, height: 800 });
    for (const hash of ['workspace', 'profile/c-02', 'admin', 'audiences', 'playground']) {
      await page.goto(`${server.url}#${hash}`);
      const id = `#page-${hash.split('/')[0]}`;
      await page.waitForFunction((sel) => !document.querySelector(sel).hidden, {}, id);
      // Let the elements on the page render.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
      if (scrollWidth > width) {
        // Name the widest elements, so the failure says where to look.
        const culprits = await page.evaluate((limit) => {
          const found = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              const box = el.getBoundingClientRect();
              if (box.right > limit + 0.5 && box.width > 0)
                found.push(
                  `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} ${Math.round(box.right)}`,
                );
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          return found.slice(-4);
        }, width);
        wide.push(`#${hash} at ${width} px: ${scrollWidth} px wide (${culprits.join(', ')})`);
      }
    }
  }
  await page.setViewport({ width: 1280, height: 1000 });
  assert.deepEqual(wide, []);
  assert.deepEqual(problems, [], 'no console errors');
});
