import type { TemplateResult } from 'lit';
import type { Catalog } from '../../i18n/catalog.js';
import type { ListboxController } from '../../internal/listbox-controller.js';
import type { ChoiceOption, PropertyDefinition, PropertyType, PropertyValue } from '../../model/types.js';
import type { ParseResult } from '../../model/values.js';
import { renderMultipleChoice, renderSingleChoice } from './choice-editors.js';
import { renderLocation } from './location-editor.js';
import { renderDateOrTime, renderTextArea, renderTextInput } from './text-editors.js';

/**
 * What a per-type editor reads from its `<property-editor>` and asks of it. The element's state
 * stays private to the element; an editor changes it only through these.
 */
export interface EditorHost {
  /** The property being edited (an editor renders only when there is one). */
  readonly definition: PropertyDefinition;
  readonly value: PropertyValue | null;
  /** What the text input shows: kept as typed, even when it does not parse. */
  readonly text: string;
  /** The search text of a long multiple choice. */
  query: string;
  /** Whether the list of a long choice is open. */
  expanded: boolean;
  readonly options: readonly ChoiceOption[];
  readonly required: boolean;
  readonly disabled: boolean;
  readonly locale: string;
  readonly messages: Catalog['propertyEditor'];
  readonly renderRoot: ParentNode;
  /** The inner control: the input, text area, select or group. */
  readonly control: HTMLElement | null;
  /** The options list of a long choice. */
  readonly listbox: ListboxController;
  /** Settles when the editor has rendered what changed. */
  readonly updateComplete: Promise<boolean>;

  label(): TemplateResult;
  /** The label's text, with the required mark, for a legend. */
  labelText(): TemplateResult;
  /** What shows under the field: the description, a format hint, the error. */
  below(hint?: string): TemplateResult;
  describedBy(hint?: boolean): string | undefined;
  invalid(): 'true' | 'false';

  /** The text, parsed in the locale (with the field's `required`). */
  parse(): ParseResult | undefined;
  /** Text the user typed: kept as typed, but the value is not changed. */
  keepText(text: string): void;
  /** Shows the value as text again, discarding what was typed. */
  showValue(): void;
  /** A value the user chose: kept, shown, and announced with `input` and `change`. */
  /** A value the user chose: `input`, and `change` too unless `commit` is false (committed later). */
  choose(value: PropertyValue | null, options?: { commit?: boolean }): void;
  emit(type: 'input' | 'change'): void;
  onTextInput(event: Event): void;
  onTextChange(): void;
  onPickerEvent(event: Event): void;
}

export type Editor = (editor: EditorHost) => TemplateResult;

/** One editor per type: a ninth type fails the compile here until it has one. */
export const editors = {
  number: (editor) => renderTextInput(editor, 'decimal'),
  // A customer's name is one line; every other text may hold line breaks.
  text: (editor) => (editor.definition.builtIn ? renderTextInput(editor, 'text') : renderTextArea(editor)),
  word: (editor) => renderTextInput(editor, 'text'),
  'single-choice': (editor) => renderSingleChoice(editor),
  'multiple-choice': (editor) => renderMultipleChoice(editor),
  location: (editor) => renderLocation(editor),
  date: (editor) => renderDateOrTime(editor, 'date'),
  time: (editor) => renderDateOrTime(editor, 'time'),
} satisfies Record<PropertyType, Editor>;
