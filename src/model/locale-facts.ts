/*
 * The few facts about a locale the model needs, read from `Intl` alone: which tag `Intl` will
 * use, and the decimal separator. A leaf: it imports nothing, so the model stays free of the
 * message catalogs.
 */

const intlLocales = new Map<string, string>();

/**
 * The tag to hand `Intl` for a locale: the locale itself when `Intl` knows it, else `en`. `Intl`
 * alone throws on a malformed tag (`''`, `en_US`) and answers a tag it does not know in the
 * runtime's own locale, which differs from server to browser.
 */
export function intlLocale(locale?: string): string {
  const tag = (locale ?? '').trim().replace(/_/g, '-');
  let resolved = intlLocales.get(tag);
  if (resolved === undefined) {
    try {
      resolved = Intl.DateTimeFormat.supportedLocalesOf(tag)[0] ?? 'en';
    } catch {
      resolved = 'en';
    }
    intlLocales.set(tag, resolved);
  }
  return resolved;
}

const decimalSeparators = new Map<string, string>();

/** The locale's decimal separator, from `Intl`: every locale has one, with or without a catalog. */
export function decimalSeparator(locale?: string): string {
  const tag = locale || 'en';
  let separator = decimalSeparators.get(tag);
  if (separator === undefined) {
    try {
      separator = new Intl.NumberFormat(tag).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
    } catch {
      separator = '.';
    }
    decimalSeparators.set(tag, separator);
  }
  return separator;
}

const DECIMAL_DIGIT = /\p{Nd}/u;
const digitValues = new Map<string, string>();

/**
 * The ASCII digit of any Unicode decimal digit (`۳`, `٣`, `３`, `३` → `3`). Unicode assigns decimal
 * digits only in whole runs of ten, zero first, so a digit's value is its distance from the start
 * of its block of digits, modulo ten (the mathematical digits are five runs in one block).
 */
function asciiDigit(digit: string): string {
  let value = digitValues.get(digit);
  if (value === undefined) {
    const code = digit.codePointAt(0)!;
    let start = code;
    while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = String((code - start) % 10);
    digitValues.set(digit, value);
  }
  return value;
}

/** Text with every decimal digit of any script (`\p{Nd}`) made ASCII: `۱۲۳۴` → `1234`, `１２` → `12`. */
export function foldDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => (digit >= '0' && digit <= '9' ? digit : asciiDigit(digit)));
}

interface NumberForms {
  /** The ten digits `Intl` writes in the locale, `0` to `9`. */
  digits: string[];
  decimal: string;
  group: string;
  /** What `Intl` puts before a negative number: `-`; `‎−` (a mark and U+2212) in `fa`. */
  minus: string;
}

const numberForms = new Map<string, NumberForms>();

function numberFormsOf(locale?: string): NumberForms {
  const tag = locale || 'en';
  let forms = numberForms.get(tag);
  if (forms === undefined) {
    // A tag `Intl` does not know gets English digits, not the runtime's own, on server and browser alike.
    const format = new Intl.NumberFormat(intlLocale(tag));
    const plain = new Intl.NumberFormat(format.resolvedOptions().locale, {
      numberingSystem: format.resolvedOptions().numberingSystem,
      useGrouping: false,
    });
    const digits = Array.from({ length: 10 }, (_, i) => plain.format(i).replace(/\P{Nd}/gu, ''));
    const parts = format.formatToParts(-12345.5);
    const part = (type: string) => parts.find((p) => p.type === type)?.value;
    const beforeNumber = parts
      .slice(
        0,
        parts.findIndex((p) => p.type === 'integer'),
      )
      .map((p) => p.value);
    forms = {
      digits: digits.every((d) => [...d].length === 1) ? digits : [...'0123456789'],
      decimal: part('decimal') ?? '.',
      group: part('group') ?? ',',
      minus: beforeNumber.join('') || '-',
    };
    numberForms.set(tag, forms);
  }
  return forms;
}

/** ASCII digits in `text` written in the locale's own digits, as `Intl` writes them: `42.5` → `۴۲.۵` in `fa`. */
export function localeDigits(text: string, locale?: string): string {
  const { digits } = numberFormsOf(locale);
  return digits[0] === '0' ? text : text.replace(/[0-9]/g, (digit) => digits[Number(digit)]!);
}

/** The locale's grouping separator, from `Intl`: `,` in `en`, `.` in `de`, U+202F in `fr`. */
export function groupingSeparator(locale?: string): string {
  return numberFormsOf(locale).group;
}

/** What the locale writes before a negative number, from `Intl`: `-`, or `‎−` in `fa`. */
export function minusSign(locale?: string): string {
  return numberFormsOf(locale).minus;
}
