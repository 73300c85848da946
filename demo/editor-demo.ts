import '../src/elements/property-editor/property-editor.js';
import type { PropertyEditor } from '../src/elements/property-editor/property-editor.js';
import type { PropertyDefinition, PropertyValue } from '../src/model/index.js';
import { onLanguage, words } from './language.js';
import type { DemoWords } from './words.js';

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const } };
const COLORS = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'] as const;
const INTERESTS = [
  'cycling',
  'hiking',
  'cooking',
  'chess',
  'jazz',
  'opera',
  'football',
  'tennis',
  'sailing',
  'photography',
  'gardening',
  'painting',
  'yoga',
  'running',
  'climbing',
  'skiing',
  'surfing',
  'knitting',
  'pottery',
  'baking',
] as const;

/** The editors' definitions in the page's language (the demo's own words, demo/words.ts). */
function definitions(words: DemoWords): PropertyDefinition[] {
  const w = words.editors;
  const colors = COLORS.map((value) => ({ value, label: words.colors[value] }));
  const products = Array.from({ length: 5_000 }, (_, i) => ({ value: `sku-${i}`, label: w.productOption(i + 1) }));
  const interests = INTERESTS.map((value) => ({ value, label: words.interests[value] }));
  return [
    { ...base, order: 0, name: 'pi', label: w.pi, type: 'number', description: w.piDescription },
    { ...base, order: 1, name: 'address', label: w.address, type: 'text' },
    { ...base, order: 2, name: 'class', label: w.class, type: 'word', required: true },
    { ...base, order: 3, name: 'favorite_color', label: w.favoriteColor, type: 'single-choice', options: colors },
    { ...base, order: 4, name: 'product', label: w.product, type: 'single-choice', options: products },
    { ...base, order: 5, name: 'colors', label: w.colors, type: 'multiple-choice', options: colors },
    { ...base, order: 6, name: 'interests', label: w.interests, type: 'multiple-choice', options: interests },
    { ...base, order: 7, name: 'office', label: w.office, type: 'location' },
    { ...base, order: 8, name: 'birthday', label: w.birthday, type: 'date' },
    { ...base, order: 9, name: 'callback', label: w.callback, type: 'time' },
    {
      ...base,
      order: 10,
      name: 'order_id',
      label: w.orderId,
      type: 'text',
      pattern: '^[A-Z]{2}\\d{6}$',
      patternHint: w.orderIdHint,
    },
  ];
}

const values: (PropertyValue | null)[] = [
  '3.1415926',
  'Champ de Mars, 5 Av. Anatole France\n75007 Paris, France',
  'ClassOf2023',
  'cyan',
  'sku-41',
  ['red', 'black'],
  ['chess', 'jazz'],
  { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 75007 Paris, France' },
  '1990-02-28',
  '21:05',
  null,
];

const host = document.querySelector('#editor-host')!;
const settings = document.querySelector<HTMLFormElement>('#editor-settings')!;
const form = document.querySelector<HTMLFormElement>('#editor-form')!;
const output = document.querySelector('#editor-output')!;

const editors = values.map((value) => {
  const editor = document.createElement('property-editor');
  editor.value = value;
  return editor;
});
host.replaceChildren(...editors);
// A new language gives the editors their definitions in it; what they hold stays.
onLanguage((words) => definitions(words).forEach((definition, i) => (editors[i]!.definition = definition)));

// The language comes from the app's switch (through context); these two are the playground's own.
settings.addEventListener('change', () => {
  const data = new FormData(settings);
  for (const editor of editors) {
    editor.readonly = data.has('readonly');
    editor.disabled = data.has('disabled');
  }
});
settings.dispatchEvent(new Event('change'));

form.addEventListener('submit', (event) => {
  event.preventDefault();
  output.textContent = JSON.stringify(Object.fromEntries(new FormData(form)), null, 2);
});
form.addEventListener('change', (event) => {
  const editor = event.target as PropertyEditor;
  output.textContent = words().playground.changed(`${editor.definition?.name} = ${JSON.stringify(editor.value)}`);
});
