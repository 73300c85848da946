import type { AudienceQuery, Customer, PropertyDefinition, PropertyValue } from '../model/index.js';

export type StoreEvent =
  { type: 'customer-changed'; customer: Customer } | { type: 'definitions-changed'; definitions: PropertyDefinition[] };

export interface FindCustomersResult {
  customers: Customer[];
  total: number;
  /** Pass back for the next page; absent on the last one. */
  cursor?: string;
}

/**
 * Everything the elements need from storage. Elements never talk to a server themselves; a host
 * with its own backend implements this interface. Every method rejects with a `StoreError`.
 */
export interface PropertyStore {
  listDefinitions(opts?: { signal?: AbortSignal }): Promise<PropertyDefinition[]>;
  /** Rejects with `conflict` when the name is taken (in any case). */
  createDefinition(def: PropertyDefinition): Promise<PropertyDefinition>;
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
