import type { Catalog } from '../i18n/catalog.js';
import type { PropertyDefinition, PropertyValue } from '../model/types.js';
import { displayFor, formatValue } from '../model/value-types/display.js';

/**
 * A value as read-only text: option labels for choices (an option no longer offered is marked),
 * the locale's form for the rest, "Not set" for no value.
 */
export function valueText(
  def: PropertyDefinition,
  value: PropertyValue | null | undefined,
  catalog: Catalog,
  locale: string,
): string {
  if (value === null || value === undefined) return catalog.field.notSet;
  const text = displayFor(def)?.text;
  return text ? text(def, value, catalog.propertyEditor.noLongerOffered) : formatValue(def, value, locale);
}
