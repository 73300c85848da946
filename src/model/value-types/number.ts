import { decimalSeparator } from '../locale-facts.js';
import type { PropertyTypeSpec } from './spec.js';
import { compareDecimals } from '../decimal.js';
import { fail, inputText, ok, orderOperators, plainText } from './spec.js';

const CANONICAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
const POINT_DECIMAL = /^\s*-?(\d+\.?\d*|\.\d+)\s*$/;
const GROUPED = /\d[\s.,'’\u00a0\u202f_]+\d[\s\d.,'’\u00a0\u202f_]*$/u;

/**
 * Brings typed digits to the canonical decimal string without ever becoming a float:
 * `-007,50` → `-7.5`, `0,0` → `0`. Returns `undefined` when `text` is not one plain decimal.
 */
export function canonicalDecimal(text: string, localeSeparator = '.'): string | undefined {
  let body = text.trim();
  let negative = false;
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    negative = true;
    body = body.slice(1);
  }
  if (localeSeparator !== '.' && localeSeparator !== ',') body = body.replace(localeSeparator, '.');
  const parts = /^(\d*)(?:[.,](\d*))?$/.exec(body);
  if (!parts) return undefined;
  const whole = (parts[1] ?? '').replace(/^0+/, '');
  const fraction = (parts[2] ?? '').replace(/0+$/, '');
  if (!parts[1] && !parts[2]) return undefined;
  const digits = (whole || '0') + (fraction ? `.${fraction}` : '');
  return negative && digits !== '0' ? `-${digits}` : digits;
}

/** Shows a canonical decimal (or a finite number) with the locale's separator, never in exponent form. */
export function formatDecimal(value: string | number, locale: string): string {
  const text = typeof value === 'number' ? plainNumber(value) : value;
  return text.replace('.', decimalSeparator(locale));
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

export const numberType: PropertyTypeSpec = {
  parse(_def, input, locale) {
    const text = typeof input === 'number' ? plainNumber(input) : inputText(input);
    if (text === undefined) return fail({ code: 'value.type', params: { expected: 'number' } });
    if (text.trim() === '') return ok(null);
    const canonical = canonicalDecimal(text, decimalSeparator(locale));
    if (canonical !== undefined) return ok(canonical);
    return fail({ code: GROUPED.test(text.trim()) ? 'number.separators' : 'number.format', params: {} });
  },
  format: (_def, value, locale) => formatDecimal(plainText(value), locale),
  // Only a point as the separator: `1,5` could be one and a half or fifteen.
  canonical: (_def, value) => (POINT_DECIMAL.test(value) ? canonicalDecimal(value) : undefined),
  validate(_def, value) {
    if (typeof value !== 'string' || !CANONICAL.test(value) || value === '-0') {
      return { code: 'value.type', params: { expected: 'number' } };
    }
    return null;
  },
  // Exact: `12345678901234567890.5` is compared digit by digit, never as a float.
  operators: orderOperators(compareDecimals),
  compare: compareDecimals,
  options: false,
  pattern: false,
  input: 'typed',
  example: () => '3.1415926',
  formValue: 'text',
};
