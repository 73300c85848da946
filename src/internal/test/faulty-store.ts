/*
 * A PropertyStore wrapper for tests: forwards every call to a real store, except the calls chosen
 * to fail, stall, or meet a conflict. Later tests (panel, forms) drive their stores through it.
 */
import type { Customer, PropertyValue } from '../../model/index.js';
import type { PropertyStore, StoreEvent } from '../../storage/property-store.js';
import { StoreError } from '../../storage/store-error.js';

type Method = Exclude<keyof PropertyStore, 'subscribe' | 'withAuthorization'>;

export type Fault =
  /** Reject with this error (default: `unavailable`). */
  | { type: 'fail'; error?: StoreError }
  /** Hang until `release()` (then forward) or `reject(error)`. */
  | { type: 'stall' }
  /**
   * Updates only: just before the call reaches the store, another agent writes `changes` to the
   * same customer, so the call meets a real conflict when it touches the same fields.
   */
  | { type: 'conflict'; changes: Record<string, PropertyValue | null>; author?: string }
  /** Forward the call, then answer with `reply(answer)` instead: a broken or lying store. */
  | { type: 'reply'; reply: (answer: unknown) => unknown };

export interface Stall {
  /** Resolves when the stalled call has arrived. */
  readonly arrived: Promise<void>;
  release(): void;
  reject(error?: unknown): void;
}

interface Planned {
  method: Method;
  fault: Fault;
  stall?: { resolve: () => void; reject: (error: unknown) => void; arrived: () => void };
}

export class FaultyStore implements PropertyStore {
  /** Every call that reached the wrapper, in order. */
  readonly calls: { method: Method; args: unknown[] }[] = [];
  #planned: Planned[] = [];

  /** Present when the inner store has it, as a store without history has none. */
  getHistory?: NonNullable<PropertyStore['getHistory']>;

  constructor(readonly inner: PropertyStore) {
    if (inner.getHistory) {
      const getHistory = inner.getHistory.bind(inner);
      this.getHistory = (...args) => this.#call('getHistory', args, () => getHistory(...args));
    }
  }

  /** The next call of `method` meets `fault`; returns a handle for a stall. */
  inject(method: Method, fault: Fault): Stall {
    const planned: Planned = { method, fault };
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const handle: Stall = {
      arrived: arrival,
      release: () => planned.stall?.resolve(),
      reject: (error = new StoreError('unavailable', 'Stalled call rejected.')) => planned.stall?.reject(error),
    };
    if (fault.type === 'stall') planned.stall = { resolve: () => {}, reject: () => {}, arrived };
    this.#planned.push(planned);
    return handle;
  }

  /** Calls of `method` that reached the wrapper. */
  callsOf(method: Method): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  async #call<T>(method: Method, args: unknown[], forward: () => Promise<T>): Promise<T> {
    this.calls.push({ method, args });
    const index = this.#planned.findIndex((planned) => planned.method === method);
    if (index < 0) return forward();
    const [planned] = this.#planned.splice(index, 1) as [Planned];
    const { fault } = planned;
    if (fault.type === 'fail') {
      throw fault.error ?? new StoreError('unavailable', 'The store is not reachable (injected).');
    }
    if (fault.type === 'stall') {
      await new Promise<void>((resolve, reject) => {
        planned.stall!.resolve = resolve;
        planned.stall!.reject = reject;
        planned.stall!.arrived();
      });
      return forward();
    }
    if (fault.type === 'reply') return fault.reply(await forward()) as T;
    const id = args[0] as string;
    const current = await this.inner.getCustomer(id);
    await this.#asOther(fault.author, () =>
      this.inner.updateCustomer(id, fault.changes, { revision: current.revision }),
    );
    return forward();
  }

  async #asOther<T>(author: string | undefined, write: () => Promise<T>): Promise<T> {
    const inner = this.inner as PropertyStore & { author?: string | undefined };
    const previous = inner.author;
    if (author !== undefined && 'author' in inner) inner.author = author;
    try {
      return await write();
    } finally {
      if (author !== undefined && 'author' in inner) inner.author = previous;
    }
  }

  listDefinitions(opts?: { signal?: AbortSignal }) {
    return this.#call('listDefinitions', [opts], () => this.inner.listDefinitions(opts));
  }
  createDefinition(def: Parameters<PropertyStore['createDefinition']>[0]) {
    return this.#call('createDefinition', [def], () => this.inner.createDefinition(def));
  }
  updateDefinition(def: Parameters<PropertyStore['updateDefinition']>[0]) {
    return this.#call('updateDefinition', [def], () => this.inner.updateDefinition(def));
  }
  deleteDefinition(name: string) {
    return this.#call('deleteDefinition', [name], () => this.inner.deleteDefinition(name));
  }
  reorderDefinitions(names: string[]) {
    return this.#call('reorderDefinitions', [names], () => {
      if (!this.inner.reorderDefinitions) throw new StoreError('unavailable', 'The store cannot reorder.');
      return this.inner.reorderDefinitions(names);
    });
  }
  countValues(name: string) {
    return this.#call('countValues', [name], () => {
      if (!this.inner.countValues) throw new StoreError('unavailable', 'The store cannot count.');
      return this.inner.countValues(name);
    });
  }
  getCustomer(id: string, opts?: { signal?: AbortSignal }) {
    return this.#call('getCustomer', [id, opts], () => this.inner.getCustomer(id, opts));
  }
  updateCustomer(
    id: string,
    changes: Record<string, PropertyValue | null>,
    opts: { revision: number },
  ): Promise<Customer> {
    return this.#call('updateCustomer', [id, changes, opts], () => this.inner.updateCustomer(id, changes, opts));
  }
  findCustomers(...args: Parameters<PropertyStore['findCustomers']>) {
    return this.#call('findCustomers', args, () => this.inner.findCustomers(...args));
  }
  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.inner.subscribe?.(listener) ?? (() => {});
  }
}
