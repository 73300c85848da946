import '../src/elements/customer-details-panel/customer-details-panel.js';
import '../src/elements/customer-profile-form/customer-profile-form.js';
import type { CustomerDetailsPanel } from '../src/elements/customer-details-panel/customer-details-panel.js';
import type { CustomerProfileForm } from '../src/elements/customer-profile-form/customer-profile-form.js';
import type { Customer, PropertyDefinition } from '../src/model/index.js';
import { IndexedDbStore } from '../src/storage/indexeddb-store.js';

const base = { showToAgent: true, order: 0 };
const colors = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'].map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) }));
const definitions: PropertyDefinition[] = [
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
const customers: Customer[] = [
  { id: 'c-1', channel: 'whatsapp', number: '+4915123456789', name: 'Ana Schmidt', revision: 1, properties: { favorite_color: 'cyan', shoe_size: '38.5', birthday: '1990-02-28', interests: ['cycling', 'jazz'], loyalty_code: 'GOLD2024', agent_notes: 'Prefers mornings.', credit_limit: '2500' } },
  { id: 'c-2', channel: 'telegram', number: '123456789', name: 'Ben Okafor', revision: 1, properties: { favorite_color: 'green', best_time: '18:30', delivery: { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' } } },
];

const store = new IndexedDbStore({ name: 'demo-customer', seed: { definitions, customers }, author: 'Agent (demo)' });
const panel = document.querySelector<CustomerDetailsPanel>('#demo-panel')!;
const profile = document.querySelector<CustomerProfileForm>('#demo-profile')!;
const settings = document.querySelector<HTMLFormElement>('#customer-settings')!;
const customerSelect = settings.elements.namedItem('customer') as HTMLSelectElement;
for (const customer of customers) customerSelect.add(new Option(customer.name, customer.id));

function apply(): void {
  const data = new FormData(settings);
  const role = String(data.get('role'));
  const locale = String(data.get('locale'));
  panel.store = store;
  profile.store = store;
  panel.user = { id: `demo-${role}`, roles: [role], name: `Demo ${role}` };
  store.author = `Demo ${role}`;
  panel.customerId = profile.customerId = String(data.get('customer'));
  panel.locale = profile.locale = locale;
}

settings.addEventListener('change', apply);
document.querySelector('#reset-data')!.addEventListener('click', () => void store.reset());
apply();
