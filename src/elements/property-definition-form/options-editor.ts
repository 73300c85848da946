import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { suggestName, type ChoiceOption } from '../../model/index.js';
import type { OptionRow, SectionHost } from './draft.js';

let nextKey = 0;

const icon = (path: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;
const icons = {
  up: icon('M12 19V5M6 11l6-6 6 6'),
  down: icon('M12 5v14M6 13l6 6 6-6'),
  remove: icon('M6 6l12 12M18 6L6 18'),
};

/** An option as a row of the editor, with a key of its own. */
export function optionRow(option: ChoiceOption): OptionRow {
  return { ...option, key: nextKey++ };
}

function addOptions(form: SectionHost, text: string): void {
  const labels = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (!labels.length) return;
  const taken = new Set(form.draft.options.map((option) => option.value));
  const rows = labels.map((label) => {
    const value = suggestName(label, taken, 'option');
    taken.add(value);
    return optionRow({ value, label });
  });
  form.update({ options: [...form.draft.options, ...rows] }, 'options');
  form.announce(form.messages.optionsAdded(rows.length));
}

function onAddKey(form: SectionHost, event: KeyboardEvent): void {
  if (event.key !== 'Enter' || event.shiftKey) return;
  event.preventDefault();
  const area = event.target as HTMLTextAreaElement;
  addOptions(form, area.value);
  area.value = '';
}

function onAddPaste(form: SectionHost, event: ClipboardEvent): void {
  const text = event.clipboardData?.getData('text') ?? '';
  if (!text.includes('\n')) return;
  event.preventDefault();
  addOptions(form, text);
}

function addFromBox(form: SectionHost): void {
  const area = form.renderRoot.querySelector<HTMLTextAreaElement>('#add-options')!;
  addOptions(form, area.value);
  area.value = '';
  area.focus();
}

function setOption(form: SectionHost, index: number, label: string): void {
  const options = form.draft.options.map((option, i) => (i === index ? { ...option, label } : option));
  form.update({ options }, 'options');
}

/** Removes an option; the focus goes to the remove button now in its place (or the one before), else the add box. */
function removeOption(form: SectionHost, index: number): void {
  const options = form.draft.options.filter((_, i) => i !== index);
  form.update({ options }, 'options');
  void form.updateComplete.then(() => {
    const at = Math.min(index, options.length - 1);
    const target =
      at >= 0
        ? form.renderRoot.querySelector<HTMLElement>(`#option-${at}-remove`)
        : form.renderRoot.querySelector<HTMLElement>('#add-options');
    target?.focus();
  });
}

/**
 * Moves an option. The focus moves with it: to its field (`'field'`, Alt+Arrow) or to the same
 * button in its new row (the other when that one is disabled at an end), so Enter again moves it on.
 */
function moveOption(form: SectionHost, from: number, to: number, focus?: 'field' | 'up' | 'down'): void {
  const options = [...form.draft.options];
  if (to < 0 || to >= options.length || from === to) return;
  const [moved] = options.splice(from, 1);
  options.splice(to, 0, moved!);
  form.update({ options }, 'options');
  form.announce(form.messages.optionMoved(moved!.label || moved!.value, to + 1, options.length));
  if (!focus) return;
  void form.updateComplete.then(() => {
    const root = form.renderRoot;
    if (focus === 'field') return root.querySelector<HTMLInputElement>(`#option-${to}`)?.focus();
    const same = root.querySelector<HTMLButtonElement>(`#option-${to}-${focus}`);
    const other = root.querySelector<HTMLButtonElement>(`#option-${to}-${focus === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  });
}

function onOptionKey(form: SectionHost, index: number, event: KeyboardEvent): void {
  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
  event.preventDefault();
  moveOption(form, index, index + (event.key === 'ArrowUp' ? -1 : 1), 'field');
}

/** The options of a choice type: a row per option (rename, move by button, Alt+arrow or drag, remove) and a box to add more. */
export function renderOptions(form: SectionHost) {
  const messages = form.messages;
  const listErrors = form.errorsFor('options').filter((error) => error.field === 'options');
  return html`<fieldset part="options">
      <legend>${messages.options}</legend>
      <ol>
        ${form.draft.options.map((option, index) => {
          const rowErrors = form.errorsFor(`options.${index}`).filter((e) => e.field.startsWith(`options.${index}.`));
          const name = option.label || option.value;
          return html`<li class="option ${form.dragging === index ? 'dragging' : ''}" draggable="true"
            @dragstart=${(e: DragEvent) => {
              form.dragging = index;
              e.dataTransfer?.setData('text/plain', String(index));
              form.requestUpdate();
            }}
            @dragover=${(e: DragEvent) => e.preventDefault()}
            @drop=${(e: DragEvent) => {
              e.preventDefault();
              if (form.dragging !== undefined) moveOption(form, form.dragging, index);
              form.dragging = undefined;
            }}
            @dragend=${() => {
              form.dragging = undefined;
              form.requestUpdate();
            }}>
            <span class="grip" aria-hidden="true">⠿</span>
            <input id="option-${index}" .value=${live(option.label)} aria-label=${messages.optionLabel(index + 1)}
              aria-invalid=${String(rowErrors.length > 0)} aria-describedby="option-${index}-value ${rowErrors.length ? `option-${index}-error` : ''}"
              @input=${(e: Event) => setOption(form, index, (e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => onOptionKey(form, index, e)} />
            <span class="row-buttons">
              <button type="button" class="icon" id="option-${index}-up" aria-label=${messages.moveUp(name)} ?disabled=${index === 0} @click=${() => moveOption(form, index, index - 1, 'up')}>${icons.up}</button>
              <button type="button" class="icon" id="option-${index}-down" aria-label=${messages.moveDown(name)} ?disabled=${index === form.draft.options.length - 1} @click=${() => moveOption(form, index, index + 1, 'down')}>${icons.down}</button>
              <button type="button" class="icon" id="option-${index}-remove" aria-label=${messages.removeOption(name)} @click=${() => removeOption(form, index)}>${icons.remove}</button>
            </span>
            <p class="value" id="option-${index}-value">${messages.optionValue(option.value)}</p>
            ${rowErrors.length ? html`<p part="error" id="option-${index}-error">${rowErrors.map((e) => form.describe(e)).join(' ')}</p>` : nothing}
          </li>`;
        })}
      </ol>
      <div class="add">
        <label class="field"><span>${messages.addOption}</span>
          <textarea id="add-options" rows="2" aria-describedby="add-hint ${listErrors.length ? 'options-error' : ''}"
            @keydown=${(e: KeyboardEvent) => onAddKey(form, e)} @paste=${(e: ClipboardEvent) => onAddPaste(form, e)}></textarea>
          <small part="help-text" id="add-hint">${messages.addOptionHint}</small>
        </label>
        <button type="button" @click=${() => addFromBox(form)}>${messages.addOption}</button>
      </div>
      ${listErrors.length ? html`<p part="error" id="options-error">${listErrors.map((e) => form.describe(e)).join(' ')}</p>` : nothing}
    </fieldset>`;
}
