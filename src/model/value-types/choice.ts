import type { ValueProblem } from '../errors.js';
import type { ChoiceOption, PropertyDefinition } from '../types.js';
import type { PropertyTypeSpec } from './spec.js';
import { fail, ok, plainText } from './spec.js';

interface OptionIndex {
  /** Option value → position in the definition. */
  position: Map<string, number>;
  /** Lower-cased trimmed label → value, for labels that name one option only. */
  byLabel: Map<string, string | null>;
}

// Definitions are treated as immutable values, so an index per options array stays valid.
const indexes = new WeakMap<readonly ChoiceOption[], OptionIndex>();

function optionIndex(def: PropertyDefinition): OptionIndex {
  const options = def.options ?? [];
  let index = indexes.get(options);
  if (!index) {
    index = { position: new Map(), byLabel: new Map() };
    options.forEach((option, i) => {
      index!.position.set(option.value, i);
      const key = option.label.trim().toLowerCase();
      index!.byLabel.set(key, index!.byLabel.has(key) ? null : option.value);
    });
    indexes.set(options, index);
  }
  return index;
}

/** The option label for a stored value, or `undefined` when the option is no longer offered. */
export function optionLabel(def: PropertyDefinition, value: string): string | undefined {
  const position = optionIndex(def).position.get(value);
  return position === undefined ? undefined : def.options?.[position]?.label;
}

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
  format: (def, value) => optionLabel(def, plainText(value)) ?? plainText(value),
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
  options: true,
  pattern: false,
  input: 'one-of',
  example: (def) => def.options?.[0]?.value ?? null,
  formValue: 'text',
  text: (def, value, noLongerOffered) => optionLabel(def, plainText(value)) ?? noLongerOffered(plainText(value)),
};

/** Splits typed text on commas: `red, blue` as people read a formatted multiple choice. */
function choicesFromText(text: string): string[] {
  return text.split(',').filter((part) => part.trim() !== '');
}

export const multipleChoiceType: PropertyTypeSpec = {
  parse(def, input) {
    if (input === null || input === undefined) return ok(null);
    let items: readonly string[];
    if (typeof input === 'string') items = choicesFromText(input);
    else if (Array.isArray(input) && input.every((item) => typeof item === 'string')) items = input;
    else return fail({ code: 'value.type', params: { expected: 'multiple-choice' } });
    const index = optionIndex(def);
    const chosen = new Set<string>();
    const missing: string[] = [];
    for (const item of items) {
      const value = resolveOption(index, item);
      if (value === undefined) missing.push(item.trim());
      else chosen.add(value);
    }
    if (missing.length > 0) return fail(unknown(missing));
    if (chosen.size === 0) return ok(null);
    return ok([...chosen].sort((a, b) => index.position.get(a)! - index.position.get(b)!));
  },
  format(def, value) {
    const values = Array.isArray(value) ? value : [plainText(value)];
    return values.map((item) => optionLabel(def, item) ?? item).join(', ');
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
  options: true,
  pattern: false,
  input: 'many-of',
  example: (def) => (def.options?.[0] ? [def.options[0].value] : null),
  formValue: 'json',
  text(def, value, noLongerOffered) {
    const values = Array.isArray(value) ? value : [plainText(value)];
    return values.map((item) => optionLabel(def, item) ?? noLongerOffered(item)).join(', ');
  },
};
