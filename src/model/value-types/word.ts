import type { ValueProblem } from '../errors.js';
import type { PropertyTypeSpec } from './spec.js';
import { characterCount, fail, inputText, lower, ok } from './spec.js';
import { wordDisplay } from './display.js';

export const WORD_MAX_LENGTH = 100;
const NOT_WORD_CHARACTER = /[^\p{L}\p{M}\p{N}]/gu;
// The zero-width non-joiner and joiner that the Arabic-script languages (Persian, Urdu…), the
// Indic scripts and a few others need between letters (`کتاب‌ها`, books): part of a word after a
// letter of those scripts, and only there (in `x\u200Cy` it would make two words that look alike differ).
const JOINER_BETWEEN_LETTERS =
  /(?<=[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tibetan}])[\u200c\u200d](?=[\p{L}\p{M}])/gu;

function checkWord(word: string): ValueProblem | null {
  const offending = [...new Set(word.replace(JOINER_BETWEEN_LETTERS, '').match(NOT_WORD_CHARACTER))];
  if (offending.length > 0) {
    return { code: 'word.characters', params: { characters: offending.slice(0, 5) } };
  }
  const length = characterCount(word);
  if (length > WORD_MAX_LENGTH) {
    return { code: 'word.length', params: { max: WORD_MAX_LENGTH, length } };
  }
  return null;
}

/**
 * Letters and digits of any script, no spaces: `ClassOf2023`, `Straße7`, `東京2024`, `کتاب‌ها` (with
 * U+200C or U+200D between two letters).
 */
export const wordType: PropertyTypeSpec = {
  ...wordDisplay,
  parse(_def, input) {
    const text = inputText(input);
    if (text === undefined) return fail({ code: 'value.type', params: { expected: 'word' } });
    const word = text.trim();
    if (word === '') return ok(null);
    const problem = checkWord(word);
    return problem ? fail(problem) : ok(word);
  },
  canonical: (_def, value) => value.trim(),
  validate(_def, value) {
    if (typeof value !== 'string' || value === '') {
      return { code: 'value.type', params: { expected: 'word' } };
    }
    return checkWord(value);
  },
  operators: {
    equals: { operand: 'one', test: (operand) => (v) => typeof v === 'string' && lower(v) === lower(operand) },
    in: {
      operand: 'list',
      test: (operand) => {
        const wanted = new Set((operand as string[]).map(lower));
        return (v) => typeof v === 'string' && wanted.has(lower(v));
      },
    },
  },
  listOperand: 'words',
  example: () => 'ClassOf2023',
  formValue: 'text',
};
