import type { Locale as DateFnsLocale, Month } from 'date-fns';
import { catalogFor } from '../../i18n/locales.js';

/*
 * Dates and times are calendar strings (`2024-02-29`, `21:05`) and never become a `Date`, so no
 * time zone can move them. The locale's forms come from its date-fns locale (`formatLong`,
 * `localize`); the numeric fields are filled in here, which costs far less than date-fns' `format`.
 */

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface DatePattern {
  /** The locale's short date with a four-digit year: `MM/dd/yyyy`, `dd.MM.yyyy`. */
  pattern: string;
  /** Where day, month and year stand in it. */
  order: ('d' | 'M' | 'y')[];
}

const datePatterns = new WeakMap<DateFnsLocale, DatePattern>();

/** The locale's short numeric date, from its date-fns locale. */
export function datePattern(locale: string): DatePattern {
  const dateLocale = catalogFor(locale).dateLocale;
  let cached = datePatterns.get(dateLocale);
  if (!cached) {
    const short = dateLocale.formatLong?.date({ width: 'short' }) ?? 'yyyy-MM-dd';
    const pattern = short.replace(/y+/g, 'yyyy');
    const order = [...pattern.replace(/'[^']*'/g, '').matchAll(/([dMy])\1*/g)].map(
      (token) => token[1] as 'd' | 'M' | 'y',
    );
    cached = { pattern, order: order.length === 3 ? order : ['y', 'M', 'd'] };
    datePatterns.set(dateLocale, cached);
  }
  return cached;
}

/** The locale's hours-and-minutes pattern: `h:mm a` in `en-US`, `HH:mm` in `de`. */
export function timePattern(locale: string): string {
  return catalogFor(locale).dateLocale.formatLong?.time({ width: 'short' }) ?? 'HH:mm';
}

/** The locale's words for before and after noon: `AM`, `PM`. */
export function dayPeriods(locale: string): [am: string, pm: string] {
  const localize = catalogFor(locale).dateLocale.localize;
  const word = (period: 'am' | 'pm') =>
    String(localize?.dayPeriod(period, { width: 'abbreviated' }) ?? period.toUpperCase());
  return [word('am'), word('pm')];
}

interface Fields {
  year?: number;
  month?: number;
  day?: number;
  hours?: number;
  minutes?: number;
}

const TOKEN = /'(?:[^']|'')*'|y+|M+|d+|H+|h+|m+|a+|[\s\S]/g;

/** Fills a date-fns pattern's date and time fields; quoted text stays as written. */
function fillPattern(pattern: string, fields: Fields, locale: string): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hours = fields.hours ?? 0;
  return pattern.replace(TOKEN, (token) => {
    const width = token.length;
    switch (token[0]) {
      case "'":
        return token.length === 2 ? "'" : token.slice(1, -1).replace(/''/g, "'");
      case 'y':
        return pad(fields.year ?? 0, 4);
      case 'M':
        return width <= 2
          ? pad(fields.month ?? 1, width)
          : String(
              catalogFor(locale).dateLocale.localize?.month(((fields.month ?? 1) - 1) as Month, {
                width: width === 3 ? 'abbreviated' : 'wide',
              }) ?? pad(fields.month ?? 1, 2),
            );
      case 'd':
        return pad(fields.day ?? 1, width);
      case 'H':
        return pad(hours, width);
      case 'h':
        return pad(hours % 12 || 12, width);
      case 'm':
        return pad(fields.minutes ?? 0, width);
      case 'a':
        return dayPeriods(locale)[hours < 12 ? 0 : 1];
      default:
        return token;
    }
  });
}

/** `YYYY-MM-DD` in the locale's short form: `12/31/2024`, `31.12.2024`. */
export function formatIsoDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return fillPattern(datePattern(locale).pattern, { year, month, day } as Fields, locale);
}

/** `HH:mm` as the locale writes it: `9:05 PM`, `21:05`. */
export function formatIsoTime(time: string, locale: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return fillPattern(timePattern(locale), { hours, minutes } as Fields, locale);
}
