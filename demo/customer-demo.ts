import '../src/elements/customer-details-panel/customer-details-panel.js';
import '../src/elements/customer-profile-form/customer-profile-form.js';
import type { CustomerDetailsPanel } from '../src/elements/customer-details-panel/customer-details-panel.js';
import type { CustomerProfileForm } from '../src/elements/customer-profile-form/customer-profile-form.js';
import { customers, store } from './demo-store.js';

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
