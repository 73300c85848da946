import type { ValueProblem } from '../errors.js';
import type { AudienceOperator, PropertyDefinition, PropertyValue, ValueInput } from '../types.js';

export type Parsed = { ok: true; value: PropertyValue | null } | { ok: false; problem: ValueProblem };

/** What a condition's `value` holds for an operator (DESIGN §6). */
export type Operand = 'one' | 'pair' | 'list' | 'days' | 'circle';

/** A test of one set, stored value. */
export type ValueTest = (value: PropertyValue) => boolean;

/** How one audience operator matches a type's stored values. */
export interface OperatorSpec {
  operand: Operand;
  /**
   * The test for a set value, from the condition's operand (already checked by `validateAudience`).
   * `today()` is the anchor's calendar date, `YYYY-MM-DD`, for `within-last-days`.
   */
  test(operand: unknown, today: () => string): ValueTest;
}

/**
 * Everything that differs between property types, in one object per type (Lion's one element per
 * value type, as a table). `value-types/index.ts` gathers them in `PROPERTY_TYPE_SPECS`, and every
 * per-type decision in the library reads it: a ninth type fails the compile until it has a spec.
 */
export interface PropertyTypeSpec {
  /** Typed or chosen input to its stored form; `null` when the input is empty. */
  parse(def: PropertyDefinition, input: ValueInput, locale: string): Parsed;
  /** A valid stored value as people read it in the locale. */
  format(def: PropertyDefinition, value: PropertyValue, locale: string): string;
  /** Checks a stored value that arrived from a store or a host (never `null`). */
  validate(def: PropertyDefinition, value: unknown): ValueProblem | null;
  /**
   * The stored form of a string `validate` refuses but that means one value beyond doubt (`10.50`
   * → `10.5`, `2024-1-5` → `2024-01-05`), so a store can say which form to send; `undefined` when
   * there is none. Never a reading that depends on the locale.
   */
  canonical?(def: PropertyDefinition, value: string): string | undefined;
  /**
   * The audience operators of the type besides `is-set` and `is-not-set`, which every type has, in
   * the order a builder offers them, each with how it matches.
   */
  operators: Partial<Record<AudienceOperator, OperatorSpec>>;
  /**
   * Checks one operand of a condition (an item of a list or a pair too): `'missing'` when there is
   * none. Default: a stored value of the property, without `required` and `pattern`.
   */
  checkOperand?(def: PropertyDefinition, operand: unknown): ValueProblem | 'missing' | null;
  /** Orders two stored values, for types whose `between` must run forwards (`from` ≤ `to`). */
  compare?(a: string, b: string): number;
  /** `list` operands are typed words (`in`), or options chosen from the definition. */
  listOperand?: 'words' | 'options';
  /** The definition has `options` (1–10,000). */
  options: boolean;
  /** The definition may have a `pattern` the whole value must match. */
  pattern: boolean;
  /** What an editor shows: text the user types, one or many options to pick, a place on a map. */
  input: 'typed' | 'one-of' | 'many-of' | 'map';
  /** A value to show in format hints ("for example 12/31/2026"); `null` when there is none. */
  example(def: PropertyDefinition): PropertyValue | null;
  /** How the value travels as one `FormData` entry: as its text, or as JSON. */
  formValue: 'text' | 'json';
  /**
   * The value as read-only text when it differs from `format`: a choice names an option no longer
   * offered with the viewer's word for that.
   */
  text?(def: PropertyDefinition, value: PropertyValue, noLongerOffered: (value: string) => string): string;
}

export { characterCount, plainText } from './plain-text.js';

export const ok = (value: PropertyValue | null): Parsed => ({ ok: true, value });
export const fail = (problem: ValueProblem): Parsed => ({ ok: false, problem });

/** The input as text, or `undefined` when it is of another kind. */
export function inputText(input: ValueInput): string | undefined {
  if (typeof input === 'string') return input;
  if (typeof input === 'number') return String(input);
  return undefined;
}

/**
 * `=`, `≠`, `<`, `≤`, `>`, `≥` and `between` over a total order of canonical strings (decimals,
 * ISO dates): the operators that compare, built once for every type that has them.
 */
export function orderOperators(compare: (a: string, b: string) => number) {
  const against = (test: (order: number) => boolean) => ({
    operand: 'one' as const,
    test:
      (operand: unknown): ValueTest =>
      (v) =>
        typeof v === 'string' && test(compare(v, operand as string)),
  });
  return {
    eq: against((order) => order === 0),
    ne: {
      operand: 'one' as const,
      test:
        (operand: unknown): ValueTest =>
        (v) =>
          typeof v !== 'string' || compare(v, operand as string) !== 0,
    },
    lt: against((order) => order < 0),
    lte: against((order) => order <= 0),
    gt: against((order) => order > 0),
    gte: against((order) => order >= 0),
    between: {
      operand: 'pair' as const,
      test: (operand: unknown): ValueTest => {
        const [from, to] = operand as [string, string];
        return (v) => typeof v === 'string' && compare(v, from) >= 0 && compare(v, to) <= 0;
      },
    },
  } satisfies Partial<Record<AudienceOperator, OperatorSpec>>;
}

/** Text is compared without regard to case. */
export const lower = (value: unknown) => String(value).toLowerCase();

/** A stored string or array/object as one form entry. */
export function toFormText(value: PropertyValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
