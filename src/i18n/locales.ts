import type { Catalog, CatalogOverrides } from './catalog.js';
import { de } from './de.js';
import { en } from './en.js';

const catalogs = new Map<string, Catalog>([
  ['en', en],
  ['de', de],
]);
const resolved = new Map<string, Catalog>();

function normalize(locale: string): string {
  return locale.trim().replace(/_/g, '-').toLowerCase();
}

/**
 * The catalog for a BCP 47 tag: the tag itself, then its language (`de-AT` → `de`), then English.
 */
export function catalogFor(locale?: string): Catalog {
  const tag = normalize(locale || 'en');
  let catalog = resolved.get(tag);
  if (!catalog) {
    catalog = catalogs.get(tag) ?? catalogs.get(tag.split('-')[0] ?? '') ?? en;
    resolved.set(tag, catalog);
  }
  return catalog;
}

/**
 * Adds a language or overrides words of one. What is not given comes from the language's existing
 * catalog (for `de-CH`, from `de`), else from English.
 */
export function registerLocale(locale: string, overrides: CatalogOverrides): Catalog {
  const base = catalogFor(locale);
  const catalog = { ...base, locale };
  for (const [section, words] of Object.entries(overrides)) {
    // Sections a catalog does not have (such as the removed `dateLocale`) are ignored.
    if (section === 'locale' || !(section in base) || !words) continue;
    const key = section as keyof Catalog;
    (catalog as unknown as Record<string, object>)[key] = { ...(base[key] as object), ...words };
  }
  catalogs.set(normalize(locale), catalog);
  resolved.clear();
  return catalog;
}

/** The tags that have a catalog of their own. */
export function registeredLocales(): string[] {
  return [...catalogs.values()].map((catalog) => catalog.locale);
}

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
      separator =
        new Intl.NumberFormat(tag).formatToParts(1.5).find((part) => part.type === 'decimal')
          ?.value ?? '.';
    } catch {
      separator = '.';
    }
    decimalSeparators.set(tag, separator);
  }
  return separator;
}
