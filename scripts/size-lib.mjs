// Measures what the library costs a page, minified and gzip -9, and checks it against the budgets.
// Shared by scripts/size.mjs (the last step of `npm run build`) and bench/run.mjs.
//
// Two kinds of figure:
// - each public entry point of package.json `exports`, bundled by esbuild from the built dist/
//   files with everything it imports (Lit, idb, …), as a host's bundler would: minified,
//   `browser` and `production` conditions, `process.env.NODE_ENV` = "production", dynamic imports
//   split off into lazy chunks;
// - the files the build writes for the self-contained bundle (rollup + terser), as they are on
//   disk: the bundle itself and each lazily loaded chunk it imports;
// - pages (issue 20): small files under size-pages/ that import what a host's page imports (the
//   agent panel, the customer profile, admin), bundled the same way, and the bundle as the
//   "everything" page. A page fails the build above its `failAbove` figure and is reported against
//   its `goal`; what a page loads on demand (German, the location picker, the Maps loader) is
//   reported beside them, never failing.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUNDLE_EXPORT = './bundle';

const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

/** Bytes as KB (1024 bytes), one decimal. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Exports no page loads: the server half (Node and its database drivers), the test suites (a
 * host's tests), and the framework types (their JavaScript is an empty module).
 */
const SERVER_EXPORTS = new Set(['./server', './testing', './jsx', './react', './preact', './solid', './vue']);

/**
 * The public entry points of a package.json `exports` map: `[name, file]` for each export whose
 * target is a JavaScript module, leaving out the bundle, the server half and type-only or non-JS exports.
 */
export function entryPoints(exportsMap) {
  const entries = [];
  for (const [name, target] of Object.entries(exportsMap)) {
    if (name === BUNDLE_EXPORT || name.startsWith(`${BUNDLE_EXPORT}/`) || SERVER_EXPORTS.has(name)) continue;
    const file = typeof target === 'string' ? target : (target.browser ?? target.import ?? target.default);
    if (typeof file === 'string' && file.endsWith('.js')) entries.push([name, file]);
  }
  return entries;
}

/** A lazy chunk's name: the package it holds (`js-api-loader`, as the bundle's chunk is named) or its file name. */
function chunkName(path) {
  const inPackage = path.match(/node_modules\/(?:@[^/]+\/)?([^/]+)/);
  if (inPackage) return inPackage[1];
  return basename(path).replace(/(-[A-Za-z0-9_-]{8})?\.[cm]?js$/, '');
}

/** Sums the sizes of a group of output files. */
function sumOf(files) {
  return {
    minified: files.reduce((sum, f) => sum + f.code.length, 0),
    gzip: files.reduce((sum, f) => sum + gzipSize(f.code), 0),
  };
}

/**
 * Splits a module graph into what loads up front and what loads later. `graph` maps a file to its
 * code and its relative imports; each import of a lazy chunk starts a group named after it.
 */
function splitGraph(start, graph) {
  const initial = new Set();
  const visit = (file, into) => {
    if (into.has(file) || initial.has(file)) return;
    into.add(file);
    for (const next of graph.get(file).imports) visit(next, into);
  };
  visit(start, initial);
  const lazy = new Map();
  const queue = [...initial];
  while (queue.length) {
    const file = queue.shift();
    for (const root of graph.get(file).dynamicImports) {
      if (initial.has(root) || [...lazy.values()].some((group) => group.files.has(root))) continue;
      const files = new Set();
      visit(root, files);
      lazy.set(root, { name: graph.get(root).name, files });
      queue.push(...files);
    }
  }
  const pick = (files) => [...files].map((file) => graph.get(file));
  return {
    ...sumOf(pick(initial)),
    files: [...initial],
    lazy: [...lazy.values()].map(({ name, files }) => ({ name, ...sumOf(pick(files)), files: [...files] })),
  };
}

/**
 * Bundles one entry as a host would (esbuild, minified) and measures it: the entry with its static
 * imports (`minified`, `gzip`) and each dynamically imported chunk (`lazy`).
 */
export async function measureEntry(file, { root = process.cwd() } = {}) {
  const result = await build({
    absWorkingDir: resolve(root),
    entryPoints: [file],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    outdir: 'size-out',
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true,
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const code = new Map(result.outputFiles.map((out) => [relative(resolve(root), out.path), out.contents]));
  const graph = new Map();
  let start;
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    if (path.endsWith('.map')) continue;
    if (output.entryPoint && resolve(root, output.entryPoint) === resolve(root, file)) start = path;
    graph.set(path, {
      name: chunkName(output.entryPoint ?? path),
      code: code.get(path),
      imports: output.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
      dynamicImports: output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    });
  }
  const { files: _files, lazy, ...sizes } = splitGraph(start, graph);
  return { ...sizes, lazy: lazy.map(({ files: _f, ...chunk }) => chunk) };
}

// Relative imports in minified ES modules: `import"./a.js"`, `…from"./a.js"`, `import("./a.js")`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"'\n]+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"'\n]+)["']\s*\)/g;

/**
 * Measures a built ES module as it is on disk, with the chunks it imports beside it: the file and
 * its static imports (`minified`, `gzip`), and each lazily loaded chunk (`lazy`).
 */
export async function measureBuiltFile(path) {
  const graph = new Map();
  const load = async (file) => {
    if (graph.has(file)) return;
    const code = await readFile(file);
    const text = code.toString('utf8');
    const found = (pattern) =>
      [...text.matchAll(pattern)].map((m) => resolve(dirname(file), m[1])).filter((target) => existsSync(target));
    const node = { name: chunkName(file), code, imports: found(STATIC_IMPORT), dynamicImports: found(DYNAMIC_IMPORT) };
    graph.set(file, node);
    for (const next of [...node.imports, ...node.dynamicImports]) await load(next);
  };
  const start = resolve(path);
  await load(start);
  const { files: _files, lazy, ...sizes } = splitGraph(start, graph);
  return {
    ...sizes,
    lazy: lazy.map(({ files, ...chunk }) => ({ ...chunk, files: files.map((f) => relative(dirname(start), f)) })),
  };
}

/**
 * Measures every public entry point and the bundle of the package at `root` (built `dist/`).
 * Returns rows `{ key, minified, gzip, lazy? }`: one per entry (its lazy chunks as a figure beside
 * it), one for the bundle and one per lazy chunk of the bundle (`./bundle lazy <name>`).
 */
export async function measureSizes({ root = process.cwd() } = {}) {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const rows = [];
  for (const [key, file] of entryPoints(pkg.exports ?? {})) {
    const { minified, gzip, lazy } = await measureEntry(file, { root });
    rows.push({ key, file, minified, gzip, lazy });
  }
  const bundleTarget = pkg.exports?.[BUNDLE_EXPORT];
  const bundleFile = typeof bundleTarget === 'string' ? bundleTarget : bundleTarget?.default;
  if (typeof bundleFile === 'string') {
    const bundle = await measureBuiltFile(join(root, bundleFile));
    rows.push({
      key: BUNDLE_EXPORT,
      file: bundleFile,
      minified: bundle.minified,
      gzip: bundle.gzip,
      lazy: bundle.lazy,
    });
    for (const chunk of bundle.lazy) {
      const file = join(dirname(bundleFile), chunk.files[0]);
      rows.push({ key: `${BUNDLE_EXPORT} lazy ${chunk.name}`, file, minified: chunk.minified, gzip: chunk.gzip });
    }
  }
  // Files beside the bundle that a page adds with a script of its own (German): the file alone,
  // since what it shares with the bundle is loaded already.
  for (const [key, file] of Object.entries(pkg.exports ?? {})) {
    if (!key.startsWith(`${BUNDLE_EXPORT}/`) || typeof file !== 'string') continue;
    const code = await readFile(join(root, file));
    rows.push({ key, file, minified: code.length, gzip: gzipSize(code) });
  }
  return rows;
}

/** The key of a page's row: `page agent panel`. */
export const pageKey = (name) => `page ${name}`;

/**
 * Measures the pages of `size-budgets.json` (`pages`): each `{ entry }` bundled by esbuild as
 * `measureEntry` does, or `{ built }` measured as it is on disk; each `onDemand` item the gzip a
 * page adds later: a lazy chunk of a page (`{ page, lazy }`, by chunk name) or the difference
 * between two pages (`{ page, with }`). Returns rows `{ key, file, minified, gzip, lazy?,
 * reportOnly? }`; on-demand rows are `reportOnly` (no budget, never failing).
 */
export async function measurePages({ pages = {}, onDemand = {} } = {}, { root = process.cwd() } = {}) {
  const rows = [];
  const measured = new Map();
  const measure = async (name, page) => {
    if (!measured.has(name)) {
      const sizes = page.built
        ? await measureBuiltFile(join(root, page.built))
        : await measureEntry(page.entry, { root });
      measured.set(name, { file: page.built ?? page.entry, ...sizes });
    }
    return measured.get(name);
  };
  for (const [name, page] of Object.entries(pages)) {
    const { file, minified, gzip, lazy } = await measure(name, page);
    rows.push({ key: pageKey(name), file, minified, gzip, lazy: lazy.map(({ files: _f, ...chunk }) => chunk) });
  }
  for (const [name, item] of Object.entries(onDemand)) {
    const base = await measure(item.page, pages[item.page] ?? item);
    let row;
    if (item.lazy) {
      const chunk = base.lazy.find((c) => c.name === item.lazy);
      if (!chunk) throw new Error(`size-budgets.json: the page "${item.page}" has no lazy chunk "${item.lazy}".`);
      row = { file: `${base.file} → ${chunk.name}`, minified: chunk.minified, gzip: chunk.gzip };
    } else {
      const withIt = await measure(`${item.page} + ${name}`, { entry: item.with });
      row = { file: item.with, minified: withIt.minified - base.minified, gzip: withIt.gzip - base.gzip };
    }
    rows.push({ key: `on demand ${name}`, ...row, reportOnly: true });
  }
  return rows;
}

/**
 * Reads `size-budgets.json` at the root: `{ goal: {key: KB}, budgets: {key: KB}, pages, onDemand }`.
 * A page's `failAbove` and `goal` join `budgets` and `goal` under its row's key; its `target` (the
 * fail-above figure of issue 20, where the page is not under it yet and `failAbove` holds it where
 * it is) is reported, like a goal.
 */
export async function readBudgets(root = process.cwd()) {
  const file = JSON.parse(await readFile(join(root, 'size-budgets.json'), 'utf8'));
  const budgets = { ...file.budgets };
  const goal = { ...file.goal };
  const target = {};
  for (const [name, page] of Object.entries(file.pages ?? {})) {
    if (page.failAbove !== undefined) budgets[pageKey(name)] = page.failAbove;
    if (page.goal !== undefined) goal[pageKey(name)] = page.goal;
    if (page.target !== undefined) target[pageKey(name)] = page.target;
  }
  return { budgets, goal, target, pages: file.pages ?? {}, onDemand: file.onDemand ?? {} };
}

/**
 * Checks measured rows against budgets (KB gzip, 1 KB = 1024 bytes). Returns `failures` (each
 * row over its budget and by how much), `unbudgeted` (rows with no budget), `stale` (budgets that
 * match no row, say after a chunk was renamed) and `goals` (how far each row with a goal is from
 * it). Over budget, unbudgeted and stale all fail the check; a goal never does.
 */
export function checkBudgets(rows, { budgets = {}, goal = {} } = {}) {
  const failures = [];
  const unbudgeted = [];
  for (const row of rows) {
    if (row.reportOnly) continue;
    const budget = budgets[row.key];
    if (budget === undefined) unbudgeted.push(row.key);
    else if (row.gzip > budget * 1024)
      failures.push({ key: row.key, gzip: row.gzip, budget, over: row.gzip - budget * 1024 });
  }
  const goals = Object.entries(goal).map(([key, target]) => {
    const row = rows.find((r) => r.key === key);
    return { key, goal: target, gzip: row?.gzip, over: row ? row.gzip - target * 1024 : undefined };
  });
  const stale = Object.keys(budgets).filter((key) => !rows.some((row) => row.key === key));
  return {
    ok: failures.length === 0 && unbudgeted.length === 0 && stale.length === 0,
    failures,
    unbudgeted,
    stale,
    goals,
  };
}

/**
 * Budgets at the measured figures with at least half a KB of room, in whole KB: a budget is a
 * ceiling against growth, not a target, and one more message should not break the build.
 */
export function budgetsFromRows(rows) {
  return Object.fromEntries(
    rows
      .filter((row) => !row.reportOnly && !row.key.startsWith(pageKey('')))
      .map((row) => [row.key, Math.ceil(row.gzip / 1024 + 0.5)]),
  );
}

const lazyText = (row) => (row.lazy?.length ? `+${kb(row.lazy.reduce((sum, c) => sum + c.gzip, 0))}` : '');
const goalText = (g) =>
  g.gzip === undefined ? 'not measured' : g.over > 0 ? `over by ${kb(g.over)}` : `met, ${kb(-g.over)} to spare`;

/** The report as a plain-text table and the check's verdict, for the console. */
export function formatReport(rows, { budgets = {}, goal = {}, target = {} } = {}) {
  const check = checkBudgets(rows, { budgets, goal });
  const table = [
    ['entry', 'minified', 'gzip', 'budget', 'lazy gzip', 'check'],
    ...rows.map((row) => {
      const budget = budgets[row.key];
      const status = row.reportOnly
        ? 'reported'
        : budget === undefined
          ? 'no budget'
          : row.gzip > budget * 1024
            ? 'OVER'
            : 'ok';
      return [
        row.key,
        kb(row.minified),
        kb(row.gzip),
        budget === undefined ? '—' : `${budget} KB`,
        lazyText(row),
        status,
      ];
    }),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((line) => line[i].length)));
  const lines = table.map((line) =>
    line
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  for (const g of check.goals) {
    lines.push(`goal ${g.goal} KB (${g.key}): ${goalText(g)}`);
  }
  for (const [key, figure] of Object.entries(target)) {
    const row = rows.find((r) => r.key === key);
    if (!row) continue;
    const over = row.gzip - figure * 1024;
    lines.push(
      `target ${figure} KB (${key}, issue 20's fail-above figure; the build fails above ${budgets[key]} KB until it is met): ${over > 0 ? `over by ${kb(over)}` : `met, ${kb(-over)} to spare: lower failAbove to ${figure}`}`,
    );
  }
  for (const key of check.unbudgeted) lines.push(`NO BUDGET: ${key} has no budget in size-budgets.json`);
  for (const key of check.stale ?? []) lines.push(`STALE BUDGET: ${key} in size-budgets.json matches no entry`);
  for (const f of check.failures) {
    lines.push(
      `OVER BUDGET: ${f.key} is ${kb(f.gzip)} gzip, budget ${f.budget} KB: over by ${kb(f.over)} (${f.over} bytes)`,
    );
  }
  return { text: lines.join('\n'), check };
}

/**
 * Markdown rows (`| page | gzip | fails above | goal | against the goal | lazy gzip |`) for the
 * pages and what they load on demand, for BENCHMARKS.md.
 */
export function markdownPageRows(rows, { budgets = {}, goal = {}, target = {} } = {}) {
  const { goals } = checkBudgets(rows, { budgets, goal });
  return rows
    .filter((row) => row.key.startsWith(pageKey('')) || row.key.startsWith('on demand '))
    .map((row) => {
      const g = goals.find((item) => item.key === row.key);
      const budget = budgets[row.key];
      const failAbove =
        budget === undefined
          ? '—'
          : target[row.key] === undefined
            ? `${budget} KB`
            : `${budget} KB (issue 20: ${target[row.key]} KB)`;
      return `| ${row.key} | ${kb(row.gzip)} | ${failAbove} | ${g ? `${g.goal} KB` : '—'} | ${g ? goalText(g) : '—'} | ${lazyText(row) || '—'} |`;
    });
}

/** Markdown rows (`| entry | minified | gzip | lazy gzip | budget |`) for BENCHMARKS.md. */
export function markdownRows(rows, { budgets = {} } = {}) {
  return rows.map((row) => {
    const budget = budgets[row.key];
    return `| \`${row.key}\` | ${kb(row.minified)} | ${kb(row.gzip)} | ${lazyText(row) || '—'} | ${budget === undefined ? '—' : `${budget} KB`} |`;
  });
}
