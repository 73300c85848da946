// The types a host's framework needs to type-check our tags, made from custom-elements.json by the
// two generators that read it: `@wc-toolkit/jsx-types` (React 19, Preact, Solid) and
// `custom-element-vuejs-integration` (Vue 3's GlobalComponents). Written to dist/frameworks/ by
// `npm run build`, each beside an empty module so that its subpath also resolves at run time:
//   customer-properties/jsx     the element prop types, no augmentation (for a JSX library of your own)
//   customer-properties/react   React 19's JSX.IntrinsicElements (react, react/jsx-runtime, react/jsx-dev-runtime)
//   customer-properties/preact  Preact's
//   customer-properties/solid   Solid's (attr:, prop:, on: forms)
//   customer-properties/vue     Vue 3's GlobalComponents, for vue-tsc and editors
// The generators write one file that augments every JSX library they know; split per framework, a
// host's type check never meets a module it has not installed.
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT = process.argv[2] ?? 'dist/frameworks';
/** Where the element classes and event types come from, seen from OUT. */
const LIBRARY = '../index.js';
const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.\n';

const manifest = JSON.parse(await readFile('custom-elements.json', 'utf8'));
// The base class is no element a host writes.
const exclude = ['LocalizedElement'];
const scratch = join(tmpdir(), `cp-framework-types-${process.pid}`);
await mkdir(scratch, { recursive: true });

generateJsxTypes(structuredClone(manifest), {
  outdir: scratch,
  fileName: 'jsx.d.ts',
  globalTypePath: LIBRARY,
  stronglyTypedEvents: true,
  exclude,
});
generateVuejsTypes(structuredClone(manifest), {
  outdir: scratch,
  fileName: 'vue.d.ts',
  globalTypePath: LIBRARY,
  hideLogs: true,
  exclude,
});
const jsx = await readFile(join(scratch, 'jsx.d.ts'), 'utf8');
const vue = await readFile(join(scratch, 'vue.d.ts'), 'utf8');
await rm(scratch, { recursive: true, force: true });

/**
 * Keeps in each `import type { … } from "…"` only the names the file uses, once each: the
 * generators import every export of an element's module (constants too) and repeat event types.
 * `Event` is the DOM's, not ours.
 */
function pruneImports(text, { add = [] } = {}) {
  const pattern = /import type \{([^}]*)\} from "([^"]+)";/g;
  // Names in doc comments (`MAX_GROUP_DEPTH` levels) are not uses.
  const body = text.replace(pattern, '').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  return text.replace(pattern, (_, names, from) => {
    const listed = names.split(',').map((name) => name.trim());
    if (from === LIBRARY) listed.push(...add);
    const used = [...new Set(listed)].filter(
      (name) => name && name !== 'Event' && new RegExp(`\\b${name}\\b`).test(body),
    );
    return `import type {\n${used.map((name) => `  ${name},\n`).join('')}} from "${from}";`;
  });
}

/** The event classes the manifest names (`@fires {PropertySavedEvent} …`): the JSX generator uses them without importing them. */
const eventTypes = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .flatMap((declaration) => declaration.events ?? [])
  .map((event) => event.type?.text)
  .filter((type) => type && /^\w+$/.test(type));

/** The generated types without the `declare module` / `declare global` blocks at the end. */
function withoutAugmentations(text) {
  const start = text.search(/^declare (module|global)/m);
  return start < 0 ? text : text.slice(0, start);
}

function augment(modules, elements) {
  return modules
    .map(
      (module) =>
        `declare module "${module}" {\n  namespace JSX {\n    interface IntrinsicElements extends ${elements} {}\n  }\n}\n`,
    )
    .join('\n');
}

const forFramework = (what, modules, elements) =>
  `${HEADER}// ${what}: \`import type {} from 'customer-properties/${what.toLowerCase()}'\` once, or name it in tsconfig's "types".\n` +
  `import type { ${elements} } from "./jsx.js";\nexport type * from "./jsx.js";\n\n${augment(modules, elements)}`;

const files = {
  'jsx.d.ts': HEADER + pruneImports(withoutAugmentations(jsx), { add: eventTypes }),
  'react.d.ts': forFramework('React', ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime'], 'CustomElements'),
  'preact.d.ts': forFramework('Preact', ['preact'], 'CustomElements'),
  'solid.d.ts': forFramework('Solid', ['solid-js'], 'CustomElementsSolidJs'),
  // Vue: its event handlers get our Event subclasses themselves (the generator wraps them in a
  // CustomEvent<…> of themselves), and no global JSX namespace (that would leak into React's).
  'vue.d.ts':
    HEADER +
    pruneImports(vue)
      .replace(/CustomEvent<(\w+)>/g, (_, type) => (type === 'never' ? 'Event' : type))
      .replace(/\ndeclare global \{[\s\S]*$/, '\n'),
};

await mkdir(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  await writeFile(join(OUT, name), text);
  await writeFile(
    join(OUT, name.replace(/\.d\.ts$/, '.js')),
    '// Types only: see the .d.ts beside this file.\nexport {};\n',
  );
}
console.log(`Framework types written to ${OUT}/: ${Object.keys(files).join(', ')}`);
