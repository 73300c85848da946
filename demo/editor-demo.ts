import '../src/elements/property-editor/property-editor.js';
import type { PropertyEditor } from '../src/elements/property-editor/property-editor.js';
import type { PropertyDefinition, PropertyValue } from '../src/model/index.js';

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const } };
const colors = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'].map((value) => ({
  value,
  label: value[0]!.toUpperCase() + value.slice(1),
}));
const products = Array.from({ length: 5_000 }, (_, i) => ({ value: `sku-${i}`, label: `Product ${i + 1}` }));
const interests = [
  'Cycling',
  'Hiking',
  'Cooking',
  'Chess',
  'Jazz',
  'Opera',
  'Football',
  'Tennis',
  'Sailing',
  'Photography',
  'Gardening',
  'Painting',
  'Yoga',
  'Running',
  'Climbing',
  'Skiing',
  'Surfing',
  'Knitting',
  'Pottery',
  'Baking',
].map((label) => ({
  value: label.toLowerCase(),
  label,
}));

const fields: [PropertyDefinition, PropertyValue | null][] = [
  [
    {
      ...base,
      order: 0,
      name: 'pi',
      label: 'Pi',
      type: 'number',
      description: 'Digits with one decimal separator, e.g. 3.1415926 or 65535.',
    },
    '3.1415926',
  ],
  [
    { ...base, order: 1, name: 'address', label: 'Address', type: 'text' },
    'Champ de Mars, 5 Av. Anatole France\n75007 Paris, France',
  ],
  [{ ...base, order: 2, name: 'class', label: 'Class', type: 'word', required: true }, 'ClassOf2023'],
  [
    { ...base, order: 3, name: 'favorite_color', label: 'Favorite color', type: 'single-choice', options: colors },
    'cyan',
  ],
  [
    { ...base, order: 4, name: 'product', label: 'Product (5,000 options)', type: 'single-choice', options: products },
    'sku-41',
  ],
  [{ ...base, order: 5, name: 'colors', label: 'Colors', type: 'multiple-choice', options: colors }, ['red', 'black']],
  [
    { ...base, order: 6, name: 'interests', label: 'Interests', type: 'multiple-choice', options: interests },
    ['chess', 'jazz'],
  ],
  [
    { ...base, order: 7, name: 'office', label: 'Office', type: 'location' },
    { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 75007 Paris, France' },
  ],
  [{ ...base, order: 8, name: 'birthday', label: 'Birthday', type: 'date' }, '1990-02-28'],
  [{ ...base, order: 9, name: 'callback', label: 'Call back at', type: 'time' }, '21:05'],
  [
    {
      ...base,
      order: 10,
      name: 'order_id',
      label: 'Order id',
      type: 'text',
      pattern: '^[A-Z]{2}\\d{6}$',
      patternHint: 'Two capital letters and six digits, like AB123456.',
    },
    null,
  ],
];

const host = document.querySelector('#editor-host')!;
const settings = document.querySelector<HTMLFormElement>('#editor-settings')!;
const form = document.querySelector<HTMLFormElement>('#editor-form')!;
const output = document.querySelector('#editor-output')!;

const editors = fields.map(([definition, value]) => {
  const editor = document.createElement('property-editor');
  editor.definition = definition;
  editor.value = value;
  return editor;
});
host.replaceChildren(...editors);

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
  output.textContent = `change: ${editor.definition?.name} = ${JSON.stringify(editor.value)}`;
});
