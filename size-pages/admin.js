// The admin page: `<property-definition-list>` (which opens `<property-definition-form>`) and `RestStore`.
import '../dist/elements/property-definition-list/property-definition-list.js';
import '../dist/elements/property-definition-form/property-definition-form.js';
export { RestStore } from '../dist/storage/rest-store.js';
