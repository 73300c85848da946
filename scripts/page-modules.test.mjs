// What a page loads up front, module by module (issue 20). esbuild splits code by module: a module
// a page imports statically goes into a chunk the page loads, with every part any lazy chunk uses.
// So one import of the model's index from a module the agent panel loads brings the parsers, the
// audience engine and the value errors back up front, although the editor that needs them is lazy.
// The size budget would say "over by 5 KB"; this names the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/** The source modules a page loads before any dynamic import, and those it loads later. */
async function pageModules(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'page.ts', loader: 'ts' },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'page-out',
    write: false,
    metafile: true,
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint);
  const upFront = new Set();
  const visit = (path) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const next of outputs[path].imports) if (next.kind === 'import-statement') visit(next.path);
  };
  visit(entry);
  const modules = (paths) => new Set(paths.flatMap((path) => Object.keys(outputs[path].inputs)));
  const later = Object.keys(outputs).filter((path) => !upFront.has(path) && !path.endsWith('.map'));
  return { upFront: modules([...upFront]), later: modules(later) };
}

// What only reading, checking or filtering values needs: the editor's, never the panel's first render.
const READING = [
  'src/model/index.ts',
  'src/model/values.ts',
  'src/model/audience.ts',
  'src/model/value-types/index.ts',
  'src/model/value-types/spec.ts',
  'src/model/value-types/calendar.ts',
  ...['number', 'text', 'word', 'choice', 'location', 'date', 'time'].map((type) => `src/model/value-types/${type}.ts`),
  'src/storage/store-rules.ts',
  'src/i18n/en-editor.ts',
  'src/i18n/characters.ts',
  'src/elements/property-editor/property-editor.ts',
];

test('the agent panel page (panel and RestStore) loads no parser, check or value error up front: they come with the editor', async () => {
  const { upFront, later } = await pageModules(
    "import './src/elements/customer-details-panel/customer-details-panel.ts';\nexport { RestStore } from './src/storage/rest-store.ts';\n",
  );
  assert.ok(upFront.has('src/model/value-types/display.ts'), 'the panel formats values with the showing half');
  assert.deepEqual(
    READING.filter((module) => upFront.has(module)),
    [],
    'modules the agent panel page loads up front although only the editor uses them',
  );
  for (const module of [
    'src/elements/property-editor/property-editor.ts',
    'src/model/values.ts',
    'src/i18n/en-editor.ts',
  ]) {
    assert.ok(later.has(module), `${module} loads with the editor`);
  }
});

test('the agent panel page loads its History panel (its data loading and rendering) on demand', async () => {
  const { upFront, later } = await pageModules(
    "import './src/elements/customer-details-panel/customer-details-panel.ts';\nexport { RestStore } from './src/storage/rest-store.ts';\n",
  );
  const history = ['src/internal/field-history.ts', 'src/internal/field-history-view.ts'];
  assert.deepEqual(
    history.filter((module) => upFront.has(module)),
    [],
    'History modules the agent panel page loads up front',
  );
  for (const module of history) assert.ok(later.has(module), `${module} loads when a History panel opens`);
  assert.ok(
    ![...upFront].some((module) => module.includes('@lit/task')),
    'no @lit/task up front (only the admin elements use it)',
  );
});
