import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { PropertyValue } from '../../model/types.js';
import { optionLabel } from '../../model/value-types/choice.js';
import type { EditorHost } from './editors.js';
import { isLongList } from './input-kind.js';

const chevronIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6"></path></svg>`;

/** The values the listbox marks as selected. */
function chosenValues(value: PropertyValue | null): readonly string[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

// ——— single choice ———

export function renderSingleChoice(editor: EditorHost) {
  return isLongList(editor.definition) ? renderCombobox(editor) : renderSelect(editor);
}

/**
 * Selects whose value an arrow or a typed letter changed while closed: in Chromium every such key
 * fires `change`. The value is chosen (`input`) at once and committed (`change`) on Enter or on
 * leaving, so four ArrowDowns are one save.
 */
const keyedSelects = new WeakSet<HTMLSelectElement>();
const uncommitted = new WeakSet<HTMLSelectElement>();

function onSelectKey(editor: EditorHost, event: KeyboardEvent): void {
  const select = event.target as HTMLSelectElement;
  const moves = ['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key);
  if (moves || (event.key.length === 1 && event.key !== ' ')) keyedSelects.add(select);
  else keyedSelects.delete(select);
  if (event.key === 'Enter' && uncommitted.has(select)) {
    uncommitted.delete(select);
    editor.emit('change');
  }
}

function onSelectChange(editor: EditorHost, event: Event): void {
  const select = event.target as HTMLSelectElement;
  const keyed = keyedSelects.has(select);
  keyedSelects.delete(select);
  if (keyed) uncommitted.add(select);
  else uncommitted.delete(select);
  editor.choose(select.value || null, { commit: !keyed });
}

function onSelectBlur(editor: EditorHost, event: FocusEvent): void {
  const select = event.target as HTMLSelectElement;
  keyedSelects.delete(select);
  if (!uncommitted.has(select)) return;
  uncommitted.delete(select);
  editor.emit('change');
}

function renderSelect(editor: EditorHost) {
  const def = editor.definition;
  const messages = editor.messages;
  const value = typeof editor.value === 'string' ? editor.value : '';
  const legacy = value && optionLabel(def, value) === undefined;
  return html`<div part="base">
    ${editor.label()}
    <select part="input" id="control" ?disabled=${editor.disabled} ?required=${editor.required}
      aria-invalid=${editor.invalid()} aria-describedby=${ifDefined(editor.describedBy())}
      @input=${(event: Event) => event.stopPropagation()} @keydown=${(event: KeyboardEvent) => onSelectKey(editor, event)}
      @pointerdown=${(event: Event) => keyedSelects.delete(event.target as HTMLSelectElement)}
      @change=${(event: Event) => onSelectChange(editor, event)} @blur=${(event: FocusEvent) => onSelectBlur(editor, event)}>
      <option value="" ?selected=${!value}>${editor.required ? messages.choose : messages.none}</option>
      ${editor.options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
      ${legacy ? html`<option value=${value} selected>${messages.noLongerOffered(value)}</option>` : nothing}
    </select>
    ${legacy ? html`<p part="help-text" class="legacy">${messages.noLongerOfferedHint}</p>` : nothing}
    ${editor.below()}
  </div>`;
}

/** The combobox filters while the user types something other than the chosen label. */
function comboSearch(editor: EditorHost): string {
  const chosen = typeof editor.value === 'string' ? (optionLabel(editor.definition, editor.value) ?? '') : '';
  return editor.text === chosen ? '' : editor.text;
}

function renderCombobox(editor: EditorHost) {
  const def = editor.definition;
  const messages = editor.messages;
  const listbox = editor.listbox;
  const matches = listbox.matches(comboSearch(editor));
  const activeId = editor.expanded ? listbox.activeId(matches) : undefined;
  const shown = editor.expanded && matches.length > 0;
  const value = typeof editor.value === 'string' ? editor.value : '';
  const legacy = value && optionLabel(def, value) === undefined;
  return html`<div part="base">
    ${editor.label()}
    <div class="combobox">
      <div class="with-button">
        <input part="input" id="control" type="text" role="combobox" autocomplete="off" spellcheck="false"
          aria-autocomplete="list" aria-expanded=${shown ? 'true' : 'false'} aria-controls=${ifDefined(editor.expanded ? 'listbox' : undefined)}
          aria-activedescendant=${ifDefined(activeId)} .value=${live(legacy && editor.text === value ? messages.noLongerOffered(value) : editor.text)}
          ?disabled=${editor.disabled} ?required=${editor.required}
          aria-invalid=${editor.invalid()} aria-describedby=${ifDefined(editor.describedBy())}
          @input=${(event: Event) => onComboInput(editor, event)} @keydown=${(event: KeyboardEvent) => onComboKey(editor, event)}
          @change=${(event: Event) => event.stopPropagation()} @blur=${(event: FocusEvent) => onComboBlur(editor, event)} />
        <button part="picker-button" class="icon-button" type="button" tabindex="-1" aria-label=${messages.showOptions}
          aria-expanded=${shown ? 'true' : 'false'} aria-controls=${ifDefined(editor.expanded ? 'listbox' : undefined)} ?disabled=${editor.disabled}
          @click=${() => toggleCombo(editor)}>${chevronIcon}</button>
      </div>
      ${
        editor.expanded
          ? listbox.render(matches, {
              label: def.label,
              multiple: false,
              anchor: '.with-button',
              chosen: chosenValues(editor.value),
              noMatches: messages.noMatches,
              pick: (index) => pickOne(editor, index),
            })
          : nothing
      }
    </div>
    ${legacy ? html`<p part="help-text" class="legacy">${messages.noLongerOfferedHint}</p>` : nothing}
    ${editor.below()}
  </div>`;
}

/** Typing in the combobox searches; the value changes only when an option is chosen. */
function onComboInput(editor: EditorHost, event: Event): void {
  event.stopPropagation();
  editor.keepText((event.target as HTMLInputElement).value);
  editor.expanded = true;
  editor.listbox.restart(editor.listbox.matches(comboSearch(editor)));
}

function toggleCombo(editor: EditorHost): void {
  editor.expanded = !editor.expanded;
  if (editor.expanded) activateChosen(editor);
  editor.control?.focus();
}

function activateChosen(editor: EditorHost): void {
  const matches = editor.listbox.matches(comboSearch(editor));
  const chosen = typeof editor.value === 'string' ? editor.options.findIndex((o) => o.value === editor.value) : -1;
  editor.listbox.activate(Math.max(0, matches.indexOf(chosen)));
}

function onComboKey(editor: EditorHost, event: KeyboardEvent): void {
  const listbox = editor.listbox;
  const matches = listbox.matches(comboSearch(editor));
  if (editor.expanded && listbox.moveByKey(event, matches, { paging: true })) return;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      // A closed list opens at the chosen option.
      event.preventDefault();
      editor.expanded = true;
      activateChosen(editor);
      return;
    case 'Enter': {
      const index = listbox.activeOption(matches);
      if (editor.expanded && index !== undefined) {
        event.preventDefault();
        pickOne(editor, index);
      }
      return;
    }
    case 'Escape':
      if (editor.expanded) {
        event.preventDefault();
        editor.expanded = false;
        // Back to what was chosen: Escape discards the search.
        editor.showValue();
      }
      return;
  }
}

/** Whether the focus moves within the combobox (its input, button or list), not elsewhere in the field. */
function staysInCombobox(event: FocusEvent): boolean {
  const combobox = (event.target as Element).closest('.combobox');
  return Boolean(combobox?.contains(event.relatedTarget as Node | null));
}

function onComboBlur(editor: EditorHost, event: FocusEvent): void {
  if (staysInCombobox(event)) return;
  editor.expanded = false;
  const parsed = editor.parse();
  if (parsed?.ok && parsed.value !== editor.value) editor.choose(parsed.value);
  else if (parsed?.ok) editor.showValue();
  else editor.emit('change');
}

function pickOne(editor: EditorHost, index: number): void {
  const option = editor.options[index];
  if (!option) return;
  editor.expanded = false;
  editor.choose(option.value);
}

// ——— multiple choice ———

export function renderMultipleChoice(editor: EditorHost) {
  return isLongList(editor.definition) ? renderSearchableList(editor) : renderCheckboxes(editor);
}

/** The chosen values, in the definition's order; values no longer offered stay at the end. */
function withToggled(editor: EditorHost, value: string): string[] | null {
  const current = Array.isArray(editor.value) ? editor.value : [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const order = new Map(editor.options.map((option, i) => [option.value, i]));
  const known = next.filter((v) => order.has(v)).sort((a, b) => order.get(a)! - order.get(b)!);
  const legacy = next.filter((v) => !order.has(v));
  const result = [...known, ...legacy];
  return result.length ? result : null;
}

function toggleOption(editor: EditorHost, value: string): void {
  editor.choose(withToggled(editor, value));
}

function renderCheckboxes(editor: EditorHost) {
  const def = editor.definition;
  const messages = editor.messages;
  const chosen = Array.isArray(editor.value) ? editor.value : [];
  const legacy = chosen.filter((value) => optionLabel(def, value) === undefined);
  const box = (value: string, label: string) => html`<label class="check">
    <input part="checkbox" type="checkbox" .checked=${live(chosen.includes(value))} ?disabled=${editor.disabled}
      @input=${(event: Event) => event.stopPropagation()} @change=${() => toggleOption(editor, value)} />${label}</label>`;
  return html`<fieldset part="base" aria-describedby=${ifDefined(editor.describedBy())} aria-invalid=${editor.invalid()}>
    <legend part="label">${editor.labelText()}</legend>
    <div class="checks" id="control" tabindex="-1">
      ${editor.options.map((option) => box(option.value, option.label))}
      ${legacy.map((value) => box(value, messages.noLongerOffered(value)))}
    </div>
    ${legacy.length ? html`<p part="help-text" class="legacy">${messages.noLongerOfferedHint}</p>` : nothing}
    ${editor.below()}
  </fieldset>`;
}

/**
 * A long multiple choice: the chosen options as chips, and a search box that is a combobox (WAI-ARIA
 * APG) whose list opens in the top layer on typing, ArrowDown, a click or its button, and stays open
 * while options are toggled.
 */
function renderSearchableList(editor: EditorHost) {
  const def = editor.definition;
  const messages = editor.messages;
  const listbox = editor.listbox;
  const chosen = Array.isArray(editor.value) ? editor.value : [];
  const matches = listbox.matches(editor.query);
  const activeId = editor.expanded ? listbox.activeId(matches) : undefined;
  const shown = editor.expanded && matches.length > 0;
  return html`<fieldset part="base" aria-describedby=${ifDefined(editor.describedBy())}>
    <legend part="label" id="label">${editor.labelText()}</legend>
    ${
      chosen.length
        ? html`<ul part="chips" aria-label=${messages.chosen(chosen.length)}>
          ${chosen.map((value, i) => {
            const label = optionLabel(def, value) ?? messages.noLongerOffered(value);
            return html`<li part="chip">${label}<button type="button" aria-label=${messages.removeChoice(label)}
              ?disabled=${editor.disabled} @click=${() => removeChip(editor, value, i)}>×</button></li>`;
          })}
        </ul>`
        : nothing
    }
    <div class="combobox">
      <div class="with-button">
        <input part="input" id="control" type="search" role="combobox" autocomplete="off" aria-autocomplete="list"
          aria-expanded=${shown ? 'true' : 'false'} aria-controls=${ifDefined(editor.expanded ? 'listbox' : undefined)} aria-activedescendant=${ifDefined(activeId)}
          aria-label=${`${def.label}: ${messages.searchOptions}`} placeholder=${messages.searchOptions}
          .value=${live(editor.query)} ?disabled=${editor.disabled} aria-invalid=${editor.invalid()}
          @input=${(event: Event) => onListSearch(editor, event)} @keydown=${(event: KeyboardEvent) => onListKey(editor, event)}
          @click=${() => openList(editor)} @blur=${(event: FocusEvent) => onListBlur(editor, event)}
          @change=${(event: Event) => event.stopPropagation()} />
        <button part="picker-button" class="icon-button" type="button" tabindex="-1" aria-label=${messages.showOptions}
          aria-expanded=${shown ? 'true' : 'false'} aria-controls=${ifDefined(editor.expanded ? 'listbox' : undefined)} ?disabled=${editor.disabled}
          @pointerdown=${(event: Event) => event.preventDefault()}
          @click=${() => {
            if (editor.expanded) editor.expanded = false;
            else openList(editor);
            editor.control?.focus();
          }}>${chevronIcon}</button>
      </div>
      ${
        editor.expanded
          ? listbox.render(matches, {
              label: def.label,
              multiple: true,
              anchor: '.with-button',
              chosen: chosenValues(editor.value),
              noMatches: messages.noMatches,
              pick: (index) => pickMany(editor, index),
            })
          : nothing
      }
    </div>
    ${editor.below()}
  </fieldset>`;
}

/** Opens the list at its first match (a list already open keeps its active option). */
function openList(editor: EditorHost): void {
  if (editor.expanded || editor.disabled) return;
  editor.expanded = true;
  editor.listbox.restart(editor.listbox.matches(editor.query));
}

/** Removing a chip moves the focus to the next chip's button, or to the search box after the last one. */
function removeChip(editor: EditorHost, value: string, position: number): void {
  toggleOption(editor, value);
  void editor.updateComplete.then(() => {
    const buttons = editor.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="chip"] button');
    (buttons[Math.min(position, buttons.length - 1)] ?? editor.control)?.focus();
  });
}

function onListSearch(editor: EditorHost, event: Event): void {
  event.stopPropagation();
  editor.query = (event.target as HTMLInputElement).value;
  editor.expanded = true;
  editor.listbox.restart(editor.listbox.matches(editor.query));
}

function onListKey(editor: EditorHost, event: KeyboardEvent): void {
  const listbox = editor.listbox;
  const matches = listbox.matches(editor.query);
  if (editor.expanded && listbox.moveByKey(event, matches, { paging: true })) return;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      event.preventDefault();
      openList(editor);
      return;
    case 'Enter': {
      // Enter toggles the active option; it never submits the form around the field.
      event.preventDefault();
      const index = editor.expanded ? listbox.activeOption(matches) : undefined;
      if (index !== undefined) pickMany(editor, index);
      return;
    }
    case 'Escape':
      // First the list closes, then the search clears; a third Escape is the host's (it cancels an edit).
      if (editor.expanded || editor.query) {
        event.preventDefault();
        if (editor.expanded) editor.expanded = false;
        else editor.query = '';
      }
      return;
    case 'Backspace': {
      const value = editor.value;
      if (!editor.query && Array.isArray(value) && value.length) toggleOption(editor, value.at(-1)!);
      return;
    }
  }
}

/** Focus leaving the field closes the list; the search text stays until the next pick or Escape. */
function onListBlur(editor: EditorHost, event: FocusEvent): void {
  if (staysInCombobox(event)) return;
  editor.expanded = false;
}

/** A pick toggles the option and clears the search, so the next search starts afresh. */
function pickMany(editor: EditorHost, index: number): void {
  const option = editor.options[index];
  if (!option) return;
  toggleOption(editor, option.value);
  if (editor.query) {
    editor.query = '';
    editor.listbox.restart(editor.listbox.matches(''));
  }
}
