import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FormControlElement, type Validation } from '../../internal/form-control.js';
import { inputStyles, tokens } from '../../internal/styles.js';
import { styleProperties } from '../../internal/style-properties.js';
import type { ValueError } from '../../model/errors.js';
import type { ChoiceOption, LocationValue, PropertyDefinition, PropertyType, PropertyValue } from '../../model/types.js';
import { formatValue, parseValue, validateValue } from '../../model/values.js';
import { optionLabel } from '../../model/value-types/choice.js';
import '../location-picker/location-picker.js';
import type { LocationPicker } from '../location-picker/location-picker.js';
import { valueText } from '../../internal/value-text.js';
import { isTypedInput, SHORT_LIST_MAX } from './input-kind.js';
import { styles } from './property-editor.styles.js';

export { SHORT_LIST_MAX } from './input-kind.js';
const ROW_HEIGHT = 32;
const VISIBLE_ROWS = 8;

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

interface OptionSearch {
  labels: string[];
}
const searches = new WeakMap<readonly ChoiceOption[], OptionSearch>();
function optionSearch(options: readonly ChoiceOption[]): OptionSearch {
  let search = searches.get(options);
  if (!search) {
    search = { labels: options.map((option) => option.label.toLocaleLowerCase()) };
    searches.set(options, search);
  }
  return search;
}

const calendarIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><rect x="3" y="5" width="18" height="16" rx="2"></rect><path d="M3 10h18M8 3v4M16 3v4"></path></svg>`;
const clockIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9"></circle><path d="M12 7v5l3 2"></path></svg>`;
const chevronIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6"></path></svg>`;

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
 * @fires input - The user changed the value.
 * @fires change - The user committed a change (left the field, pressed Enter, made a choice).
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
  static override styles = [tokens, inputStyles, styles];

  /** The property this field edits: its type, label, options and rules. */
  @property({ attribute: false }) definition: PropertyDefinition | undefined;

  /** The stored value (`null`: not set). Setting it from code fires no event. */
  @property({ attribute: false }) value: PropertyValue | null = null;

  /** The value `form.reset()` returns to; by default the value last set from code (the host's). */
  @property({ attribute: false }) defaultValue: PropertyValue | null | undefined;

  /** What the text input shows: kept as typed, even when it does not parse. */
  @state() private text = '';
  /** The search text of a long choice list. */
  @state() private query = '';
  @state() private expanded = false;
  @state() private active = -1;
  @state() private listScroll = 0;

  @query('#control') private control!: HTMLElement | null;
  @query('#listbox') private listbox!: HTMLElement | null;
  @query('location-picker') private picker!: LocationPicker | null;
  @query('.native-picker') private nativePicker!: HTMLInputElement | null;

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
  #filterCache: { options: readonly ChoiceOption[]; query: string; matches: number[] } | undefined;

  private static readonly editors = {
    number: (editor) => editor.#renderTextInput('decimal'),
    // A customer's name is one line; every other text may hold line breaks.
    text: (editor) => (editor.definition?.builtIn ? editor.#renderTextInput('text') : editor.#renderTextArea()),
    word: (editor) => editor.#renderTextInput('text'),
    'single-choice': (editor) => editor.#renderSingleChoice(),
    'multiple-choice': (editor) => editor.#renderMultipleChoice(),
    location: (editor) => editor.#renderLocation(),
    date: (editor) => editor.#renderDateOrTime('date'),
    time: (editor) => editor.#renderDateOrTime('time'),
  } satisfies Record<PropertyType, (editor: PropertyEditor) => TemplateResult>;

  constructor() {
    super();
    // A location's messages are the picker's: when the field is checked, the picker shows them too.
    this.addEventListener('invalid', () => this.picker?.checkValidity());
  }

  override reportValidity(): boolean {
    this.picker?.checkValidity();
    return super.reportValidity();
  }

  /** The definition with this field's `required` folded in: what the model checks against. */
  get #def(): PropertyDefinition | undefined {
    const source = this.definition;
    if (!source) return undefined;
    const required = this.required || Boolean(source.required);
    const cached = this.#definitionCache;
    if (cached && cached.source === source && cached.required === required) return cached.def;
    const def = { ...source, required };
    this.#definitionCache = { source, required, def };
    return def;
  }

  get #options(): readonly ChoiceOption[] {
    return this.definition?.options ?? [];
  }

  get #isLongList(): boolean {
    return this.#options.length > SHORT_LIST_MAX;
  }

  protected override willUpdate(): void {
    this.#verdict = undefined;
    const shownFor = `${this.effectiveLocale}|${this.definition?.name}|${this.definition?.type}`;
    if (this.value !== this.#shown) {
      this.#hostValue = this.value;
      this.#pristine = true;
      this.#showValue();
    } else if (shownFor !== this.#shownFor && (!this.definition || !isTypedInput(this.definition) || this.#parse(this.#textLocale)?.ok)) {
      this.#showValue();
    }
  }

  #showValue(): void {
    this.#shown = this.value;
    this.#shownFor = `${this.effectiveLocale}|${this.definition?.name}|${this.definition?.type}`;
    const def = this.definition;
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
    if (def.type === 'location' && !this.#pristine) {
      // What the user typed into the picker and could not be read: the picker knows why.
      const picker = this.picker;
      if (picker && !picker.validity.valid) {
        return { code: picker.validity.valueMissing ? 'required' : 'location.format', params: {}, message: picker.validationMessage } as ValueError;
      }
    }
    return validateValue(def, this.value, this.effectiveLocale);
  }

  /** A problem of a stored value the user has not touched is shown, but does not block the form. */
  #blocking(problem: ValueError | null): boolean {
    return problem !== null && (!this.#pristine || problem.code === 'required');
  }

  protected formValue(): FormData | null {
    const name = this.name || this.definition?.name;
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
    if (this.readonly || !this.definition) return null;
    const problem = this.#problem();
    if (!this.#blocking(problem)) return null;
    return { flags: validityFlags(problem!.code), message: this.#errorText(problem!), anchor: this.control ?? undefined };
  }

  /** The words a problem is shown in: every message of the element comes from here. */
  #errorText(problem: ValueError): string {
    return problem.message;
  }

  protected resetValue(): void {
    this.value = this.defaultValue !== undefined ? this.defaultValue : this.#hostValue;
    this.#showValue();
    this.#pristine = true;
    this.query = '';
    this.expanded = false;
  }

  protected restoreValue(state: string): void {
    const type = this.definition?.type;
    this.value = type === 'multiple-choice' || type === 'location' ? (JSON.parse(state) as PropertyValue) : state;
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

  #onTextInput(event: Event): void {
    // The inner input's `input` event is composed; the editor sends one of its own instead.
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.#textLocale = this.effectiveLocale;
    this.#pristine = false;
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
    if (parsed?.ok && this.definition?.type !== 'text') this.#showValue();
    this.markTouched();
    this.emit('change');
  }

  override render() {
    const def = this.definition;
    if (!def) return nothing;
    if (this.readonly) return this.#renderReadonly(def);
    const editor = (PropertyEditor.editors as Record<string, (editor: PropertyEditor) => TemplateResult>)[def.type];
    return editor ? editor(this) : this.#renderReadonly(def);
  }

  // ——— shared pieces ———

  #labelText(def: PropertyDefinition) {
    const required = this.required || def.required;
    return html`${def.label}${required
      ? html`<span class="required" aria-hidden="true">*</span><span class="visually-hidden">(${this.catalog.field.required})</span>`
      : nothing}`;
  }

  #label(def: PropertyDefinition) {
    return html`<label part="label" for="control" id="label">${this.#labelText(def)}</label>`;
  }

  /** What shows under the field: the description, a format hint, a note on a legacy value, the error. */
  #below(hint?: string) {
    const def = this.definition!;
    const problem = this.#problem();
    // Spaces and punctuation in a word are reported as they are typed; the rest once the user leaves.
    // While the combobox list is open the text is a search, not yet an answer.
    const show =
      problem && !this.expanded && (this.touched || problem.code === 'word.characters' || (!this.#blocking(problem) && problem.code !== 'required'));
    return html`${def.description ? html`<p part="help-text" id="description">${def.description}</p>` : nothing}
      ${hint ? html`<p part="help-text" id="hint">${hint}</p>` : nothing}
      ${show ? html`<p part="error" id="error">${this.#errorText(problem!)}</p>` : nothing}`;
  }

  #describedBy(hint = false): string | undefined {
    const ids = [];
    if (this.definition?.description) ids.push('description');
    if (hint) ids.push('hint');
    if (this.#problem()) ids.push('error');
    return ids.length ? ids.join(' ') : undefined;
  }

  #invalid(): 'true' | 'false' {
    const problem = this.#problem();
    return problem && (this.touched || problem.code === 'word.characters') ? 'true' : 'false';
  }

  // ——— number, word, text ———

  #renderTextInput(mode: 'decimal' | 'text') {
    const def = this.definition!;
    return html`<div part="base">
      ${this.#label(def)}
      <input part="input" id="control" type="text" inputmode=${mode} autocomplete="off" spellcheck=${def.type === 'word' ? 'false' : 'true'}
        .value=${live(this.text)} ?disabled=${this.isDisabled} ?required=${this.required || def.required}
        aria-invalid=${this.#invalid()} aria-describedby=${ifDefined(this.#describedBy())}
        @input=${this.#onTextInput} @change=${this.#onTextChange} />
      ${this.#below()}
    </div>`;
  }

  #renderTextArea() {
    const def = this.definition!;
    return html`<div part="base">
      ${this.#label(def)}
      <textarea part="input" id="control" rows="3" .value=${live(this.text)} ?disabled=${this.isDisabled}
        ?required=${this.required || def.required} aria-invalid=${this.#invalid()}
        aria-describedby=${ifDefined(this.#describedBy())} @input=${this.#onTextInput} @change=${this.#onTextChange}></textarea>
      ${this.#below()}
    </div>`;
  }

  // ——— date and time ———

  #renderDateOrTime(type: 'date' | 'time') {
    const def = this.definition!;
    const messages = this.catalog.propertyEditor;
    const locale = this.effectiveLocale;
    const example = formatValue(def, type === 'date' ? '2026-12-31' : '21:05', locale);
    const parsed = this.#parse();
    const iso = parsed?.ok && typeof parsed.value === 'string' ? parsed.value : '';
    return html`<div part="base">
      ${this.#label(def)}
      <div class="with-button">
        <input part="input" id="control" type="text" autocomplete="off" .value=${live(this.text)} ?disabled=${this.isDisabled}
          ?required=${this.required || def.required} aria-invalid=${this.#invalid()}
          aria-describedby=${ifDefined(this.#describedBy(true))} @input=${this.#onTextInput} @change=${this.#onTextChange} />
        <button part="picker-button" class="icon-button" type="button" ?disabled=${this.isDisabled}
          aria-label=${type === 'date' ? messages.chooseDate : messages.chooseTime} @click=${this.#openNativePicker}>
          ${type === 'date' ? calendarIcon : clockIcon}
        </button>
        <input class="native-picker" type=${type} tabindex="-1" aria-hidden="true" step=${ifDefined(type === 'time' ? '60' : undefined)}
          .value=${live(iso)} @input=${(event: Event) => event.stopPropagation()} @change=${this.#onNativePick} />
      </div>
      ${this.#below(type === 'date' ? messages.dateHint(example) : messages.timeHint(example))}
    </div>`;
  }

  #openNativePicker(): void {
    const picker = this.nativePicker;
    if (!picker) return;
    try {
      picker.showPicker();
    } catch {
      // No picker in this browser (or no user gesture): typing works all the same.
      this.control?.focus();
    }
  }

  /** The browser's calendar or clock gives ISO text (`2024-12-31`, `21:05`): no time zone involved. */
  #onNativePick(event: Event): void {
    const iso = (event.target as HTMLInputElement).value;
    this.#choose(iso ? iso.slice(0, this.definition?.type === 'time' ? 5 : 10) : null);
  }

  // ——— single choice ———

  #renderSingleChoice() {
    return this.#isLongList ? this.#renderCombobox() : this.#renderSelect();
  }

  #renderSelect() {
    const def = this.definition!;
    const value = typeof this.value === 'string' ? this.value : '';
    const legacy = value && optionLabel(def, value) === undefined;
    return html`<div part="base">
      ${this.#label(def)}
      <select part="input" id="control" ?disabled=${this.isDisabled} ?required=${this.required || def.required}
        aria-invalid=${this.#invalid()} aria-describedby=${ifDefined(this.#describedBy())}
        @input=${(event: Event) => event.stopPropagation()}
        @change=${(event: Event) => this.#choose((event.target as HTMLSelectElement).value || null)}>
        <option value="" ?selected=${!value}>${this.required || def.required ? this.catalog.propertyEditor.choose : this.catalog.propertyEditor.none}</option>
        ${this.#options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
        ${legacy ? html`<option value=${value} selected>${this.catalog.propertyEditor.noLongerOffered(value)}</option>` : nothing}
      </select>
      ${legacy ? html`<p part="help-text" class="legacy">${this.catalog.propertyEditor.noLongerOfferedHint}</p>` : nothing}
      ${this.#below()}
    </div>`;
  }

  /** Indices of the options whose label contains the search text. */
  #matches(search: string): number[] {
    const options = this.#options;
    const queryText = search.trim().toLocaleLowerCase();
    const cached = this.#filterCache;
    if (cached && cached.options === options && cached.query === queryText) return cached.matches;
    const labels = optionSearch(options).labels;
    const matches: number[] = [];
    for (let i = 0; i < labels.length; i++) if (!queryText || labels[i]!.includes(queryText)) matches.push(i);
    this.#filterCache = { options, query: queryText, matches };
    return matches;
  }

  /** The combobox filters while the user types something other than the chosen label. */
  get #comboQuery(): string {
    const def = this.definition!;
    const chosen = typeof this.value === 'string' ? (optionLabel(def, this.value) ?? '') : '';
    return this.text === chosen ? '' : this.text;
  }

  #renderCombobox() {
    const def = this.definition!;
    const messages = this.catalog.propertyEditor;
    const matches = this.#matches(this.#comboQuery);
    const activeId = this.expanded && this.active >= 0 && this.active < matches.length ? `option-${this.active}` : undefined;
    const value = typeof this.value === 'string' ? this.value : '';
    const legacy = value && optionLabel(def, value) === undefined;
    return html`<div part="base">
      ${this.#label(def)}
      <div class="combobox">
        <div class="with-button">
          <input part="input" id="control" type="text" role="combobox" autocomplete="off" spellcheck="false"
            aria-autocomplete="list" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="listbox"
            aria-activedescendant=${ifDefined(activeId)} .value=${live(legacy && this.text === value ? messages.noLongerOffered(value) : this.text)}
            ?disabled=${this.isDisabled} ?required=${this.required || def.required}
            aria-invalid=${this.#invalid()} aria-describedby=${ifDefined(this.#describedBy())}
            @input=${this.#onComboInput} @keydown=${this.#onComboKey} @change=${(event: Event) => event.stopPropagation()}
            @blur=${this.#onComboBlur} />
          <button part="picker-button" class="icon-button" type="button" tabindex="-1" aria-label=${messages.showOptions}
            aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="listbox" ?disabled=${this.isDisabled}
            @click=${this.#toggleCombo}>${chevronIcon}</button>
        </div>
        ${this.expanded ? this.#renderListbox(matches, { multiple: false, popup: true }) : nothing}
      </div>
      ${legacy ? html`<p part="help-text" class="legacy">${messages.noLongerOfferedHint}</p>` : nothing}
      ${this.#below()}
    </div>`;
  }

  /** Typing in the combobox searches; the value changes only when an option is chosen. */
  #onComboInput(event: Event): void {
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement).value;
    this.#textLocale = this.effectiveLocale;
    this.#pristine = false;
    this.expanded = true;
    this.active = this.#matches(this.#comboQuery).length ? 0 : -1;
    this.listScroll = 0;
    if (this.listbox) this.listbox.scrollTop = 0;
  }

  #toggleCombo(): void {
    this.expanded = !this.expanded;
    if (this.expanded) this.#activateChosen();
    this.control?.focus();
  }

  #activateChosen(): void {
    const matches = this.#matches(this.#comboQuery);
    const chosen = typeof this.value === 'string' ? this.#options.findIndex((o) => o.value === this.value) : -1;
    this.active = Math.max(0, matches.indexOf(chosen));
    void this.updateComplete.then(() => this.#scrollToActive());
  }

  #onComboKey(event: KeyboardEvent): void {
    const matches = this.#matches(this.#comboQuery);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.expanded) {
          this.expanded = true;
          this.#activateChosen();
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.#moveActive(Math.min(matches.length - 1, Math.max(0, this.active + step)));
        return;
      }
      case 'PageDown':
      case 'PageUp':
        if (!this.expanded) return;
        event.preventDefault();
        this.#moveActive(Math.min(matches.length - 1, Math.max(0, this.active + (event.key === 'PageDown' ? VISIBLE_ROWS : -VISIBLE_ROWS))));
        return;
      case 'Enter':
        if (this.expanded && this.active >= 0 && this.active < matches.length) {
          event.preventDefault();
          this.#pickOption(matches[this.active]!);
        }
        return;
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          this.expanded = false;
          // Back to what was chosen: Escape discards the search.
          this.#showValue();
        }
        return;
    }
  }

  #onComboBlur(event: FocusEvent): void {
    if (this.renderRoot.contains(event.relatedTarget as Node | null)) return;
    this.expanded = false;
    const parsed = this.#parse();
    if (parsed?.ok && parsed.value !== this.value) this.#choose(parsed.value);
    else if (parsed?.ok) this.#showValue();
    else this.emit('change');
  }

  #pickOption(index: number): void {
    const option = this.#options[index];
    if (!option) return;
    if (this.definition?.type === 'multiple-choice') {
      this.#toggleOption(option.value);
      return;
    }
    this.expanded = false;
    this.#choose(option.value);
  }

  #moveActive(position: number): void {
    this.active = position;
    void this.updateComplete.then(() => this.#scrollToActive());
  }

  #scrollToActive(): void {
    const listbox = this.listbox;
    if (!listbox || this.active < 0) return;
    const top = this.active * ROW_HEIGHT;
    const height = listbox.clientHeight || VISIBLE_ROWS * ROW_HEIGHT;
    if (top < listbox.scrollTop) listbox.scrollTop = top;
    else if (top + ROW_HEIGHT > listbox.scrollTop + height) listbox.scrollTop = top + ROW_HEIGHT - height;
    this.listScroll = listbox.scrollTop;
  }

  /** Only the rows in view are in the DOM, so 5,000 options cost what eight do. */
  #renderListbox(matches: number[], { multiple, popup }: { multiple: boolean; popup: boolean }) {
    const messages = this.catalog.propertyEditor;
    const chosen = new Set(Array.isArray(this.value) ? this.value : typeof this.value === 'string' ? [this.value] : []);
    const first = Math.max(0, Math.floor(this.listScroll / ROW_HEIGHT) - 2);
    const last = Math.min(matches.length, first + VISIBLE_ROWS + 4);
    const rows = [];
    for (let position = first; position < last; position++) {
      const index = matches[position]!;
      const option = this.#options[index]!;
      rows.push(html`<div role="option" id="option-${position}" class=${position === this.active ? 'active' : ''}
        aria-selected=${chosen.has(option.value) ? 'true' : 'false'} aria-setsize=${matches.length} aria-posinset=${position + 1}
        ${styleProperties({ top: `${position * ROW_HEIGHT}px` })}
        @pointerdown=${(event: Event) => event.preventDefault()}
        @click=${() => {
          this.active = position;
          this.#pickOption(index);
        }}>${option.label}</div>`);
    }
    // An empty listbox is hidden (a listbox must hold options); a status line says why.
    return html`<div part="listbox" id="listbox" role="listbox" class=${popup ? 'popup' : ''} tabindex="-1"
      ?hidden=${matches.length === 0} aria-label=${this.definition!.label} aria-multiselectable=${multiple ? 'true' : 'false'}
      ${styleProperties({ 'max-height': `${VISIBLE_ROWS * ROW_HEIGHT}px` })}
      @scroll=${(event: Event) => (this.listScroll = (event.target as HTMLElement).scrollTop)}>
      <div class="rows" ${styleProperties({ height: `${matches.length * ROW_HEIGHT}px` })}>${rows}</div>
    </div>
    ${matches.length ? nothing : html`<div class="empty" role="status">${messages.noMatches}</div>`}`;
  }

  // ——— multiple choice ———

  #renderMultipleChoice() {
    return this.#isLongList ? this.#renderSearchableList() : this.#renderCheckboxes();
  }

  /** The chosen values, in the definition's order; values no longer offered stay at the end. */
  #withToggled(value: string): string[] | null {
    const current = Array.isArray(this.value) ? this.value : [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    const order = new Map(this.#options.map((option, i) => [option.value, i]));
    const known = next.filter((v) => order.has(v)).sort((a, b) => order.get(a)! - order.get(b)!);
    const legacy = next.filter((v) => !order.has(v));
    const result = [...known, ...legacy];
    return result.length ? result : null;
  }

  #toggleOption(value: string): void {
    this.#choose(this.#withToggled(value));
  }

  #renderCheckboxes() {
    const def = this.definition!;
    const chosen = Array.isArray(this.value) ? this.value : [];
    const legacy = chosen.filter((value) => optionLabel(def, value) === undefined);
    const box = (value: string, label: string) => html`<label class="check">
      <input part="checkbox" type="checkbox" .checked=${live(chosen.includes(value))} ?disabled=${this.isDisabled}
        @input=${(event: Event) => event.stopPropagation()} @change=${() => this.#toggleOption(value)} />${label}</label>`;
    return html`<fieldset part="base" aria-describedby=${ifDefined(this.#describedBy())} aria-invalid=${this.#invalid()}>
      <legend part="label">${this.#labelText(def)}</legend>
      <div class="checks" id="control" tabindex="-1">
        ${this.#options.map((option) => box(option.value, option.label))}
        ${legacy.map((value) => box(value, this.catalog.propertyEditor.noLongerOffered(value)))}
      </div>
      ${legacy.length ? html`<p part="help-text" class="legacy">${this.catalog.propertyEditor.noLongerOfferedHint}</p>` : nothing}
      ${this.#below()}
    </fieldset>`;
  }

  #renderSearchableList() {
    const def = this.definition!;
    const messages = this.catalog.propertyEditor;
    const chosen = Array.isArray(this.value) ? this.value : [];
    const matches = this.#matches(this.query);
    const activeId = this.active >= 0 && this.active < matches.length ? `option-${this.active}` : undefined;
    return html`<fieldset part="base" aria-describedby=${ifDefined(this.#describedBy())}>
      <legend part="label" id="label">${this.#labelText(def)}</legend>
      ${chosen.length
        ? html`<ul part="chips" aria-label=${messages.chosen(chosen.length)}>
            ${chosen.map((value) => {
              const label = optionLabel(def, value) ?? messages.noLongerOffered(value);
              return html`<li part="chip">${label}<button type="button" aria-label=${messages.removeChoice(label)}
                ?disabled=${this.isDisabled} @click=${() => this.#toggleOption(value)}>×</button></li>`;
            })}
          </ul>`
        : nothing}
      <input part="input" id="control" type="search" role="combobox" autocomplete="off" aria-autocomplete="list"
        aria-expanded="true" aria-controls="listbox" aria-activedescendant=${ifDefined(activeId)}
        aria-label=${`${def.label}: ${messages.searchOptions}`} placeholder=${messages.searchOptions}
        .value=${live(this.query)} ?disabled=${this.isDisabled} aria-invalid=${this.#invalid()}
        @input=${this.#onListSearch} @keydown=${this.#onListKey} @change=${(event: Event) => event.stopPropagation()} />
      ${this.#renderListbox(matches, { multiple: true, popup: false })}
      ${this.#below()}
    </fieldset>`;
  }

  #onListSearch(event: Event): void {
    event.stopPropagation();
    this.query = (event.target as HTMLInputElement).value;
    this.active = this.#matches(this.query).length ? 0 : -1;
    this.listScroll = 0;
    if (this.listbox) this.listbox.scrollTop = 0;
  }

  #onListKey(event: KeyboardEvent): void {
    const matches = this.#matches(this.query);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        this.#moveActive(Math.min(matches.length - 1, Math.max(0, this.active + (event.key === 'ArrowDown' ? 1 : -1))));
        return;
      case 'Enter':
        event.preventDefault();
        if (this.active >= 0 && this.active < matches.length) this.#pickOption(matches[this.active]!);
        return;
      case 'Escape':
        if (this.query) {
          event.preventDefault();
          this.query = '';
          this.active = -1;
        }
        return;
      case 'Backspace':
        if (!this.query && Array.isArray(this.value) && this.value.length) this.#toggleOption(this.value.at(-1)!);
        return;
    }
  }

  // ——— location ———

  #renderLocation() {
    const def = this.definition!;
    return html`<div part="base">
      <location-picker id="control" .value=${(this.value as LocationValue | null) ?? null} label=${def.label}
        locale=${this.effectiveLocale} ?required=${this.required || Boolean(def.required)} ?disabled=${this.isDisabled}
        @input=${this.#onPickerEvent} @change=${this.#onPickerEvent}></location-picker>
      ${def.description ? html`<p part="help-text" id="description">${def.description}</p>` : nothing}
    </div>`;
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

  // ——— read-only ———

  #renderReadonly(def: PropertyDefinition) {
    const locale = this.effectiveLocale;
    if (def.type === 'location') {
      return html`<location-picker readonly label=${def.label} locale=${locale} .value=${(this.value as LocationValue | null) ?? null}></location-picker>`;
    }
    const text = valueText(def, this.value, this.catalog, locale);
    return html`<div part="base" role="group" aria-labelledby="label">
      <span part="label" id="label">${def.label}</span>
      <span part="value">${text}</span>
      ${def.description ? html`<span part="help-text">${def.description}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'property-editor': PropertyEditor;
  }
}
