import {
  sortAudiences,
  type AudienceQuery,
  type Customer,
  type DefinitionInit,
  type PropertyDefinition,
  type PropertyValue,
  type SavedAudience,
  type SavedAudienceInit,
} from '../model/index.js';
import { loadPatternEngine, patternEngineLoaded, preparePatterns } from '../model/patterns.js';
import type {
  FindCustomersResult,
  HistoryEntry,
  HistoryOptions,
  HistoryPage,
  PropertyStore,
  StoreEvent,
  UpsertCustomer,
} from './property-store.js';
import { StoreError, customerField, pause } from './store-error.js';
import {
  applyCustomerChanges,
  writtenFields,
  checkDefinitionDelete,
  checkDefinitionUpdate,
  checkNewDefinition,
  checkSeedCustomer,
  DEFAULT_PAGE_SIZE,
  findInSortedCustomers,
  hasValue,
  MAX_PAGE_SIZE,
  reorderDefinitions,
  withBuiltIns,
  audienceNotFound,
  checkSavedAudience,
  checkSeedAudiences,
  upsertedCustomer,
  type PageOptions,
} from './store-rules.js';
import { Listeners } from './listeners.js';

export interface MemoryStoreOptions {
  /** Custom definitions to start with (the built-ins are always there). */
  definitions?: DefinitionInit[];
  customers?: Customer[];
  /** Saved audiences to start with (checked as a save would check them). */
  audiences?: SavedAudience[];
  /** Who makes the changes: recorded in `changed[field].by`. Can be changed later. */
  author?: string;
  /** Simulated latency of every call in milliseconds, or a `[min, max]` range. */
  latency?: number | [number, number];
  /** Let a definition's type change even when customers hold values (they may become invalid). */
  allowTypeChange?: boolean;
  /** The clock, for tests. */
  now?: () => Date;
}

/**
 * A store in memory, seeded from plain data: for tests, demos and quick embedding. Runs in Node
 * too. Applies the same rules as every store: field-level merge, and every write validated by
 * the model. Keeps every change of every field for `getHistory`, as `PostgresStore` does (the
 * seed itself is no change).
 *
 * Customers are kept deeply frozen and handed out as they are kept, never copied: `getCustomer`,
 * `updateCustomer`'s reply, its `customer-changed` event (with the written `fields`), a conflict's
 * `current` and `findCustomers`' pages are the store's own objects, and changing one throws a
 * `TypeError` (in strict code; sloppy code's change is ignored) instead of changing the store. A
 * write makes a new customer that shares every value it does not write with the one it replaces.
 * Definitions, audiences and history entries are still copied per call.
 */
export class MemoryStore implements PropertyStore {
  author: string | undefined;
  #definitions: PropertyDefinition[] = [];
  #customers = new Map<string, Customer>();
  #audiences: SavedAudience[] = [];
  /** The same customers in id order (`findCustomers` pages through it without sorting), and each one's index. */
  #sorted: Customer[] = [];
  #positions = new Map<string, number>();
  /** New customers came since `#sorted` was built: it is rebuilt at the next search. */
  #unsorted = false;
  /** Bumped by every write: a cached total is for one version of the data. */
  #version = 0;
  /** The total of the last query, so its next pages scan only the page. */
  #lastTotal: { key: string; version: number; total: number } | undefined;
  /** Per customer, oldest first; `seq` orders every entry of the store and is the cursor. */
  #history = new Map<string, { seq: number; entry: HistoryEntry }[]>();
  #seq = 0;
  #listeners = new Listeners<StoreEvent>();
  #latency: [number, number];
  #allowTypeChange: boolean;
  #now: () => Date;
  /** Settles when the seed is in: at once, or once the pattern engine has loaded for seeded patterns. */
  #ready: Promise<void> = Promise.resolve();

  constructor({
    definitions = [],
    customers = [],
    audiences = [],
    author,
    latency = 0,
    allowTypeChange = false,
    now,
  }: MemoryStoreOptions = {}) {
    this.author = author;
    this.#latency = Array.isArray(latency) ? latency : [latency, latency];
    this.#allowTypeChange = allowTypeChange;
    this.#now = now ?? (() => new Date());
    const seed = () => {
      for (const def of definitions) this.#definitions.push(checkNewDefinition(def, this.#definitions));
      const all = withBuiltIns(this.#definitions);
      for (const customer of customers) {
        const seeded = freezeCustomer(checkSeedCustomer(customer, all));
        this.#customers.set(seeded.id, seeded);
      }
      this.#audiences = checkSeedAudiences(audiences, all);
      this.#sorted = [...this.#customers.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.#sorted.forEach((customer, index) => this.#positions.set(customer.id, index));
    };
    // A seed is checked at once and a bad one throws here, unless it has patterns and the pattern
    // engine is not loaded yet: then it is checked once the engine is in, and a bad seed rejects
    // every call.
    if (patternEngineLoaded() || !definitions.some((def) => def.pattern)) seed();
    else {
      this.#ready = loadPatternEngine()
        .catch(() => undefined)
        .then(seed);
      this.#ready.catch(() => undefined);
    }
  }

  async #delay(signal?: AbortSignal): Promise<void> {
    await this.#ready;
    signal?.throwIfAborted();
    const [min, max] = this.#latency;
    if (max <= 0) return;
    const ms = min + Math.random() * (max - min);
    await pause(ms, signal);
  }

  async listDefinitions({ signal }: { signal?: AbortSignal } = {}): Promise<PropertyDefinition[]> {
    await this.#delay(signal);
    return withBuiltIns(this.#definitions);
  }

  async createDefinition(def: DefinitionInit): Promise<PropertyDefinition> {
    await this.#delay();
    await preparePatterns([def]);
    const created = checkNewDefinition(def, this.#definitions);
    this.#definitions.push(created);
    this.#definitionsChanged();
    return structuredClone(created);
  }

  async updateDefinition(def: PropertyDefinition): Promise<PropertyDefinition> {
    await this.#delay();
    await preparePatterns([def]);
    const updated = checkDefinitionUpdate(def, this.#definitions, () => this.#count(def.name), {
      allowTypeChange: this.#allowTypeChange,
    });
    this.#definitions = this.#definitions.map((other) => (other.name === def.name ? updated : other));
    this.#definitionsChanged();
    return structuredClone(updated);
  }

  async deleteDefinition(name: string): Promise<void> {
    await this.#delay();
    checkDefinitionDelete(name, this.#definitions);
    this.#definitions = this.#definitions.filter((def) => def.name !== name);
    // Customers are frozen: each one holding the property is replaced by one without it.
    for (const customer of [...this.#customers.values()]) {
      if (!Object.hasOwn(customer.properties, name) && !Object.hasOwn(customer.changed ?? {}, name)) continue;
      const { [name]: _value, ...properties } = customer.properties;
      const next: Customer = { ...customer, properties };
      if (customer.changed) {
        const { [name]: _change, ...changed } = customer.changed;
        next.changed = changed;
      }
      this.#put(freezeCustomer(next, []));
    }
    this.#definitionsChanged();
  }

  async reorderDefinitions(names: string[]): Promise<PropertyDefinition[]> {
    await this.#delay();
    this.#definitions = reorderDefinitions(this.#definitions, names);
    this.#definitionsChanged();
    return withBuiltIns(this.#definitions);
  }

  async countValues(name: string): Promise<number> {
    await this.#delay();
    return this.#count(name);
  }

  #count(name: string): number {
    let count = 0;
    for (const customer of this.#customers.values()) if (hasValue(customer, name)) count++;
    return count;
  }

  async getCustomer(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Customer> {
    await this.#delay(signal);
    return this.#customer(id);
  }

  #customer(id: string): Customer {
    const customer = this.#customers.get(id);
    if (!customer) throw new StoreError('not-found', `There is no customer with the id “${id}”.`);
    return customer;
  }

  async updateCustomer(
    id: string,
    changes: Record<string, PropertyValue | null>,
    { revision, author }: { revision: number; author?: string | undefined },
  ): Promise<Customer> {
    await this.#delay();
    await preparePatterns(this.#definitions);
    const previous = this.#customer(id);
    const next = applyCustomerChanges(previous, changes, revision, this.#allDefinitions(), {
      author: author ?? this.author,
      now: this.#now(),
    });
    const fields = writtenFields(previous, next, changes);
    // A write that changed nothing (a retry of one already applied) keeps the customer as it is.
    if (next !== previous) this.#put(freezeCustomer(next, fields));
    this.#record(previous, next, fields);
    this.#listeners.emit({ type: 'customer-changed', customer: next, fields });
    return next;
  }

  /** One history entry per field the write named, in the order it named them. */
  #record(previous: Customer, next: Customer, fields: readonly string[]): void {
    let entries = this.#history.get(next.id);
    if (!entries) this.#history.set(next.id, (entries = []));
    for (const property of fields) {
      const from = customerField(previous, property);
      const to = customerField(next, property);
      const change = next.changed?.[property];
      entries.push({
        seq: ++this.#seq,
        entry: {
          property,
          ...(from === undefined ? {} : { from: structuredClone(from) }),
          ...(to === undefined ? {} : { to: structuredClone(to) }),
          ...(change?.by === undefined ? {} : { by: change.by }),
          at: change?.at ?? this.#now().toISOString(),
          revision: next.revision,
        },
      });
    }
  }

  /**
   * Who changed what and when, newest first: one entry per changed field. `property` keeps one
   * property's entries; `cursor` (from the previous page) continues after it.
   */
  async getHistory(
    customerId: string,
    { property, limit = DEFAULT_PAGE_SIZE, cursor, signal }: HistoryOptions = {},
  ): Promise<HistoryPage> {
    await this.#delay(signal);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new StoreError('invalid', `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`, {
        code: 'request.limit',
        params: { max: MAX_PAGE_SIZE },
      });
    }
    if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) {
      throw new StoreError('invalid', 'This cursor did not come from getHistory.', { code: 'request.cursor' });
    }
    this.#customer(customerId);
    const before = cursor === undefined ? Infinity : Number(cursor);
    const page: { seq: number; entry: HistoryEntry }[] = [];
    const all = this.#history.get(customerId) ?? [];
    let more = false;
    for (let i = all.length - 1; i >= 0; i--) {
      const item = all[i]!;
      if (item.seq >= before || (property !== undefined && item.entry.property !== property)) continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(item);
    }
    return {
      entries: page.map((item) => structuredClone(item.entry)),
      ...(more ? { cursor: String(page.at(-1)!.seq) } : {}),
    };
  }

  /**
   * One page of the customers in `query`'s audience, in id order. Customers are kept in id order,
   * so a page is a scan from its cursor, never a sort; the first page counts every match (the
   * `total`), and the next pages of the same query over unchanged data reuse that count and
   * scan only until the page is full.
   */
  async findCustomers(query: AudienceQuery, options: PageOptions = {}): Promise<FindCustomersResult> {
    await this.#delay();
    const now = this.#now();
    let key = '';
    const result = findInSortedCustomers(
      this.#sortedCustomers(),
      query,
      withBuiltIns(this.#definitions),
      options,
      { now },
      () => {
        // Asked once the query is valid (a deep invalid one never reaches JSON.stringify).
        // `within-last-days` depends on the day: a cached total is for one query on one day.
        key = `${now.toDateString()}|${JSON.stringify(query)}`;
        const cached = this.#lastTotal;
        return cached && cached.key === key && cached.version === this.#version ? cached.total : undefined;
      },
    );
    this.#lastTotal = { key, version: this.#version, total: result.total };
    return result;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.#listeners.add(listener);
  }

  // ——— saved audiences and upserts ———

  async listAudiences({ signal }: { signal?: AbortSignal } = {}): Promise<SavedAudience[]> {
    await this.#delay(signal);
    return structuredClone(sortAudiences(this.#audiences));
  }

  async saveAudience(
    audience: SavedAudienceInit,
    { author }: { author?: string | undefined } = {},
  ): Promise<SavedAudience> {
    await this.#delay();
    const saved = checkSavedAudience(audience, this.#audiences, withBuiltIns(this.#definitions), {
      author: author ?? this.author,
      now: this.#now(),
    });
    this.#audiences = [...this.#audiences.filter((other) => other.id !== saved.id), saved];
    return structuredClone(saved);
  }

  async deleteAudience(id: string): Promise<void> {
    await this.#delay();
    if (!this.#audiences.some((audience) => audience.id === id)) throw audienceNotFound(id);
    this.#audiences = this.#audiences.filter((audience) => audience.id !== id);
  }

  /** Creates the customer, or updates its default properties; by `id`, else by `channel` and `number`. */
  async upsertCustomer(c: UpsertCustomer): Promise<Customer> {
    await this.#delay();
    let current: Customer | undefined;
    if (c.id !== undefined) current = this.#customers.get(c.id);
    else {
      for (const customer of this.#customers.values()) {
        if ((customer.channel ?? undefined) === c.channel && customer.number === c.number) {
          if (!current || customer.id < current.id) current = customer;
        }
      }
    }
    const { customer, changed, fields } = upsertedCustomer(current, c, { author: this.author, now: this.#now() });
    if (!changed) return customer;
    this.#put(freezeCustomer(customer, current ? fields : undefined));
    if (current) this.#record(current, customer, fields);
    // A new channel is a change of the number as the elements show it.
    const written =
      current && customer.channel !== current.channel && !fields.includes('number') ? [...fields, 'number'] : fields;
    this.#listeners.emit({
      type: 'customer-changed',
      customer,
      // A new customer: every field is new to a listener.
      ...(current ? { fields: written } : {}),
    });
    return customer;
  }

  /**
   * Keeps a written customer: in place in `#sorted` when it is there; a new one marks `#sorted` for
   * a rebuild at the next search (so an import of many new customers does not re-sort each time).
   */
  #put(customer: Customer): void {
    this.#customers.set(customer.id, customer);
    const at = this.#positions.get(customer.id);
    if (at !== undefined && !this.#unsorted) this.#sorted[at] = customer;
    else this.#unsorted = true;
    this.#version++;
  }

  /** The customers in id order, rebuilt when new ones came since. */
  #sortedCustomers(): Customer[] {
    if (this.#unsorted) {
      this.#sorted = [...this.#customers.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.#positions.clear();
      this.#sorted.forEach((customer, index) => this.#positions.set(customer.id, index));
      this.#unsorted = false;
    }
    return this.#sorted;
  }

  #all: { of: PropertyDefinition[]; all: PropertyDefinition[] } | undefined;

  /** `withBuiltIns(this.#definitions)`, made again only when the definitions changed: a write looks up its fields in it. */
  #allDefinitions(): PropertyDefinition[] {
    if (this.#all?.of !== this.#definitions)
      this.#all = { of: this.#definitions, all: withBuiltIns(this.#definitions) };
    return this.#all.all;
  }

  #definitionsChanged(): void {
    this.#version++;
    this.#listeners.emit({ type: 'definitions-changed', definitions: withBuiltIns(this.#definitions) });
  }
}

/** Freezes `value` and everything in it that is not frozen yet. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

/**
 * Freezes a customer the store keeps: the customer, its `properties` and `changed` records, and
 * the values and `changed` entries of `fields` (the ones a write made; the others are shared with
 * the customer it replaces, frozen already). Without `fields`, everything in it (a seed, a new one).
 */
function freezeCustomer(customer: Customer, fields?: readonly string[]): Customer {
  if (!fields) return deepFreeze(customer);
  for (const field of fields) {
    deepFreeze(customer.properties[field]);
    deepFreeze(customer.changed?.[field]);
  }
  Object.freeze(customer.properties);
  if (customer.changed) Object.freeze(customer.changed);
  return Object.freeze(customer);
}
