/*
 * Bidirectional text (Unicode UAX #9): which way a language is written, and isolating a value
 * set inside a sentence so neither reorders the other ("2026/12/For example 31." in an RTL page).
 */

/** U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE. */
const FSI = '\u2068';
const PDI = '\u2069';

/** Letters of the scripts written right to left (their Unicode bidi class is R or AL). */
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Avestan}]/u;

/** The languages written right to left, where `Intl.Locale` cannot say (`getTextInfo` is recent). */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'mzn',
  'nqo',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);

/** ISO 15924 codes of the scripts written right to left. */
const RTL_SCRIPTS = /^(Adlm|Arab|Aran|Armi|Avst|Hebr|Mand|Nkoo|Phnx|Rohg|Samr|Syrc|Thaa|Yezi)$/;

const directions = new Map<string, 'ltr' | 'rtl'>();

/**
 * The direction a language is written in: `'rtl'` for Arabic, Hebrew, Persian, Urdu…, else
 * `'ltr'`. From `Intl.Locale#getTextInfo()` (or the older `textInfo`) where the runtime has it,
 * else from the language subtag (and an explicit script subtag: `az-Arab` is RTL).
 */
export function textDirection(locale: string | undefined): 'ltr' | 'rtl' {
  const tag = (locale || 'en').replace(/_/g, '-');
  let direction = directions.get(tag);
  if (direction === undefined) {
    direction = 'ltr';
    try {
      const intl = new Intl.Locale(tag) as Intl.Locale & {
        getTextInfo?: () => { direction?: string };
        textInfo?: { direction?: string };
      };
      const info = intl.getTextInfo?.() ?? intl.textInfo;
      // A script subtag decides (Node's ICU says `az-Arab` is LTR); then `Intl`; then the language.
      if (intl.script) direction = RTL_SCRIPTS.test(intl.script) ? 'rtl' : 'ltr';
      else if (info?.direction === 'rtl' || info?.direction === 'ltr') direction = info.direction;
      else if (RTL_LANGUAGES.has(intl.language)) direction = 'rtl';
    } catch {
      // Not a tag: written as English is.
    }
    directions.set(tag, direction);
  }
  return direction;
}

/**
 * `text` ready to sit inside a sentence of `direction`: wrapped in FSI … PDI when either could
 * reorder the other (the sentence is RTL, or `text` has RTL letters); otherwise `text` itself, so
 * left-to-right sentences with left-to-right values stay byte for byte what they were. Text that is
 * isolated already is not wrapped twice.
 */
export function isolate(text: string, direction: 'ltr' | 'rtl'): string {
  if (!text || (text.startsWith(FSI) && text.endsWith(PDI))) return text;
  return direction === 'rtl' || RTL_LETTER.test(text) ? `${FSI}${text}${PDI}` : text;
}

/** The values in an error's parameters that are shown inside its sentence. */
const INSERTED = new Set(['label', 'example', 'canonical', 'grouped', 'decimal', 'author']);

/** U+2066 LEFT-TO-RIGHT ISOLATE. */
const LRI = '\u2066';

/**
 * A catalog whose sentences isolate what they are given: every function in it (at any depth)
 * passes its string arguments, and the shown values of an error's parameters, through
 * `isolate` in the catalog's direction. Numbers and the keys a sentence looks things up by are
 * passed as they are.
 *
 * In a right-to-left catalog, the words it took from `english` (the same string or function, a
 * host's catalog that translates part of the words) are left-to-right islands: each is wrapped in
 * LRI … PDI, so "1 customer matches." does not show as ".customer matches 1".
 */
export function isolating<T extends object>(catalog: T, direction: 'ltr' | 'rtl', english?: object): T {
  const sentence =
    (words: (...args: unknown[]) => unknown, inner: 'ltr' | 'rtl') =>
    (...args: unknown[]) =>
      words(
        ...args.map((arg) => {
          if (typeof arg === 'string') return isolate(arg, inner);
          if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
            const params = { ...(arg as Record<string, unknown>) };
            for (const key of INSERTED) {
              if (typeof params[key] === 'string') params[key] = isolate(params[key], inner);
            }
            return params;
          }
          return arg;
        }),
      );
  const wrap = (value: unknown, reference: unknown): unknown => {
    const foreign = direction === 'rtl' && reference !== undefined && value === reference;
    if (typeof value === 'function') {
      const words = sentence(value as (...args: unknown[]) => unknown, foreign ? 'ltr' : direction);
      return foreign ? (...args: unknown[]) => ltrIsland(words(...args)) : words;
    }
    if (typeof value === 'string') return foreign ? ltrIsland(value) : value;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = reference && typeof reference === 'object' ? (reference as Record<string, unknown>) : undefined;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, wrap(item, inner?.[key])]));
    }
    return value;
  };
  const wrapped = wrap(catalog, english) as T & { locale?: unknown };
  // The tag is data, not words.
  if ('locale' in catalog) wrapped.locale = (catalog as { locale?: unknown }).locale;
  return wrapped;
}

function ltrIsland(text: unknown): unknown {
  return typeof text === 'string' && text ? `${LRI}${text}${PDI}` : text;
}
