// dist/*.js and *.d.ts come from tsc; this builds the self-contained bundle for a
// <script type="module"> or a CDN, and reports its size.
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';

/** Prints the minified and gzip size of each chunk the build writes. */
function sizeReport() {
  return {
    name: 'size-report',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
        const gzip = gzipSync(chunk.code, { level: 9 }).length;
        console.log(`size: ${chunk.fileName}  ${kb(chunk.code.length)} minified, ${kb(gzip)} gzip`);
      }
    },
  };
}

export default {
  input: 'dist/index.js',
  output: {
    file: 'dist/customer-properties.bundle.js',
    format: 'es',
    inlineDynamicImports: true,
    sourcemap: true,
  },
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    nodeResolve({ exportConditions: ['browser', 'production'] }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
    sizeReport(),
  ],
};
