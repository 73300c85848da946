// ESLint 9 flat config: typescript-eslint (type-aware), Lit and web-component rules. Prettier owns
// the layout, so every stylistic rule that could disagree with it is turned off at the end.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The suites of customer-properties/testing are test code too, assertions throughout.
const TESTS = [
  '**/*.test.ts',
  'src/internal/test/**/*.ts',
  'src/testing/store-conformance.ts',
  'src/testing/form-control-suite.ts',
];

export default tseslint.config(
  // The examples import `customer-properties` as a host would, from the packed tarball that
  // `npm run test:hosts` installs; that step type-checks them (tsc, vue-tsc) once it is there.
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'bench/results/', 'examples/'] },

  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks what is left out on purpose: `const { pattern: _pattern, ...rest } = def`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // An `async` function without `await` is how a store or a fake keeps a promise-returning
      // interface and turns a throw into a rejection; the rule would ask to rewrite them all.
      '@typescript-eslint/require-await': 'off',
      // Its hits here are methods read to be called at once (`typeof at.lat === 'function' ?
      // at.lat() : at.lat` on Maps' `LatLng | LatLngLiteral`) or saved to be restored in a test;
      // Lit binds `this` for template listeners, which the rule cannot see anyway.
      '@typescript-eslint/unbound-method': 'off',
      // Render modules reach an element's private state through a small host object whose getters
      // close over the element (`const element = this`): the one aliasing of `this` we allow.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['element', 'form', 'picker'] }],
    },
  },

  // The elements, their tests, the demo and the benchmark pages: Lit in the browser.
  {
    files: ['src/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    languageOptions: { globals: globals.browser },
    rules: {
      // From eslint-plugin-lit's `all`: the rules that catch mistakes. Left out as taste, each with
      // dozens of hits in sound code: no-template-arrow, no-template-map, prefer-query-decorators;
      // no-value-attribute and no-this-assign-in-render only misfire here (a radio's `value`, an
      // assignment inside an `@close` handler).
      'lit/attribute-names': 'error',
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/prefer-static-styles': 'error',
      'lit/value-after-constraints': 'error',
      // Guards `super.connectedCallback?.()` for a base class that may lack it; LitElement has them all.
      'wc/guard-super-call': 'off',
    },
  },

  // The peers' page of the bench: plain JavaScript in the browser.
  { files: ['bench/peers/peers.mjs'], languageOptions: { globals: globals.browser } },

  {
    files: TESTS,
    rules: {
      // @open-wc/semantic-dom-diff types chai's `.equal()` as returning a Promise, so every
      // `expect(x).to.equal(y)` would count as a floating promise (about 575 false hits).
      '@typescript-eslint/no-floating-promises': 'off',
      // Chai asserts with getters: `expect(x).to.exist`, `.to.be.true`.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests read HTTP bodies as untyped JSON to assert on what came over the wire; typing each
      // body would restate the API file the server's tests already check every response against.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Scripts and configs run in Node and belong to no tsconfig project: no type information.
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  // These drive Chromium with Puppeteer: the callbacks given to `page.evaluate` run in the page.
  {
    files: [
      'scripts/*.smoke.test.mjs',
      'scripts/demo-german.test.mjs',
      'scripts/locales.runtimes.test.mjs',
      'scripts/locale-forms.mjs',
      'scripts/hosts.test.mjs',
      'scripts/screenshot-demo.mjs',
      'bench/*.mjs',
    ],
    languageOptions: { globals: globals.browser },
  },

  prettier,
);
