// Definitions the model's tests share. Not exported from the package.
import type { PropertyDefinition, PropertyType } from '../../model/types.js';

export function definition(type: PropertyType, extra: Partial<PropertyDefinition> = {}): PropertyDefinition {
  return {
    name: 'field',
    label: 'Field',
    type,
    showToAgent: true,
    showToCustomer: true,
    access: { '*': 'edit' },
    order: 0,
    ...extra,
  };
}

/** A text property shown to agents and not to customers, with this access: the access tests' unit. */
export function agentProperty(
  name: string,
  access: PropertyDefinition['access'],
  extra: Partial<PropertyDefinition> = {},
): PropertyDefinition {
  return definition('text', { name, label: name, showToCustomer: false, access, ...extra });
}

export const COLORS = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'];

export const favoriteColor = definition('single-choice', {
  name: 'favorite_color',
  label: 'Favorite color',
  options: COLORS.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
});

export const colors = definition('multiple-choice', {
  name: 'colors',
  label: 'Colors',
  options: favoriteColor.options!,
});

/** German words for the seed's `age`, `notes` and `favorite_color` (`seed()` of `src/testing`): the translation tests' unit. */
export function withGermanWords<T extends PropertyDefinition>(definitions: T[]): T[] {
  const words: Record<string, PropertyDefinition['translations']> = {
    age: { de: { label: 'Alter' } },
    notes: { de: { label: 'Notizen', description: 'Was man wissen sollte' }, 'de-AT': { label: 'Vermerke' } },
    favorite_color: { de: { label: 'Lieblingsfarbe', options: { red: 'Rot', blue: 'Blau' } } },
  };
  return definitions.map((def) =>
    Object.hasOwn(words, def.name)
      ? { ...def, ...(def.name === 'notes' ? { description: 'What to know' } : {}), translations: words[def.name] }
      : def,
  );
}
