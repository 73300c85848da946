import { html, nothing } from 'lit';
import type { Catalog } from '../../i18n/catalog.js';
import { valueText } from '../../internal/value-text.js';
import type { PropertyDefinition, PropertyValue } from '../../model/types.js';
import { specFor } from '../../model/value-types/index.js';

/** The value as selectable text under its label (a location: the picker's own read-only view). */
export function renderReadonly(def: PropertyDefinition, value: PropertyValue | null, catalog: Catalog, locale: string) {
  if (specFor(def)?.input === 'map') {
    return html`<location-picker readonly label=${def.label} locale=${locale} .value=${value ?? null}></location-picker>`;
  }
  const text = valueText(def, value, catalog, locale);
  return html`<div part="base" role="group" aria-labelledby="label">
    <span part="label" id="label">${def.label}</span>
    <span part="value">${text}</span>
    ${def.description ? html`<span part="help-text">${def.description}</span>` : nothing}
  </div>`;
}
