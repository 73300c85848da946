import '../src/elements/property-definition-list/property-definition-list.js';
import type { PropertyDefinitionList } from '../src/elements/property-definition-list/property-definition-list.js';
import { store } from './demo-store.js';

const list = document.querySelector<PropertyDefinitionList>('#demo-admin')!;
list.store = store;
const locale = document.querySelector<HTMLSelectElement>('#customer-settings select[name="locale"]')!;
locale.addEventListener('change', () => (list.locale = locale.value));
