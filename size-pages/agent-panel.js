// The agent panel page of issue 20: `<customer-details-panel>` and `RestStore`, English only, no
// location in the definitions (so the location picker stays a lazy chunk).
import '../dist/elements/customer-details-panel/customer-details-panel.js';
export { RestStore } from '../dist/storage/rest-store.js';
