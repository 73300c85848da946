import { foldDigits, intlLocale, localeDigits } from '../locale-facts.js';
import { DIFFERING_LANGUAGES } from './locale-forms-languages.js';

/*
 * Dates and times are calendar strings (`2024-02-29`, `21:05`) and never become a `Date`, so no
 * time zone can move them. Each locale's forms are learnt once from `Intl`, by formatting a fixed
 * instant in UTC; the numeric fields of a value are then filled in here.
 */

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface DatePattern {
  /** The locale's short date with a four-digit year: `MM/dd/yyyy`, `dd.MM.yyyy`. */
  pattern: string;
  /** Where day, month and year stand in it. */
  order: ('d' | 'M' | 'y')[];
}

export interface CalendarForms {
  date: DatePattern;
  time: string;
  dayPeriods: [am: string, pm: string];
  /**
   * The words the short time puts before or after the hour where they are not plain AM and PM
   * (`zh-TW`: `凌晨`, `早上`, `上午`, `中午`, `下午`, `晚上`), each with whether it is after noon.
   */
  flexible?: [word: string, pm: boolean][];
}

// 2024-12-31 09:05 and 21:05 UTC: a day above 12 tells day from month, a one-digit hour shows
// whether hours are padded, and the two give both day periods.
const MORNING = Date.UTC(2024, 11, 31, 9, 5);
const EVENING = Date.UTC(2024, 11, 31, 21, 5);
// Values are Gregorian and written in ASCII digits whatever the locale's own calendar and digits.
const UTC = { timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' } as const;
const DATE_TOKENS: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { year: 'yyyy', month: 'MM', day: 'dd' };

/** Text between fields, as the pattern holds it: ICU's no-break spaces made plain, words quoted. */
function literal(text: string): string {
  const plain = text.replace(/[\u00a0\u202f]/g, ' ');
  return /[\p{L}']/u.test(plain) ? `'${plain.replace(/'/g, "''")}'` : plain;
}

export function learnForms(locale: string): CalendarForms {
  let date = '';
  const order: DatePattern['order'] = [];
  const dateFormat = new Intl.DateTimeFormat(locale, { ...UTC, year: 'numeric', month: '2-digit', day: '2-digit' });
  for (const part of dateFormat.formatToParts(EVENING)) {
    const token = DATE_TOKENS[part.type];
    if (token) order.push(token[0] as 'd' | 'M' | 'y');
    date += token ?? literal(part.value);
  }

  let time = '';
  const timeFormat = new Intl.DateTimeFormat(locale, { ...UTC, timeStyle: 'short' });
  // Only 1–12 and 0–23: `h11` and `h24` clocks would show hours (`0:05 PM`, `24:05`) nobody types back.
  const hour = /h1[12]/.test(timeFormat.resolvedOptions().hourCycle ?? '') ? 'h' : 'H';
  for (const part of timeFormat.formatToParts(MORNING)) {
    if (part.type === 'hour') time += hour.repeat(part.value.length);
    else if (part.type === 'minute') time += 'mm';
    // A period of the day (`晚上`, evening, in `zh-TW`) becomes the plainer before or after noon.
    else if (part.type === 'dayPeriod') time += 'a';
    else time += literal(part.value);
  }

  const twelveHour = new Intl.DateTimeFormat(locale, { ...UTC, hour: 'numeric', hour12: true });
  const period = (at: number, fallback: string) =>
    twelveHour
      .formatToParts(at)
      .find((part) => part.type === 'dayPeriod')
      ?.value.replace(/[\u00a0\u202f]/g, ' ') ?? fallback;

  const flexible: [string, boolean][] = [];
  for (let hour = 0; hour < 24; hour++) {
    const word = timeFormat
      .formatToParts(Date.UTC(2024, 11, 31, hour, 5))
      .find((part) => part.type === 'dayPeriod')
      ?.value.replace(/[\u00a0\u202f]/g, ' ');
    if (word && !flexible.some(([known]) => known === word)) flexible.push([word, hour >= 12]);
  }

  return {
    date: { pattern: date, order: order.length === 3 ? order : ['y', 'M', 'd'] },
    time,
    dayPeriods: [period(MORNING, 'AM'), period(EVENING, 'PM')],
    flexible,
  };
}

/** A locale's forms, and the other forms its language is written in by another supported runtime. */
export interface KnownForms extends CalendarForms {
  alternatives: CalendarForms[];
}

const forms = new Map<string, KnownForms>();
/** By language: the forms of `locale-forms.ts` once loaded, the full ICU's first. */
const tableForms = new Map<string, CalendarForms[]>();
let tableLoad: Promise<void> | undefined;
let tableLoaded = false;

const languageOf = (locale: string) => locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Adds the forms of `locale-forms.ts` (`language|date|time|am|pm;…`): languages this runtime's ICU
 * lacks are then written as the full ICU writes them, and the forms another runtime writes are read.
 */
export function addLocaleForms(table: string): void {
  tableForms.clear();
  for (const entry of table.split(';')) {
    const [language, date, time, am, pm] = entry.split('|') as [string, string, string, string, string];
    const order = [...date.replace(/'(?:[^']|'')*'/g, '').matchAll(/[yMd]/g)].map((m) => m[0] as 'd' | 'M' | 'y');
    const list = tableForms.get(language) ?? [];
    list.push({ date: { pattern: date, order: [...new Set(order)] }, time, dayPeriods: [am, pm] });
    tableForms.set(language, list);
  }
  tableLoaded = true;
  forms.clear();
}

/**
 * Whether `locale` is read and written better once `loadLocaleForms()` has run: this runtime's ICU
 * lacks its language (Chromium has about 60 of Node's 140), or another supported runtime writes it
 * differently (Node's `ko` times are `PM 9:05`, Chromium's `오후 9:05`).
 */
export function needsLocaleForms(locale: string): boolean {
  if (tableLoaded) return false;
  const language = languageOf(locale);
  return language !== 'en' && (intlLocale(locale) === 'en' || DIFFERING_LANGUAGES.includes(language));
}

/** Loads `locale-forms.ts` (about 1.5 KB gzip) once; the elements do it for a locale that needs it. */
export function loadLocaleForms(): Promise<void> {
  tableLoad ??= import('./locale-forms.js').then(({ LOCALE_FORMS }) => addLocaleForms(LOCALE_FORMS));
  return tableLoad;
}

const sameForms = (a: CalendarForms, b: CalendarForms) =>
  a.date.pattern === b.date.pattern && a.time === b.time && a.dayPeriods.join() === b.dayPeriods.join();

/** A locale's forms, learnt once (internal: `calendar.ts` reads them to parse). */
export function formsOf(locale: string): KnownForms {
  let cached = forms.get(locale);
  if (!cached) {
    const tag = intlLocale(locale);
    const language = languageOf(locale);
    const table = tableForms.get(language) ?? [];
    // A language this runtime's ICU lacks (it answers in English) is written as the full ICU writes it.
    const own = tag === 'en' && language !== 'en' && table[0] ? table[0] : learnForms(tag);
    cached = { ...own, alternatives: table.filter((other) => !sameForms(other, own)) };
    forms.set(locale, cached);
  }
  return cached;
}

/** The locale's short numeric date, from `Intl`: `MM/dd/yyyy` in `en-US`, `yyyy/MM/dd` in `ja`. */
export function datePattern(locale: string): DatePattern {
  return formsOf(locale).date;
}

/** The locale's hours-and-minutes pattern: `h:mm a` in `en-US`, `HH:mm` in `de`. */
export function timePattern(locale: string): string {
  return formsOf(locale).time;
}

/** The locale's words for before and after noon: `AM`, `PM`; `午前`, `午後`. */
export function dayPeriods(locale: string): [am: string, pm: string] {
  return formsOf(locale).dayPeriods;
}

interface Fields {
  year?: number;
  month?: number;
  day?: number;
  hours?: number;
  minutes?: number;
}

const TOKEN = /'(?:[^']|'')*'|y+|M+|d+|H+|h+|m+|a+|[\s\S]/g;

/** Fills a pattern's date and time fields in the locale's digits; quoted text stays as written. */
function fillPattern(pattern: string, fields: Fields, locale: string): string {
  const pad = (n: number, width: number) => localeDigits(String(n).padStart(width, '0'), locale);
  const hours = fields.hours ?? 0;
  return pattern.replace(TOKEN, (token) => {
    const width = token.length;
    switch (token[0]) {
      case "'":
        return token.length === 2 ? "'" : token.slice(1, -1).replace(/''/g, "'");
      case 'y':
        return pad(fields.year ?? 0, 4);
      case 'M':
        return pad(fields.month ?? 1, width);
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

/*
 * Calendars other than the Gregorian. A locale whose `Intl` calendar is one of these shows and reads
 * dates in it (`31/12/2567` in `th-TH`, `۱۴۰۳/۱۰/۱۱` in `fa`); the stored value stays Gregorian ISO.
 * `Intl` converts one way; the other way is a binary search over days, the calendar's year, month
 * and day growing with the day (its years counted from its own epoch, one era). Calendars with eras
 * that restart (`japanese`, `roc`) or months that shift (`hebrew`, `chinese`) are not read: a
 * locale asking for one shows and reads Gregorian dates.
 */
const READ_CALENDARS = new Set([
  'buddhist',
  'persian',
  'islamic',
  'islamic-umalqura',
  'islamic-civil',
  'islamic-tbla',
  'islamic-rgsa',
]);

export interface OtherCalendar {
  calendar: string;
  /** The locale's own numeric date in its calendar and digits. */
  shown: Intl.DateTimeFormat;
  /** The same in ASCII digits: the fields as numbers. */
  fields: Intl.DateTimeFormat;
  order: ('d' | 'M' | 'y')[];
  /** The words (`هـ`, `AP`) the form carries besides numbers and separators. */
  words: string[];
  /** What stands between its fields: `/`, `-`. */
  separator: string;
}

const otherCalendars = new Map<string, OtherCalendar | null>();

/** The locale's `Intl` calendar when it is not the Gregorian and can be read back, else `null`. */
export function otherCalendar(locale: string): OtherCalendar | null {
  let cached = otherCalendars.get(locale);
  if (cached === undefined) {
    const tag = intlLocale(locale);
    const options = { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    const shown = new Intl.DateTimeFormat(tag, options);
    const calendar = shown.resolvedOptions().calendar;
    cached = null;
    if (READ_CALENDARS.has(calendar)) {
      const fields = new Intl.DateTimeFormat(tag, { ...options, numberingSystem: 'latn' });
      const parts = fields.formatToParts(EVENING);
      const order = parts.flatMap((part) => {
        const token = DATE_TOKENS[part.type];
        return token ? [token[0] as 'd' | 'M' | 'y'] : [];
      });
      const words = parts
        .filter((part) => !DATE_TOKENS[part.type] && /\p{L}/u.test(part.value))
        .map((part) => part.value.trim().toLowerCase());
      const between = parts.find((part, i) => i > 0 && DATE_TOKENS[parts[i - 1]!.type] && part.type === 'literal');
      const separator = (between?.value ?? '/').replace(/[\u200e\u200f\u061c\s]/g, '');
      if (order.length === 3) cached = { calendar, shown, fields, order, words, separator };
    }
    otherCalendars.set(locale, cached);
  }
  return cached;
}

export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/**
 * `YYYY-MM-DD` in the locale's calendar, digits and form (`31/12/2567` in `th-TH`): the year with at
 * least four digits, as it is typed back. A date before the calendar's year 1 (before 622 in the
 * Persian and Islamic calendars) is shown as `Intl` shows it, with its sign, and is not read back.
 */
export function formatInCalendar(iso: string, other: OtherCalendar, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return other.shown
    .formatToParts(utcDate(year, month, day))
    .map((part) => {
      if (part.type !== 'year' || !/^\p{Nd}+$/u.test(part.value)) return part.value;
      return localeDigits(foldDigits(part.value).padStart(4, '0'), locale);
    })
    .join('');
}
