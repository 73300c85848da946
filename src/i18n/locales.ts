import type { Catalog, CatalogOverrides } from './catalog.js';
import { en } from './en.js';

// English is built in as the fallback; every other language registers itself when imported
// (`import 'customer-properties/i18n/de'`) or through `registerLocale`.
const catalogs = new Map<string, Catalog>([['en', en]]);
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

/** Adds a complete catalog for its `locale` (how `customer-properties/i18n/de` registers itself). */
export function registerCatalog(catalog: Catalog): Catalog {
  catalogs.set(normalize(catalog.locale), catalog);
  resolved.clear();
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

export { decimalSeparator, intlLocale } from '../model/locale-facts.js';
