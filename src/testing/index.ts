/**
 * `customer-properties/testing`: what we test with, for a host testing its own store or page.
 *
 * - `runStoreConformance(name, makeStore, options?)`: the suite every shipped store passes.
 * - `runFormControlTests(cases, options?)`: the suite `<property-editor>` and `<location-picker>` pass.
 * - `findField`, `typeInto`, `commit`: find a field by its label through shadow roots, type, commit.
 * - `seed()`, `SEED_DEFINITIONS`, `SEED_CUSTOMERS`: the data the suites start from.
 *
 * The suites use the test framework's `describe`, `it`, `beforeEach`, `afterEach` (globals, or the
 * option `test`) and chai's `expect` (an optional peer dependency: install `chai` to use them).
 * Nothing else in the package imports this module.
 * @packageDocumentation
 */
export {
  runStoreConformance,
  rejection,
  type MakeStore,
  type StoreSetup,
  type StoreConformanceOptions,
} from './store-conformance.js';
export { runFormControlTests, type FormControlCase } from './form-control-suite.js';
export { findField, typeInto, commit, type Field } from './harness.js';
export { seed, SEED_DEFINITIONS, SEED_CUSTOMERS } from './seed.js';
export type { TestApi } from './test-api.js';
