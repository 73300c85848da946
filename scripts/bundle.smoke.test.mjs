// Smoke test of the self-contained bundle in headless Chromium, under a strict Content-Security-
// Policy: built as `npm run build` builds it (tsc, then rollup.config.mjs) into a temporary folder,
// loaded from a static page over http, its exports used as a host would. Run by `npm test`.
// BUNDLE_DIST=dist tests an existing build instead (after `npm run build`, in seconds).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { bundleConfig, germanConfig } from '../rollup.config.mjs';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';
import { serve } from './static-server.mjs';

const BUNDLE = 'dist/customer-properties.bundle.js';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

let dir, server, browser;

// German, its own file beside the bundle: it registers in the bundle's registry.
const germanScript = `import { catalogFor, describeError } from '../${BUNDLE}';
import '../dist/customer-properties.de.js';
window.smoke = { title: catalogFor('de-AT').panel.title, required: describeError({ code: 'required', params: {} }, { locale: 'de', label: 'Name' }) };
`;

async function buildBundle(into) {
  const tsc = resolve('node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [
    tsc,
    '-p',
    'tsconfig.build.json',
    '--outDir',
    into,
    '--declaration',
    'false',
    '--declarationMap',
    'false',
  ]);
  const { output, ...input } = bundleConfig(into);
  const bundle = await rollup({
    ...input,
    onLog(level, log, handle) {
      if (log.code === 'UNRESOLVED_IMPORT') throw new Error(log.message);
      if (level !== 'info') handle(level, log);
    },
  });
  await bundle.write(output);
  await bundle.close();
  const { output: germanOutput, ...germanInput } = germanConfig(into);
  const german = await rollup(germanInput);
  await german.write(germanOutput);
  await german.close();
}

const page = (script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<link rel="icon" href="data:,"><title>bundle smoke test</title>
<script type="module" src="./${script}"></script></head><body></body></html>`;

// A page with no location field: an editor for a date and a panel over a MemoryStore.
const fieldsScript = `import { CustomerDetailsPanel, MemoryStore, PropertyEditor } from '../${BUNDLE}';
const birthday = { name: 'birthday', label: 'Birthday', type: 'date', showToAgent: true, showToCustomer: false, access: { agent: 'edit' }, order: 1 };
const editor = document.createElement('property-editor');
editor.definition = birthday;
editor.value = '1996-02-29';
editor.locale = 'en';
document.body.append(editor);
const store = new MemoryStore({
  definitions: [birthday],
  customers: [{ id: 'c1', channel: 'telegram', number: '184467440', name: 'Ana Lima', properties: { birthday: '1990-05-17' }, revision: 1 }],
});
const panel = document.createElement('customer-details-panel');
panel.store = store;
panel.user = { id: 'u1', roles: ['agent'] };
panel.customerId = 'c1';
panel.locale = 'en';
document.body.append(panel);
window.smoke = { editor, panel, registered: customElements.get('property-editor') === PropertyEditor && customElements.get('customer-details-panel') === CustomerDetailsPanel };
`;

// A location picker with a key: Maps loads when it is on screen. A fake google.maps.importLibrary
// stands in for Google's script, so the loader adds no script tag.
const mapScript = `import { LocationPicker } from '../${BUNDLE}';
window.google = { maps: { importLibrary: async (name) => name === 'maps'
  ? { Map: class { constructor(element) { element.dataset.fakeMap = 'true'; } addListener() { return { remove() {} }; } } }
  : {} } };
const picker = document.createElement('location-picker');
picker.label = 'Delivery';
picker.locale = 'en';
picker.maps = { apiKey: 'smoke-test-key' };
document.body.append(picker);
window.smoke = { picker, registered: customElements.get('location-picker') === LocationPicker };
`;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bundle-'));
  if (process.env.BUNDLE_DIST) await symlink(resolve(process.env.BUNDLE_DIST), join(dir, 'dist'));
  else {
    // The build resolves Lit and the other packages from node_modules, as in the project.
    await symlink(resolve('node_modules'), join(dir, 'node_modules'));
    await buildBundle(join(dir, 'dist'));
  }
  await mkdir(join(dir, 'pages'));
  await writeFile(join(dir, 'fields.html'), page('pages/fields.js'));
  await writeFile(join(dir, 'pages/fields.js'), fieldsScript);
  await writeFile(join(dir, 'german.html'), page('pages/german.js'));
  await writeFile(join(dir, 'pages/german.js'), germanScript);
  await writeFile(join(dir, 'map.html'), page('pages/map.js'));
  await writeFile(join(dir, 'pages/map.js'), mapScript);
  server = await serve(dir);
  browser = await puppeteer.launch({ executablePath: findBrowser(), args: BROWSER_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Opens a page and records its console errors, page errors, CSP violations and the scripts it loads. */
async function open(file) {
  const tab = await browser.newPage();
  const problems = [];
  const scripts = [];
  tab.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  tab.on('request', (request) => request.url().endsWith('.js') && scripts.push(new URL(request.url()).pathname));
  await tab.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await tab.goto(`${server.url}${file}`);
  await tab
    .waitForFunction(() => 'smoke' in window, { timeout: 10_000 })
    .catch(() => assert.fail(`${file} did not start: ${problems.join('; ')}`));
  return { tab, problems, scripts };
}

test('a page with a date editor and a customer panel, from the bundle alone', async () => {
  const { tab, problems, scripts } = await open('fields.html');
  assert.equal(
    await tab.evaluate(() => window.smoke.registered),
    true,
    'the exported classes are the registered elements',
  );

  await tab.waitForFunction(() => window.smoke.editor.shadowRoot?.querySelector('input'), { timeout: 10_000 });
  const editor = await tab.evaluate(async () => {
    const { editor } = window.smoke;
    await editor.updateComplete;
    const input = editor.shadowRoot.querySelector('#control');
    const label =
      editor.shadowRoot.querySelector(`label[for="${input.id}"]`) ?? editor.shadowRoot.querySelector('label');
    return {
      label: label?.textContent.trim(),
      text: input.value,
      valid: editor.checkValidity(),
      styled: editor.shadowRoot.adoptedStyleSheets.length > 0,
    };
  });
  assert.match(editor.label, /^Birthday/);
  assert.match(editor.text, /1996/);
  assert.equal(editor.valid, true);
  assert.equal(editor.styled, true, 'styles are adopted, not inline');

  // The panel shows values first (compact); a click on one puts its editor in place.
  await tab.waitForFunction(
    () =>
      window.smoke.panel.shadowRoot?.querySelector('[data-property="birthday"] .read-value')?.textContent.trim() ===
      '05/17/1990',
    { timeout: 10_000 },
  );
  await tab.evaluate(() =>
    window.smoke.panel.shadowRoot.querySelector('[data-property="birthday"] button.read-value').click(),
  );
  await tab.waitForFunction(
    () =>
      window.smoke.panel.shadowRoot.querySelector('[data-property="birthday"] property-editor')?.value === '1990-05-17',
    { timeout: 10_000 },
  );
  const panel = await tab.evaluate(() => ({
    text: window.smoke.panel.shadowRoot.textContent.replace(/\s+/g, ' '),
    values: [...window.smoke.panel.shadowRoot.querySelectorAll('property-editor')].map((e) => e.value),
  }));
  assert.match(panel.text, /Telegram: 184467440/);
  assert.match(panel.text, /Ana Lima/);
  assert.deepEqual(panel.values, ['1990-05-17']);

  assert.deepEqual(scripts, ['/pages/fields.js', `/${BUNDLE}`], 'no script but the bundle: no Maps code');
  assert.deepEqual(problems, [], 'no console errors');
  await tab.close();
});

test('a location picker with a key loads the Maps loader, a chunk beside the bundle, when it is on screen', async () => {
  const { tab, problems, scripts } = await open('map.html');
  assert.equal(await tab.evaluate(() => window.smoke.registered), true);
  await tab.waitForFunction(() => window.smoke.picker.querySelector('[data-fake-map]'), { timeout: 10_000 });
  const [page, bundle, ...chunks] = scripts;
  assert.deepEqual([page, bundle], ['/pages/map.js', `/${BUNDLE}`]);
  assert.equal(chunks.length, 1, 'one lazy chunk');
  assert.match(chunks[0], /^\/dist\/bundle-chunks\/js-api-loader-[\w-]{8}\.js$/);
  assert.deepEqual(problems, [], 'no console errors');
  await tab.close();
});

test('German, a file beside the bundle, speaks in the bundle’s elements once imported', async () => {
  const { tab, problems, scripts } = await open('german.html');
  assert.deepEqual(await tab.evaluate(() => window.smoke), {
    title: 'Kundendetails',
    required: 'Name ist ein Pflichtfeld.',
  });
  assert.deepEqual(scripts, ['/pages/german.js', `/${BUNDLE}`, '/dist/customer-properties.de.js']);
  assert.deepEqual(problems, [], 'no console errors');
  await tab.close();
});
