// The agent panel page with German: what `customer-properties/i18n/de` adds to it.
import '../dist/elements/customer-details-panel/customer-details-panel.js';
import '../dist/i18n/de.js';
export { RestStore } from '../dist/storage/rest-store.js';
