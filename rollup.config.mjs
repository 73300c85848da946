// dist/*.js and *.d.ts come from tsc; this builds the self-contained bundle for a
// <script type="module"> or a CDN. Its size is checked afterwards by scripts/size.mjs.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';

/** The bundle's build from the tsc output in `dist` (scripts/bundle.smoke.test.mjs builds one elsewhere). */
export function bundleConfig(dist = 'dist') {
  return {
    input: `${dist}/index.js`,
    output: {
      file: `${dist}/customer-properties.bundle.js`,
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      nodeResolve({ exportConditions: ['browser', 'production'] }),
      // `module` lets terser treat the top level as private (as `toplevel` would); a second
      // compress pass; no property mangling.
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  };
}

export default bundleConfig();
