import { consume } from '@lit/context';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { storeContext } from '../context.js';
import type { PropertyStore } from '../storage/property-store.js';
import { LocalizedElement } from './localized-element.js';
import { DEFAULT_TIMEOUT, effectiveTimeout, withTimeout } from './store-reply.js';

/** The base of every element that talks to a store: the `store` property, else the context's. */
export class StoreElement extends LocalizedElement {
  /** The store; wins over the one provided by context. */
  @property({ attribute: false }) store: PropertyStore | undefined;

  /**
   * Milliseconds a store call may take before it counts as failed (`unavailable` / `store.timeout`,
   * "the server did not answer in time"), with Try again. Default 15,000, also for a value that is
   * not a positive number: nothing waits forever.
   */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  @consume({ context: storeContext, subscribe: true })
  @state()
  protected contextStore: PropertyStore | undefined;

  /** The store this element uses now. */
  protected get activeStore(): PropertyStore | undefined {
    return this.store ?? this.contextStore;
  }

  /** The timeout in force: `timeout`, or the default when it is not a positive number. */
  protected get effectiveTimeout(): number {
    return effectiveTimeout(this.timeout);
  }

  /** Runs a store call that fails with `store.timeout` after `timeout` ms; `signal` cancels it too. */
  protected storeCall<T>(call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withTimeout(call, this.effectiveTimeout, signal);
  }
}
