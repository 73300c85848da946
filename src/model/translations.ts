import type { ChoiceOption, DefinitionTranslation, PropertyDefinition } from './types.js';

/** The most languages a definition's `translations` may have. */
export const TRANSLATIONS_MAX = 50;

/** The fields a `DefinitionTranslation` may have. */
export const TRANSLATION_FIELDS: readonly string[] = Object.freeze([
  'label',
  'description',
  'patternHint',
  'group',
  'options',
]);

/**
 * `tag` in its canonical form (`de-AT` for `de-at`), or `undefined` when it is not a BCP 47 tag.
 */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Languages written in more than one script (CLDR), where a region implies one. */
const MULTI_SCRIPT = new Set(['az', 'bs', 'ff', 'ha', 'ks', 'ku', 'mn', 'ms', 'pa', 'sd', 'sr', 'uz', 'vai', 'zh']);

/**
 * The tags a viewer's locale falls back through, most specific first, by dropping the last subtag:
 * `de-AT` gives `['de-AT', 'de']`, `zh-Hant-TW` gives `['zh-Hant-TW', 'zh-Hant', 'zh']`, and `zh-TW`
 * (whose region implies the script) `['zh-TW', 'zh-Hant-TW', 'zh-Hant', 'zh']`. `[]` for a locale
 * that is not a BCP 47 tag.
 */
export function translationChain(locale: string | undefined): string[] {
  const canonical = locale ? canonicalTag(locale) : undefined;
  if (!canonical) return [];
  const chain: string[] = [];
  const drop = (tag: string) => {
    const subtags = tag.split('-');
    for (let n = subtags.length; n > 0; n--) {
      // A lone singleton (`x`, `u`) is not a tag: `de-u-co-phonebk` → … → `de-u` is skipped.
      if (n > 1 && subtags[n - 1]!.length === 1) continue;
      const shorter = subtags.slice(0, n).join('-');
      if (!chain.includes(shorter)) chain.push(shorter);
    }
  };
  drop(canonical);
  // In a language written in more than one script, a region that implies one (`zh-TW` is written
  // in Traditional Chinese, `sr-RS` in Cyrillic) also reaches the tags with that script
  // (`zh-Hant-TW`, `zh-Hant`), before the bare language.
  try {
    const locale = new Intl.Locale(canonical);
    const script =
      locale.region && !locale.script && MULTI_SCRIPT.has(locale.language) ? locale.maximize().script : undefined;
    if (script) {
      const language = chain.pop()!;
      drop(`${locale.language}-${script}${locale.region ? `-${locale.region}` : ''}`);
      if (!chain.includes(language)) chain.push(language);
    }
  } catch {
    // Not a tag Intl reads: the subtags alone.
  }
  return chain;
}

const cache = new WeakMap<PropertyDefinition, Map<string, PropertyDefinition>>();

/** The first non-empty text the chain's translations give for `pick`, or `undefined`. */
function firstOf(
  translations: readonly DefinitionTranslation[],
  pick: (translation: DefinitionTranslation) => unknown,
): string | undefined {
  for (const translation of translations) {
    const text = pick(translation);
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  return undefined;
}

const chains = new Map<string, string[]>();

/** `translationChain`, worked out once per locale (`Intl.getCanonicalLocales` is not free at 2,000 definitions). */
function chainOf(locale: string): string[] {
  let chain = chains.get(locale);
  if (!chain) {
    if (chains.size > 100) chains.clear();
    chains.set(locale, (chain = translationChain(locale)));
  }
  return chain;
}

/** The tag a localized definition's label was taken from. */
const labelLanguages = new WeakMap<PropertyDefinition, string>();

/**
 * The language of a definition's label as `localizeDefinition` gave it (`de` for a `de-AT` viewer
 * reading the German label), or `undefined` for the default label: an element marks the label
 * with it (`lang`) where its own words are in another language, so a screen reader reads a French
 * label in French inside English words (WCAG 3.1.2).
 */
export function labelLanguage(def: PropertyDefinition): string | undefined {
  return labelLanguages.get(def);
}

function localize(def: PropertyDefinition, locale: string): PropertyDefinition {
  const all = def.translations;
  if (!all || typeof all !== 'object') return def;
  const found = chainOf(locale)
    .filter((tag) => Object.hasOwn(all, tag))
    .map((tag) => all[tag])
    .filter((translation): translation is DefinitionTranslation => typeof translation === 'object' && !!translation);
  if (found.length === 0) return def;

  const { translations: _translations, ...localized } = def;
  const label = firstOf(found, (t) => t.label);
  if (label !== undefined) {
    localized.label = label;
    const tags = chainOf(locale).filter((tag) => Object.hasOwn(all, tag));
    labelLanguages.set(localized, tags[found.findIndex((t) => t.label === label)] ?? locale);
  }
  const description = firstOf(found, (t) => t.description);
  if (description !== undefined) localized.description = description;
  const patternHint = firstOf(found, (t) => t.patternHint);
  if (patternHint !== undefined) localized.patternHint = patternHint;
  const group = firstOf(found, (t) => t.group);
  if (group !== undefined) localized.group = group;
  if (Array.isArray(def.options)) {
    let changed = false;
    const options = def.options.map((option): ChoiceOption => {
      const words = firstOf(found, (t) =>
        t.options && typeof t.options === 'object' && Object.hasOwn(t.options, option.value)
          ? t.options[option.value]
          : undefined,
      );
      if (words === undefined || words === option.label) return option;
      changed = true;
      return { ...option, label: words };
    });
    if (changed) localized.options = options;
  }
  return localized;
}

/**
 * The definition as a viewer of `locale` reads it: `label`, `description`, `patternHint`, `group`
 * and option labels from `translations`, each falling back by dropping subtags (`de-AT` → `de`)
 * and then to the default words. The same object when no translation applies (also for a locale
 * that is not a BCP 47 tag); otherwise a copy without `translations`, so localizing it again
 * changes nothing. The copy is for showing: save the original, never the copy.
 *
 * Memoised per definition object and locale, so calling it on every render costs a lookup and
 * hands back the same object each time.
 */
export function localizeDefinition(def: PropertyDefinition, locale: string | undefined): PropertyDefinition {
  if (!def.translations || !locale) return def;
  let byLocale = cache.get(def);
  if (!byLocale) cache.set(def, (byLocale = new Map<string, PropertyDefinition>()));
  let localized = byLocale.get(locale);
  if (!localized) byLocale.set(locale, (localized = localize(def, locale)));
  return localized;
}

const listCache = new WeakMap<readonly PropertyDefinition[], Map<string, PropertyDefinition[]>>();

/**
 * Every definition of `defs` localized for `locale` (see `localizeDefinition`): the same array when
 * none changes, and the same new array for the same `defs` and `locale` (memoised).
 */
export function localizeDefinitions<T extends PropertyDefinition>(defs: readonly T[], locale: string | undefined): T[] {
  if (!locale) return defs as T[];
  let byLocale = listCache.get(defs);
  if (!byLocale) listCache.set(defs, (byLocale = new Map<string, PropertyDefinition[]>()));
  let localized = byLocale.get(locale);
  if (!localized) byLocale.set(locale, (localized = localizeList(defs, locale)));
  return localized as T[];
}

function localizeList<T extends PropertyDefinition>(defs: readonly T[], locale: string): T[] {
  let changed = false;
  const localized = defs.map((def) => {
    const words = localizeDefinition(def, locale) as T;
    if (words !== def) changed = true;
    return words;
  });
  return changed ? localized : (defs as T[]);
}
