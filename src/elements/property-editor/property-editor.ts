import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { FormControlElement, type Validation } from '../../internal/form-control.js';
import { ListboxController } from '../../internal/listbox-controller.js';
import { iconStyles, inputStyles, tokens } from '../../internal/styles.js';
import type { ValueError } from '../../model/errors.js';
import type { ChoiceOption, PropertyDefinition, PropertyValue } from '../../model/types.js';
import { formatValue, parseValue, sameValue, validateValue } from '../../model/values.js';
import { patternEngineLoaded, preparePatterns } from '../../model/patterns.js';
import { labelLanguage, localizeDefinition } from '../../model/translations.js';
import type { LocationPicker } from '../location-picker/location-picker.js';
import { loadLocationPicker, locationPickerFailed } from '../../internal/location-picker-loader.js';
import { editors, type Editor, type EditorHost } from './editors.js';
import { isTypedInput } from './input-kind.js';
import { specFor } from '../../model/value-types/index.js';
import { styles } from './property-editor.styles.js';
import { renderReadonly } from './readonly-view.js';
import '../../i18n/en-editor.js';

export { SHORT_LIST_MAX } from './input-kind.js';

/** Which browser-level validity flag each model error raises. */
function validityFlags(code: ValueError['code']): ValidityStateFlags {
  switch (code) {
    case 'required':
      return { valueMissing: true };
    case 'pattern.mismatch':
      return { patternMismatch: true };
    case 'text.length':
    case 'word.length':
    case 'location.address':
      return { tooLong: true };
    case 'location.range':
    case 'time.range':
      return { rangeOverflow: true };
    case 'choice.unknown':
    case 'choice.duplicate':
    case 'choice.order':
      return { customError: true };
    default:
      return { badInput: true };
  }
}

/**
 * One field for one property of any of the eight types, chosen by `definition.type`: a decimal
 * input, a growing text area, a word input, a select or searchable combobox, checkboxes or a
 * searchable list with chips, `<location-picker>`, and date and time inputs with pickers. It
 * validates with the model as the user types, shows errors once they leave the field, and keeps
 * what they typed even when it is invalid. Form-associated: it submits its value (JSON for
 * location and multiple choice) and resets with the form.
 *
 * @summary Edits one customer property value, of any type.
 *
 * @fires {Event} input - The user changed the value.
 * @fires {Event} change - The user committed a change (left the field, pressed Enter, made a choice).
 *
 * @csspart base - The wrapper (a fieldset for checkbox groups).
 * @csspart label - The label (a legend for checkbox groups).
 * @csspart input - The text input, text area, select or search box.
 * @csspart checkbox - Each checkbox of a short multiple choice.
 * @csspart listbox - The list of options of a long choice.
 * @csspart chips - The chosen options of a long multiple choice.
 * @csspart chip - One chosen option, with its remove button.
 * @csspart picker-button - The button that opens the date, time or options picker.
 * @csspart help-text - The description and format hints.
 * @csspart error - The validation message.
 * @csspart value - The read-only value.
 *
 * @cssprop --cp-color-text - Text.
 * @cssprop --cp-color-text-muted - Hints.
 * @cssprop --cp-color-surface - Background of inputs and lists.
 * @cssprop --cp-input-background - Background of inputs, over --cp-color-surface.
 * @cssprop --cp-color-border - Borders.
 * @cssprop --cp-input-border-color - Borders of inputs, over --cp-color-border.
 * @cssprop --cp-color-accent - Focus ring and the active option.
 * @cssprop --cp-focus-ring-color - Focus ring, over --cp-color-accent.
 * @cssprop --cp-color-error - Error text and invalid borders.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-font-family - Font.
 * @cssprop --cp-label-font-weight - Weight of the label.
 * @cssprop --cp-map-height - Height of the map of a location.
 *
 * @cssstate user-invalid - The user left the field, or tried to submit, and its value is invalid.
 * @cssstate user-valid - The user left the field, or tried to submit, and its value is valid.
 */
@customElement('property-editor')
export class PropertyEditor extends FormControlElement {
  static override styles = [tokens, inputStyles, iconStyles, styles];

  /** The property this field edits: its type, label, options and rules. */
  @property({ attribute: false }) definition: PropertyDefinition | undefined;

  /**
   * The stored value (`null`: not set). Setting it from code fires no event. A value equal to the
   * one shown (a new array or object with the same content) leaves the text the user typed alone.
   */
  @property({ attribute: false }) value: PropertyValue | null = null;

  /** The value `form.reset()` returns to; by default the value last set from code (the host's). */
  @property({ attribute: false }) defaultValue: PropertyValue | null | undefined;

  /** What the text input shows: kept as typed, even when it does not parse. */
  @state() private text = '';
  /** The search text of a long choice list. */
  @state() private query = '';
  @state() private expanded = false;

  @query('#control') private control!: HTMLElement | null;
  @query('location-picker') private picker!: LocationPicker | null;

  /** The value the text shows; a value set from outside differs from it and rewrites the text. */
  #shown: PropertyValue | null | undefined;
  #shownFor = '';
  /** The locale the text was written in: a locale change rewrites text that was valid in it. */
  #textLocale = '';
  /** True while the value is the one the host gave: a stored value that became invalid is then not held against the form. */
  #pristine = true;
  /** The value last set from code: what `form.reset()` returns to. */
  #hostValue: PropertyValue | null = null;
  #definitionCache: { source: PropertyDefinition; required: boolean; def: PropertyDefinition } | undefined;
  /** The options list of a long single or multiple choice. */
  #listbox = new ListboxController(this, () => this.#options);
  /** The element as the per-type editors (editors.ts) see it; its state stays private. */
  readonly #editorHost: EditorHost = this.#createEditorHost();

  constructor() {
    super();
    // A location's messages are the picker's: when the field is checked, the picker shows them too.
    this.addEventListener('invalid', () => this.picker?.checkValidity());
  }

  override reportValidity(): boolean {
    this.picker?.checkValidity();
    return super.reportValidity();
  }

  /**
   * Focuses the field's own control (the input, select, text area, or a long choice's search
   * box), as focusing an `<input>` does; without one (a group of checkboxes, a location), the
   * first control inside.
   */
  override focus(options?: FocusOptions): void {
    const control = this.control;
    if (control?.matches('input:not(:disabled), select:not(:disabled), textarea:not(:disabled)'))
      control.focus(options);
    else super.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // An open list does not outlive its field's place on the page.
    this.expanded = false;
  }

  /** `definition` in the viewer's language (its `translations`): what every part of the field shows and checks. */
  get #words(): PropertyDefinition | undefined {
    return this.definition && localizeDefinition(this.definition, this.effectiveLocale);
  }

  /** The definition with this field's `required` folded in: what the model checks against. */
  get #def(): PropertyDefinition | undefined {
    const source = this.#words;
    if (!source) return undefined;
    const required = this.required || Boolean(source.required);
    const cached = this.#definitionCache;
    if (cached && cached.source === source && cached.required === required) return cached.def;
    const def = { ...source, required };
    this.#definitionCache = { source, required, def };
    return def;
  }

  get #options(): readonly ChoiceOption[] {
    return this.#words?.options ?? [];
  }

  /** Whether this field has asked for the pattern engine (once: a failed load is not retried in a loop). */
  #patternsRequested = false;

  /**
   * A location field renders once `<location-picker>` (loaded on demand) is defined: never an
   * empty picker that fills in later. If it cannot be loaded, the field says so.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.#words?.type === 'location' && !customElements.get('location-picker')) {
      const render = () => super.scheduleUpdate();
      return loadLocationPicker().then(render, render);
    }
    return super.scheduleUpdate();
  }

  protected override willUpdate(): void {
    this.#verdict = undefined;
    if (this.#words?.pattern && !this.#patternsRequested && !patternEngineLoaded()) {
      // Until RE2 is in, a value is refused as unchecked (`pattern.unavailable`); then checked again.
      this.#patternsRequested = true;
      void preparePatterns([this.#words]).then(() => this.requestUpdate());
    }
    const shownFor = `${this.effectiveLocale}|${this.#words?.name}|${this.#words?.type}`;
    if (this.value !== this.#shown && this.#shown !== undefined && sameValue(this.value, this.#shown)) {
      // A new array or object holding the same value (a host that copies, a store's echo): what the
      // user typed, and whether they touched it, stay as they are.
      this.#hostValue = this.value;
      this.#shown = this.value;
    } else if (this.value !== this.#shown) {
      this.#hostValue = this.value;
      this.#pristine = true;
      this.#showValue();
    } else if (
      shownFor !== this.#shownFor &&
      (!this.#words || !isTypedInput(this.#words) || this.#parse(this.#textLocale)?.ok)
    ) {
      this.#showValue();
    }
  }

  #showValue(): void {
    this.#shown = this.value;
    this.#shownFor = `${this.effectiveLocale}|${this.#words?.name}|${this.#words?.type}`;
    const def = this.#words;
    this.#textLocale = this.effectiveLocale;
    this.text = def ? formatValue(def, this.value, this.effectiveLocale) : '';
  }

  #parse(locale = this.effectiveLocale) {
    const def = this.#def;
    return def ? parseValue(def, this.text, locale) : undefined;
  }

  /** The verdict of this update, computed once: render and validation both ask for it. */
  #verdict: { problem: ValueError | null } | undefined;

  /** The model's verdict on what the field holds now, or null. */
  #problem(): ValueError | null {
    this.#verdict ??= { problem: this.#check() };
    return this.#verdict.problem;
  }

  #check(): ValueError | null {
    const def = this.#def;
    if (!def) return null;
    if (isTypedInput(def)) {
      const parsed = this.#parse();
      return parsed && !parsed.ok ? parsed.error : null;
    }
    if (specFor(def)?.input === 'map' && !this.#pristine) {
      // What the user typed into the picker and could not be read: the picker knows why.
      const picker = this.picker;
      if (picker && !picker.validity.valid) {
        return { code: picker.validity.valueMissing ? 'required' : 'location.format', params: {} };
      }
    }
    return validateValue(def, this.value);
  }

  /** The problem in the viewer's words; a location's are the picker's own, which knows what was typed. */
  #errorText(problem: ValueError): string {
    const picker = this.#words && specFor(this.#words)?.input === 'map' ? this.picker : null;
    if (picker && !picker.validity.valid) return picker.validationMessage;
    return this.describe(problem, this.#words?.label);
  }

  /** A problem of a stored value the user has not touched is shown, but does not block the form. */
  #blocking(problem: ValueError | null): boolean {
    return problem !== null && (!this.#pristine || problem.code === 'required');
  }

  protected formValue(): FormData | null {
    const name = this.name || this.#words?.name;
    if (!name || this.value === null || this.value === undefined) return null;
    const data = new FormData();
    data.append(name, typeof this.value === 'string' ? this.value : JSON.stringify(this.value));
    return data;
  }

  protected override formState(): string | null {
    if (this.value === null || this.value === undefined) return null;
    return typeof this.value === 'string' ? this.value : JSON.stringify(this.value);
  }

  protected validation(): Validation | null {
    if (this.readonly || !this.#words) return null;
    const problem = this.#problem();
    if (!this.#blocking(problem)) return null;
    return {
      flags: validityFlags(problem!.code),
      message: this.#errorText(problem!),
      anchor: this.control ?? undefined,
    };
  }

  protected resetValue(): void {
    this.value = this.defaultValue !== undefined ? this.defaultValue : this.#hostValue;
    this.#showValue();
    this.#pristine = true;
    this.query = '';
    this.expanded = false;
  }

  protected restoreValue(state: string): void {
    const json = this.#words && specFor(this.#words)?.formValue === 'json';
    this.value = json ? (JSON.parse(state) as PropertyValue) : state;
  }

  /** A value the user chose: kept, shown, and announced with `input` (and `change` when committed). */
  #choose(value: PropertyValue | null, { commit = true } = {}): void {
    this.value = value;
    this.#pristine = false;
    this.#showValue();
    this.markTouched();
    this.emit('input');
    if (commit) this.emit('change');
  }

  /** Text the user typed: kept as typed, in the locale it was typed in. */
  #keepText(text: string): void {
    this.text = text;
    this.#textLocale = this.effectiveLocale;
    this.#pristine = false;
  }

  #onTextInput(event: Event): void {
    // The inner input's `input` event is composed; the editor sends one of its own instead.
    event.stopPropagation();
    this.#keepText((event.target as HTMLInputElement | HTMLTextAreaElement).value);
    const parsed = this.#parse();
    if (parsed?.ok) {
      this.value = parsed.value;
      this.#shown = this.value;
    }
    this.emit('input');
  }

  #onTextChange(): void {
    const parsed = this.#parse();
    // Committed text shows in its canonical form: `3,50` becomes `3,5`, `1.2.2024` becomes `01.02.2024`.
    if (parsed?.ok && this.#words?.type !== 'text') this.#showValue();
    this.markTouched();
    this.emit('change');
  }

  #onPickerEvent(event: Event): void {
    event.stopPropagation();
    const picker = event.target as LocationPicker;
    this.value = picker.value;
    this.#shown = this.value;
    this.#pristine = false;
    if (event.type === 'change') this.markTouched();
    this.requestUpdate();
    this.emit(event.type as 'input' | 'change');
  }

  override render() {
    const def = this.#words;
    if (!def) return nothing;
    if (def.type === 'location' && !customElements.get('location-picker') && locationPickerFailed()) {
      return html`<div part="base">
        <span part="label">${def.label}</span>
        <p part="error" role="alert">${this.catalog.propertyEditor.pickerUnavailable}</p>
      </div>`;
    }
    const editor = this.readonly ? undefined : (editors as Record<string, Editor | undefined>)[def.type];
    return editor ? editor(this.#editorHost) : renderReadonly(def, this.value, this.catalog, this.effectiveLocale);
  }

  #createEditorHost(): EditorHost {
    const element = this;
    return {
      get definition() {
        return element.#words!;
      },
      get value() {
        return element.value;
      },
      get text() {
        return element.text;
      },
      get query() {
        return element.query;
      },
      set query(query: string) {
        element.query = query;
      },
      get expanded() {
        return element.expanded;
      },
      set expanded(expanded: boolean) {
        element.expanded = expanded;
      },
      get options() {
        return element.#options;
      },
      get required() {
        return element.required || Boolean(element.definition?.required);
      },
      get disabled() {
        return element.isDisabled;
      },
      get locale() {
        return element.effectiveLocale;
      },
      get messages() {
        return element.catalog.propertyEditor;
      },
      get renderRoot() {
        return element.renderRoot;
      },
      get control() {
        return element.control;
      },
      get updateComplete() {
        return element.updateComplete;
      },
      listbox: this.#listbox,
      label: () => this.#label(this.#words!),
      labelText: () => this.#labelText(this.#words!),
      below: (hint) => this.#below(hint),
      describedBy: (hint) => this.#describedBy(hint),
      invalid: () => this.#invalid(),
      parse: () => this.#parse(),
      keepText: (text) => this.#keepText(text),
      showValue: () => this.#showValue(),
      choose: (value, options) => this.#choose(value, options),
      emit: (type) => this.emit(type),
      onTextInput: (event) => this.#onTextInput(event),
      onTextChange: () => this.#onTextChange(),
      onPickerEvent: (event) => this.#onPickerEvent(event),
    };
  }

  // ——— shared pieces ———

  #labelText(def: PropertyDefinition) {
    const required = this.required || def.required;
    const lang = this.partLanguage(labelLanguage(def));
    return html`${lang ? html`<span lang=${lang}>${def.label}</span>` : def.label}${
      required
        ? html`<span class="required" aria-hidden="true">*</span><span class="visually-hidden">(${this.catalog.field.required})</span>`
        : nothing
    }`;
  }

  #label(def: PropertyDefinition) {
    return html`<label part="label" for="control" id="label">${this.#labelText(def)}</label>`;
  }

  /** What shows under the field: the description, a format hint, a note on a legacy value, the error. */
  #below(hint?: string) {
    const def = this.#words!;
    const problem = this.#problem();
    // Spaces and punctuation in a word are reported as they are typed; the rest once the user leaves.
    // While the combobox list is open the text is a search, not yet an answer.
    const show = this.#errorShown(problem);
    return html`${def.description ? html`<p part="help-text" id="description">${def.description}</p>` : nothing}
      ${hint ? html`<p part="help-text" id="hint">${hint}</p>` : nothing}
      ${show && problem ? html`<p part="error" id="error">${this.#errorText(problem)}</p>` : nothing}`;
  }

  /** Whether the error shows under the field now. */
  #errorShown(problem: ValueError | null): boolean {
    return Boolean(
      problem &&
      !this.expanded &&
      (this.touched || problem.code === 'word.characters' || (!this.#blocking(problem) && problem.code !== 'required')),
    );
  }

  #describedBy(hint = false): string | undefined {
    const ids = [];
    if (this.#words?.description) ids.push('description');
    if (hint) ids.push('hint');
    // Only what is on the page: a reference to a missing id names nothing.
    if (this.#errorShown(this.#problem())) ids.push('error');
    return ids.length ? ids.join(' ') : undefined;
  }

  #invalid(): 'true' | 'false' {
    const problem = this.#problem();
    return problem && (this.touched || problem.code === 'word.characters') ? 'true' : 'false';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'property-editor': PropertyEditor;
  }
}
