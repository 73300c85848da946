/** The eight kinds of value a customer property can hold. */
export const PROPERTY_TYPES = [
  'number',
  'text',
  'word',
  'single-choice',
  'multiple-choice',
  'location',
  'date',
  'time',
] as const;

export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** One option of a choice property: `value` is stored and never changes, `label` is what people see. */
export interface ChoiceOption {
  value: string;
  label: string;
}

/** A place: WGS 84 degrees, with the address and Google place id when known. */
export interface LocationValue {
  lat: number;
  lng: number;
  address?: string;
  placeId?: string;
}

/**
 * A stored value, plain JSON: a string for number (canonical decimal), text, word, single choice,
 * date (`YYYY-MM-DD`) and time (`HH:mm`); an array of option values for multiple choice; a
 * `LocationValue` for location. An unset property has no key.
 */
export type PropertyValue = string | string[] | LocationValue;

export type AccessLevel = 'view' | 'edit';

/** Role name → level; `'*'` is every user. No entry: the property is hidden from that user. */
export type AccessControl = Record<string, AccessLevel>;

/**
 * One language's words for a definition; anything missing falls back to the default (the
 * definition's own `label`, `description`, `patternHint`, `group` and option labels).
 */
export interface DefinitionTranslation {
  /** 1–100 characters after trimming, as `label`. */
  label?: string;
  /** At most 1,000 characters, as `description`. */
  description?: string;
  /** The sentence shown when `pattern` does not match, as `patternHint`. */
  patternHint?: string;
  /** 1–100 characters after trimming, as `group`. */
  group?: string;
  /** Option value → label: each key is a value of the definition's options; labels have 1–200 characters after trimming. */
  options?: Record<string, string>;
}

export interface PropertyDefinition {
  /** Technical name, the key values are stored under: `^[A-Za-z][A-Za-z0-9_]{0,63}$`, immutable. */
  name: string;
  /** What people see, 1–100 characters after trimming. */
  label: string;
  type: PropertyType;
  /** Choice types only: 1–10,000 options. */
  options?: ChoiceOption[];
  showToAgent: boolean;
  showToCustomer: boolean;
  access: AccessControl;
  description?: string;
  required?: boolean;
  /**
   * Text only: the most characters a value may have, counted after trimming; 1–10,000 (the
   * default). The built-in `name` has 200.
   */
  maxLength?: number;
  /** Text and word only: a regular expression the whole value must match. */
  pattern?: string;
  /** The sentence shown when `pattern` does not match. */
  patternHint?: string;
  /**
   * A heading the agent's panel shows this property under, with the others of the same group
   * (collapsible); 1–100 characters after trimming. None: the property is listed before the groups.
   */
  group?: string;
  /**
   * The words in other languages, keyed by canonical BCP 47 tag (`de`, `de-AT`, `zh-Hant`), at most
   * 50 languages. Every element shows the viewer's language, falling back by dropping subtags
   * (`de-AT` → `de`) and then to the default words (see `localizeDefinition`).
   */
  translations?: Record<string, DefinitionTranslation>;
  /** Position in lists, ascending. */
  order: number;
  /** `number` and `name`: every customer has them; they cannot be deleted. */
  builtIn?: boolean;
}

export interface FieldChange {
  revision: number;
  /** ISO 8601 instant. */
  at: string;
  by?: string;
}

export interface Customer {
  id: string;
  /** `whatsapp`, `telegram`, …: decides what `number` must look like. */
  channel?: string;
  /** Identification in the channel: a phone number (E.164) for WhatsApp, a numeric id for Telegram. */
  number: string;
  name: string;
  properties: Record<string, PropertyValue>;
  revision: number;
  /** Who changed each field last, and when. */
  changed?: Record<string, FieldChange>;
}

/** What `parseValue` takes for a location: numbers or typed decimal strings. */
export interface LocationInput {
  lat: number | string;
  lng: number | string;
  address?: string | undefined;
  placeId?: string | undefined;
}

/** What `parseValue` accepts: typed text, chosen option values, a location, or nothing. */
export type ValueInput = string | number | readonly string[] | LocationInput | null | undefined;

/** Operators per DESIGN §6; which ones fit a property depends on its type. */
export type AudienceOperator =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'between'
  | 'contains'
  | 'equals'
  | 'starts-with'
  | 'in'
  | 'not-in'
  | 'has-any'
  | 'has-all'
  | 'has-none'
  | 'on'
  | 'before'
  | 'after'
  | 'within-last-days'
  | 'within-km'
  | 'is-set'
  | 'is-not-set';

/** One test of one property: `{ property: 'age', operator: 'gte', value: '18' }`. */
export interface AudienceCondition {
  property: string;
  operator: AudienceOperator;
  value?: unknown;
}

/** Conditions and nested groups, all or any of which must hold. */
export interface AudienceQuery {
  match: 'all' | 'any';
  conditions: (AudienceCondition | AudienceQuery)[];
}
