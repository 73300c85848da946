import type { DefinitionError } from './errors.js';
import { compilePattern, patternFault } from './patterns.js';
import {
  PROPERTY_TYPES,
  type AccessLevel,
  type ChoiceOption,
  type PropertyDefinition,
  type PropertyType,
} from './types.js';
import { TEXT_MAX_LENGTH, characterCount } from './value-types/plain-text.js';
import { displayFor } from './value-types/display.js';
import { TRANSLATION_FIELDS, TRANSLATIONS_MAX, canonicalTag } from './translations.js';

export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const LABEL_MAX_LENGTH = 100;
export const OPTIONS_MAX = 10_000;
export const OPTION_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 1_000;
/** The most characters of a definition's `group`, after trimming. */
export const GROUP_MAX_LENGTH = 100;
/** The built-in `name`: 1–200 characters after trimming. */
export const NAME_MAX_LENGTH = 200;
const RESERVED_NAMES = ['number', 'name'];
/** Names that reach `Object.prototype` on a plain object; never a property, nor a key of user data. */
export const PROTOTYPE_KEYS: readonly string[] = Object.freeze(['__proto__', 'constructor', 'prototype']);

/** Whether `key` would reach `Object.prototype` when used on a plain object. */
export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.includes(key);
}

/**
 * The pattern inside `/^a+$/` or `/^a+$/i`, written as a JavaScript literal, where the slashes would
 * be matched as characters; `undefined` for a pattern without them.
 */
function withoutDelimiters(pattern: string): string | undefined {
  const text = pattern.trim();
  const close = text.lastIndexOf('/');
  if (!text.startsWith('/') || close < 2 || !/^[a-z]*$/.test(text.slice(close + 1))) return undefined;
  return text.slice(1, close);
}

/** The two properties every customer has. `number` is its identity in the channel and never edited. */
export const BUILT_IN_DEFINITIONS: readonly PropertyDefinition[] = Object.freeze([
  Object.freeze({
    name: 'number',
    label: 'Number',
    // In the languages the library ships words for ("Name" is the same in German); a host's own
    // languages show the English label (built-ins cannot be changed).
    translations: Object.freeze({ de: Object.freeze({ label: 'Nummer' }) }),
    type: 'text',
    builtIn: true,
    required: true,
    showToAgent: true,
    showToCustomer: false,
    access: Object.freeze({ '*': 'view' }),
    order: -2,
  }),
  Object.freeze({
    name: 'name',
    label: 'Name',
    type: 'text',
    builtIn: true,
    required: true,
    maxLength: NAME_MAX_LENGTH,
    showToAgent: true,
    showToCustomer: true,
    access: Object.freeze({ '*': 'edit' }),
    order: -1,
  }),
]);

/** What an admin gives for a new property; the rest takes its default. */
export type DefinitionInit = Pick<PropertyDefinition, 'name' | 'label' | 'type'> &
  Partial<Omit<PropertyDefinition, 'name' | 'label' | 'type'>>;

/**
 * A complete definition from the few fields an admin gives: shown to agents, not to customers,
 * editable by every user (`{ '*': 'edit' }`), placed last.
 */
export function definitionWithDefaults(
  init: DefinitionInit,
  existing: readonly PropertyDefinition[] = [],
): PropertyDefinition {
  // `??`, not a spread under the defaults: a field given as `undefined` (plain JS) takes its default too.
  return {
    ...init,
    showToAgent: init.showToAgent ?? true,
    showToCustomer: init.showToCustomer ?? false,
    access: init.access ?? { '*': 'edit' },
    order: init.order ?? existing.reduce((last, def) => Math.max(last, def.order + 1), 0),
  };
}

export interface ValidateDefinitionOptions {
  /**
   * `'create'` (default): a name already in `existing`, in any case, is taken. `'update'`: the entry
   * with exactly this name is the definition's earlier version and is skipped.
   */
  mode?: 'create' | 'update' | undefined;
}

/** Every problem with a definition, each with the field it belongs to; `[]` when it is valid. */
export function validateDefinition(
  def: PropertyDefinition,
  existing: readonly PropertyDefinition[],
  { mode = 'create' }: ValidateDefinitionOptions = {},
): DefinitionError[] {
  const problems: DefinitionError[] = [];
  const add = (problem: DefinitionError) => problems.push(problem);
  const name = typeof def.name === 'string' ? def.name : '';

  // The built-ins themselves pass; a custom definition that only claims to be built in does not.
  const isBuiltIn = def.builtIn === true && RESERVED_NAMES.includes(name);
  if (!isBuiltIn) {
    if (!NAME_PATTERN.test(name)) {
      add({ code: 'definition.name.format', params: {}, field: 'name' });
    } else if (RESERVED_NAMES.includes(name.toLowerCase()) || isPrototypeKey(name.toLowerCase())) {
      add({ code: 'definition.name.reserved', params: { name }, field: 'name' });
    } else {
      const lower = name.toLowerCase();
      const taken = existing.find(
        (other) => other.name.toLowerCase() === lower && !(mode === 'update' && other.name === name),
      );
      if (taken) add({ code: 'definition.name.taken', params: { name: taken.name }, field: 'name' });
    }
  }

  const label = typeof def.label === 'string' ? def.label.trim() : '';
  if (label === '' || characterCount(label) > LABEL_MAX_LENGTH) {
    add({ code: 'definition.label.length', params: { max: LABEL_MAX_LENGTH }, field: 'label' });
  }

  const knownType = (PROPERTY_TYPES as readonly string[]).includes(def.type);
  if (!knownType) {
    add({ code: 'definition.type.unknown', params: { type: String(def.type) }, field: 'type' });
  }

  if (isChoiceType(def.type)) checkOptions(def, add);
  else if (def.options !== undefined && knownType) {
    add({ code: 'definition.options.type', params: {}, field: 'options' });
  }

  if (def.maxLength !== undefined) {
    const max = def.maxLength;
    if (def.type !== 'text' || !Number.isSafeInteger(max) || max < 1 || max > TEXT_MAX_LENGTH) {
      add({ code: 'definition.maxLength', params: { max: TEXT_MAX_LENGTH }, field: 'maxLength' });
    }
  }

  if (def.pattern !== undefined && def.pattern !== '') {
    if (!displayFor(def)?.pattern) {
      add({ code: 'definition.pattern.type', params: {}, field: 'pattern' });
    } else if (withoutDelimiters(def.pattern) !== undefined) {
      const pattern = withoutDelimiters(def.pattern)!;
      add({ code: 'definition.pattern.delimiters', params: { pattern }, field: 'pattern' });
    } else if (compilePattern(def.pattern) === undefined) {
      add({ code: 'definition.pattern.unavailable', params: {}, field: 'pattern' });
    } else if (!compilePattern(def.pattern)) {
      add({ code: 'definition.pattern.invalid', params: { reason: patternFault(def.pattern) }, field: 'pattern' });
    }
  }

  for (const [role, level] of Object.entries(def.access ?? {})) {
    if (level !== 'view' && level !== 'edit') {
      add({ code: 'definition.access.level', params: { role, level: String(level) }, field: 'access' });
    }
  }

  if (def.description !== undefined && characterCount(def.description) > DESCRIPTION_MAX_LENGTH) {
    add({
      code: 'definition.description.length',
      params: { max: DESCRIPTION_MAX_LENGTH },
      field: 'description',
    });
  }

  if (
    def.group !== undefined &&
    (typeof def.group !== 'string' || !def.group.trim() || characterCount(def.group.trim()) > GROUP_MAX_LENGTH)
  ) {
    add({ code: 'definition.group.length', params: { max: GROUP_MAX_LENGTH }, field: 'group' });
  }

  if (typeof def.order !== 'number' || !Number.isFinite(def.order)) {
    add({ code: 'definition.order', params: {}, field: 'order' });
  }

  if (def.translations !== undefined) checkTranslations(def, add);

  return problems;
}

/** Whether `text` is a string of 1 to `max` characters after trimming. */
function fits(text: unknown, max: number): boolean {
  return typeof text === 'string' && text.trim() !== '' && characterCount(text.trim()) <= max;
}

/** The limits of the default words, per language, with the tag named in every problem. */
function checkTranslations(def: PropertyDefinition, add: (problem: DefinitionError) => void): void {
  const all: unknown = def.translations;
  if (typeof all !== 'object' || all === null || Array.isArray(all)) {
    add({ code: 'definition.translations.shape', params: {}, field: 'translations' });
    return;
  }
  if (Object.keys(all).length > TRANSLATIONS_MAX) {
    add({ code: 'definition.translations.count', params: { max: TRANSLATIONS_MAX }, field: 'translations' });
    return;
  }
  const values = new Set(Array.isArray(def.options) ? def.options.map((option) => option?.value) : []);
  for (const [tag, translation] of Object.entries(all as Record<string, unknown>)) {
    const at = `translations.${tag}`;
    const canonical = canonicalTag(tag);
    if (canonical !== tag || isPrototypeKey(tag)) {
      add({
        code: 'definition.translations.tag',
        params: canonical && !isPrototypeKey(tag) ? { tag, canonical } : { tag },
        field: at,
      });
      continue;
    }
    if (typeof translation !== 'object' || translation === null || Array.isArray(translation)) {
      add({ code: 'definition.translations.field', params: { tag, field: '' }, field: at });
      continue;
    }
    const words = translation as Record<string, unknown>;
    for (const [field, text] of Object.entries(words)) {
      const known = TRANSLATION_FIELDS.includes(field);
      const wrongShape =
        field === 'options'
          ? typeof text !== 'object' || text === null || Array.isArray(text)
          : typeof text !== 'string';
      if (!known || (text !== undefined && wrongShape)) {
        add({ code: 'definition.translations.field', params: { tag, field }, field: `${at}.${field}` });
      }
    }
    if (words.label !== undefined && typeof words.label === 'string' && !fits(words.label, LABEL_MAX_LENGTH)) {
      add({ code: 'definition.translations.label', params: { tag, max: LABEL_MAX_LENGTH }, field: `${at}.label` });
    }
    if (typeof words.description === 'string' && characterCount(words.description) > DESCRIPTION_MAX_LENGTH) {
      const params = { tag, max: DESCRIPTION_MAX_LENGTH };
      add({ code: 'definition.translations.description', params, field: `${at}.description` });
    }
    if (words.group !== undefined && typeof words.group === 'string' && !fits(words.group, GROUP_MAX_LENGTH)) {
      add({ code: 'definition.translations.group', params: { tag, max: GROUP_MAX_LENGTH }, field: `${at}.group` });
    }
    const options = words.options;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) continue;
    const labels = new Map<string, string>();
    for (const [value, label] of Object.entries(options as Record<string, unknown>)) {
      const field = `${at}.options.${value}`;
      if (!values.has(value) || isPrototypeKey(value)) {
        add({ code: 'definition.translations.option', params: { tag, value }, field });
      } else if (!fits(label, OPTION_MAX_LENGTH)) {
        add({ code: 'definition.translations.option-label', params: { tag, value, max: OPTION_MAX_LENGTH }, field });
      } else {
        labels.set(value, (label as string).trim());
      }
    }
    // Two options a reader of this language cannot tell apart, counting the default labels it falls back to.
    // Reported at the translated option of the pair, whichever of the two comes first.
    const seen = new Map<string, string>();
    for (const option of Array.isArray(def.options) ? def.options : []) {
      const label = (
        labels.get(option?.value) ?? (typeof option?.label === 'string' ? option.label.trim() : '')
      ).toLowerCase();
      if (label === '') continue;
      const other = seen.get(label);
      if (other !== undefined) {
        const translated = labels.has(option.value) ? option.value : labels.has(other) ? other : undefined;
        if (translated !== undefined) {
          const params = { tag, value: translated, label: labels.get(translated)! };
          add({ code: 'definition.translations.option-duplicate', params, field: `${at}.options.${translated}` });
        }
      } else seen.set(label, option.value);
    }
  }
}

function checkOptions(def: PropertyDefinition, add: (problem: DefinitionError) => void): void {
  // Options that are not a list (from a client that is not ours) are a count problem, not a crash.
  const options: Partial<ChoiceOption>[] = Array.isArray(def.options) ? def.options : [];
  if (options.length < 1 || options.length > OPTIONS_MAX) {
    add({ code: 'definition.options.count', params: { min: 1, max: OPTIONS_MAX }, field: 'options' });
  }
  const seen = new Set<string>();
  const seenLabels = new Set<string>();
  options.forEach((option, index) => {
    const value = typeof option?.value === 'string' ? option.value : '';
    const label = typeof option?.label === 'string' ? option.label.trim() : '';
    if (value.trim() === '' || characterCount(value) > OPTION_MAX_LENGTH) {
      add({
        code: 'definition.option.value',
        params: { index, max: OPTION_MAX_LENGTH },
        field: `options.${index}.value`,
      });
    } else if (seen.has(value)) {
      add({ code: 'definition.option.duplicate', params: { index, value }, field: `options.${index}.value` });
    }
    seen.add(value);
    if (label === '' || characterCount(label) > OPTION_MAX_LENGTH) {
      add({
        code: 'definition.option.label',
        params: { index, max: OPTION_MAX_LENGTH },
        field: `options.${index}.label`,
      });
    } else if (seenLabels.has(label.toLowerCase())) {
      add({ code: 'definition.option.duplicate-label', params: { index, label }, field: `options.${index}.label` });
    }
    seenLabels.add(label.toLowerCase());
  });
}

const LEVELS: Record<AccessLevel | 'none', number> = { none: 0, view: 1, edit: 2 };

/**
 * What a user with these roles may do with a property: the highest level over `'*'` and each of
 * their roles; `'none'` means the property is not shown to them at all.
 */
export function accessFor(def: PropertyDefinition, roles: readonly string[]): AccessLevel | 'none' {
  let best: AccessLevel | 'none' = 'none';
  for (const role of ['*', ...roles]) {
    const level = Object.hasOwn(def.access, role) ? def.access[role] : undefined;
    if (level && LEVELS[level] > LEVELS[best]) best = level;
  }
  return best;
}

/** Definitions in the order every list shows them: by `order`, then by name. */
export function sortDefinitions<T extends PropertyDefinition>(defs: readonly T[]): T[] {
  return [...defs].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** Whether definitions of the type have `options` (the choice types). */
export function isChoiceType(type: PropertyType): boolean {
  return displayFor({ type })?.options === true;
}

// Technical names from labels live in names.ts; this module keeps exporting them.
export { slugify, suggestName } from './names.js';
