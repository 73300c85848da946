import type { PropertyDefinition } from '../../model/types.js';
import { displayFor } from '../../model/value-types/display.js';

/** Up to this many options a choice is a native select or checkboxes; above, a searchable list. */
export const SHORT_LIST_MAX = 15;

/** A choice with more options than a select or a group of checkboxes holds well: it is searched. */
export function isLongList(def: PropertyDefinition): boolean {
  return (def.options ?? []).length > SHORT_LIST_MAX;
}

/**
 * Whether the field is a text the user types: the typed types, and a long single choice, which is
 * typed to search. The panel's rows that show text before their editor follow the same rule.
 */
export function isTypedInput(def: PropertyDefinition): boolean {
  const input = displayFor(def)?.input;
  return input === 'typed' || (input === 'one-of' && isLongList(def));
}
