import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { customerFor, propertyAccess, type Principal } from '../model/access.js';
import type { Customer, PropertyDefinition, PropertyValue } from '../model/types.js';
import { patternEngineLoaded, preparePatterns } from '../model/patterns.js';
import type { PropertyStore } from '../storage/property-store.js';
import { StoreError, customerField, isAbortError } from '../storage/store-error.js';
import { accessTo, sameValue, withBuiltIns } from './customer-view.js';
import { badReply, checkedCustomer, checkedDefinitions, effectiveTimeout, withTimeout } from './store-reply.js';
import { preloadLocationPicker } from './location-picker-loader.js';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface CustomerControllerOptions {
  /**
   * Who is looking. The controller holds the customer only as this principal may see them
   * (`customerFor`): what the host renders or hands on in an event can hold nothing else.
   */
  principal: () => Principal;
  /** A customer changed elsewhere (another tab, another agent); the host merges it in. */
  onRemoteChange?: (customer: Customer) => void;
  /**
   * Milliseconds a store call may take (default 15,000): after that it fails with `unavailable` /
   * `store.timeout`, so nothing waits forever on a store that never answers.
   */
  timeout?: () => number;
}

/**
 * Loads a customer and the definitions from a store, follows changes made elsewhere, and saves
 * changes. Shared by `<customer-details-panel>` and `<customer-profile-form>`. Every customer it
 * gives out (`customer`, a conflict's `current`, a save's answer) is filtered to what the
 * principal may read, as the server does; a store that sends more (a `MemoryStore` in the page)
 * leaks nothing through the elements.
 *
 * Nothing a store says is taken on trust: every call has a timeout, every reply is checked before
 * use (a broken one is a `store.reply` failure), and a save's reply that contradicts what the
 * controller knows (a revision beyond the next, fields it did not write changed) makes it read the
 * customer again rather than believe the reply.
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
  /** What changed since the host last asked (`takeChanges`): field names, or everything. */
  #changes: Set<string> | 'all' = 'all';

  constructor(host: ReactiveControllerHost, options: CustomerControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get store(): PropertyStore | undefined {
    return this.#store;
  }

  /**
   * The fields whose value or `changed` entry changed since the last call (`name` and `number`
   * included), or `'all'` when more than fields changed: another customer, a load, the definitions
   * or the principal. A host that renders per field re-renders only these.
   */
  takeChanges(): ReadonlySet<string> | 'all' {
    const changes = this.#changes;
    this.#changes = new Set();
    return changes;
  }

  #changedAll(): void {
    this.#changes = 'all';
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
    this.#definitionDropped = false;
    this.customer = undefined;
    this.error = undefined;
    this.#changedAll();
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
      const timeout = this.#timeout();
      const [definitions, customer] = await Promise.all([
        withTimeout((signal) => store.listDefinitions({ signal }), timeout, load.signal)
          .then(checkedDefinitions)
          .then(async (defs) => {
            // The location picker is loaded on demand: it starts now, while the customer may still be on its way.
            preloadLocationPicker(defs);
            // RE2 is loaded on demand: in before the first field is checked against a pattern.
            await preparePatterns(defs);
            return defs;
          }),
        withTimeout((signal) => store.getCustomer(id, { signal }), timeout, load.signal).then((reply) =>
          checkedCustomer(reply, id),
        ),
      ]);
      if (load.signal.aborted) return;
      this.definitions = definitions;
      this.#raw = customer;
      this.#definitionDropped = false;
      this.#filter();
      this.#changedAll();
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
   * write is refused here, before any store call, whatever the host asked. `id` (default: the
   * loaded customer's) lets a save queued for a customer no longer shown still reach them.
   */
  async save(
    changes: Record<string, PropertyValue | null>,
    revision = this.customer?.revision ?? 0,
    id = this.#customerId,
  ): Promise<Customer> {
    const store = this.#store;
    if (!store || !id) throw new StoreError('unavailable', 'There is no store or customer to save to.');
    const principal = this.#options.principal();
    const refused = Object.keys(changes).filter((name) => accessTo(this.definitions, principal, name) !== 'edit');
    if (refused.length)
      throw new StoreError('forbidden', 'Not writable by this user.', {
        code: 'access.write',
        params: { fields: refused },
      });
    const timeout = this.#timeout();
    let reply: unknown;
    try {
      reply = await withTimeout(() => store.updateCustomer(id, changes, { revision }), timeout);
    } catch (error) {
      const storeError = asStoreError(error);
      if (storeError.kind !== 'conflict') throw storeError;
      let current: Customer;
      try {
        current = checkedCustomer(storeError.current, id);
      } catch {
        // A conflict without a usable customer: what the others wrote is read from the store.
        current = await this.#reread(store, id, timeout);
      }
      this.#accept(current);
      throw new StoreError('conflict', storeError.message, {
        code: storeError.code,
        params: storeError.params,
        fields: storeError.fields.filter((name) => accessTo(this.definitions, principal, name) !== 'none'),
        current: this.#seen(current),
        errors: storeError.errors,
        ...(storeError.status === undefined ? {} : { status: storeError.status }),
      });
    }
    if (this.#believable(reply, id, changes)) {
      this.#accept(reply);
      return this.#seen(reply);
    }
    // The reply is broken or contradicts what we know: the store, read again, says what was saved.
    const current = await this.#reread(store, id, timeout);
    const landed = Object.entries(changes).every(([name, value]) => holds(current, name, value));
    if (!landed) throw badReply('the saved customer');
    return this.#seen(current);
  }

  /**
   * Whether a save's reply fits what the controller knows: a well-formed customer whose revision
   * is at most the next one, with the written fields as written (at that revision) and no other
   * field changed unless the revision says someone else wrote meanwhile.
   */
  #believable(reply: unknown, id: string, changes: Record<string, PropertyValue | null>): reply is Customer {
    let customer: Customer;
    try {
      customer = checkedCustomer(reply, id);
    } catch {
      return false;
    }
    const known = id === this.#customerId ? this.#raw : undefined;
    if (!known) return true;
    if (customer.revision > known.revision + 1) return false;
    // Older than what we heard meanwhile: #accept keeps the newer one.
    if (customer.revision < known.revision) return true;
    for (const [name, value] of Object.entries(changes)) {
      if (!holds(customer, name, value)) return false;
      const fieldRevision = customer.changed?.[name]?.revision;
      if (fieldRevision !== undefined && fieldRevision !== customer.revision && customer.revision > known.revision)
        return false;
    }
    // The very customer held (a store that shares its objects, whose event came first): no other field can differ.
    if (customer === known) return true;
    const others = new Set(['name', ...Object.keys(known.properties), ...Object.keys(customer.properties)]);
    for (const name of others) {
      if (Object.hasOwn(changes, name)) continue;
      if (!sameValue(customerField(customer, name), customerField(known, name))) return false;
    }
    return true;
  }

  /** Reads the customer again and holds them as the store has them now, whatever we heard before. */
  async #reread(store: PropertyStore, id: string, timeout: number): Promise<Customer> {
    const customer = checkedCustomer(await withTimeout((signal) => store.getCustomer(id, { signal }), timeout), id);
    if (id === this.#customerId && store === this.#store) {
      this.#raw = customer;
      this.#definitionDropped = false;
      this.#filter();
      this.#changedAll();
      this.#host.requestUpdate();
    }
    return customer;
  }

  /** The host's timeout; one that is not a positive number (`timeout="abc"`, 0) is the default: nothing waits forever. */
  #timeout(): number {
    return effectiveTimeout(this.#options.timeout?.());
  }

  /**
   * Keeps the newest customer we have heard of. `written` names the fields that changed since the
   * one held, when a store's event said so; otherwise they are read from `changed`.
   */
  #accept(customer: Customer, written?: readonly string[]): void {
    if (customer.id !== this.#customerId) return;
    // The very customer held (a store that shares its objects: the reply to a save already heard).
    if (customer === this.#raw) return;
    if (this.#raw && customer.revision < this.#raw.revision) return;
    const fields = this.#raw && (written ? new Set(written) : changedFields(this.#raw, customer));
    this.#noteChanges(fields);
    this.#raw = customer;
    this.#definitionDropped = false;
    this.#filter(fields);
    this.#host.requestUpdate();
  }

  /** Adds the fields that changed to `#changes` (`undefined`: everything). */
  #noteChanges(fields: ReadonlySet<string> | undefined): void {
    const changes = this.#changes;
    if (changes === 'all') return;
    if (!fields) this.#changedAll();
    else for (const name of fields) changes.add(name);
  }

  /** The customer as the principal may see them. */
  #seen(customer: Customer): Customer {
    return customerFor(this.#options.principal(), customer, withBuiltIns(this.definitions));
  }

  /**
   * Filters the held customer for the principal. When the last filter kept every field (a user who
   * may read all of them) and `fields` (what changed since) are all readable too, the customer's
   * records are shared rather than copied (the controller never changes them): a change costs its
   * fields, not the customer's.
   */
  #filter(fields?: ReadonlySet<string>): void {
    const principal = this.#options.principal();
    const seenBy = JSON.stringify(principal);
    const raw = this.#raw;
    const readable = this.#readable(seenBy, principal);
    const same = seenBy === this.#seenBy && this.#readableFor === readable;
    this.#seenBy = seenBy;
    this.#readableFor = readable;
    if (!raw) {
      this.customer = undefined;
      this.#whole = false;
      return;
    }
    if (principal.kind === 'user' && same && this.#whole && fields && [...fields].every((name) => readable.has(name))) {
      this.customer = sharedView(raw, readable);
      return;
    }
    this.customer = this.#seen(raw);
    this.#whole = principal.kind === 'user' && everyFieldIn(raw, readable);
  }

  /** Whether the last full filter kept every field of the customer. */
  #whole = false;
  #readableFor: ReadonlySet<string> | undefined;
  #readableCache: { definitions: PropertyDefinition[]; by: Map<string, ReadonlySet<string>> } | undefined;

  /** The names the principal may read, by the definitions as they are (kept per definitions array). */
  #readable(key: string, principal: Principal): ReadonlySet<string> {
    if (this.#readableCache?.definitions !== this.definitions)
      this.#readableCache = { definitions: this.definitions, by: new Map() };
    let names = this.#readableCache.by.get(key);
    if (!names) {
      const defs = withBuiltIns(this.definitions);
      names = new Set(defs.filter((def) => propertyAccess(principal, def) !== 'none').map((def) => def.name));
      this.#readableCache.by.set(key, names);
    }
    return names;
  }

  #follow(store: PropertyStore | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (!store?.subscribe || !this.#connected) return;
    this.#unsubscribe = store.subscribe((event) => {
      if (event.type === 'definitions-changed') {
        if (!Array.isArray(event.definitions)) return;
        const kept = new Set(event.definitions.map((def) => def?.name));
        if (this.definitions.some((def) => !kept.has(def.name))) this.#definitionDropped = true;
        this.definitions = event.definitions;
        this.#changedAll();
        preloadLocationPicker(event.definitions);
        if (!patternEngineLoaded()) void preparePatterns(event.definitions).then(() => this.#host.requestUpdate());
        // An access change takes away (or gives) what the principal may read.
        this.#filter();
        this.#host.requestUpdate();
      } else if (event.type === 'reset') {
        void this.#refresh(store);
      } else if (event.customer?.id === this.#customerId && this.state === 'ready') {
        this.#heard(event.customer, heardFields(event));
      }
    });
  }

  /**
   * A definition was deleted since the customer held was read: the store took its values without
   * a new revision, so the customer held is not the store's at its revision any more.
   */
  #definitionDropped = false;

  /**
   * A customer heard from elsewhere: merged in when newer than what is held. `fields` (what the
   * event says was written after `since`) is believed only when `since` is no later than the
   * revision held (then nothing written in between was missed) and no definition was deleted
   * since the customer held was read (its values went without a write).
   */
  #heard(customer: Customer, fields?: { since: number; names: readonly string[] }): void {
    try {
      checkedCustomer(customer, this.#customerId!);
    } catch {
      return;
    }
    if (this.#raw && customer.revision <= this.#raw.revision) return;
    this.#options.onRemoteChange?.(this.#seen(customer));
    const trusted = fields && !this.#definitionDropped && this.#raw && fields.since <= this.#raw.revision;
    this.#accept(customer, trusted ? fields.names : undefined);
  }

  /**
   * Changes may have been missed (`reset`): the definitions and the customer are read again and
   * merged in as a change made elsewhere, so edits in progress stay. A failure leaves what is
   * shown; the next change or save brings the rest.
   */
  async #refresh(store: PropertyStore): Promise<void> {
    const id = this.#customerId;
    if (this.state !== 'ready' || !id) return;
    const timeout = this.#timeout();
    try {
      const [definitions, customer] = await Promise.all([
        withTimeout((signal) => store.listDefinitions({ signal }), timeout).then(checkedDefinitions),
        withTimeout((signal) => store.getCustomer(id, { signal }), timeout).then((reply) => checkedCustomer(reply, id)),
      ]);
      if (store !== this.#store || id !== this.#customerId || this.state !== 'ready') return;
      this.definitions = definitions;
      this.#filter();
      this.#changedAll();
      this.#host.requestUpdate();
      this.#heard(customer);
    } catch {
      // What is shown stays; the next change heard or saved brings the rest.
    }
  }

  #connected = false;

  /** A new user, roles or viewer: the customer is filtered again before the host renders. */
  hostUpdate(): void {
    if (this.#raw && JSON.stringify(this.#options.principal()) !== this.#seenBy) {
      this.#filter();
      this.#changedAll();
    }
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

/**
 * The fields a `customer-changed` event names, with the revision they count from; `undefined`
 * when it names none or names them in a shape no store sends.
 */
function heardFields(event: {
  customer: Customer;
  since?: number;
  fields?: unknown;
}): { since: number; names: readonly string[] } | undefined {
  const { fields, customer } = event;
  if (!Array.isArray(fields) || !fields.every((name) => typeof name === 'string')) return undefined;
  const since = event.since ?? customer.revision - 1;
  return Number.isSafeInteger(since) ? { since, names: fields } : undefined;
}

/** Whether `customer` holds `value` for the field (`null` and an empty name: not set). */
function holds(customer: Customer, name: string, value: PropertyValue | null): boolean {
  return sameValue(customerField(customer, name), value === '' && name === 'name' ? null : value);
}

/** Whether every property and `changed` entry of `customer` is among `readable`. */
function everyFieldIn(customer: Customer, readable: ReadonlySet<string>): boolean {
  for (const name in customer.properties) if (!readable.has(name)) return false;
  for (const name in customer.changed ?? {}) if (!readable.has(name)) return false;
  return true;
}

/** What `customerFor` gives a user who may read every field of `customer`, sharing its records. */
function sharedView(customer: Customer, readable: ReadonlySet<string>): Customer {
  const seen: Customer = { id: customer.id, revision: customer.revision, properties: customer.properties } as Customer;
  if (customer.channel !== undefined) seen.channel = customer.channel;
  if (readable.has('number')) seen.number = customer.number;
  if (readable.has('name')) seen.name = customer.name;
  if (customer.changed) seen.changed = customer.changed;
  return seen;
}

/**
 * The fields a newer customer changed since `previous` (`name`, `number` and `channel` as
 * `name`/`number`), read from its `changed` entries: every store records a write there at the new
 * revision, so no value is compared, and the cost is one look at each entry. `undefined` (take
 * everything as changed) when either has no `changed` or the revision did not move on.
 */
export function changedFields(previous: Customer, next: Customer): Set<string> | undefined {
  if (!previous.changed || !next.changed || next.revision <= previous.revision) return undefined;
  const names = new Set<string>();
  if (previous.name !== next.name) names.add('name');
  if (previous.number !== next.number || previous.channel !== next.channel) names.add('number');
  const before = previous.changed;
  for (const name in next.changed) {
    const change = next.changed[name]!;
    if (change.revision > previous.revision || before[name]?.revision !== change.revision) names.add(name);
  }
  for (const name in before) if (!Object.hasOwn(next.changed, name)) names.add(name);
  return names;
}

function asStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError('unavailable', error instanceof Error ? error.message : String(error), { cause: error });
}
