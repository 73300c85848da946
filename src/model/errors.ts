/** Every way a value can be wrong, with the parameters its message needs. Codes are stable API. */
export interface ValueErrorParams {
  required: Record<never, never>;
  /** A change names a property that has no definition. */
  'property.unknown': { name: string };
  /**
   * A change names `__proto__`, `constructor` or `prototype`: names that would reach the prototype of
   * a plain object, so no property can have them.
   */
  'property.name': { name: string };
  /** The default `number` is the customer's identity and is never changed. */
  'property.readonly': Record<never, never>;
  /** A value of the wrong JSON shape arrived from a store or a host. */
  'value.type': { expected: string };
  /** A stored value that means one value but is not written in its stored form, `canonical`. */
  'value.canonical': { canonical: string };
  'number.format': Record<never, never>;
  /** More than one separator: grouping (`1,234.5`, `1 234`) is not accepted. */
  'number.separators': Record<never, never>;
  /**
   * One separator the locale groups with and three digits after it (`1,500` in `en-US`, `1.500` in
   * `de`): `grouped` and `decimal` are the two readings as the locale shows them (`1500`, `1.5`).
   */
  'number.ambiguous': { grouped: string; decimal: string };
  'text.length': { max: number; length: number };
  'word.characters': { characters: string[] };
  'word.length': { max: number; length: number };
  /** `hint` is the definition's `patternHint`, shown as the message when present. */
  'pattern.mismatch': { hint?: string };
  /** The definition's pattern does not compile, so no value can be checked against it: all are refused. */
  'pattern.invalid': Record<never, never>;
  /** The pattern engine has not loaded (`loadPatternEngine`), so the value cannot be checked yet: refused. */
  'pattern.unavailable': Record<never, never>;
  'choice.unknown': { values: string[] };
  'choice.duplicate': { values: string[] };
  /** A stored multiple-choice array not in the definition's option order. */
  'choice.order': Record<never, never>;
  'location.format': Record<never, never>;
  'location.range': { axis: 'lat' | 'lng'; min: number; max: number };
  'location.address': { max: number };
  /** The map's place id is longer than any a map gives (`max` UTF-16 code units). */
  'location.placeId': { max: number };
  /**
   * `calendar` is the `Intl` calendar the date is typed in when it is not the Gregorian
   * (`buddhist`, `persian`, `islamic-umalqura`), so the message can name it.
   */
  'date.format': { example: string; calendar?: string };
  /** Parsed, but no such day on the calendar (`2023-02-29`). */
  'date.invalid': Record<never, never>;
  'time.format': { example: string };
  'time.range': Record<never, never>;
  /** The default `number` of a phone channel (WhatsApp, SMS, …) is not E.164. */
  'channel.phone': Record<never, never>;
  /** The default `number` of an id channel (Telegram, …) is not a numeric id. */
  'channel.id': Record<never, never>;
}

export type ValueErrorCode = keyof ValueErrorParams;

/**
 * A failed check: a stable `code` and its `params`, in no language. `describeError` in
 * `customer-properties/i18n` words it in the viewer's locale with the field's label.
 */
export type ValueError = {
  [K in ValueErrorCode]: { code: K; params: ValueErrorParams[K] };
}[ValueErrorCode];

/** The same as `ValueError`: the name the per-type checks use. */
export type ValueProblem = ValueError;

export interface DefinitionErrorParams {
  'definition.name.format': Record<never, never>;
  'definition.name.reserved': { name: string };
  'definition.name.taken': { name: string };
  'definition.label.length': { max: number };
  'definition.type.unknown': { type: string };
  /** The type cannot change: customers hold values of the old type. */
  'definition.type.locked': { count: number };
  /** Built-in definitions cannot be created, changed or deleted. */
  'definition.builtin': { name: string };
  /** A reorder must list every custom definition once. */
  'definition.order.names': Record<never, never>;
  'definition.options.count': { min: number; max: number };
  'definition.options.type': Record<never, never>;
  'definition.option.value': { index: number; max: number };
  'definition.option.label': { index: number; max: number };
  'definition.option.duplicate': { index: number; value: string };
  /** Two options people could not tell apart: the same label, ignoring case and surrounding spaces. */
  'definition.option.duplicate-label': { index: number; label: string };
  /** `maxLength` on a type other than text, or not a whole number from 1 to `max`. */
  'definition.maxLength': { max: number };
  'definition.pattern.invalid': { reason: string };
  'definition.pattern.type': Record<never, never>;
  /** The pattern engine has not loaded (`loadPatternEngine`), so the pattern cannot be checked yet. */
  'definition.pattern.unavailable': Record<never, never>;
  /** The pattern is written between slashes (`/^a+$/`): it is given without them. */
  'definition.pattern.delimiters': { pattern: string };
  'definition.access.level': { role: string; level: string };
  'definition.description.length': { max: number };
  'definition.group.length': { max: number };
  'definition.order': Record<never, never>;
  /** More languages in `translations` than `max`, or `translations` is not an object. */
  'definition.translations.count': { max: number };
  'definition.translations.shape': Record<string, never>;
  /**
   * A key of `translations` that is not a BCP 47 tag, or not in its canonical form (`canonical`,
   * as `Intl.getCanonicalLocales` writes it: `de-AT` for `de-at`).
   */
  'definition.translations.tag': { tag: string; canonical?: string };
  /** A translation that is not an object, or has a field it cannot have (`field`), or one that is not text. */
  'definition.translations.field': { tag: string; field: string };
  'definition.translations.label': { tag: string; max: number };
  'definition.translations.description': { tag: string; max: number };
  'definition.translations.group': { tag: string; max: number };
  /** A translated option label for `value`, which is not one of the definition's option values. */
  'definition.translations.option': { tag: string; value: string };
  /** The translated label of option `value` is empty or longer than `max`. */
  'definition.translations.option-label': { tag: string; value: string; max: number };
  /** Two options with the same label in the language `tag` (counting the defaults it falls back to). */
  'definition.translations.option-duplicate': { tag: string; value: string; label: string };
}

export type DefinitionErrorCode = keyof DefinitionErrorParams;

/**
 * A problem with a definition, in no language (`describeError` words it). `field` says where it
 * belongs, for showing it beside the right input: `name`, `label`, `type`, `options`,
 * `options.3.label`, `pattern`, `access`, `description`, `order`, `translations`,
 * `translations.de.label`, `translations.de.options.red`.
 */
export type DefinitionError = {
  [K in DefinitionErrorCode]: {
    code: K;
    params: DefinitionErrorParams[K];
    field: string;
  };
}[DefinitionErrorCode];
