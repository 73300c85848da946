// What a host developer meets, from `npm install` on: the package packed as npm publishes it,
// checked by publint and arethetypeswrong, installed from its tarball (into examples/node_modules,
// where the examples and the type checks find it), imported subpath by subpath in Node and through
// a bundler, the JSX and Vue types checked by tsc and vue-tsc, and the three examples built with
// Vite (html needs no build) and driven in headless Chromium: type a value, the host's own handler
// hears the event, the store holds the value.
// Needs `dist/` (npm run test:hosts builds it first). Run by `npm test`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';
import { serve } from './static-server.mjs';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const bin = (name) => join(ROOT, 'node_modules/.bin', name);
/** Runs a command, failing the test with its output when it fails. */
async function check(command, args, options = {}) {
  try {
    return await run(command, args, { cwd: ROOT, maxBuffer: 1 << 26, ...options });
  } catch (error) {
    assert.fail(`${[command, ...args].join(' ')} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

let scratch, tarball, packed;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cp-hosts-'));
  const { stdout } = await check('npm', ['pack', '--json', '--pack-destination', scratch]);
  [packed] = JSON.parse(stdout);
  tarball = join(scratch, packed.filename);
  // As a host installs it; the packages it depends on come from npm's cache when they are there.
  await rm(join(EXAMPLES, 'node_modules'), { recursive: true, force: true });
  await check('npm', [
    'install',
    '--no-save',
    '--no-package-lock',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--prefix',
    EXAMPLES,
    tarball,
  ]);
  await rm(join(EXAMPLES, 'html/node_modules'), { recursive: true, force: true });
  await symlink('../node_modules', join(EXAMPLES, 'html/node_modules'));
});

after(async () => {
  await rm(scratch, { recursive: true, force: true });
  await rm(join(EXAMPLES, 'html/node_modules'), { force: true });
});

test('the package holds dist/, the types, custom-elements.json and the README, nothing else', () => {
  const paths = packed.files.map((file) => file.path);
  const outside = paths.filter(
    (path) => !/^(dist\/|custom-elements\.json$|README\.md$|package\.json$|LICENSE|CHANGELOG\.md$)/.test(path),
  );
  assert.deepEqual(outside, []);
  const unwanted = paths.filter(
    (path) =>
      /\.test\.|\/demo\/|internal\/test\/|bench\/|\.ts\.map$|\.js\.map$/.test(path) && !path.endsWith('bundle.js.map'),
  );
  assert.deepEqual(unwanted, []);
  for (const wanted of [
    'dist/index.d.ts',
    'dist/frameworks/react.d.ts',
    'dist/frameworks/vue.d.ts',
    'dist/testing/index.js',
    'dist/customer-properties.bundle.js',
  ]) {
    assert.ok(paths.includes(wanted), `${wanted} is packed`);
  }
});

test('publint finds nothing', async () => {
  const { stdout } = await check(bin('publint'), ['--strict']);
  assert.match(stdout, /All good!/);
});

test('arethetypeswrong finds nothing for an ES-module-only package', async () => {
  await check(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped']);
});

test('every subpath imports in Node from the installed tarball (the bundle and its German are for browsers)', async () => {
  const script = join(EXAMPLES, 'import-every-subpath.mjs');
  await writeFile(
    script,
    `const pkg = (await import('customer-properties/package.json', { with: { type: 'json' } })).default;
const failed = [];
for (const sub of Object.keys(pkg.exports).filter((sub) => sub !== './bundle' && sub !== './bundle/de')) {
  const specifier = 'customer-properties' + sub.slice(1);
  await import(specifier, sub.endsWith('.json') ? { with: { type: 'json' } } : undefined).catch((error) => failed.push(specifier + ': ' + error.message));
}
console.log(JSON.stringify(failed));`,
  );
  try {
    const { stdout } = await check(process.execPath, [script], { cwd: EXAMPLES });
    assert.deepEqual(JSON.parse(stdout), []);
  } finally {
    await rm(script, { force: true });
  }
});

test('every subpath bundles for the browser', async () => {
  const pkg = JSON.parse(await readFile(join(EXAMPLES, 'node_modules/customer-properties/package.json'), 'utf8'));
  const subpaths = Object.keys(pkg.exports).filter(
    (sub) => !sub.endsWith('.json') && sub !== './server' && sub !== './testing',
  );
  const contents = subpaths.map((sub, i) => `export * as m${i} from 'customer-properties${sub.slice(1)}';`).join('\n');
  const result = await esbuild.build({
    stdin: { contents, resolveDir: EXAMPLES, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  assert.deepEqual(result.errors, []);
  assert.ok(result.outputFiles[0].text.includes('customer-details-panel'));
});

test('the JSX types: every element with its properties and events, and wrong props refused (tsc)', async () => {
  await check(bin('tsc'), ['-p', 'examples/types']);
});

test('the Vue types: the same in a single-file component (vue-tsc)', async () => {
  await check(bin('vue-tsc'), ['-p', 'examples/types']);
});

test('the React and Vue examples type-check', async () => {
  await check(bin('tsc'), ['-p', 'examples/react']);
  await check(bin('vue-tsc'), ['-p', 'examples/vue']);
});

test('the examples run: typed into the panel, heard by the host, held by the store', async (t) => {
  const sites = { html: join(EXAMPLES, 'html') };
  for (const name of ['react', 'vue']) {
    const outDir = join(scratch, name);
    await build({ root: join(EXAMPLES, name), logLevel: 'error', build: { outDir, emptyOutDir: true } });
    sites[name] = outDir;
  }
  const browser = await puppeteer.launch({ executablePath: findBrowser(), args: BROWSER_ARGS, headless: true });
  t.after(() => browser.close());
  for (const [name, root] of Object.entries(sites)) {
    await t.test(name, async () => {
      const server = await serve(root);
      const page = await browser.newPage();
      const problems = [];
      // The browser asks for /favicon.ico by itself; the examples have none.
      const favicon = (message) => message.location()?.url?.endsWith('/favicon.ico');
      page.on('console', (message) => message.type() === 'error' && !favicon(message) && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      try {
        await page.goto(server.url);
        // The compact panel folds empty properties and shows each as text until it is opened, as a
        // user would: open the fold, then the Age row.
        const fold = await page.waitForSelector('customer-details-panel >>> [part~="folded"] summary', {
          timeout: 15_000,
        });
        await fold.click();
        await (await page.waitForSelector('customer-details-panel >>> [data-property="age"] .read-value')).click();
        // By its accessible name, through the shadow roots, as a screen reader finds it.
        const age = await page.waitForSelector('::-p-aria(Age[role="textbox"])', { timeout: 15_000 });
        await age.click();
        await page.keyboard.type('35');
        await page.keyboard.press('Tab');
        const status = await page.waitForFunction(
          () => document.querySelector('[role="status"]')?.textContent.trim() || undefined,
          { timeout: 15_000 },
        );
        assert.equal(await status.jsonValue(), 'Saved age: "35"; the store holds "35"');
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
        server.close();
      }
    });
  }
});
