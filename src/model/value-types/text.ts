import type { PropertyDefinition } from '../types.js';
import type { PropertyTypeSpec } from './spec.js';
import { characterCount, fail, inputText, lower, ok } from './spec.js';
import { textDisplay } from './display.js';
import { TEXT_MAX_LENGTH } from './plain-text.js';

export { TEXT_MAX_LENGTH } from './plain-text.js';

/** The definition's `maxLength`, never more than any text may hold. */
export function textMaxLength(def: PropertyDefinition): number {
  const max = def.maxLength;
  return typeof max === 'number' && Number.isSafeInteger(max) && max >= 1
    ? Math.min(max, TEXT_MAX_LENGTH)
    : TEXT_MAX_LENGTH;
}

/** Surrounding whitespace is not counted: it is not what anyone reads. */
function checkText(def: PropertyDefinition, text: string) {
  const max = textMaxLength(def);
  const length = characterCount(text.trim());
  return length > max ? ({ code: 'text.length', params: { max, length } } as const) : null;
}

/** Text is kept exactly as typed, line breaks included; only whitespace counts as empty. */
export const textType: PropertyTypeSpec = {
  ...textDisplay,
  parse(def, input) {
    const text = inputText(input);
    if (text === undefined) return fail({ code: 'value.type', params: { expected: 'text' } });
    if (text.trim() === '') return ok(null);
    const problem = checkText(def, text);
    return problem ? fail(problem) : ok(text);
  },
  validate(def, value) {
    if (typeof value !== 'string' || value.trim() === '') {
      return { code: 'value.type', params: { expected: 'text' } };
    }
    return checkText(def, value);
  },
  operators: {
    contains: { operand: 'one', test: (operand) => (v) => typeof v === 'string' && lower(v).includes(lower(operand)) },
    equals: { operand: 'one', test: (operand) => (v) => typeof v === 'string' && lower(v) === lower(operand) },
    'starts-with': {
      operand: 'one',
      test: (operand) => (v) => typeof v === 'string' && lower(v).startsWith(lower(operand)),
    },
  },
  // Any text is something to search for, even one a stored value could not be.
  checkOperand: (_def, operand) => (typeof operand === 'string' && operand !== '' ? null : 'missing'),
  example: () => 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France',
  formValue: 'text',
};
