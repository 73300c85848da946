import type {
  AudienceQuery,
  Customer,
  DefinitionInit,
  PropertyDefinition,
  PropertyValue,
  SavedAudience,
  SavedAudienceInit,
} from '../model/index.js';

/**
 * A change made elsewhere: a customer as they are now, or every definition as it is now. `reset`
 * says changes may have been missed (a connection to the server was lost longer than it keeps
 * them): read again whatever is shown. A `customer-changed` may stand for several writes read
 * together: `since` is then the revision before the first of them (default: the one before
 * `customer.revision`), so a server can tell who may see any of what changed. `fields`, when
 * given, names every field written after `since` (property names, `name`, `number`; `[]` for a
 * write that changed nothing), so a listener need not compare the customer with the one it holds;
 * a store that cannot tell leaves it out. `MemoryStore` gives it; the server's live stream does not.
 *
 * A customer in an event, like every value a store returns, is read-only: `MemoryStore` hands
 * out the very object it keeps, deeply frozen (changing it throws a `TypeError` in strict code).
 */
export type StoreEvent =
  | { type: 'customer-changed'; customer: Customer; since?: number; fields?: string[] }
  | { type: 'definitions-changed'; definitions: PropertyDefinition[] }
  | { type: 'reset' };

/** One change of one field: who changed it from what to what, and when. */
export interface HistoryEntry {
  /** The field's technical name (`name` for the built-in name). */
  property: string;
  /** The value before the change; absent when the field was not set. */
  from?: PropertyValue;
  /** The value after the change; absent when the change cleared the field. */
  to?: PropertyValue;
  /** Who made the change (`changed[field].by` of that write): a user's id, `customer:<id>`, or the store's author. */
  by?: string;
  /** When, as an ISO 8601 instant. */
  at: string;
  /** The customer's revision the change made. */
  revision: number;
}

export interface HistoryOptions {
  /** Only this property's entries. */
  property?: string;
  /** Entries per page; default 50. */
  limit?: number;
  /** The `cursor` of the previous page: continues after it. */
  cursor?: string;
  /** Cancels the read (a store may ignore it; its answer is then dropped). */
  signal?: AbortSignal;
}

export interface HistoryPage {
  /** Newest first. */
  entries: HistoryEntry[];
  /** Pass back for the next (older) page; absent on the last one. */
  cursor?: string;
}

/** The default properties of a customer to create or update (`PropertyStore.upsertCustomer`). */
export interface UpsertCustomer {
  id?: string;
  channel?: string;
  number: string;
  name: string;
}

export interface FindCustomersResult {
  customers: Customer[];
  total: number;
  /** Pass back for the next page; absent on the last one. */
  cursor?: string;
}

/**
 * Everything the elements need from storage. Elements never talk to a server themselves; a host
 * with its own backend implements this interface. Every method rejects with a `StoreError`.
 *
 * What a store returns or sends (customers, definitions, pages, errors' `current`) is read-only
 * for the caller: copy it (`structuredClone`, a spread) before changing it. A store may share it
 * with what it keeps: `MemoryStore` hands out its customers themselves, deeply frozen, so a write
 * or a read costs no copy of the customer; the other stores build a fresh object per call.
 */
export interface PropertyStore {
  listDefinitions(opts?: { signal?: AbortSignal }): Promise<PropertyDefinition[]>;
  /** Rejects with `conflict` when the name is taken (in any case). */
  createDefinition(def: DefinitionInit): Promise<PropertyDefinition>;
  /** Rejects with `not-found` when there is no definition of that name. */
  updateDefinition(def: PropertyDefinition): Promise<PropertyDefinition>;
  /** Deletes the definition and every customer's value for it. Built-ins: `forbidden`. */
  deleteDefinition(name: string): Promise<void>;
  /** Puts the custom definitions in this order (every custom name once); returns them all. */
  reorderDefinitions?(names: string[]): Promise<PropertyDefinition[]>;
  /** How many customers hold a value for the property: for "delete? 12 customers have a value". */
  countValues?(name: string): Promise<number>;
  getCustomer(id: string, opts?: { signal?: AbortSignal }): Promise<Customer>;
  /**
   * Writes only `changes` (`null` clears a property). Succeeds when none of those fields changed
   * after `revision`; otherwise rejects with `conflict`, naming the fields and carrying the current
   * customer. `author` (a user's id, or `customer:<id>`) is recorded in `changed[field].by` instead
   * of the store's own author: the server passes the principal.
   */
  updateCustomer(
    id: string,
    changes: Record<string, PropertyValue | null>,
    opts: { revision: number; author?: string | undefined },
  ): Promise<Customer>;
  findCustomers(query: AudienceQuery, opts?: { limit?: number; cursor?: string }): Promise<FindCustomersResult>;
  /**
   * Who changed what and when, newest first: one entry per field a successful `updateCustomer`
   * wrote (a write naming three fields makes three entries with one revision). Rejects with
   * `not-found` for an unknown customer, `invalid` for a bad `limit` (`request.limit`) or a cursor
   * it did not hand out (`request.cursor`). Entries are not filtered: the server filters them for
   * its principal. `MemoryStore`, `RestStore` and `PostgresStore` have it; `IndexedDbStore` does
   * not, and `<customer-details-panel>` offers a field's history only when the store has it.
   */
  getHistory?(customerId: string, opts?: HistoryOptions): Promise<HistoryPage>;
  /**
   * The saved audiences, by name (`sortAudiences`). A server lists only those whose every property
   * the caller may read. Every store that ships has it; a host's store may leave the three
   * audience methods out, and `<audience-list>` then says the store keeps no audiences.
   */
  listAudiences?(opts?: { signal?: AbortSignal }): Promise<SavedAudience[]>;
  /**
   * Keeps an audience: a new one without `id`, else a change of that one (`not-found` when there is
   * none). Rejects with `invalid` and `audienceErrors` for a missing, too long or taken name
   * (`audience.name.*`) or a query the model refuses. `author` is recorded as `createdBy` of a new
   * one (default: the store's author); `updatedAt` is now.
   */
  saveAudience?(audience: SavedAudienceInit, opts?: { author?: string | undefined }): Promise<SavedAudience>;
  /** Forgets a saved audience (the customers stay); `not-found` when there is none with that id. */
  deleteAudience?(id: string): Promise<void>;
  /**
   * A customer not known yet (a conversation began, or a row of an import): creates it, or updates
   * its default properties. Matches by `id` when given, else by `channel` and `number`. Rejects with
   * `invalid` and `errors` for a number that does not fit the channel or a bad name.
   */
  upsertCustomer?(customer: UpsertCustomer): Promise<Customer>;
  /** Changes made elsewhere (another tab, another agent). Returns the unsubscribe function. */
  subscribe?(listener: (event: StoreEvent) => void): () => void;
  /**
   * A store like this one whose every call carries `authorization` as its credential (the value of
   * an HTTP `Authorization` header, e.g. `Bearer cp1.…` for a profile token); this store is left
   * as it was. `<customer-profile-form>` calls it when it is given a profile token, and refuses to
   * call a store without it rather than send no credential. Stores with no notion of a caller
   * (`MemoryStore`, `IndexedDbStore`) leave it out; `RestStore` has it.
   */
  withAuthorization?(authorization: string): PropertyStore;
}
