import type { ValueTypeHandler } from './handler.js';
import { characterCount, fail, inputText, ok } from './handler.js';

export const TEXT_MAX_LENGTH = 10_000;

function checkText(text: string) {
  const length = characterCount(text);
  return length > TEXT_MAX_LENGTH
    ? ({ code: 'text.length', params: { max: TEXT_MAX_LENGTH, length } } as const)
    : null;
}

/** Text is kept exactly as typed, line breaks included; only whitespace counts as empty. */
export const textType: ValueTypeHandler = {
  parse(_def, input) {
    const text = inputText(input);
    if (text === undefined) return fail({ code: 'value.type', params: { expected: 'text' } });
    if (text.trim() === '') return ok(null);
    const problem = checkText(text);
    return problem ? fail(problem) : ok(text);
  },
  format: (_def, value) => String(value),
  validate(_def, value) {
    if (typeof value !== 'string' || value.trim() === '') {
      return { code: 'value.type', params: { expected: 'text' } };
    }
    return checkText(value);
  },
};
