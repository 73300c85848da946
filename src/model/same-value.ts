import type { PropertyValue } from './types.js';

/** The members of a JSON object that hold something (`undefined` is no member in JSON). */
function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = definedKeys(x);
  if (keys.length !== definedKeys(y).length) return false;
  return keys.every((key) => Object.hasOwn(y, key) && sameJson(x[key], y[key]));
}

/**
 * Whether two stored values are the same value: by content, not identity, whatever the order of
 * an object's keys (a database or a host may reorder them); `null` and `undefined` are both "not
 * set". Arrays compare in order (a multiple choice is stored in option order).
 */
export function sameValue(a: PropertyValue | null | undefined, b: PropertyValue | null | undefined): boolean {
  return sameJson(a ?? null, b ?? null);
}
