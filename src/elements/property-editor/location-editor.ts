import { html, nothing } from 'lit';
import type { EditorHost } from './editors.js';

/** `<location-picker>` does the editing; the editor keeps its value and passes on its events. */
export function renderLocation(editor: EditorHost) {
  const def = editor.definition;
  return html`<div part="base">
    <location-picker id="control" .value=${editor.value ?? null} label=${def.label}
      locale=${editor.locale} ?required=${editor.required} ?disabled=${editor.disabled}
      @input=${editor.onPickerEvent} @change=${editor.onPickerEvent}></location-picker>
    ${def.description ? html`<p part="help-text" id="description">${def.description}</p>` : nothing}
  </div>`;
}
