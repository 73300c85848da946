// A build step after tsc: the html`` and css`` templates of the published dist/*.js minified in
// place, as the bundle's rollup build does (whitespace HTML ignores collapsed, comments dropped, CSS
// minified by lightningcss for the same browsers). A host's bundler minifies our JavaScript but not
// the text inside our templates: measured on the agent panel page, −0.8 KB gzip. Each file's source
// map is composed with tsc's, so it still points at src/*.ts.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import remapping from '@jridgewell/remapping';
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { CSS_TARGETS } from './css-targets.mjs';

const dist = process.argv[2] ?? 'dist';

/** Every .js file under a folder, the server half left out (it has no templates). */
async function* scripts(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'server' && entry.name !== 'demo') yield* scripts(path);
    } else if (entry.name.endsWith('.js')) yield path;
  }
}

let changed = 0;
for await (const file of scripts(dist)) {
  const code = await readFile(file, 'utf8');
  if (!code.includes('`')) continue;
  const result = await minifyHTMLLiterals(code, {
    fileName: file,
    minifyOptions: { minifyCSS: { targets: CSS_TARGETS } },
  });
  if (!result) continue;
  changed += 1;
  await writeFile(file, result.code);
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile) || !result.map) continue;
  const tscMap = JSON.parse(await readFile(mapFile, 'utf8'));
  // The minifier's map leads from the new file to tsc's output; tsc's from there to src/*.ts.
  const composed = remapping([JSON.parse(result.map.toString()), tscMap], () => null);
  composed.file = tscMap.file;
  // tsc writes no source text into its maps; nor do we.
  if (composed.sourcesContent?.every((text) => text == null)) delete composed.sourcesContent;
  await writeFile(mapFile, JSON.stringify(composed));
}
console.log(`minify-templates: html and css templates minified in ${changed} files under ${dist}/`);
