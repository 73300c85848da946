import type { ValueError, ValueProblem } from './errors.js';
import type { PropertyDefinition, PropertyType, PropertyValue, ValueInput } from './types.js';
import { fail, type ValueTypeHandler } from './value-types/handler.js';
import { multipleChoiceType, singleChoiceType } from './value-types/choice.js';
import { dateType } from './value-types/date.js';
import { locationType } from './value-types/location.js';
import { numberType } from './value-types/number.js';
import { textType } from './value-types/text.js';
import { timeType } from './value-types/time.js';
import { wordType } from './value-types/word.js';

/** One handler per type: a ninth type fails the compile here until it is handled. */
const HANDLERS = {
  number: numberType,
  text: textType,
  word: wordType,
  'single-choice': singleChoiceType,
  'multiple-choice': multipleChoiceType,
  location: locationType,
  date: dateType,
  time: timeType,
} satisfies Record<PropertyType, ValueTypeHandler>;

export type ParseResult =
  | { ok: true; value: PropertyValue | null }
  | { ok: false; error: ValueError };

const patterns = new Map<string, RegExp | null>();

/** The definition's pattern, anchored to the whole value; `null` when it does not compile. */
export function compilePattern(pattern: string): RegExp | null {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      compiled = null;
    }
    patterns.set(pattern, compiled);
  }
  return compiled;
}

function checkPattern(def: PropertyDefinition, value: PropertyValue): ValueProblem | null {
  if (!def.pattern || (def.type !== 'text' && def.type !== 'word')) return null;
  const pattern = compilePattern(def.pattern);
  if (!pattern || pattern.test(String(value))) return null;
  return {
    code: 'pattern.mismatch',
    params: def.patternHint ? { hint: def.patternHint } : {},
  };
}

function handlerFor(def: PropertyDefinition): ValueTypeHandler | undefined {
  return Object.hasOwn(HANDLERS, def.type) ? HANDLERS[def.type] : undefined;
}

/**
 * Reads what a user typed or chose into the stored value (`null`: empty), or says what is wrong as
 * a code with parameters (`describeError` in `customer-properties/i18n` words it). The locale
 * decides the decimal separator and the date and time forms read. Never throws.
 */
export function parseValue(def: PropertyDefinition, input: ValueInput, locale = 'en'): ParseResult {
  const handler = handlerFor(def);
  const parsed = handler ? handler.parse(def, input, locale) : fail(unknownType(def));
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
  const handler = handlerFor(def);
  let problem: ValueProblem | null;
  if (!handler) problem = unknownType(def);
  else if (value === null || value === undefined) problem = requiredProblem(def);
  else problem = handler.validate(def, value) ?? checkPattern(def, value);
  return problem;
}

/**
 * A stored value as people read it: the locale's decimal separator, date and time forms, option
 * labels (or the bare value of an option no longer offered), the address. An empty value gives `''`.
 * Never throws, even for a value that is invalid.
 */
export function formatValue(
  def: PropertyDefinition,
  value: PropertyValue | null | undefined,
  locale = 'en',
): string {
  if (value === null || value === undefined) return '';
  const handler = handlerFor(def);
  if (!handler) return plainText(value);
  try {
    return handler.format(def, value, locale);
  } catch {
    return plainText(value);
  }
}

function plainText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}
