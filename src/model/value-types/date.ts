import type { Parsed, PropertyTypeSpec } from './spec.js';
import { fail, inputText, ok, orderOperators } from './spec.js';
import { dateDisplay, dateProblem, isRealDate } from './display.js';
import { foldDigits } from '../locale-facts.js';
import {
  calendarYear,
  datePatterns,
  formatInCalendar,
  formatIsoDate,
  fromCalendar,
  otherCalendar,
  withoutPatternWords,
  type OtherCalendar,
} from './calendar.js';

const TYPED_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const THREE_NUMBERS = /^(\d+)[\s./,-]+(\d+)[\s./,-]+(\d+)\.?$/;
const EXAMPLE = '2026-12-31';

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads the locale's numeric form (`12/31/2024` in `en-US`, `31.12.2024` in `de`, `31.12.2024 г.`
 * in `bg`) or ISO (`2024-12-31`, in every locale). A year of four digits first means year, month,
 * day, unless the locale itself writes the year first in another order (`ky`: `2024-31-12`): then
 * its own form wins, so what it shows reads back.
 */
function parseDateText(text: string, locale: string): { y: number; M: number; d: number } | 'format' {
  // The locale's own form first; then the forms another runtime writes for it (`kk`: `31.12.2024`
  // in Node, `2024-12-31` in Chromium).
  for (const pattern of datePatterns(locale)) {
    const parts = parseDateInPattern(foldDigits(text.normalize('NFKC')), pattern);
    if (parts !== 'format') return parts;
  }
  return 'format';
}

function parseDateInPattern(
  text: string,
  { pattern, order: localeOrder }: { pattern: string; order: ('d' | 'M' | 'y')[] },
): { y: number; M: number; d: number } | 'format' {
  const yearFirst = localeOrder[0] === 'y' ? localeOrder : (['y', 'M', 'd'] as const);
  const isoMatch = yearFirst[1] === 'M' ? TYPED_ISO.exec(text) : null;
  if (isoMatch) return { y: Number(isoMatch[1]), M: Number(isoMatch[2]), d: Number(isoMatch[3]) };
  const numbers = THREE_NUMBERS.exec(withoutPatternWords(text, pattern));
  if (!numbers) return 'format';
  const groups = numbers.slice(1, 4) as [string, string, string];
  const order = groups[0].length === 4 ? yearFirst : localeOrder;
  const parts = { y: '', M: '', d: '' };
  order.forEach((field, i) => (parts[field] = groups[i]!));
  if (parts.y.length !== 4 || parts.M.length > 2 || parts.d.length > 2) return 'format';
  return { y: Number(parts.y), M: Number(parts.M), d: Number(parts.d) };
}

/**
 * A date typed in the locale's own calendar when it is not the Gregorian (`31/12/2567` in `th-TH`,
 * `۱۴۰۳/۱۰/۱۱` in `fa`): its three numbers in the locale's order, the year in four digits, converted
 * to the Gregorian date. ISO (`2024-12-31`) is refused there unless the calendar's own form is
 * written so: it could be a Gregorian date or one of the calendar, and is never guessed.
 */
function parseInCalendar(text: string, locale: string): Parsed {
  const other = otherCalendar(locale)!;
  const refused = fail({
    code: 'date.format',
    params: { example: formatInCalendar(EXAMPLE, other, locale), calendar: other.calendar },
  });
  let rest = foldDigits(text.normalize('NFKC'))
    .replace(/[\u200e\u200f\u061c]/g, '')
    .toLowerCase();
  for (const word of other.words) rest = rest.replace(word, ' ');
  rest = rest.trim();
  if (other.separator !== '-' && TYPED_ISO.test(rest)) return refused;
  const numbers = THREE_NUMBERS.exec(rest);
  if (!numbers) return refused;
  const parts = { y: '', M: '', d: '' };
  other.order.forEach((field, i) => (parts[field] = numbers[i + 1]!));
  if (parts.y.length !== 4 || parts.M.length > 2 || parts.d.length > 2) return refused;
  // A year that reads as one of our era's Gregorian years but centuries off in the calendar's
  // (`31/12/2024` in `th-TH`, 543 years before 2567): which one is meant is asked, never guessed.
  if (looksGregorian(other, Number(parts.y))) return refused;
  const iso = fromCalendar(other, Number(parts.y), Number(parts.M), Number(parts.d));
  return iso ? ok(iso) : fail({ code: 'date.invalid', params: {} });
}

/**
 * Whether `year`, typed in a calendar whose years are a century or more from the Gregorian ones
 * (Buddhist +543, Persian and Islamic −621 and −579), is within this era's Gregorian years
 * (150 years back, 50 ahead) and outside the calendar's own: a Gregorian year typed by habit.
 */
function looksGregorian(other: OtherCalendar, year: number): boolean {
  const now = new Date();
  const gregorian = now.getUTCFullYear();
  const own = calendarYear(other, now);
  const near = (center: number) => year >= center - 150 && year <= center + 50;
  return Math.abs(own - gregorian) >= 100 && near(gregorian) && !near(own);
}

export const dateType: PropertyTypeSpec = {
  ...dateDisplay,
  parse(_def, input, locale) {
    const text = inputText(input);
    if (text === undefined) return fail({ code: 'value.type', params: { expected: 'date' } });
    const trimmed = text.trim();
    if (trimmed === '') return ok(null);
    if (otherCalendar(locale)) return parseInCalendar(trimmed, locale);
    const parts = parseDateText(trimmed, locale);
    if (parts === 'format') {
      return fail({ code: 'date.format', params: { example: formatIsoDate(EXAMPLE, locale) } });
    }
    if (!isRealDate(parts.y, parts.M, parts.d)) return fail({ code: 'date.invalid', params: {} });
    return ok(iso(parts.y, parts.M, parts.d));
  },
  canonical(_def, value) {
    const match = TYPED_ISO.exec(value.trim());
    return match ? iso(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  },
  validate: (_def, value) => dateProblem(value),
  operators: {
    on: { operand: 'one', test: (operand) => (v) => v === operand },
    before: { operand: 'one', test: (operand) => (v) => typeof v === 'string' && v < (operand as string) },
    after: { operand: 'one', test: (operand) => (v) => typeof v === 'string' && v > (operand as string) },
    between: orderOperators(compareStrings).between,
    'within-last-days': {
      operand: 'days',
      // Counted on the calendar back from the anchor's date, today included.
      test: (operand, today) => {
        let anchor: number | undefined;
        return (v) => {
          if (typeof v !== 'string') return false;
          const age = (anchor ??= dayNumber(today())) - dayNumber(v);
          return age >= 0 && age < (operand as number);
        };
      },
    },
  },
  compare: compareStrings,
  example: () => EXAMPLE,
  formValue: 'text',
};

/** ISO dates sort as strings. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The number written in `text` from `start` to `end` (decimal digits only; NaN otherwise). */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date, without `Date` (H. Hinnant's algorithm). */
export function dayNumber(iso: string): number {
  // Read in place, with no arrays or substrings: an audience runs this for every customer.
  const first = iso.indexOf('-');
  const second = first < 0 ? -1 : iso.indexOf('-', first + 1);
  if (second < 0) return NaN;
  const month = digits(iso, first + 1, second);
  const day = digits(iso, second + 1, iso.length);
  let year = digits(iso, 0, first);
  year -= month <= 2 ? 1 : 0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
