/**
 * The four functions of a test framework the suites need. Mocha, `@web/test-runner`, Jest and
 * Vitest (with `globals: true`) define them as globals, which the suites use when none are given;
 * for `node:test`, or Vitest without globals, pass them: `{ describe, it, beforeEach, afterEach }`.
 * Assertions throw chai's `AssertionError` (chai is an optional peer dependency of this export).
 */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void): void;
  beforeEach(body: () => Promise<void> | void): void;
  afterEach(body: () => Promise<void> | void): void;
}

/** `given`, else the globals; throws, naming what is missing, when there are none. */
export function testApi(given?: TestApi): TestApi {
  if (given) return given;
  const globals = globalThis as unknown as Partial<TestApi>;
  const missing = (['describe', 'it', 'beforeEach', 'afterEach'] as const).filter(
    (name) => typeof globals[name] !== 'function',
  );
  if (missing.length) {
    throw new TypeError(
      `customer-properties/testing: no global ${missing.join(', ')}; pass { describe, it, beforeEach, afterEach } as the option \`test\`.`,
    );
  }
  return globals as TestApi;
}
