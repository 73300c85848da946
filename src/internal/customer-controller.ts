import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  customerFor,
  type Customer,
  type Principal,
  type PropertyDefinition,
  type PropertyValue,
} from '../model/index.js';
import type { PropertyStore } from '../storage/property-store.js';
import { StoreError, isAbortError } from '../storage/store-error.js';
import { accessTo, withBuiltIns } from './customer-view.js';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface CustomerControllerOptions {
  /**
   * Who is looking. The controller holds the customer only as this principal may see them
   * (`customerFor`): what the host renders or hands on in an event can hold nothing else.
   */
  principal: () => Principal;
  /** A customer changed elsewhere (another tab, another agent); the host merges it in. */
  onRemoteChange?: (customer: Customer) => void;
}

/**
 * Loads a customer and the definitions from a store, follows changes made elsewhere, and saves
 * changes. Shared by `<customer-details-panel>` and `<customer-profile-form>`. Every customer it
 * gives out (`customer`, a conflict's `current`, a save's answer) is filtered to what the
 * principal may read, as the server does; a store that sends more (a `MemoryStore` in the page)
 * leaks nothing through the elements.
 */
export class CustomerController implements ReactiveController {
  state: LoadState = 'idle';
  error: StoreError | undefined;
  /** The customer as the principal may see them. */
  customer: Customer | undefined;
  definitions: PropertyDefinition[] = [];

  #host: ReactiveControllerHost;
  #options: CustomerControllerOptions;
  /** The customer as the store gave them: kept to filter again when the principal or the definitions change. */
  #raw: Customer | undefined;
  /** The principal `customer` was filtered for. */
  #seenBy = '';
  #store: PropertyStore | undefined;
  #customerId: string | undefined;
  #load: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: CustomerControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get store(): PropertyStore | undefined {
    return this.#store;
  }

  /** Loads when the store or the id changed since the last call; cancels a load in flight. */
  setSource(store: PropertyStore | undefined, customerId: string | undefined): void {
    if (store === this.#store && customerId === this.#customerId) return;
    if (store !== this.#store) this.#follow(store);
    this.#store = store;
    this.#customerId = customerId;
    void this.reload();
  }

  async reload(): Promise<void> {
    this.#load?.abort();
    const store = this.#store;
    const id = this.#customerId;
    this.#raw = undefined;
    this.customer = undefined;
    this.error = undefined;
    if (!store || !id) {
      this.state = 'idle';
      this.#host.requestUpdate();
      return;
    }
    const load = new AbortController();
    this.#load = load;
    this.state = 'loading';
    this.#host.requestUpdate();
    try {
      const [definitions, customer] = await Promise.all([
        store.listDefinitions({ signal: load.signal }),
        store.getCustomer(id, { signal: load.signal }),
      ]);
      if (load.signal.aborted) return;
      this.definitions = definitions;
      this.#raw = customer;
      this.#filter();
      this.state = 'ready';
    } catch (error) {
      if (load.signal.aborted || isAbortError(error)) return;
      this.error = asStoreError(error);
      this.state = 'error';
    }
    this.#host.requestUpdate();
  }

  /**
   * Saves `changes` based on `revision` (default: the loaded customer's). On success the
   * controller holds the customer as the store returned it; on a conflict it holds the current one.
   * Both, and the error's `current`, as the principal may see them. A change the principal may not
   * write is refused here, before any store call, whatever the host asked.
   */
  async save(
    changes: Record<string, PropertyValue | null>,
    revision = this.customer?.revision ?? 0,
  ): Promise<Customer> {
    const store = this.#store;
    const id = this.#customerId;
    if (!store || !id) throw new StoreError('unavailable', 'There is no store or customer to save to.');
    const principal = this.#options.principal();
    const refused = Object.keys(changes).filter((name) => accessTo(this.definitions, principal, name) !== 'edit');
    if (refused.length)
      throw new StoreError('forbidden', 'Not writable by this user.', {
        code: 'access.write',
        params: { fields: refused },
      });
    try {
      const saved = await store.updateCustomer(id, changes, { revision });
      this.#accept(saved);
      return this.#seen(saved);
    } catch (error) {
      const storeError = asStoreError(error);
      if (storeError.kind !== 'conflict' || !storeError.current) throw storeError;
      this.#accept(storeError.current);
      throw new StoreError('conflict', storeError.message, {
        code: storeError.code,
        params: storeError.params,
        fields: storeError.fields.filter((name) => accessTo(this.definitions, principal, name) !== 'none'),
        current: this.#seen(storeError.current),
        errors: storeError.errors,
        ...(storeError.status === undefined ? {} : { status: storeError.status }),
      });
    }
  }

  /** Keeps the newest customer we have heard of. */
  #accept(customer: Customer): void {
    if (customer.id !== this.#customerId) return;
    if (this.#raw && customer.revision < this.#raw.revision) return;
    this.#raw = customer;
    this.#filter();
    this.#host.requestUpdate();
  }

  /** The customer as the principal may see them. */
  #seen(customer: Customer): Customer {
    return customerFor(this.#options.principal(), customer, withBuiltIns(this.definitions));
  }

  #filter(): void {
    this.#seenBy = JSON.stringify(this.#options.principal());
    this.customer = this.#raw ? this.#seen(this.#raw) : undefined;
  }

  #follow(store: PropertyStore | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (!store?.subscribe || !this.#connected) return;
    this.#unsubscribe = store.subscribe((event) => {
      if (event.type === 'definitions-changed') {
        this.definitions = event.definitions;
        // An access change takes away (or gives) what the principal may read.
        this.#filter();
        this.#host.requestUpdate();
      } else if (event.customer.id === this.#customerId && this.state === 'ready') {
        if (this.#raw && event.customer.revision <= this.#raw.revision) return;
        this.#options.onRemoteChange?.(this.#seen(event.customer));
        this.#accept(event.customer);
      }
    });
  }

  #connected = false;

  /** A new user, roles or viewer: the customer is filtered again before the host renders. */
  hostUpdate(): void {
    if (this.#raw && JSON.stringify(this.#options.principal()) !== this.#seenBy) this.#filter();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#store);
    // Moved in the DOM while loading: the load was cancelled on the way out, so start again.
    if (this.state === 'loading' && this.#load?.signal.aborted) void this.reload();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#load?.abort();
  }
}

function asStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError('unavailable', error instanceof Error ? error.message : String(error), { cause: error });
}
