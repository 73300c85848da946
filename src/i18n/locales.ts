import type { Catalog, CatalogOverrides } from './catalog.js';
import { isolating, textDirection } from './bidi.js';
import { en } from './en.js';

// English is built in as the fallback; every other language registers itself when imported
// (`import 'customer-properties/i18n/de'`) or through `registerLocale`. English comes in parts:
// the value errors (with the editor), the words of the profile form, the admin elements and the
// location picker arrive with them.
const catalogs = new Map<string, Catalog>([['en', en]]);
/** By normalized tag: the catalog as registered and completed from English (what `registerLocale` builds on). */
const completedCatalogs = new Map<string, Catalog>();
/** By normalized tag: the catalog elements use, whose sentences isolate the values set in them. */
const resolved = new Map<string, Catalog>();

/** The sections of English that arrive with their elements (`en-editor.ts`, `en-profile.ts`, `en-admin.ts`, `en-audiences.ts`, `en-location.ts`). */
const LATER_SECTIONS = new Set([
  'valueErrors',
  'profile',
  'definitionForm',
  'definitionList',
  'audienceBuilder',
  'audienceList',
  'audienceMembers',
  'customerImport',
  'locationPicker',
]);

/** Adds sections of the English catalog (how the parts loaded with their elements join it). */
export function addEnglish(sections: Partial<Catalog>): void {
  Object.assign(en, sections);
  completedCatalogs.clear();
  resolved.clear();
}

/**
 * `catalog` with what it lacks taken from English, section by section (a language registered
 * before an element brought its English words); `catalog` itself when it lacks nothing.
 */
function completed(catalog: Catalog): Catalog {
  if (catalog === en) return en;
  const own = catalog as unknown as Record<string, unknown>;
  let result: Record<string, unknown> | undefined;
  for (const [key, words] of Object.entries(en as unknown as Record<string, unknown>)) {
    const mine = own[key];
    if (mine === undefined) {
      result ??= { ...own };
      result[key] = words;
    } else if (
      typeof words === 'object' &&
      words !== null &&
      Object.keys(words).some((word) => !(word in (mine as object)))
    ) {
      result ??= { ...own };
      result[key] = { ...words, ...(mine as object) };
    }
  }
  return (result as unknown as Catalog | undefined) ?? catalog;
}

function normalize(locale: string): string {
  return locale.trim().replace(/_/g, '-').toLowerCase();
}

/** The registered catalog for a tag (the tag, its language, English), completed from English. */
function completedFor(tag: string): Catalog {
  let catalog = completedCatalogs.get(tag);
  if (!catalog) {
    catalog = completed(catalogs.get(tag) ?? catalogs.get(tag.split('-')[0] ?? '') ?? en);
    completedCatalogs.set(tag, catalog);
  }
  return catalog;
}

/**
 * The catalog for a BCP 47 tag: the tag itself, then its language (`de-AT` → `de`), then English.
 * Its sentences isolate the values they are given (Unicode FSI … PDI, UAX #9) wherever the
 * sentence or the value is written right to left, so a date inside a hint or an Arabic label
 * inside an English error keeps its order; `catalog.locale` is the language of its words.
 */
export function catalogFor(locale?: string): Catalog {
  const tag = normalize(locale || 'en');
  let catalog = resolved.get(tag);
  if (!catalog) {
    const words = completedFor(tag);
    catalog = isolating(words, textDirection(words.locale), en);
    resolved.set(tag, catalog);
  }
  return catalog;
}

/** Adds a complete catalog for its `locale` (how `customer-properties/i18n/de` registers itself). */
export function registerCatalog(catalog: Catalog): Catalog {
  catalogs.set(normalize(catalog.locale), catalog);
  completedCatalogs.clear();
  resolved.clear();
  return catalog;
}

/**
 * Adds a language or overrides words of one. What is not given comes from the language's existing
 * catalog (for `de-CH`, from `de`), else from English.
 */
export function registerLocale(locale: string, overrides: CatalogOverrides): Catalog {
  const base = completedFor(normalize(locale));
  const catalog = { ...base, locale };
  for (const [section, words] of Object.entries(overrides)) {
    // Sections a catalog does not have (such as the removed `dateLocale`) are ignored; those English
    // has not loaded yet are kept, and completed from English once it has.
    if (section === 'locale' || !(section in base || LATER_SECTIONS.has(section)) || !words) continue;
    const key = section as keyof Catalog;
    (catalog as unknown as Record<string, object>)[key] = { ...((base[key] as object | undefined) ?? {}), ...words };
  }
  catalogs.set(normalize(locale), catalog);
  completedCatalogs.clear();
  resolved.clear();
  return catalog;
}

/** The tags that have a catalog of their own. */
export function registeredLocales(): string[] {
  return [...catalogs.values()].map((catalog) => catalog.locale);
}

export { decimalSeparator, intlLocale } from '../model/locale-facts.js';
