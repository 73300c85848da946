import type { RE2JS } from 're2js';
import type { PropertyDefinition } from './types.js';

/** A compiled pattern: `matches` tests the whole value, in time linear in its length. */
export interface CompiledPattern {
  matches(value: string): boolean;
}

/**
 * RE2 (through `re2js`, a kept JavaScript port of Google's RE2), loaded on demand: it is 46 KB
 * gzip, which a page whose definitions have no pattern should not pay. `undefined` until
 * `loadPatternEngine()` has resolved.
 */
let engine: typeof RE2JS | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the engine that matches definitions' patterns. Patterns are RE2 syntax (what Go and Google
 * Sheets use, and JavaScript's apart from lookarounds and backreferences), matched in time linear in
 * the value's length, so no pattern can hang a tab or a server. Until this has resolved, a value of a
 * definition with a pattern is refused with `pattern.unavailable` and the pattern of a definition
 * with `definition.pattern.unavailable`: a rule never passes unchecked. The elements and stores of
 * this library call it themselves when definitions have patterns; a host calling `parseValue`,
 * `validateValue` or `validateDefinition` directly (say, a backend of its own) awaits it once.
 * Resolves at once when loaded; rejects when the module cannot be loaded (a later call tries again).
 */
export function loadPatternEngine(): Promise<void> {
  loading ??= import('re2js').then(
    (module) => {
      engine = module.RE2JS;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether `loadPatternEngine()` has resolved, so patterns are checked synchronously. */
export function patternEngineLoaded(): boolean {
  return engine !== undefined;
}

const READY = Promise.resolve();

/**
 * Loads the pattern engine when one of `definitions` has a pattern and it is not loaded yet;
 * otherwise resolves at once. Never rejects: when the engine cannot be loaded, values of those
 * definitions are refused with `pattern.unavailable` until a later call succeeds.
 */
export function preparePatterns(definitions: Iterable<Pick<PropertyDefinition, 'pattern'>>): Promise<void> {
  if (engine) return READY;
  for (const def of definitions) {
    if (def.pattern) return loadPatternEngine().catch(() => undefined);
  }
  return READY;
}

const patterns = new Map<string, CompiledPattern | null>();
const PATTERN_CACHE_MAX = 1_000;

/**
 * The definition's pattern, matched against the whole value: `null` when it does not compile,
 * `undefined` while the engine is not loaded (`loadPatternEngine`). The pattern compiles on its own,
 * so `a)|(.*` cannot escape the whole-value match.
 */
export function compilePattern(pattern: string): CompiledPattern | null | undefined {
  if (!engine) return undefined;
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = engine.compile(re2Syntax(pattern));
    } catch {
      compiled = null;
    }
    if (patterns.size >= PATTERN_CACHE_MAX) patterns.clear();
    patterns.set(pattern, compiled);
  }
  return compiled;
}

/** Why a pattern does not compile (the engine's words, in English); `''` when it does or the engine is not loaded. */
export function patternFault(pattern: string): string {
  if (!engine) return '';
  try {
    engine.compile(re2Syntax(pattern));
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const JS_ESCAPES = /\\(?:\\|u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4}))/g;

/** JavaScript's `\u00e9` and `\u{1F600}`, which RE2 does not know, as its `\x{…}`; `\\u` stays as it is. */
function re2Syntax(pattern: string): string {
  return pattern.replace(JS_ESCAPES, (escape, braced?: string, four?: string) =>
    braced || four ? `\\x{${braced ?? four}}` : escape,
  );
}
