// dist/*.js and *.d.ts come from tsc; this builds the self-contained bundle for a
// <script type="module"> or a CDN. Its size is checked afterwards by scripts/size.mjs.
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { CSS_TARGETS } from './scripts/css-targets.mjs';
import { papaparseRollupPlugin } from './scripts/papaparse-esm.mjs';

/** A lazily loaded chunk is named after the package it holds: `bundle-chunks/js-api-loader-<hash>.js`. */
function chunkFileName(chunk) {
  const name = chunk.facadeModuleId?.match(/node_modules\/(?:@[^/]+\/)?([^/]+)\//)?.[1] ?? '[name]';
  return `bundle-chunks/${name}-[hash:8].js`;
}

/** The bundle's build from the tsc output in `dist` (scripts/bundle.smoke.test.mjs builds one elsewhere). */
export function bundleConfig(dist = 'dist') {
  return {
    input: `${dist}/index.js`,
    // What the code imports dynamically (the Google Maps loader) becomes a chunk beside the bundle,
    // loaded only when a page needs it: a page without a map loads no Maps code.
    output: {
      dir: dist,
      entryFileNames: 'customer-properties.bundle.js',
      chunkFileNames: chunkFileName,
      format: 'es',
      sourcemap: true,
    },
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      // `browser`: a package's browser build where it has one (papaparse's has no Node `stream` in it).
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      papaparseRollupPlugin,
      // Our html`` and css`` templates: whitespace collapsed where HTML ignores it (one space kept
      // between inline content), comments dropped, CSS minified by lightningcss.
      minifyHTML({ include: [`${dist}/**/*.js`], options: { minifyOptions: { minifyCSS: { targets: CSS_TARGETS } } } }),
      // `module` lets terser treat the top level as private (as `toplevel` would); a second
      // compress pass; no property mangling.
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  };
}

const LOCALES = /(^|[/\\])i18n[/\\]locales\.js$/;

/**
 * German beside the bundle, `customer-properties.de.js`: a page that speaks only English does not
 * load it. It registers itself through the bundle's own `registerCatalog` (imported from the
 * bundle, so both share one registry), and the bundle stays one file.
 */
export function germanConfig(dist = 'dist') {
  return {
    input: `${dist}/i18n/de.js`,
    external: (id) => LOCALES.test(id),
    output: {
      file: `${dist}/customer-properties.de.js`,
      format: 'es',
      sourcemap: true,
      paths: (id) => (LOCALES.test(id) ? './customer-properties.bundle.js' : id),
    },
    plugins: [terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } })],
  };
}

export default [bundleConfig(), germanConfig()];
