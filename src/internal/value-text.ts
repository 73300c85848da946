import type { Catalog } from '../i18n/catalog.js';
import type { PropertyDefinition, PropertyValue } from '../model/types.js';
import { optionLabel } from '../model/value-types/choice.js';
import { formatValue } from '../model/values.js';

/**
 * A value as read-only text: option labels for choices (an option no longer offered is marked),
 * the locale's form for the rest, "Not set" for no value.
 */
export function valueText(def: PropertyDefinition, value: PropertyValue | null | undefined, catalog: Catalog, locale: string): string {
  if (value === null || value === undefined) return catalog.field.notSet;
  const label = (option: string) => optionLabel(def, option) ?? catalog.propertyEditor.noLongerOffered(option);
  if (def.type === 'single-choice' && typeof value === 'string') return label(value);
  if (def.type === 'multiple-choice' && Array.isArray(value)) return value.map(label).join(', ');
  return formatValue(def, value, locale);
}
