import { foldDigits } from '../locale-facts.js';
import { formsOf, utcDate, type DatePattern, type OtherCalendar } from './calendar-forms.js';

/*
 * The reading half of dates and times: the forms a locale's dates and times are typed in, and the
 * way back from another calendar. What shows them is in `calendar-forms.ts` (a page that only
 * shows values loads that one alone); everything here and there is exported from here.
 */
export * from './calendar-forms.js';

/** The locale's date forms to read: its own first, then those another runtime writes. */
export function datePatterns(locale: string): DatePattern[] {
  const known = formsOf(locale);
  return [known.date, ...known.alternatives.map((other) => other.date)];
}

/**
 * The words that say before or after noon in the locale's times, each with whether it is after
 * noon: its own AM and PM, the periods its short time uses (`晚上` in `zh-TW`), then another
 * runtime's AM and PM for it (`PM` as well as `오후` in `ko`).
 */
export function dayPeriodWords(locale: string): [word: string, pm: boolean][] {
  const known = formsOf(locale);
  const pairs = [known.dayPeriods, ...known.alternatives.map((other) => other.dayPeriods)];
  return [
    ...pairs.flatMap(([am, pm]): [string, boolean][] => [
      [am, false],
      [pm, true],
    ]),
    ...(known.flexible ?? []),
  ];
}

/**
 * Typed text in lower case, compatibility forms folded (NFKC), without the words of the locale's pattern (`г.` in `bg`, `h` in
 * `fr-CA`) and the bidi marks right-to-left locales put between fields: numbers and separators.
 */
export function withoutPatternWords(text: string, pattern: string): string {
  // NFKC: the full-width `：` and `／` of a Japanese or Chinese input method are `:` and `/`.
  let rest = foldDigits(text.normalize('NFKC'))
    .replace(/[\u200e\u200f\u061c]/g, '')
    .toLowerCase();
  for (const [, quoted] of pattern.matchAll(/'((?:[^']|'')+)'/g)) {
    const word = quoted!.replace(/''/g, "'").trim().toLowerCase();
    const at = word ? rest.lastIndexOf(word) : -1;
    if (at >= 0) rest = `${rest.slice(0, at)} ${rest.slice(at + word.length)}`;
  }
  return rest.trim();
}

/** The calendar's year of a moment (`2569` in the Buddhist calendar in 2026). */
export function calendarYear(other: OtherCalendar, date: Date): number {
  return Math.floor(calendarKey(other, date) / 10_000);
}

/** The calendar's year, month and day of a Gregorian date, as one number that grows with the day. */
function calendarKey(other: OtherCalendar, date: Date): number {
  const parts = other.fields.formatToParts(date);
  // A year before the epoch comes signed, with a bidi mark: `‎−1`.
  const field = (type: string) =>
    Number((parts.find((p) => p.type === type)?.value ?? '').replace(/\u2212/g, '-').replace(/[^\d-]/g, ''));
  return field('year') * 10_000 + field('month') * 100 + field('day');
}

const FIRST_DAY = utcDate(1, 1, 1).getTime();
const LAST_DAY = utcDate(9999, 12, 31).getTime();
const DAY = 86_400_000;

/**
 * The Gregorian `YYYY-MM-DD` of a day in the calendar, or `undefined` when the calendar has no such
 * day (`1403/12/31` in a Persian year of 29 days in Esfand) or it lies outside years 1–9999.
 */
export function fromCalendar(other: OtherCalendar, year: number, month: number, day: number): string | undefined {
  const target = year * 10_000 + month * 100 + day;
  let low = 0;
  let high = Math.round((LAST_DAY - FIRST_DAY) / DAY);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (calendarKey(other, new Date(FIRST_DAY + middle * DAY)) < target) low = middle + 1;
    else high = middle;
  }
  const found = new Date(FIRST_DAY + low * DAY);
  if (calendarKey(other, found) !== target) return undefined;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(found.getUTCFullYear(), 4)}-${pad(found.getUTCMonth() + 1, 2)}-${pad(found.getUTCDate(), 2)}`;
}
