// Until the elements land, the demo shows the model at work: type a value, see it parsed,
// stored, shown and checked exactly as every element and store will.
import {
  PROPERTY_TYPES,
  formatValue,
  parseValue,
  type PropertyDefinition,
  type PropertyType,
} from '../src/model/index.js';
import { describeError } from '../src/i18n/describe.js';
import { catalogFor } from '../src/i18n/locales.js';
import '../src/i18n/de.js';
import { onLanguage, words } from './language.js';

const form = document.querySelector<HTMLFormElement>('#playground')!;
const typeSelect = form.elements.namedItem('type') as HTMLSelectElement;
const localeSelect = form.elements.namedItem('locale') as HTMLSelectElement;
const requiredBox = form.elements.namedItem('required') as HTMLInputElement;
const input = form.elements.namedItem('input') as HTMLInputElement;
const stored = document.querySelector('#stored')!;
const shown = document.querySelector('#shown')!;
const errorOut = document.querySelector('#error')!;

const COLORS = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'] as const;
const EXAMPLES: Record<PropertyType, string[]> = {
  number: ['3.1415926', '3,1415926', '65535', '12345678901234567890.5', '1,234.5', '1e5'],
  text: ['Champ de Mars, 5 Av. Anatole France, 75007 Paris, France', '   '],
  word: ['ClassOf2023', 'Class of 2023'],
  'single-choice': ['cyan', 'Magenta', 'purple'],
  'multiple-choice': ['red, blue', 'Black, Red', 'red, purple'],
  location: ['48.8584, 2.2945', '48,8584; 2,2945', '91, 0'],
  date: ['12/31/2024', '31.12.2024', '2024-02-29', '2023-02-29'],
  time: ['21:05', '9:05 PM', '21:05:30', '24:00'],
};

for (const type of PROPERTY_TYPES) typeSelect.add(new Option(type, type));

function definition(): PropertyDefinition {
  const type = typeSelect.value as PropertyType;
  return {
    name: 'favorite',
    label: words().playground.favorite,
    type,
    required: requiredBox.checked,
    showToAgent: true,
    showToCustomer: true,
    access: { '*': 'edit' },
    order: 0,
    ...(type.endsWith('choice') ? { options: COLORS.map((value) => ({ value, label: words().colors[value] })) } : {}),
  };
}

function update(): void {
  const def = definition();
  const locale = localeSelect.value;
  const result = parseValue(def, input.value, locale);
  stored.textContent = result.ok ? JSON.stringify(result.value) : '';
  shown.textContent = result.ok ? formatValue(def, result.value, locale) : '';
  errorOut.textContent = result.ok
    ? ''
    : `${describeError(result.error, { locale, label: def.label })} (${result.error.code})`;
  input.setAttribute('aria-invalid', String(!result.ok));
}

function showExamples(): void {
  const list = document.querySelector('#examples')!;
  list.replaceChildren(
    ...EXAMPLES[typeSelect.value as PropertyType].map((example) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'example';
      button.textContent = example;
      button.addEventListener('click', () => {
        input.value = example;
        update();
      });
      const item = document.createElement('li');
      item.append(button);
      return item;
    }),
  );
}

form.addEventListener('input', update);
typeSelect.addEventListener('change', showExamples);
// The page's language switch sets the playground's locale too (a reader can pick another after),
// and names the types in it.
onLanguage((_words, locale) => {
  if ([...localeSelect.options].some((option) => option.value === locale)) localeSelect.value = locale;
  const names = catalogFor(locale).typeNames;
  for (const option of typeSelect.options) option.text = names[option.value as PropertyType];
  update();
});
showExamples();
