// The demo's data: properties of all eight types and about thirty customers from several channels,
// the same for every fresh demo. The browser-only demo keeps them in IndexedDB (demo-store.ts); the
// demo server (demo/api.ts) serves them from customer-properties/server.
import type { Customer, PropertyDefinition, PropertyValue, SavedAudience } from '../src/model/index.js';
import { de, en } from './words.js';

const edit = { '*': 'edit' as const };
const colors = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'] as const;
// The colors' and interests' words are the demo's (words.ts), shared with the playground.
const colorsIn = (words: typeof en) => Object.fromEntries(colors.map((value) => [value, words.colors[value]]));
const interestValues = [
  'cycling',
  'hiking',
  'cooking',
  'chess',
  'jazz',
  'football',
  'photography',
  'gardening',
  'yoga',
  'travel',
] as const;
const interestsIn = (words: typeof en) =>
  Object.fromEntries(interestValues.map((value) => [value, words.interests[value]]));
const bikes = {
  en: ['Trail bike', 'City bike', 'Road bike', 'Kids bike'],
  de: ['Trailrad', 'Stadtrad', 'Rennrad', 'Kinderrad'],
};
const bikeName = (kinds: string[], i: number) => `${kinds[i % 4]} ${['S', 'M', 'L', 'XL', 'Pro'][i % 5]} ${1000 + i}`;
const products = Array.from({ length: 60 }, (_, i) => ({ value: `sku-${1000 + i}`, label: bikeName(bikes.en, i) }));

// Each definition's German words are in its `translations` (issue 19).
export const definitions: PropertyDefinition[] = [
  {
    name: 'favorite_color',
    label: 'Favorite color',
    type: 'single-choice',
    order: 0,
    showToAgent: true,
    showToCustomer: true,
    access: edit,
    options: colors.map((value) => ({ value, label: en.colors[value] })),
    translations: { de: { label: 'Lieblingsfarbe', options: colorsIn(de) } },
  },
  {
    name: 'shoe_size',
    label: 'Shoe size',
    type: 'number',
    order: 1,
    showToAgent: true,
    showToCustomer: true,
    access: edit,
    description: 'EU sizes, halves allowed.',
    translations: { de: { label: 'Schuhgröße', description: 'EU-Größen, halbe Größen erlaubt.' } },
  },
  {
    name: 'birthday',
    label: 'Birthday',
    type: 'date',
    order: 2,
    showToAgent: true,
    showToCustomer: true,
    access: edit,
    translations: { de: { label: 'Geburtstag' } },
  },
  {
    name: 'best_time',
    label: 'Best time to call',
    type: 'time',
    order: 3,
    showToAgent: true,
    showToCustomer: true,
    access: edit,
    translations: { de: { label: 'Beste Zeit für einen Anruf' } },
  },
  {
    name: 'delivery',
    label: 'Delivery address',
    type: 'location',
    order: 4,
    showToAgent: true,
    showToCustomer: true,
    access: edit,
    translations: { de: { label: 'Lieferadresse' } },
  },
  {
    name: 'interests',
    label: 'Interests',
    type: 'multiple-choice',
    order: 5,
    showToAgent: true,
    showToCustomer: true,
    access: edit,
    options: interestValues.map((value) => ({ value, label: en.interests[value] })),
    translations: { de: { label: 'Interessen', options: interestsIn(de) } },
  },
  {
    name: 'bike',
    label: 'Bike bought',
    type: 'single-choice',
    order: 6,
    showToAgent: true,
    showToCustomer: false,
    access: edit,
    options: products,
    translations: {
      de: {
        label: 'Gekauftes Fahrrad',
        options: Object.fromEntries(products.map(({ value }, i) => [value, bikeName(bikes.de, i)])),
      },
    },
  },
  {
    name: 'loyalty_code',
    label: 'Loyalty code',
    type: 'word',
    order: 7,
    showToAgent: true,
    showToCustomer: false,
    access: { '*': 'view', supervisor: 'edit', admin: 'edit' },
    pattern: '^[A-Z]{2}\\d{4}$',
    patternHint: 'Two capital letters and four digits, like GO2024.',
    translations: {
      de: { label: 'Treuecode', patternHint: 'Zwei Großbuchstaben und vier Ziffern, etwa GO2024.' },
    },
  },
  {
    name: 'agent_notes',
    label: 'Agent notes',
    type: 'text',
    order: 8,
    showToAgent: true,
    showToCustomer: false,
    access: edit,
    description: 'Only agents see this.',
    translations: { de: { label: 'Notizen des Agenten', description: 'Nur Agenten sehen das.' } },
  },
  {
    name: 'credit_limit',
    label: 'Credit limit',
    type: 'number',
    order: 9,
    showToAgent: true,
    showToCustomer: false,
    access: { supervisor: 'view', admin: 'edit' },
    translations: { de: { label: 'Kreditlimit' } },
  },
];

const people = [
  ['Ana Schmidt', 'whatsapp', '+4915123456789'],
  ['Ben Okafor', 'telegram', '184467440'],
  ['Chloé Martin', 'whatsapp', '+33612345678'],
  ['Daniel Kim', 'sms', '+821012345678'],
  ['Eva Nowak', 'messenger', '5551234567890'],
  ['Farid Haddad', 'whatsapp', '+971501234567'],
  ['Giulia Rossi', 'telegram', '299792458'],
  ['Hiro Tanaka', 'whatsapp', '+819012345678'],
  ['Ines García', 'whatsapp', '+34612345678'],
  ['Jonas Berg', 'sms', '+4791234567'],
  ['Kemal Yılmaz', 'telegram', '314159265'],
  ['Lena Fischer', 'whatsapp', '+4917612345678'],
  ['Mateo López', 'messenger', '7771234567890'],
  ['Nora Lindqvist', 'whatsapp', '+46701234567'],
  ['Omar Said', 'telegram', '271828182'],
  ['Priya Sharma', 'whatsapp', '+919812345678'],
  ['Quentin Dubois', 'sms', '+33711223344'],
  ['Rosa Costa', 'whatsapp', '+351912345678'],
  ['Sven Olsen', 'telegram', '161803398'],
  ['Tamara Ivanova', 'whatsapp', '+79161234567'],
  ['Umar Bello', 'whatsapp', '+2348031234567'],
  ['Valentina Greco', 'messenger', '8881234567890'],
  ['Wei Zhang', 'telegram', '141421356'],
  ['Ximena Torres', 'whatsapp', '+5215512345678'],
  ['Yusuf Demir', 'sms', '+905321234567'],
  ['Zoe Williams', 'whatsapp', '+447700900123'],
  ['Amaru Quispe', 'telegram', '173205080'],
  ['Bea Müller', 'whatsapp', '+41791234567'],
  ['Carl Jensen', 'messenger', '9991234567890'],
  ['Dalia Cohen', 'whatsapp', '+972501234567'],
];
const places = [
  { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' },
  { lat: 52.5163, lng: 13.3777, address: 'Pariser Platz, 10117 Berlin, Germany' },
  { lat: 41.8902, lng: 12.4922, address: 'Piazza del Colosseo, 00184 Roma, Italy' },
  { lat: 35.6586, lng: 139.7454, address: '4-2-8 Shibakoen, Minato City, Tokyo, Japan' },
  { lat: 40.6892, lng: -74.0445 },
];

/** A small deterministic generator, so every fresh demo has the same data. */
function* numbers(seed: number): Generator<number, never> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

export function seedCustomers(): Customer[] {
  const random = numbers(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random.next().value * list.length)]!;
  return people.map(([name, channel, number], i) => {
    const properties: Record<string, PropertyValue> = {};
    const chance = () => random.next().value;
    if (chance() < 0.8) properties.favorite_color = pick(colors);
    if (chance() < 0.7) properties.shoe_size = String(36 + Math.floor(chance() * 10) + (chance() < 0.3 ? 0.5 : 0));
    if (chance() < 0.7)
      properties.birthday = `${1950 + Math.floor(chance() * 55)}-${String(1 + Math.floor(chance() * 12)).padStart(2, '0')}-${String(1 + Math.floor(chance() * 28)).padStart(2, '0')}`;
    if (chance() < 0.5)
      properties.best_time = `${String(8 + Math.floor(chance() * 12)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`;
    if (chance() < 0.4) properties.delivery = pick(places);
    if (chance() < 0.6) properties.interests = interestValues.filter(() => chance() < 0.3);
    if (Array.isArray(properties.interests) && properties.interests.length === 0) delete properties.interests;
    if (chance() < 0.5) properties.bike = pick(products).value;
    if (chance() < 0.5) properties.loyalty_code = `${pick(['GO', 'SI', 'BR'])}${2020 + Math.floor(chance() * 6)}`;
    if (chance() < 0.3)
      properties.agent_notes = pick([
        'Prefers mornings.',
        'Asked about the warranty twice.',
        'Speaks German and English.',
      ]);
    if (chance() < 0.4) properties.credit_limit = String(500 * (1 + Math.floor(chance() * 10)));
    return {
      id: `c-${String(i + 1).padStart(2, '0')}`,
      channel: channel!,
      number: number!,
      name: name!,
      revision: 1,
      properties,
    };
  });
}

export const customers = seedCustomers();

/** Two saved audiences: one every role sees, one over `credit_limit`, which only supervisors and admins see. */
export const audiences: SavedAudience[] = [
  {
    id: 'demo-red-or-blue',
    name: 'Likes red or blue',
    query: { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['red', 'blue'] }] },
    createdBy: 'Demo',
    updatedAt: '2026-11-01T09:00:00.000Z',
  },
  {
    id: 'demo-cyclists-with-credit',
    name: 'Cyclists with credit',
    query: {
      match: 'all',
      conditions: [
        { property: 'interests', operator: 'has-any', value: ['cycling'] },
        { property: 'credit_limit', operator: 'gte', value: '1000' },
      ],
    },
    createdBy: 'Demo',
    updatedAt: '2026-11-02T09:00:00.000Z',
  },
];
