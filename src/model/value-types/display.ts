import type { ChoiceOption, PropertyDefinition, PropertyType, PropertyValue, LocationValue } from '../types.js';
import { decimalSeparator, localeDigits, minusSign } from '../locale-facts.js';
import { daysInMonth, formatInCalendar, formatIsoDate, formatIsoTime, otherCalendar } from './calendar-forms.js';
import { plainText } from './plain-text.js';
import type { PropertyTypeSpec } from './spec.js';

/*
 * The showing half of every type: a stored value as text, and what kind of input edits it. A page
 * that only shows values (the agent panel until a field is edited) loads this and not the parsing,
 * validation and audience operators of `PROPERTY_TYPE_SPECS`, whose specs spread these in.
 */

/** What a page that shows values needs of a type: how it is shown, edited, and whether it has options or a pattern. */
export type ValueDisplay = Pick<PropertyTypeSpec, 'format' | 'text' | 'input' | 'options' | 'pattern'>;

/**
 * Shows a canonical decimal (or a finite number) as `Intl.NumberFormat` writes it in the locale,
 * without grouping or exponent: its digits, decimal separator and minus sign (`-42,5` in `de`,
 * `‎−۴۲٫۵` in `fa`), never a mix of scripts.
 */
export function formatDecimal(value: string | number, locale: string): string {
  const text = typeof value === 'number' ? plainNumber(value) : value;
  const negative = text.startsWith('-');
  const body = localeDigits((negative ? text.slice(1) : text).replace('.', decimalSeparator(locale)), locale);
  return negative ? minusSign(locale) + body : body;
}

/** `String(n)` without exponent: `1e-7` → `0.0000001`, keeping every digit of the shortest form. */
export function plainNumber(n: number): string {
  const text = String(n);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponent) return text;
  const [, sign = '', lead = '', rest = '', power = '0'] = exponent;
  const digits = lead + rest;
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Coordinates as people type them back: the locale's separator, `;` between them where it is a comma. */
export function formatCoordinates(value: { lat: number; lng: number }, locale: string): string {
  const between = decimalSeparator(locale) === ',' ? '; ' : ', ';
  return formatDecimal(value.lat, locale) + between + formatDecimal(value.lng, locale);
}

export interface OptionIndex {
  /** Option value → position in the definition. */
  position: Map<string, number>;
  /** Lower-cased trimmed label → value, for labels that name one option only. */
  byLabel: Map<string, string | null>;
}

// Definitions are treated as immutable values, so an index per options array stays valid.
const indexes = new WeakMap<readonly ChoiceOption[], OptionIndex>();

export function optionIndex(def: PropertyDefinition): OptionIndex {
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

/**
 * A label as one item of a list: in double quotes (a quote inside doubled) when it holds a comma or
 * begins with a quote, so `Red, dark` and `Blue` read `"Red, dark", Blue` and split back exactly.
 */
export function listItem(label: string): string {
  return label.includes(',') || label.trimStart().startsWith('"') ? `"${label.replaceAll('"', '""')}"` : label;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** What is wrong with a stored date (`YYYY-MM-DD`, a real day), or `null`. */
export function dateProblem(value: unknown) {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return { code: 'value.type', params: { expected: 'date' } } as const;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  return isRealDate(year, month, day) ? null : ({ code: 'date.invalid', params: {} } as const);
}

/** What is wrong with a stored time (`HH:mm`, 00:00–23:59), or `null`. */
export function timeProblem(value: unknown) {
  if (typeof value !== 'string' || !/^\d{2}:\d{2}$/.test(value)) {
    return { code: 'value.type', params: { expected: 'time' } } as const;
  }
  return ISO_TIME.test(value) ? null : ({ code: 'time.range', params: {} } as const);
}

const asText: ValueDisplay['format'] = (_def, value) => plainText(value);
/** Neither options nor a pattern. */
const plain = { options: false, pattern: false } as const;

export const numberDisplay: ValueDisplay = {
  format: (_def, value, locale) => formatDecimal(plainText(value), locale),
  input: 'typed',
  ...plain,
};

export const textDisplay: ValueDisplay = { format: asText, input: 'typed', options: false, pattern: true };

export const wordDisplay: ValueDisplay = { format: asText, input: 'typed', options: false, pattern: true };

export const singleChoiceDisplay: ValueDisplay = {
  format: (def, value) => optionLabel(def, plainText(value)) ?? plainText(value),
  text: (def, value, noLongerOffered) => optionLabel(def, plainText(value)) ?? noLongerOffered(plainText(value)),
  input: 'one-of',
  options: true,
  pattern: false,
};

export const multipleChoiceDisplay: ValueDisplay = {
  format(def, value) {
    const values = Array.isArray(value) ? value : [plainText(value)];
    return values.map((item) => listItem(optionLabel(def, item) ?? item)).join(', ');
  },
  text(def, value, noLongerOffered) {
    const values = Array.isArray(value) ? value : [plainText(value)];
    return values.map((item) => optionLabel(def, item) ?? noLongerOffered(item)).join(', ');
  },
  input: 'many-of',
  options: true,
  pattern: false,
};

export const locationDisplay: ValueDisplay = {
  format(_def, value, locale) {
    const location = value as LocationValue;
    return location.address || formatCoordinates(location, locale);
  },
  input: 'map',
  ...plain,
};

export const dateDisplay: ValueDisplay = {
  format(_def, value, locale) {
    if (dateProblem(value)) return plainText(value);
    const other = otherCalendar(locale);
    return other ? formatInCalendar(plainText(value), other, locale) : formatIsoDate(plainText(value), locale);
  },
  input: 'typed',
  ...plain,
};

export const timeDisplay: ValueDisplay = {
  format: (_def, value, locale) => (timeProblem(value) ? plainText(value) : formatIsoTime(plainText(value), locale)),
  input: 'typed',
  ...plain,
};

/** The showing half of `PROPERTY_TYPE_SPECS`, keyed the same way. */
export const VALUE_DISPLAYS = {
  number: numberDisplay,
  text: textDisplay,
  word: wordDisplay,
  'single-choice': singleChoiceDisplay,
  'multiple-choice': multipleChoiceDisplay,
  location: locationDisplay,
  date: dateDisplay,
  time: timeDisplay,
} as const satisfies Record<PropertyType, ValueDisplay>;

/** How a definition's type is shown; `undefined` for a type this version does not know. */
export function displayFor(def: Pick<PropertyDefinition, 'type'>): ValueDisplay | undefined {
  return Object.hasOwn(VALUE_DISPLAYS, def.type) ? VALUE_DISPLAYS[def.type] : undefined;
}

/**
 * A stored value as people read it: the locale's decimal separator, date and time forms, option
 * labels (or the bare value of an option no longer offered), the address. An empty value gives `''`.
 * Never throws, even for a value that is invalid.
 */
export function formatValue(def: PropertyDefinition, value: PropertyValue | null | undefined, locale = 'en'): string {
  if (value === null || value === undefined) return '';
  const display = displayFor(def);
  if (!display) return plainText(value);
  try {
    return display.format(def, value, locale);
  } catch {
    return plainText(value);
  }
}
