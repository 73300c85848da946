import type { PropertyTypeSpec } from './spec.js';
import { characterCount, fail, inputText, lower, ok, plainText } from './spec.js';

export const TEXT_MAX_LENGTH = 10_000;

function checkText(text: string) {
  const length = characterCount(text);
  return length > TEXT_MAX_LENGTH ? ({ code: 'text.length', params: { max: TEXT_MAX_LENGTH, length } } as const) : null;
}

/** Text is kept exactly as typed, line breaks included; only whitespace counts as empty. */
export const textType: PropertyTypeSpec = {
  parse(_def, input) {
    const text = inputText(input);
    if (text === undefined) return fail({ code: 'value.type', params: { expected: 'text' } });
    if (text.trim() === '') return ok(null);
    const problem = checkText(text);
    return problem ? fail(problem) : ok(text);
  },
  format: (_def, value) => plainText(value),
  validate(_def, value) {
    if (typeof value !== 'string' || value.trim() === '') {
      return { code: 'value.type', params: { expected: 'text' } };
    }
    return checkText(value);
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
  options: false,
  pattern: true,
  input: 'typed',
  example: () => 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France',
  formValue: 'text',
};
