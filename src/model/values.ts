import type { ValueError, ValueProblem } from './errors.js';
import type { PropertyDefinition, PropertyValue, ValueInput } from './types.js';
import { specFor } from './value-types/index.js';
import { fail, plainText, type PropertyTypeSpec } from './value-types/spec.js';
import { compilePattern } from './patterns.js';

// Showing a value needs none of the parsing here: a page that only shows values imports `display.js`.
export { formatValue } from './value-types/display.js';
export { sameValue } from './same-value.js';

export type ParseResult = { ok: true; value: PropertyValue | null } | { ok: false; error: ValueError };

function checkPattern(def: PropertyDefinition, value: PropertyValue): ValueProblem | null {
  if (!def.pattern || !specFor(def)?.pattern) return null;
  const pattern = compilePattern(def.pattern);
  // Fail closed: a pattern that does not compile, or cannot be checked yet, refuses every value.
  if (pattern === undefined) return { code: 'pattern.unavailable', params: {} };
  if (!pattern) return { code: 'pattern.invalid', params: {} };
  if (pattern.matches(plainText(value))) return null;
  return {
    code: 'pattern.mismatch',
    params: def.patternHint ? { hint: def.patternHint } : {},
  };
}

/**
 * Reads what a user typed or chose into the stored value (`null`: empty), or says what is wrong as
 * a code with parameters (`describeError` in `customer-properties/i18n` words it). The locale
 * decides the decimal separator and the date and time forms read. Never throws.
 */
export function parseValue(def: PropertyDefinition, input: ValueInput, locale = 'en'): ParseResult {
  const spec = specFor(def);
  const parsed = spec ? spec.parse(def, input, locale) : fail(unknownType(def));
  const problem = !parsed.ok
    ? parsed.problem
    : parsed.value === null
      ? requiredProblem(def)
      : checkPattern(def, parsed.value);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: parsed.ok ? parsed.value : null };
}

function unknownType(def: PropertyDefinition): ValueProblem {
  return { code: 'value.type', params: { expected: String(def.type) } };
}

function requiredProblem(def: PropertyDefinition): ValueProblem | null {
  return def.required ? { code: 'required', params: {} } : null;
}

/**
 * Checks a stored value as it arrives from a store or a host: `null` when it is valid. An unset
 * value (`null` or `undefined`) is valid unless the definition is required.
 */
export function validateValue(def: PropertyDefinition, value: PropertyValue | null | undefined): ValueError | null {
  const spec = specFor(def);
  let problem: ValueProblem | null;
  if (!spec) problem = unknownType(def);
  else if (value === null || value === undefined) problem = requiredProblem(def);
  else {
    problem = spec.validate(def, value);
    if (problem && typeof value === 'string') problem = canonicalProblem(spec, def, value) ?? problem;
    problem ??= checkPattern(def, value);
  }
  return problem;
}

/** A refused string that means one valid value: the form to send instead (`10.50` → `10.5`). */
function canonicalProblem(spec: PropertyTypeSpec, def: PropertyDefinition, value: string): ValueProblem | null {
  const canonical = spec.canonical?.(def, value);
  if (canonical === undefined || canonical === value || spec.validate(def, canonical) !== null) return null;
  return { code: 'value.canonical', params: { canonical } };
}
