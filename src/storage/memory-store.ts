import type { AudienceQuery, Customer, PropertyDefinition, PropertyValue } from '../model/index.js';
import type { FindCustomersResult, PropertyStore, StoreEvent } from './property-store.js';
import { StoreError, abortReason } from './store-error.js';
import {
  applyCustomerChanges,
  checkDefinitionDelete,
  checkDefinitionUpdate,
  checkNewDefinition,
  checkSeedCustomer,
  findInCustomers,
  hasValue,
  reorderDefinitions,
  withBuiltIns,
  type PageOptions,
} from './store-rules.js';
import { Listeners } from './listeners.js';

export interface MemoryStoreOptions {
  /** Custom definitions to start with (the built-ins are always there). */
  definitions?: PropertyDefinition[];
  customers?: Customer[];
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
 * the model.
 */
export class MemoryStore implements PropertyStore {
  author: string | undefined;
  #definitions: PropertyDefinition[] = [];
  #customers = new Map<string, Customer>();
  #listeners = new Listeners<StoreEvent>();
  #latency: [number, number];
  #allowTypeChange: boolean;
  #now: () => Date;

  constructor({
    definitions = [],
    customers = [],
    author,
    latency = 0,
    allowTypeChange = false,
    now,
  }: MemoryStoreOptions = {}) {
    this.author = author;
    this.#latency = Array.isArray(latency) ? latency : [latency, latency];
    this.#allowTypeChange = allowTypeChange;
    this.#now = now ?? (() => new Date());
    for (const def of definitions) this.#definitions.push(checkNewDefinition(def, this.#definitions));
    const all = withBuiltIns(this.#definitions);
    for (const customer of customers) {
      const seeded = checkSeedCustomer(customer, all);
      this.#customers.set(seeded.id, seeded);
    }
  }

  async #delay(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const [min, max] = this.#latency;
    if (max <= 0) return;
    const ms = min + Math.random() * (max - min);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(abortReason(signal));
        },
        { once: true },
      );
    });
  }

  async listDefinitions({ signal }: { signal?: AbortSignal } = {}): Promise<PropertyDefinition[]> {
    await this.#delay(signal);
    return withBuiltIns(this.#definitions);
  }

  async createDefinition(def: PropertyDefinition): Promise<PropertyDefinition> {
    await this.#delay();
    const created = checkNewDefinition(def, this.#definitions);
    this.#definitions.push(created);
    this.#definitionsChanged();
    return structuredClone(created);
  }

  async updateDefinition(def: PropertyDefinition): Promise<PropertyDefinition> {
    await this.#delay();
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
    for (const customer of this.#customers.values()) {
      delete customer.properties[name];
      delete customer.changed?.[name];
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
    return structuredClone(this.#customer(id));
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
    const next = applyCustomerChanges(this.#customer(id), changes, revision, withBuiltIns(this.#definitions), {
      author: author ?? this.author,
      now: this.#now(),
    });
    this.#customers.set(id, next);
    this.#listeners.emit({ type: 'customer-changed', customer: structuredClone(next) });
    return structuredClone(next);
  }

  async findCustomers(query: AudienceQuery, options: PageOptions = {}): Promise<FindCustomersResult> {
    await this.#delay();
    return findInCustomers(this.#customers.values(), query, withBuiltIns(this.#definitions), options, {
      now: this.#now(),
    });
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.#listeners.add(listener);
  }

  #definitionsChanged(): void {
    this.#listeners.emit({ type: 'definitions-changed', definitions: withBuiltIns(this.#definitions) });
  }
}
