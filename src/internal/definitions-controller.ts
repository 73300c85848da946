import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PropertyDefinition } from '../model/index.js';
import type { PropertyStore } from '../storage/property-store.js';
import { StoreError } from '../storage/store-error.js';
import { checkedDefinitions, effectiveTimeout, withTimeout } from './store-reply.js';

export interface DefinitionsControllerOptions {
  /** The definitions arrived or changed: from the load, or from a change made elsewhere. */
  onChange?: (definitions: PropertyDefinition[]) => void;
  /**
   * Milliseconds the load may take (default 15,000, also for a value that is not a positive
   * number): after that it fails with `unavailable` / `store.timeout`, so nothing shows "Loading…"
   * forever.
   */
  timeout?: () => number;
}

/**
 * Loads the definitions from the host's store and follows `definitions-changed` from it. A new
 * store cancels the load in flight (its answer is dropped); a host that leaves the page stops
 * listening and starts again when it comes back. Built on `@lit/task`.
 *
 * Nothing the store says is taken on trust: the load gets `timeout` ms (`store.timeout`), and a
 * reply that is not a list of definitions (`null`, `{}`, a definition without a name, label, type
 * or access) fails with `store.reply`; a pushed `definitions-changed` of that kind is ignored.
 */
export class DefinitionsController implements ReactiveController {
  #host: ReactiveControllerHost;
  #store: () => PropertyStore | undefined;
  #options: DefinitionsControllerOptions;
  #task: Task<[PropertyStore | undefined], PropertyDefinition[] | undefined>;
  /** The load's answer (the task's own value is set only after `onComplete` runs). */
  #loaded: PropertyDefinition[] | undefined;
  /** Definitions pushed by the store after the load began: newer than its answer. */
  #pushed: PropertyDefinition[] | undefined;
  #followed: PropertyStore | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    store: () => PropertyStore | undefined,
    options: DefinitionsControllerOptions = {},
  ) {
    this.#host = host;
    this.#store = store;
    this.#options = options;
    this.#task = new Task(host, {
      args: () => [this.#store()] as [PropertyStore | undefined],
      task: async ([source], { signal }) => {
        this.#pushed = undefined;
        this.#loaded = undefined;
        if (!source) return undefined;
        try {
          const timeout = effectiveTimeout(this.#options.timeout?.());
          return checkedDefinitions(
            await withTimeout((inner) => source.listDefinitions({ signal: inner }), timeout, signal),
          );
        } catch (error) {
          throw error instanceof StoreError || signal.aborted
            ? error
            : new StoreError('unavailable', String(error), { cause: error });
        }
      },
      onComplete: (definitions) => {
        this.#loaded = definitions;
        // A change pushed while the load was in flight is newer than the load's answer.
        if (definitions && !this.#pushed) this.#options.onChange?.(definitions);
      },
    });
    host.addController(this);
  }

  /** The definitions as the store has them now; `[]` until they are loaded. */
  get definitions(): PropertyDefinition[] {
    return this.#pushed ?? this.#loaded ?? [];
  }

  /** `loading` until the first answer of the current store, then `ready` or `error`; `idle` without a store. */
  get status(): 'idle' | 'loading' | 'ready' | 'error' {
    switch (this.#task.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.COMPLETE:
        return this.#loaded ? 'ready' : 'idle';
      case TaskStatus.ERROR:
        return 'error';
      default:
        return this.#store() ? 'loading' : 'idle';
    }
  }

  /** Why the last load failed. */
  get error(): StoreError | undefined {
    return this.#task.status === TaskStatus.ERROR ? (this.#task.error as StoreError) : undefined;
  }

  /** Settles when the load in flight (if any) is done, whatever its outcome. */
  get loaded(): Promise<unknown> {
    return this.#task.taskComplete.catch(() => undefined);
  }

  /** Loads again from the same store (Try again). */
  reload(): Promise<void> {
    return this.#task.run();
  }

  hostConnected(): void {
    this.#follow(this.#store());
  }

  hostUpdate(): void {
    const store = this.#store();
    if (store !== this.#followed) this.#follow(store);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#followed = undefined;
  }

  #follow(store: PropertyStore | undefined): void {
    this.#unsubscribe?.();
    this.#followed = store;
    this.#unsubscribe = store?.subscribe?.((event) => {
      if (event.type !== 'definitions-changed' || store !== this.#store()) return;
      try {
        checkedDefinitions(event.definitions);
      } catch {
        return;
      }
      this.#pushed = event.definitions;
      this.#options.onChange?.(event.definitions);
      this.#host.requestUpdate();
    });
  }
}
