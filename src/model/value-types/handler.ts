import type { ValueProblem } from '../errors.js';
import type { PropertyDefinition, PropertyValue, ValueInput } from '../types.js';

export type Parsed =
  | { ok: true; value: PropertyValue | null }
  | { ok: false; problem: ValueProblem };

/** Parse, format and validate for one property type; `values.ts` keeps one per type. */
export interface ValueTypeHandler {
  /** Typed or chosen input to its stored form; `null` when the input is empty. */
  parse(def: PropertyDefinition, input: ValueInput, locale: string): Parsed;
  /** A valid stored value as people read it in the locale. */
  format(def: PropertyDefinition, value: PropertyValue, locale: string): string;
  /** Checks a stored value that arrived from a store or a host (never `null`). */
  validate(def: PropertyDefinition, value: unknown): ValueProblem | null;
}

export const ok = (value: PropertyValue | null): Parsed => ({ ok: true, value });
export const fail = (problem: ValueProblem): Parsed => ({ ok: false, problem });

/** Length in characters as people count them (code points, so an emoji is one). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The input as text, or `undefined` when it is of another kind. */
export function inputText(input: ValueInput): string | undefined {
  if (typeof input === 'string') return input;
  if (typeof input === 'number') return String(input);
  return undefined;
}
