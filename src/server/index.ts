/**
 * customer-properties/server: the REST contract over any `PropertyStore`, with DESIGN §8's access
 * rules enforced where the data lives, and signed profile links. Runs in Node 20 and any
 * Web-standard runtime; imports the model, the store rules and the catalogs, never an element.
 * @packageDocumentation
 */
export {
  createPropertyServer,
  MAX_BODY_BYTES,
  type PropertyServer,
  type PropertyServerOptions,
} from './property-server.js';
export type { LiveEventsOptions } from './live-events.js';
export {
  createProfileToken,
  isProfileToken,
  profileLink,
  replyToCustomerMessage,
  verifyProfileToken,
  type CreateProfileTokenOptions,
  type ProfileLinkOptions,
  type ProfileSecret,
} from './profile-token.js';
export type { AccessRules, Principal } from '../model/index.js';
export {
  PostgresStore,
  type HistoryEntry,
  type PGliteLike,
  type PgPoolLike,
  type PostgresStoreOptions,
  type UpsertCustomer,
} from './postgres-store.js';
