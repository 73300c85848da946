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
