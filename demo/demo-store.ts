// One IndexedDB store for every section of the demo, seeded on first load.
import type { Customer, PropertyDefinition } from '../src/model/index.js';
import { IndexedDbStore } from '../src/storage/indexeddb-store.js';

const base = { showToAgent: true, order: 0 };
const colors = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'].map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) }));
export const definitions: PropertyDefinition[] = [
  { ...base, order: 0, name: 'favorite_color', label: 'Favorite color', type: 'single-choice', options: colors, showToCustomer: true, access: { '*': 'edit' } },
  { ...base, order: 1, name: 'shoe_size', label: 'Shoe size', type: 'number', showToCustomer: true, access: { '*': 'edit' } },
  { ...base, order: 2, name: 'birthday', label: 'Birthday', type: 'date', showToCustomer: true, access: { '*': 'edit' } },
  { ...base, order: 3, name: 'best_time', label: 'Best time to call', type: 'time', showToCustomer: true, access: { '*': 'edit' } },
  { ...base, order: 4, name: 'delivery', label: 'Delivery address', type: 'location', showToCustomer: true, access: { '*': 'edit' } },
  { ...base, order: 5, name: 'interests', label: 'Interests', type: 'multiple-choice', showToCustomer: true, access: { '*': 'edit' },
    options: ['Cycling', 'Hiking', 'Cooking', 'Chess', 'Jazz'].map((label) => ({ value: label.toLowerCase(), label })) },
  { ...base, order: 6, name: 'loyalty_code', label: 'Loyalty code', type: 'word', showToCustomer: false, access: { '*': 'view', supervisor: 'edit', admin: 'edit' } },
  { ...base, order: 7, name: 'agent_notes', label: 'Agent notes', type: 'text', showToCustomer: false, access: { '*': 'edit' }, description: 'Only agents see this.' },
  { ...base, order: 8, name: 'credit_limit', label: 'Credit limit', type: 'number', showToCustomer: false, access: { supervisor: 'view', admin: 'edit' } },
];
export const customers: Customer[] = [
  { id: 'c-1', channel: 'whatsapp', number: '+4915123456789', name: 'Ana Schmidt', revision: 1, properties: { favorite_color: 'cyan', shoe_size: '38.5', birthday: '1990-02-28', interests: ['cycling', 'jazz'], loyalty_code: 'GOLD2024', agent_notes: 'Prefers mornings.', credit_limit: '2500' } },
  { id: 'c-2', channel: 'telegram', number: '123456789', name: 'Ben Okafor', revision: 1, properties: { favorite_color: 'green', best_time: '18:30', delivery: { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' } } },
];

export const store = new IndexedDbStore({ name: 'demo-customer', seed: { definitions, customers }, author: 'Agent (demo)' });
