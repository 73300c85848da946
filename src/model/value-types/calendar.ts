import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns';
import { catalogFor } from '../../i18n/locales.js';

/**
 * Dates and times are calendar strings (`2024-02-29`, `21:05`). They meet a `Date` only to be
 * formatted, and then a UTC one, so no time zone can move them by a day.
 */
export function calendarDate(year: number, month: number, day: number, hours = 0, minutes = 0): Date {
  const date = new UTCDate(0);
  // setUTCFullYear, not the constructor: the constructor maps years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, 0, 0);
  return date;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface DatePattern {
  /** The date-fns pattern with a four-digit year: `MM/dd/yyyy`, `dd.MM.yyyy`. */
  pattern: string;
  /** Where day, month and year stand in it. */
  order: ('d' | 'M' | 'y')[];
}

const datePatterns = new Map<string, DatePattern>();

/** The locale's short numeric date, from its date-fns locale. */
export function datePattern(locale: string): DatePattern {
  const dateLocale = catalogFor(locale).dateLocale;
  let cached = datePatterns.get(dateLocale.code ?? locale);
  if (!cached) {
    const short = dateLocale.formatLong?.date({ width: 'short' }) ?? 'yyyy-MM-dd';
    const pattern = short.replace(/y+/g, 'yyyy');
    const order = [...pattern.replace(/'[^']*'/g, '').matchAll(/([dMy])\1*/g)].map(
      (token) => token[1] as 'd' | 'M' | 'y',
    );
    cached = { pattern, order: order.length === 3 ? order : ['y', 'M', 'd'] };
    datePatterns.set(dateLocale.code ?? locale, cached);
  }
  return cached;
}

/** `YYYY-MM-DD` in the locale's short form: `12/31/2024`, `31.12.2024`. */
export function formatIsoDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return format(calendarDate(year, month, day), datePattern(locale).pattern, {
    locale: catalogFor(locale).dateLocale,
  });
}

/** The locale's hours-and-minutes pattern: `h:mm a` in `en-US`, `HH:mm` in `de`. */
export function timePattern(locale: string): string {
  return catalogFor(locale).dateLocale.formatLong?.time({ width: 'short' }) ?? 'HH:mm';
}

/** `HH:mm` as the locale writes it: `9:05 PM`, `21:05`. */
export function formatIsoTime(time: string, locale: string): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return format(calendarDate(1970, 1, 1, hours, minutes), timePattern(locale), {
    locale: catalogFor(locale).dateLocale,
  });
}
