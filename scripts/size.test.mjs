// The size check on a tiny package: it measures entries and the bundle with its lazy chunk, fails
// (exit 1, naming the entry and by how much) under a too-small budget and passes under a large one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { checkBudgets, entryPoints, measureSizes } from './size-lib.mjs';

const run = promisify(execFile);
const sizeScript = fileURLToPath(new URL('./size.mjs', import.meta.url));
let root;

// Code that gzip cannot squeeze to nothing: a few hundred bytes of distinct words.
const words = (seed) => Array.from({ length: 60 }, (_, i) => `w${seed}_${(i * 7919 + seed) % 1000}`).join(' ');

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'size-'));
  await mkdir(join(root, 'dist/chunks'), { recursive: true });
  await writeFile(
    join(root, 'package.json'),
    JSON.stringify({
      name: 'fixture',
      type: 'module',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './words': './dist/words.js',
        './types-only': { types: './dist/types.d.ts' },
        './bundle': './dist/bundle.js',
        './package.json': './package.json',
      },
    }),
  );
  await writeFile(join(root, 'dist/words.js'), `export const words = ${JSON.stringify(words(1))}.split(' ');\n`);
  await writeFile(join(root, 'dist/late.js'), `export const late = ${JSON.stringify(words(2))};\n`);
  await writeFile(
    join(root, 'dist/index.js'),
    `import { words } from './words.js';\nexport const count = () => words.length;\nexport const later = () => import('./late.js');\n`,
  );
  await writeFile(
    join(root, 'dist/bundle.js'),
    `const w=${JSON.stringify(words(3))};export const later=()=>import("./chunks/late-Ab3_x-9Z.js");export{w};\n`,
  );
  await writeFile(join(root, 'dist/chunks/late-Ab3_x-9Z.js'), `export const late=${JSON.stringify(words(4))};\n`);
});

after(() => rm(root, { recursive: true, force: true }));

const budgetsFile = (budgets) =>
  writeFile(join(root, 'size-budgets.json'), JSON.stringify({ goal: { './bundle': 0.1 }, budgets }));

test('the entry points are the JavaScript exports except the bundle', () => {
  const exports = {
    '.': { types: './a.d.ts', default: './a.js' },
    './t': { types: './t.d.ts' },
    './bundle': './b.js',
    './package.json': './package.json',
  };
  assert.deepEqual(entryPoints(exports), [['.', './a.js']]);
});

test('measures each entry, its lazy chunk, the bundle and the bundle’s lazy chunk', async () => {
  const rows = await measureSizes({ root });
  assert.deepEqual(
    rows.map((r) => r.key),
    ['.', './words', './bundle', './bundle lazy late'],
  );
  const [main, , bundle, lazy] = rows;
  assert.equal(main.lazy.length, 1, 'the dynamic import is a lazy chunk, not part of the entry');
  assert.ok(main.gzip > 100 && main.gzip < main.minified);
  assert.equal(bundle.lazy[0].name, 'late');
  assert.equal(lazy.gzip, bundle.lazy[0].gzip);
  assert.ok(lazy.file.endsWith('chunks/late-Ab3_x-9Z.js'));
});

test('checkBudgets names each entry over its budget and by how much', async () => {
  const rows = await measureSizes({ root });
  const tight = checkBudgets(rows, { budgets: { '.': 0.1, './words': 100, './bundle': 0.1 } });
  assert.equal(tight.ok, false);
  assert.deepEqual(
    tight.failures.map((f) => f.key),
    ['.', './bundle'],
  );
  assert.equal(tight.failures[0].over, rows[0].gzip - 0.1 * 1024);
  assert.deepEqual(tight.unbudgeted, ['./bundle lazy late']);
  const all = { '.': 100, './words': 100, './bundle': 100, './bundle lazy late': 100 };
  assert.equal(checkBudgets(rows, { budgets: all }).ok, true);
  const unbudgeted = checkBudgets(rows, { budgets: { '.': 100, './words': 100, './bundle': 100 } });
  assert.equal(unbudgeted.ok, false, 'an entry without a budget fails');
  const stale = checkBudgets(rows, { budgets: { ...all, './bundle lazy old-name': 1 } });
  assert.equal(stale.ok, false, 'a budget that matches no entry fails');
  assert.deepEqual(stale.stale, ['./bundle lazy old-name']);
});

test('the script exits 1 under a too-small budget and 0 under a large one, with the goal only reported', async () => {
  await budgetsFile({ '.': 100, './words': 0.1, './bundle': 100, './bundle lazy late': 100 });
  const failed = await run(process.execPath, [sizeScript], { cwd: root }).then(
    () => assert.fail('expected the size check to fail'),
    (error) => error,
  );
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /OVER BUDGET: \.\/words is [\d.]+ KB gzip, budget 0\.1 KB: over by [\d.]+ KB/);
  assert.doesNotMatch(failed.stdout, /OVER BUDGET: \.\/bundle/);

  await budgetsFile({ '.': 100, './words': 100, './bundle': 100, './bundle lazy late': 100 });
  const passed = await run(process.execPath, [sizeScript], { cwd: root });
  assert.match(passed.stdout, /goal 0\.1 KB \(\.\/bundle\): over by [\d.]+ KB/);
  assert.doesNotMatch(passed.stdout, /OVER BUDGET/);
  const report = JSON.parse(await readFile(join(root, 'dist/size-report.json'), 'utf8'));
  assert.equal(report.check.ok, true);
  assert.equal(report.rows.length, 4);
});

test('pages: each fails above its figure and is reported against its goal; what loads on demand is reported, never failing', async () => {
  await mkdir(join(root, 'pages'), { recursive: true });
  await writeFile(
    join(root, 'pages/words-page.js'),
    `import { words } from '../dist/words.js';\nexport const n = words.length;\n`,
  );
  await writeFile(
    join(root, 'pages/index-page.js'),
    `import { count, later } from '../dist/index.js';\nexport const both = [count, later];\n`,
  );
  await writeFile(
    join(root, 'pages/both-page.js'),
    `import { words } from '../dist/words.js';\nimport { late } from '../dist/late.js';\nexport const both = [words, late];\n`,
  );
  const file = (failAbove) => ({
    goal: { './bundle': 100 },
    budgets: { '.': 100, './words': 100, './bundle': 100, './bundle lazy late': 100 },
    pages: {
      small: { entry: 'pages/words-page.js', failAbove, target: 0.1, goal: 0.2 },
      main: { entry: 'pages/index-page.js', failAbove: 100, goal: 100 },
      everything: { built: 'dist/bundle.js', failAbove: 100 },
    },
    onDemand: {
      'the late words': { page: 'main', lazy: 'late' },
      'late, imported up front': { page: 'small', with: 'pages/both-page.js' },
    },
  });

  await writeFile(join(root, 'size-budgets.json'), JSON.stringify(file(0.1)));
  const failed = await run(process.execPath, [sizeScript], { cwd: root }).then(
    () => assert.fail('expected the size check to fail'),
    (error) => error,
  );
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /OVER BUDGET: page small is [\d.]+ KB gzip, budget 0\.1 KB: over by/);
  assert.match(failed.stdout, /goal 0\.2 KB \(page small\): over by [\d.]+ KB/);
  assert.match(
    failed.stdout,
    /target 0\.1 KB \(page small, issue 20's fail-above figure; the build fails above 0\.1 KB/,
  );

  await writeFile(join(root, 'size-budgets.json'), JSON.stringify(file(100)));
  const passed = await run(process.execPath, [sizeScript], { cwd: root });
  assert.doesNotMatch(passed.stdout, /OVER BUDGET|NO BUDGET|STALE/);
  assert.match(passed.stdout, /goal 100 KB \(page main\): met/);
  assert.match(passed.stdout, /on demand the late words\s+[\d.]+ KB\s+[\d.]+ KB\s+—\s+reported/);
  const report = JSON.parse(await readFile(join(root, 'dist/size-report.json'), 'utf8'));
  const byKey = Object.fromEntries(report.rows.map((row) => [row.key, row]));
  assert.equal(byKey['page everything'].gzip, byKey['./bundle'].gzip, 'a built page is the file as it is on disk');
  assert.equal(byKey['on demand the late words'].gzip, byKey['page main'].lazy[0].gzip);
  assert.ok(byKey['on demand late, imported up front'].gzip > 0, 'what importing the lazy file up front adds');
});
