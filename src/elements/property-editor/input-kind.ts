import type { PropertyDefinition } from '../../model/types.js';

/** Up to this many options a choice is a native select or checkboxes; above, a searchable list. */
export const SHORT_LIST_MAX = 15;

/** A choice with more options than a select or a group of checkboxes holds well: it is searched. */
export function isLongList(def: PropertyDefinition): boolean {
  return (def.options ?? []).length > SHORT_LIST_MAX;
}

/** Types whose field is a text the user types (a long single choice too: it is typed to search). */
export function isTypedInput(def: PropertyDefinition): boolean {
  const type = def.type;
  return type === 'number' || type === 'text' || type === 'word' || type === 'date' || type === 'time' || (type === 'single-choice' && isLongList(def));
}
