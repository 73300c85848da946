import { decimalSeparator, foldDigits, groupingSeparator } from '../locale-facts.js';
import { formatDecimal, numberDisplay, plainNumber } from './display.js';
import type { PropertyTypeSpec } from './spec.js';
import { compareDecimals } from '../decimal.js';
import { fail, inputText, ok, orderOperators } from './spec.js';

export { formatDecimal, plainNumber } from './display.js';

const CANONICAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
const POINT_DECIMAL = /^\s*-?(\d+\.?\d*|\.\d+)\s*$/;
const GROUPED = /\d[\s.,'’\u00a0\u202f_\u066c]+\d[\s\d.,'’\u00a0\u202f_\u066c]*$/u;
// One separator and three digits after it: `1,500` is fifteen hundred or one and a half.
const GROUPED_OR_DECIMAL = /^([-\u2212]?)([1-9]\d*)([.,])(\d{3})$/;

/**
 * Typed number text as plain ASCII: digits of every script made ASCII (`۱۲۳` → `123`), the Arabic
 * decimal sign `٫` a point, full-width `．，－` plain, and the bidi marks `Intl` puts around a
 * minus sign (`fa`, `ar-EG`) dropped.
 */
export function foldNumber(text: string): string {
  return foldDigits(text)
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/\u066b/g, '.')
    .replace(/[．，－]/g, (sign) => ({ '．': '.', '，': ',', '－': '-' })[sign]!);
}

/**
 * `1,500` or `1234,500` in `en-US`, `1.500` in `de`, where the separator is the locale's grouping
 * one; or `1,500` in a locale whose own decimal sign is not ASCII (`fa`, `ar-EG`: `٫`), where an
 * ASCII comma is either: both readings in the locale's form (`1500`, `1.5`), or `undefined` when
 * the text means one number. (An ASCII point there is read as the decimal sign, as `٫` is.)
 */
function ambiguousReadings(text: string, locale: string): { grouped: string; decimal: string } | undefined {
  const match = GROUPED_OR_DECIMAL.exec(text);
  if (!match) return undefined;
  const decimal = decimalSeparator(locale);
  const grouping = match[3] === groupingSeparator(locale) || (match[3] === ',' && decimal !== '.' && decimal !== ',');
  if (!grouping) return undefined;
  const [, sign = '', whole = '', , fraction = ''] = match;
  const negative = sign ? '-' : '';
  return {
    grouped: formatDecimal(negative + whole + fraction, locale),
    decimal: formatDecimal(canonicalDecimal(`${negative}${whole}.${fraction}`)!, locale),
  };
}

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

export const numberType: PropertyTypeSpec = {
  ...numberDisplay,
  parse(_def, input, locale) {
    const text = typeof input === 'number' ? plainNumber(input) : inputText(input);
    if (text === undefined) return fail({ code: 'value.type', params: { expected: 'number' } });
    const typed = foldNumber(text).trim();
    if (typed === '') return ok(null);
    const readings = ambiguousReadings(typed, locale);
    if (readings) return fail({ code: 'number.ambiguous', params: readings });
    const canonical = canonicalDecimal(typed, decimalSeparator(locale));
    if (canonical !== undefined) return ok(canonical);
    return fail({ code: GROUPED.test(typed) ? 'number.separators' : 'number.format', params: {} });
  },
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
  example: () => '3.1415926',
  formValue: 'text',
};
