// The customer profile page: `<customer-profile-form>` and `RestStore`, English only.
import '../dist/elements/customer-profile-form/customer-profile-form.js';
export { RestStore } from '../dist/storage/rest-store.js';
