// Facts about text both halves of the value types use (showing and reading), and the definitions:
// a module of its own so a page that only shows values does not load `spec.ts`'s parsing helpers.

/** The most characters a text value may hold, whatever its definition's `maxLength`. */
export const TEXT_MAX_LENGTH = 10_000;

/** Length in characters as people count them (code points, so an emoji is one). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * A stored value as plain text, whatever its shape: the value itself for a string, items joined by
 * commas for an array, JSON for a location (a value of the wrong shape is shown as it is, never as
 * `[object Object]`).
 */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plainText).join(', ');
  return JSON.stringify(value) ?? '';
}
