import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Customer, PropertyDefinition, PropertyValue } from '../model/index.js';
import type { PropertyStore } from '../storage/property-store.js';
import { StoreError, isAbortError } from '../storage/store-error.js';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface CustomerControllerOptions {
  /** A customer changed elsewhere (another tab, another agent); the host merges it in. */
  onRemoteChange?: (customer: Customer) => void;
}

/**
 * Loads a customer and the definitions from a store, follows changes made elsewhere, and saves
 * changes. Shared by `<customer-details-panel>` and `<customer-profile-form>`.
 */
export class CustomerController implements ReactiveController {
  state: LoadState = 'idle';
  error: StoreError | undefined;
  customer: Customer | undefined;
  definitions: PropertyDefinition[] = [];

  #host: ReactiveControllerHost;
  #options: CustomerControllerOptions;
  #store: PropertyStore | undefined;
  #customerId: string | undefined;
  #load: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: CustomerControllerOptions = {}) {
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
      this.customer = customer;
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
   */
  async save(changes: Record<string, PropertyValue | null>, revision = this.customer?.revision ?? 0): Promise<Customer> {
    const store = this.#store;
    const id = this.#customerId;
    if (!store || !id) throw new StoreError('unavailable', 'There is no store or customer to save to.');
    try {
      const saved = await store.updateCustomer(id, changes, { revision });
      this.#accept(saved);
      return saved;
    } catch (error) {
      const storeError = asStoreError(error);
      if (storeError.kind === 'conflict' && storeError.current) this.#accept(storeError.current);
      throw storeError;
    }
  }

  /** Keeps the newest customer we have heard of. */
  #accept(customer: Customer): void {
    if (customer.id !== this.#customerId) return;
    if (this.customer && customer.revision < this.customer.revision) return;
    this.customer = customer;
    this.#host.requestUpdate();
  }

  #follow(store: PropertyStore | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (!store?.subscribe || !this.#connected) return;
    this.#unsubscribe = store.subscribe((event) => {
      if (event.type === 'definitions-changed') {
        this.definitions = event.definitions;
        this.#host.requestUpdate();
      } else if (event.customer.id === this.#customerId && this.state === 'ready') {
        if (this.customer && event.customer.revision <= this.customer.revision) return;
        this.#options.onRemoteChange?.(event.customer);
        this.#accept(event.customer);
      }
    });
  }

  #connected = false;

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
