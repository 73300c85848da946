import '../src/elements/audience-builder/audience-builder.js';
import type { AudienceBuilder } from '../src/elements/audience-builder/audience-builder.js';
import { store } from './demo-store.js';

const builder = document.querySelector<AudienceBuilder>('#demo-audience')!;
builder.store = store;
builder.value = { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['cyan', 'green'] }] };
const locale = document.querySelector<HTMLSelectElement>('#customer-settings select[name="locale"]')!;
locale.addEventListener('change', () => (builder.locale = locale.value));
