// papaparse ships as UMD only. A bundler that reads CommonJS (esbuild, Vite, webpack) takes it as
// it is; the dev server, the test runner and the bundle's rollup (which read ES modules only) get it
// wrapped so its CommonJS branch runs and its export becomes the module's default.

/** Whether a module path is papaparse's own file. */
export const isPapaparse = (path) => /[\\/]papaparse[\\/]papaparse(\.min)?\.js$/.test(path);

/** papaparse's text as an ES module. */
export const papaparseAsEsm = (code) =>
  // Called with a `this`, as a script's top level has one: the UMD passes it as its root.
  `const module = { exports: {} }; const exports = module.exports;\n(function () {\n${code}\n}).call(globalThis);\nexport default module.exports;\n`;

/** For @web/dev-server and @web/test-runner. */
export const papaparseDevServerPlugin = {
  name: 'papaparse-esm',
  transform(context) {
    if (isPapaparse(context.path)) return { body: papaparseAsEsm(context.body) };
  },
};

/** For rollup. */
export const papaparseRollupPlugin = {
  name: 'papaparse-esm',
  transform(code, id) {
    return isPapaparse(id) ? { code: papaparseAsEsm(code), map: null } : null;
  },
};
