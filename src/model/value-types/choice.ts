import type { ValueProblem } from '../errors.js';
import type { ChoiceOption, PropertyDefinition } from '../types.js';
import type { PropertyTypeSpec } from './spec.js';
import { fail, ok } from './spec.js';
import { multipleChoiceDisplay, optionIndex, singleChoiceDisplay, type OptionIndex } from './display.js';

export { optionLabel } from './display.js';

/** An option's value from its value or its (unambiguous) label. */
function resolveOption(index: OptionIndex, input: string): string | undefined {
  if (index.position.has(input)) return input;
  const trimmed = input.trim();
  if (index.position.has(trimmed)) return trimmed;
  return index.byLabel.get(trimmed.toLowerCase()) ?? undefined;
}

function unknown(values: string[]): ValueProblem {
  return { code: 'choice.unknown', params: { values } };
}

export const singleChoiceType: PropertyTypeSpec = {
  ...singleChoiceDisplay,
  parse(def, input) {
    if (Array.isArray(input)) {
      if (input.length > 1) return fail({ code: 'value.type', params: { expected: 'single-choice' } });
      input = (input as readonly string[])[0];
    }
    if (input === null || input === undefined) return ok(null);
    if (typeof input !== 'string') return fail({ code: 'value.type', params: { expected: 'single-choice' } });
    if (input.trim() === '') return ok(null);
    const value = resolveOption(optionIndex(def), input);
    return value === undefined ? fail(unknown([input])) : ok(value);
  },
  validate(def, value) {
    if (typeof value !== 'string' || value === '') {
      return { code: 'value.type', params: { expected: 'single-choice' } };
    }
    return optionIndex(def).position.has(value) ? null : unknown([value]);
  },
  operators: {
    in: {
      operand: 'list',
      test: (operand) => {
        const wanted = new Set(operand as string[]);
        return (v) => typeof v === 'string' && wanted.has(v);
      },
    },
    'not-in': {
      operand: 'list',
      test: (operand) => {
        const unwanted = new Set(operand as string[]);
        return (v) => !(typeof v === 'string' && unwanted.has(v));
      },
    },
  },
  listOperand: 'options',
  example: (def) => def.options?.[0]?.value ?? null,
  formValue: 'text',
};

type Piece = { text: string; quoted: boolean };

/** Options' labels and values are at most 200 characters (`OPTION_MAX_LENGTH`), 400 UTF-16 units. */
const OPTION_TEXT_MAX = 200;

/** Typed text as items: quoted as `listItem` writes them, or the text between commas. */
function piecesFromText(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  while (at <= text.length) {
    // An unquoted item keeps its spaces: joined back across a comma, it must read as typed.
    const start = at;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (text[at] === '"') {
      let item = '';
      let end = at + 1;
      for (; end < text.length; end++) {
        if (text[end] !== '"') item += text[end];
        else if (text[end + 1] === '"') item += text[++end];
        else break;
      }
      const comma = text.indexOf(',', end);
      const rest = text.slice(end + 1, comma < 0 ? text.length : comma);
      // A closed quote followed by nothing but spaces is one item; anything else is read as typed.
      if (end < text.length && rest.trim() === '') {
        pieces.push({ text: item, quoted: true });
        at = comma < 0 ? text.length + 1 : comma + 1;
        continue;
      }
    }
    const comma = text.indexOf(',', at);
    pieces.push({ text: text.slice(start, comma < 0 ? text.length : comma), quoted: false });
    at = comma < 0 ? text.length + 1 : comma + 1;
  }
  return pieces.filter((piece) => piece.quoted || piece.text.trim() !== '');
}

/** The most commas in any option's label or value: how far an unquoted item may reach. */
const commaCounts = new WeakMap<readonly ChoiceOption[], number>();
function mostCommas(def: PropertyDefinition): number {
  const options = def.options ?? [];
  let most = commaCounts.get(options);
  if (most === undefined) {
    most = 0;
    for (const option of options) {
      most = Math.max(most, option.label.split(',').length - 1, option.value.split(',').length - 1);
    }
    commaCounts.set(options, most);
  }
  return most;
}

/**
 * Typed text as option values: quoted items as they are; unquoted items joined with the commas
 * after them while that names an option, the longest first, so `Red, dark, Blue` typed without
 * quotes still finds `Red, dark`.
 */
function choicesFromText(
  def: PropertyDefinition,
  index: OptionIndex,
  text: string,
): { found: string[]; missing: string[] } {
  const pieces = piecesFromText(text);
  const reach = mostCommas(def);
  const found: string[] = [];
  const missing: string[] = [];
  for (let i = 0; i < pieces.length;) {
    const piece = pieces[i]!;
    if (piece.quoted) {
      const value = resolveOption(index, piece.text);
      if (value === undefined) missing.push(piece.text.trim());
      else found.push(value);
      i++;
      continue;
    }
    // The longest run that names an option; a run never grows past what any option could be.
    let taken = 0;
    let run = '';
    for (let j = i; j < pieces.length && j <= i + reach && !pieces[j]!.quoted; j++) {
      run = j === i ? piece.text : `${run},${pieces[j]!.text}`;
      if (run.trim().length > 2 * OPTION_TEXT_MAX) break;
      const value = resolveOption(index, run);
      if (value !== undefined) {
        if (taken > 0) found.pop();
        found.push(value);
        taken = j - i + 1;
      }
    }
    if (taken === 0) {
      missing.push(piece.text.trim());
      taken = 1;
    }
    i += taken;
  }
  return { found, missing };
}

export const multipleChoiceType: PropertyTypeSpec = {
  ...multipleChoiceDisplay,
  parse(def, input) {
    if (input === null || input === undefined) return ok(null);
    const index = optionIndex(def);
    let read: { found: string[]; missing: string[] };
    if (typeof input === 'string') read = choicesFromText(def, index, input);
    else if (Array.isArray(input) && input.every((item) => typeof item === 'string')) {
      read = { found: [], missing: [] };
      for (const item of input as readonly string[]) {
        const value = resolveOption(index, item);
        if (value === undefined) read.missing.push(item.trim());
        else read.found.push(value);
      }
    } else return fail({ code: 'value.type', params: { expected: 'multiple-choice' } });
    const { missing } = read;
    const chosen = new Set(read.found);
    if (missing.length > 0) return fail(unknown(missing));
    if (chosen.size === 0) return ok(null);
    return ok([...chosen].sort((a, b) => index.position.get(a)! - index.position.get(b)!));
  },
  validate(def, value) {
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
      return { code: 'value.type', params: { expected: 'multiple-choice' } };
    }
    const index = optionIndex(def);
    const missing = value.filter((item) => !index.position.has(item));
    if (missing.length > 0) return unknown(missing);
    const repeated = value.filter((item, i) => value.indexOf(item) !== i);
    if (repeated.length > 0) {
      return { code: 'choice.duplicate', params: { values: [...new Set(repeated)] } };
    }
    for (let i = 1; i < value.length; i++) {
      if (index.position.get(value[i]!)! < index.position.get(value[i - 1]!)!) {
        return { code: 'choice.order', params: {} };
      }
    }
    return null;
  },
  operators: {
    'has-any': {
      operand: 'list',
      test: (operand) => (v) => Array.isArray(v) && (operand as string[]).some((item) => v.includes(item)),
    },
    'has-all': {
      operand: 'list',
      test: (operand) => (v) => Array.isArray(v) && (operand as string[]).every((item) => v.includes(item)),
    },
    'has-none': {
      operand: 'list',
      test: (operand) => (v) => !Array.isArray(v) || !(operand as string[]).some((item) => v.includes(item)),
    },
  },
  // Each item of a list operand is one option.
  checkOperand: (def, operand) =>
    operand === null || operand === undefined || operand === '' ? 'missing' : singleChoiceType.validate(def, operand),
  listOperand: 'options',
  example: (def) => (def.options?.[0] ? [def.options[0].value] : null),
  formValue: 'json',
};
