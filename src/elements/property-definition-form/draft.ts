import type { nothing, TemplateResult } from 'lit';
import type { Catalog } from '../../i18n/catalog.js';
import type { AccessLevel, DefinitionError, PropertyDefinition, PropertyType } from '../../model/index.js';

export type Level = AccessLevel | 'none';

export interface OptionRow {
  /** Stable identity for rendering and dragging. */
  key: number;
  value: string;
  label: string;
}

/** One language's words as the admin is writing them; option labels by row `key`, so a changed value keeps them. */
export interface TranslationDraft {
  label: string;
  description: string;
  patternHint: string;
  group: string;
  options: Record<number, string>;
}

/** The definition as the admin is writing it: kept as typed, valid or not. */
export interface Draft {
  label: string;
  name: string;
  type: PropertyType;
  options: OptionRow[];
  showToCustomer: boolean;
  showToAgent: boolean;
  access: Record<string, Level>;
  description: string;
  required: boolean;
  pattern: string;
  patternHint: string;
  group: string;
  /** Per BCP 47 tag: every language the definition has words in, listed by the host or not (kept as they are). */
  translations: Record<string, TranslationDraft>;
}

/**
 * What a section of the form (options, access, pattern) reads from its `<property-definition-form>`
 * and asks of it. The draft stays private to the form; a section changes it only through `update`.
 */
export interface SectionHost {
  readonly draft: Draft;
  /** The role names offered in access control, besides everyone. */
  readonly roles: readonly string[];
  /** The languages the host lists, canonical BCP 47 tags: the translations section has one part per language. */
  readonly languages: readonly string[];
  /** The text in the box that tries the pattern. */
  sample: string;
  /** The index of the option row being dragged. */
  dragging: number | undefined;
  readonly locale: string;
  readonly messages: Catalog['definitionForm'];
  readonly renderRoot: ParentNode;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;

  /** Changes the draft; `touched`: the field whose errors show from now on. */
  update(patch: Partial<Draft>, touched?: string): void;
  /** Says something in the form's live region. */
  announce(text: string): void;
  /** The definition the draft describes, as the store will get it. */
  definition(): PropertyDefinition;
  /** Errors shown beside a field: after the admin touched it, or tried to save. */
  errorsFor(prefix: string): DefinitionError[];
  fieldErrors(prefix: string, id: string): TemplateResult | typeof nothing;
  /** The errors under `prefix` that have no input of their own and belong to the element `id` (a section). */
  containerErrors(prefix: string, id: string): TemplateResult | typeof nothing;
  describedBy(prefix: string, id: string, hint?: string): string;
  describe(error: unknown, label?: string): string;
}
