// Seed data the storage tests share: one definition of each type and two customers.
import type { Customer, PropertyDefinition } from '../model/index.js';

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const } };

export const SEED_DEFINITIONS: PropertyDefinition[] = [
  { ...base, name: 'age', label: 'Age', type: 'number', order: 0 },
  { ...base, name: 'notes', label: 'Notes', type: 'text', order: 1 },
  { ...base, name: 'class', label: 'Class', type: 'word', order: 2 },
  {
    ...base,
    name: 'favorite_color',
    label: 'Favorite color',
    type: 'single-choice',
    order: 3,
    options: ['red', 'blue', 'green'].map((value) => ({ value, label: value })),
  },
  {
    ...base,
    name: 'channels',
    label: 'Channels',
    type: 'multiple-choice',
    order: 4,
    options: ['whatsapp', 'telegram', 'email'].map((value) => ({ value, label: value })),
  },
  { ...base, name: 'home', label: 'Home', type: 'location', order: 5 },
  { ...base, name: 'birthday', label: 'Birthday', type: 'date', order: 6 },
  { ...base, name: 'callback', label: 'Call back at', type: 'time', order: 7 },
];

export const SEED_CUSTOMERS: Customer[] = [
  {
    id: 'ana',
    channel: 'whatsapp',
    number: '+4915123456789',
    name: 'Ana',
    revision: 1,
    properties: {
      age: '34',
      notes: 'Prefers mornings',
      class: 'ClassOf2023',
      favorite_color: 'red',
      channels: ['whatsapp', 'email'],
      home: { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' },
      birthday: '1990-02-28',
      callback: '09:30',
    },
  },
  {
    id: 'ben',
    channel: 'telegram',
    number: '123456789',
    name: 'Ben',
    revision: 1,
    properties: { age: '19', favorite_color: 'blue' },
  },
  { id: 'cem', channel: 'telegram', number: '987654321', name: 'Cem', revision: 1, properties: {} },
];

export function seed() {
  return { definitions: structuredClone(SEED_DEFINITIONS), customers: structuredClone(SEED_CUSTOMERS) };
}
