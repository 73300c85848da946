import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatValue } from '../../model/values.js';
import { specFor } from '../../model/value-types/index.js';
import type { EditorHost } from './editors.js';

const calendarIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><rect x="3" y="5" width="18" height="16" rx="2"></rect><path d="M3 10h18M8 3v4M16 3v4"></path></svg>`;
const clockIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9"></circle><path d="M12 7v5l3 2"></path></svg>`;

// ——— number, word, text ———

export function renderTextInput(editor: EditorHost, mode: 'decimal' | 'text') {
  const def = editor.definition;
  return html`<div part="base">
    ${editor.label()}
    <input part="input" id="control" type="text" inputmode=${mode} autocomplete="off" spellcheck=${def.type === 'word' ? 'false' : 'true'}
      .value=${live(editor.text)} ?disabled=${editor.disabled} ?required=${editor.required}
      aria-invalid=${editor.invalid()} aria-describedby=${ifDefined(editor.describedBy())}
      @input=${editor.onTextInput} @change=${editor.onTextChange} />
    ${editor.below()}
  </div>`;
}

export function renderTextArea(editor: EditorHost) {
  return html`<div part="base">
    ${editor.label()}
    <textarea part="input" id="control" rows="3" .value=${live(editor.text)} ?disabled=${editor.disabled}
      ?required=${editor.required} aria-invalid=${editor.invalid()}
      aria-describedby=${ifDefined(editor.describedBy())} @input=${editor.onTextInput} @change=${editor.onTextChange}></textarea>
    ${editor.below()}
  </div>`;
}

// ——— date and time ———

export function renderDateOrTime(editor: EditorHost, type: 'date' | 'time') {
  const def = editor.definition;
  const messages = editor.messages;
  const locale = editor.locale;
  const example = formatValue(def, specFor(def)?.example(def), locale);
  const parsed = editor.parse();
  const iso = parsed?.ok && typeof parsed.value === 'string' ? parsed.value : '';
  return html`<div part="base">
    ${editor.label()}
    <div class="with-button">
      <input part="input" id="control" type="text" autocomplete="off" .value=${live(editor.text)} ?disabled=${editor.disabled}
        ?required=${editor.required} aria-invalid=${editor.invalid()}
        aria-describedby=${ifDefined(editor.describedBy(true))} @input=${editor.onTextInput} @change=${editor.onTextChange} />
      <button part="picker-button" class="icon-button" type="button" ?disabled=${editor.disabled}
        aria-label=${type === 'date' ? messages.chooseDate : messages.chooseTime} @click=${() => openNativePicker(editor)}>
        ${type === 'date' ? calendarIcon : clockIcon}
      </button>
      <input class="native-picker" type=${type} tabindex="-1" aria-hidden="true" step=${ifDefined(type === 'time' ? '60' : undefined)}
        .value=${live(iso)} @input=${(event: Event) => event.stopPropagation()} @change=${(event: Event) => onNativePick(editor, event)} />
    </div>
    ${editor.below(type === 'date' ? messages.dateHint(example) : messages.timeHint(example))}
  </div>`;
}

function openNativePicker(editor: EditorHost): void {
  const picker = editor.renderRoot.querySelector<HTMLInputElement>('.native-picker');
  if (!picker) return;
  try {
    picker.showPicker();
  } catch {
    // No picker in this browser (or no user gesture): typing works all the same.
    editor.control?.focus();
  }
}

/** The browser's calendar or clock gives ISO text (`2024-12-31`, `21:05`): no time zone involved. */
function onNativePick(editor: EditorHost, event: Event): void {
  const iso = (event.target as HTMLInputElement).value;
  editor.choose(iso ? iso.slice(0, editor.definition.type === 'time' ? 5 : 10) : null);
}
