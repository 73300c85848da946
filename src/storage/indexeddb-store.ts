import {
  openDB,
  unwrap,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
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
import { patternEngineLoaded, preparePatterns } from '../model/patterns.js';
import { Listeners } from './listeners.js';
import type { FindCustomersResult, PropertyStore, StoreEvent, UpsertCustomer } from './property-store.js';
import { StoreError } from './store-error.js';
import { blockKeyOf, findInBlock, toBlocks } from './indexeddb-blocks.js';
import {
  fromRecord,
  indexEntries,
  INDEX_FIELD,
  planQuery,
  toRecord,
  VALUE_INDEX,
  type CustomerRecord,
  type IndexPlan,
} from './indexeddb-index.js';
import {
  applyCustomerChanges,
  checkDefinitionDelete,
  checkDefinitionUpdate,
  checkNewDefinition,
  checkSeedCustomer,
  findInCustomers,
  findInSortedCustomers,
  hasValue,
  DEFAULT_PAGE_SIZE,
  reorderDefinitions,
  withBuiltIns,
  audienceNotFound,
  checkSavedAudience,
  checkSeedAudiences,
  upsertedCustomer,
  type PageOptions,
} from './store-rules.js';

/** The schema. Bump `SCHEMA_VERSION` and add a step to `upgrade` to migrate. */
interface CustomerPropertiesDb extends DBSchema {
  definitions: { key: string; value: PropertyDefinition };
  /** Each customer with its value index entries (`indexeddb-index.ts`), from version 3. */
  customers: { key: string; value: CustomerRecord; indexes: { [VALUE_INDEX]: IDBValidKey } };
  meta: { key: string; value: unknown };
  audiences: { key: string; value: SavedAudience };
  /** Seeded customers, a block of them sorted by id under the first id (`indexeddb-blocks.ts`), from version 4. */
  blocks: { key: string; value: Customer[] };
  /** The ids of the block customers under each value index key `[property, key]`, from version 4. */
  postings: { key: IDBValidKey; value: string[] };
}
/**
 * 1: definitions, customers, meta. 2: the saved audiences (their own object store).
 * 3: the value index on customers, every stored customer given its entries.
 * 4: blocks and postings for seeded customers (the records of version 3 stay where they are).
 */
const SCHEMA_VERSION = 4;
/**
 * The oldest schema version whose code reads this one's records correctly, kept in `meta` as
 * `readableFrom`: version 4 keeps seeded customers in `blocks`, which code of version 3 would not
 * look in. Code meeting a newer database reads it only when this figure is at most its own version.
 */
const READABLE_FROM = 4;
const OBJECT_STORES = ['definitions', 'customers', 'meta', 'audiences', 'blocks', 'postings'] as const;
type Mode = IDBTransactionMode;
type Store<Name extends StoreNames<CustomerPropertiesDb>, M extends Mode = Mode> = IDBPObjectStore<
  CustomerPropertiesDb,
  ArrayLike<StoreNames<CustomerPropertiesDb>>,
  Name,
  M
>;

export interface StoreSeed {
  definitions?: DefinitionInit[];
  customers?: Customer[];
  /** Saved audiences, checked as a save would check them. */
  audiences?: SavedAudience[];
}

export interface IndexedDbStoreOptions {
  /** One database per name (`customer-properties:<name>`), shared by every tab of the origin. */
  name?: string;
  /** Written once, when the database is first created (or by `reset`). */
  seed?: StoreSeed | (() => StoreSeed | Promise<StoreSeed>);
  author?: string;
  allowTypeChange?: boolean;
  now?: () => Date;
}

type Database = IDBPDatabase<CustomerPropertiesDb>;

/**
 * A store in the browser's own database: survives reloads, and tells every other tab of the same
 * origin (and this one) about changes through `subscribe`. It keeps no history of changes (no
 * `getHistory`: that needs a new object store and a schema step), so `<customer-details-panel>`
 * over it shows no History buttons.
 */
export class IndexedDbStore implements PropertyStore {
  author: string | undefined;
  readonly databaseName: string;
  #options: IndexedDbStoreOptions;
  #db: Promise<Database> | undefined;
  #listeners = new Listeners<StoreEvent>();
  #channel: BroadcastChannel | undefined;

  constructor(options: IndexedDbStoreOptions = {}) {
    this.#options = options;
    this.author = options.author;
    this.databaseName = `customer-properties:${options.name ?? 'default'}`;
  }

  /** The connection, opened on first use and again after the browser or another tab closed it. */
  #open(): Promise<Database> {
    if (this.#db) return this.#db;
    const opening: Promise<Database> = this.#connect(() => {
      if (this.#db === opening) this.#db = undefined;
    }).catch((error) => {
      if (this.#db === opening) this.#db = undefined;
      throw unavailable(error);
    });
    this.#db = opening;
    return opening;
  }

  /** `lost`: the connection is gone, and the next call must open a new one. */
  async #connect(lost: () => void): Promise<Database> {
    const events = {
      // A newer version is opening in another tab, or the database is being deleted: let it.
      blocking: (_current: number, _blocked: number | null, event: IDBVersionChangeEvent) => {
        (event.target as IDBDatabase).close();
        lost();
      },
      // The browser closed the connection itself: site data cleared, the disk gone, …
      terminated: lost,
    };
    let db: Database;
    try {
      db = await openDB<CustomerPropertiesDb>(this.databaseName, SCHEMA_VERSION, {
        ...events,
        upgrade(database, oldVersion, _newVersion, transaction) {
          // Each step migrates from the version before it; a new version adds a case below. The
          // steps are independent of each other: a database at any earlier version takes the rest.
          if (oldVersion < 1) {
            database.createObjectStore('definitions', { keyPath: 'name' });
            database.createObjectStore('customers', { keyPath: 'id' });
            database.createObjectStore('meta');
          }
          if (oldVersion < 2) database.createObjectStore('audiences', { keyPath: 'id' });
          if (oldVersion < 3) addValueIndex(transaction);
          if (oldVersion < 4) addBlockStores(database);
          void transaction.objectStore('meta').put(READABLE_FROM, 'readableFrom');
        },
      });
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'VersionError')) throw error;
      // A newer version of the library upgraded it in another tab: use it as it is while it holds our stores.
      db = await openDB<CustomerPropertiesDb>(this.databaseName, undefined, events);
      const readableFrom = OBJECT_STORES.every((name) => db.objectStoreNames.contains(name))
        ? await db.get('meta', 'readableFrom')
        : undefined;
      // A newer layout this code would misread (its own figure above ours), or stores it lacks.
      if (typeof readableFrom !== 'number' || readableFrom > SCHEMA_VERSION) {
        db.close();
        throw error;
      }
    }
    if ((await db.get('meta', 'seeded')) !== true) await this.#seed(db);
    return db;
  }

  /**
   * Writes the seed when the database has none yet, or (`replace`, for `reset`) in place of
   * everything it holds. The seed is made and checked first; the clearing and the writing are one
   * transaction, so no other tab's write lands in between (a customer it wrote would stay beside
   * its seeded self), and a bad seed leaves the data as it was.
   */
  async #seed(db: Database, { replace = false }: { replace?: boolean } = {}): Promise<void> {
    const seed = typeof this.#options.seed === 'function' ? await this.#options.seed() : (this.#options.seed ?? {});
    await preparePatterns(seed.definitions ?? []);
    const definitions: PropertyDefinition[] = [];
    for (const def of seed.definitions ?? []) definitions.push(checkNewDefinition(def, definitions));
    const all = withBuiltIns(definitions);
    const customers = (seed.customers ?? []).map((customer) => checkSeedCustomer(customer, all));
    const audiences = checkSeedAudiences(seed.audiences ?? [], all);
    // Relaxed: a seed lost to a power cut is written again on the next start.
    const tx = db.transaction(OBJECT_STORES, 'readwrite', { durability: replace ? 'default' : 'relaxed' });
    if (replace) for (const name of OBJECT_STORES) unwrap(tx.objectStore(name)).clear();
    // Another tab may have seeded while this one prepared: check again inside the transaction.
    if (replace || (await tx.objectStore('meta').get('seeded')) !== true) {
      // Blocks and postings: a few hundred puts for 100,000 customers, not one (or five) each.
      // Plain requests, not one promise each: a failed one aborts the transaction, and `done` rejects.
      const { blocks, postings } = toBlocks(customers);
      const blockStore = unwrap(tx.objectStore('blocks'));
      for (const block of blocks) blockStore.put(block, block[0]!.id);
      const postingStore = unwrap(tx.objectStore('postings'));
      for (const { key, ids } of postings.values()) postingStore.put(ids, key);
      await Promise.all([
        ...definitions.map((def) => tx.objectStore('definitions').put(def)),
        ...audiences.map((audience) => tx.objectStore('audiences').put(audience)),
        tx.objectStore('meta').put(true, 'seeded'),
      ]);
    }
    await tx.done;
  }

  /**
   * Runs a call; a failure of the database itself becomes `unavailable`. A connection found closed
   * without a `close` event is forgotten, so that the next call (Try again) opens a new one.
   */
  async #run<T>(call: (db: Database) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const opening = this.#open();
    try {
      const db = await opening;
      // Before any transaction: awaiting a module load inside one would let it commit early.
      if (!patternEngineLoaded()) await preparePatterns(await this.#customDefinitions(db));
      const result = await call(db);
      signal?.throwIfAborted();
      return result;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'InvalidStateError' && this.#db === opening) {
        this.#db = undefined;
      }
      // Only the caller's signal cancels: an `AbortError` of its own is a transaction the browser aborted.
      if (error instanceof StoreError || signal?.aborted) throw error;
      throw unavailable(error);
    }
  }

  async #customDefinitions(db: Database): Promise<PropertyDefinition[]> {
    return db.getAll('definitions');
  }

  listDefinitions({ signal }: { signal?: AbortSignal } = {}): Promise<PropertyDefinition[]> {
    return this.#run(async (db) => withBuiltIns(await this.#customDefinitions(db)), signal);
  }

  createDefinition(def: DefinitionInit): Promise<PropertyDefinition> {
    return this.#run(async (db) => {
      await preparePatterns([def]);
      const tx = db.transaction('definitions', 'readwrite');
      const created = checkNewDefinition(def, await tx.store.getAll());
      await Promise.all([tx.store.put(created), tx.done]);
      await this.#definitionsChanged(db);
      return created;
    });
  }

  updateDefinition(def: PropertyDefinition): Promise<PropertyDefinition> {
    return this.#run(async (db) => {
      await preparePatterns([def]);
      const tx = db.transaction(['definitions', 'customers', 'blocks'], 'readwrite');
      const custom = await tx.objectStore('definitions').getAll();
      const customers = custom.some((other) => other.name === def.name && other.type !== def.type)
        ? await allCustomers(tx.objectStore('customers'), tx.objectStore('blocks'))
        : [];
      const updated = checkDefinitionUpdate(
        def,
        custom,
        () => customers.filter((customer) => hasValue(customer, def.name)).length,
        { allowTypeChange: this.#options.allowTypeChange ?? false },
      );
      await Promise.all([tx.objectStore('definitions').put(updated), tx.done]);
      await this.#definitionsChanged(db);
      return updated;
    });
  }

  deleteDefinition(name: string): Promise<void> {
    return this.#run(async (db) => {
      const tx = db.transaction(['definitions', 'customers', 'blocks', 'postings'], 'readwrite');
      checkDefinitionDelete(name, await tx.objectStore('definitions').getAll());
      await tx.objectStore('definitions').delete(name);
      for (let cursor = await tx.objectStore('customers').openCursor(); cursor; cursor = await cursor.continue()) {
        const customer = fromRecord(cursor.value);
        if (hasValue(customer, name)) {
          delete customer.properties[name];
          delete customer.changed?.[name];
          await cursor.update(toRecord(customer));
        }
      }
      for (let cursor = await tx.objectStore('blocks').openCursor(); cursor; cursor = await cursor.continue()) {
        const block = cursor.value;
        if (!block.some((customer) => hasValue(customer, name))) continue;
        for (const customer of block) {
          delete customer.properties[name];
          delete customer.changed?.[name];
        }
        await cursor.update(block);
      }
      await tx.objectStore('postings').delete(propertyKeys(name));
      await tx.done;
      await this.#definitionsChanged(db);
    });
  }

  reorderDefinitions(names: string[]): Promise<PropertyDefinition[]> {
    return this.#run(async (db) => {
      const tx = db.transaction('definitions', 'readwrite');
      const reordered = reorderDefinitions(await tx.store.getAll(), names);
      await Promise.all(reordered.map((def) => tx.store.put(def)));
      await tx.done;
      return this.#definitionsChanged(db);
    });
  }

  countValues(name: string): Promise<number> {
    return this.#run(async (db) => {
      // Every customer with a value has an entry under its name, or its id in a posting under it.
      const tx = db.transaction(['customers', 'postings'], 'readonly');
      const [keys, postings] = await Promise.all([
        tx.objectStore('customers').index(VALUE_INDEX).getAllKeys(propertyKeys(name)),
        tx.objectStore('postings').getAll(propertyKeys(name)),
      ]);
      return new Set([...keys, ...postings.flat()]).size;
    });
  }

  getCustomer(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Customer> {
    return this.#run(async (db) => {
      const tx = db.transaction(['customers', 'blocks'], 'readonly');
      const record = await tx.objectStore('customers').get(id);
      if (record) return fromRecord(record);
      const found = await blockCustomer(tx.objectStore('blocks'), id);
      if (!found) throw new StoreError('not-found', `There is no customer with the id “${id}”.`);
      return found.customer;
    }, signal);
  }

  updateCustomer(
    id: string,
    changes: Record<string, PropertyValue | null>,
    { revision, author }: { revision: number; author?: string | undefined },
  ): Promise<Customer> {
    return this.#run(async (db) => {
      // One transaction: the check and the write cannot interleave with another tab's write.
      const tx = db.transaction(['customers', 'definitions', 'blocks', 'postings'], 'readwrite');
      const [record, custom] = await Promise.all([
        tx.objectStore('customers').get(id),
        tx.objectStore('definitions').getAll(),
      ]);
      const found = record ? undefined : await blockCustomer(tx.objectStore('blocks'), id);
      const current = record ? fromRecord(record) : found?.customer;
      if (!current) throw new StoreError('not-found', `There is no customer with the id “${id}”.`);
      const next = applyCustomerChanges(current, changes, revision, withBuiltIns(custom), {
        author: author ?? this.author,
        now: this.#now(),
      });

      const write = async () => {
        // A seeded customer's first write moves it to its own record.
        if (found) await takeFromBlock(tx.objectStore('blocks'), tx.objectStore('postings'), found);
        await tx.objectStore('customers').put(toRecord(next));
      };
      // Both awaited together: when the browser aborts the transaction, neither rejection goes unheard.
      await Promise.all([write(), tx.done]);
      this.#announce({ type: 'customer-changed', customer: next });
      return structuredClone(next);
    });
  }

  /**
   * One page of the customers in `query`'s audience, in id order. A condition the value index can
   * answer (a choice, a word, a date or time range, a number range, is set) reads only the
   * customers under its keys; when it is the query's only condition, only the matching ids are
   * read, and the records of the page. Other queries read every customer.
   */
  findCustomers(query: AudienceQuery, options: PageOptions = {}): Promise<FindCustomersResult> {
    return this.#run(async (db) => {
      const now = this.#now();
      const tx = db.transaction(['customers', 'definitions', 'blocks', 'postings'], 'readonly');
      const customers = tx.objectStore('customers');
      const blocks = tx.objectStore('blocks');
      const postings = tx.objectStore('postings');
      const definitions = withBuiltIns(await tx.objectStore('definitions').getAll());
      // The query and the page size are checked first, as a scan would check them.
      findInSortedCustomers([], query, definitions, options, { now });
      const plans = planQuery(query, definitions, { now });
      if (plans.length === 0) {
        return findInCustomers(await allCustomers(customers, blocks), query, definitions, options, { now });
      }
      const index = customers.index(VALUE_INDEX);
      // The ids under each plan (own records from the index, block customers from their postings),
      // narrowest guess first; each next plan stops reading the index once it has as many as the
      // best so far, so a wide condition costs little after a narrow one.
      let best: { plan: IndexPlan; ids: string[]; inBlocks: Set<string> } | undefined;
      for (const plan of plans) {
        const cap = best ? best.ids.length + 1 : undefined;
        const lists = await Promise.all(plan.ranges.map((range) => index.getAllKeys(range, cap)));
        if (cap !== undefined && lists.some((list) => list.length >= cap)) continue;
        const inBlocks = new Set((await Promise.all(plan.ranges.map((range) => postings.getAll(range)))).flat(2));
        const ids = [...new Set<string>([...lists.flat(), ...inBlocks])];
        if (!best || ids.length < best.ids.length) best = { plan, ids, inBlocks };
      }
      const { plan, inBlocks } = best!;
      if (!plan.exact) {
        const candidates = await readFromBlocks(blocks, inBlocks);
        for (const records of await Promise.all(plan.ranges.map((range) => index.getAll(range)))) {
          for (const record of records) candidates.set(record.id, fromRecord(record));
        }
        return findInCustomers(candidates.values(), query, definitions, options, { now });
      }
      const ids = best!.ids.sort();
      const { limit = DEFAULT_PAGE_SIZE, cursor } = options;
      let start = 0;
      if (cursor !== undefined) while (start < ids.length && ids[start]! <= cursor) start++;
      const pageIds = ids.slice(start, start + limit);
      const [fromBlocks, records] = await Promise.all([
        readFromBlocks(
          blocks,
          pageIds.filter((id) => inBlocks.has(id)),
        ),
        Promise.all(pageIds.filter((id) => !inBlocks.has(id)).map((id) => customers.get(id))),
      ]);
      for (const record of records) fromBlocks.set(record!.id, fromRecord(record!));
      const page = pageIds.map((id) => fromBlocks.get(id)!);
      const last = page.at(-1);
      return {
        customers: page,
        total: ids.length,
        ...(start + limit < ids.length && last ? { cursor: last.id } : {}),
      };
    });
  }

  // ——— saved audiences and upserts ———

  listAudiences({ signal }: { signal?: AbortSignal } = {}): Promise<SavedAudience[]> {
    return this.#run(async (db) => sortAudiences(await db.getAll('audiences')), signal);
  }

  saveAudience(audience: SavedAudienceInit, { author }: { author?: string | undefined } = {}): Promise<SavedAudience> {
    return this.#run(async (db) => {
      // One transaction: two tabs cannot both take a name.
      const tx = db.transaction(['audiences', 'definitions'], 'readwrite');
      const [existing, custom] = await Promise.all([
        tx.objectStore('audiences').getAll(),
        tx.objectStore('definitions').getAll(),
      ]);
      const saved = checkSavedAudience(audience, existing, withBuiltIns(custom), {
        author: author ?? this.author,
        now: this.#now(),
      });
      await Promise.all([tx.objectStore('audiences').put(saved), tx.done]);
      return saved;
    });
  }

  deleteAudience(id: string): Promise<void> {
    return this.#run(async (db) => {
      const tx = db.transaction('audiences', 'readwrite');
      if (!(await tx.store.get(id))) throw audienceNotFound(id);
      await Promise.all([tx.store.delete(id), tx.done]);
    });
  }

  /** Creates the customer, or updates its default properties; by `id`, else by `channel` and `number`. */
  upsertCustomer(c: UpsertCustomer): Promise<Customer> {
    return this.#run(async (db) => {
      const tx = db.transaction(['customers', 'blocks', 'postings'], 'readwrite');
      const customers = tx.objectStore('customers');
      const blocks = tx.objectStore('blocks');
      let current: Customer | undefined;
      let found: BlockCustomer | undefined;
      const isIt = (customer: Customer) =>
        (customer.channel ?? undefined) === c.channel && customer.number === c.number;
      if (c.id !== undefined) {
        const record = await customers.get(c.id);
        if (record) current = fromRecord(record);
        else found = await blockCustomer(blocks, c.id);
      } else {
        for (let cursor = await customers.openCursor(); cursor; cursor = await cursor.continue()) {
          if (isIt(cursor.value)) {
            current = fromRecord(cursor.value);
            break;
          }
        }
        // The lowest id of both, as in every store: a block customer may sort before the own record.
        const range = current ? IDBKeyRange.upperBound(current.id) : undefined;
        for (let cursor = await blocks.openCursor(range); cursor; cursor = await cursor.continue()) {
          const at = cursor.value.findIndex(isIt);
          if (at >= 0) {
            found = { key: cursor.key, block: cursor.value, at, customer: cursor.value[at]! };
            break;
          }
        }
        if (current && found && found.customer.id > current.id) found = undefined;
        else if (found) current = undefined;
      }
      current ??= found?.customer;
      const { customer, changed } = upsertedCustomer(current, c, { author: this.author, now: this.#now() });
      const write = async () => {
        if (found) await takeFromBlock(blocks, tx.objectStore('postings'), found);
        await customers.put(toRecord(customer));
      };
      await Promise.all([changed ? write() : undefined, tx.done]);
      if (changed) this.#announce({ type: 'customer-changed', customer });
      return structuredClone(customer);
    });
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    const channel = this.#broadcastChannel();
    if (channel) channel.onmessage = (message: MessageEvent<StoreEvent>) => this.#listeners.emit(message.data);
    return this.#listeners.add(listener);
  }

  /** One channel per instance: a channel never hears its own messages, so nothing arrives twice. */
  #broadcastChannel(): BroadcastChannel | undefined {
    if (!this.#channel && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(this.databaseName);
    }
    return this.#channel;
  }

  /**
   * Replaces every definition, customer and saved audience with the seed (the demo's "Reset demo
   * data"), in one transaction. Rejects with `invalid` for a seed a write would refuse, and then
   * changes nothing. Tells its listeners and other tabs with a `reset` event (the customers'
   * revisions start over, so a customer held elsewhere must be read again).
   */
  async reset(seed?: StoreSeed): Promise<void> {
    const before = this.#options;
    if (seed) this.#options = { ...this.#options, seed };
    try {
      await this.#run(async (db) => {
        await this.#seed(db, { replace: true });
        await this.#definitionsChanged(db);
      });
    } catch (error) {
      // A refused seed is not kept for the next reset either.
      this.#options = before;
      throw error;
    }
    this.#announce({ type: 'reset' });
  }

  /** Closes the database; the store opens it again on the next call. */
  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    this.#channel?.close();
    this.#channel = undefined;
    if (db) (await db.catch(() => undefined))?.close();
  }

  /** Deletes a store's database altogether. */
  static async deleteDatabase(name = 'default'): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(`customer-properties:${name}`);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(unavailable(request.error));
      request.onblocked = () => resolve();
    });
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  async #definitionsChanged(db: Database): Promise<PropertyDefinition[]> {
    const definitions = withBuiltIns(await this.#customDefinitions(db));
    this.#announce({ type: 'definitions-changed', definitions });
    return definitions;
  }

  /** Tells this instance's listeners, and every other instance of this database through the channel. */
  #announce(event: StoreEvent): void {
    this.#listeners.emit(structuredClone(event));
    this.#broadcastChannel()?.postMessage(event);
  }
}

/**
 * Schema step 3: the value index, and every stored customer given its entries. Runs inside the
 * upgrade's transaction (a failure aborts it, and the database stays at its old version).
 */
function addValueIndex(
  transaction: IDBPTransaction<CustomerPropertiesDb, StoreNames<CustomerPropertiesDb>[], 'versionchange'>,
): void {
  const customers = transaction.objectStore('customers');
  // Written to run once whatever the version numbers around it: a database that has the index
  // (a branch that numbered its steps differently) is left as it is.
  if (customers.indexNames.contains(VALUE_INDEX)) return;
  customers.createIndex(VALUE_INDEX, INDEX_FIELD, { multiEntry: true });
  const request = unwrap(customers).openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (!cursor) return;
    cursor.update(toRecord(fromRecord(cursor.value as CustomerRecord)));
    cursor.continue();
  };
}

/** Schema step 4: the object stores of seeded customers. Run once whatever the version numbers around it. */
function addBlockStores(database: IDBPDatabase<CustomerPropertiesDb>): void {
  if (!database.objectStoreNames.contains('blocks')) database.createObjectStore('blocks');
  if (!database.objectStoreNames.contains('postings')) database.createObjectStore('postings');
}

/**
 * Every value index key of one property, lowercased words (`[name, [text]]`) too: they sort after
 * `[name, []]`, so the range ends just before the next name rather than there.
 */
const propertyKeys = (name: string) => IDBKeyRange.bound([name], [`${name}\u0000`], false, true);

/** A customer in a block, where it is. */
interface BlockCustomer {
  key: string;
  block: Customer[];
  at: number;
  customer: Customer;
}

/** The block customer with `id`, or undefined. */
async function blockCustomer(blocks: Store<'blocks'>, id: string): Promise<BlockCustomer | undefined> {
  // The block that would hold it: the one with the greatest first id ≤ id.
  const cursor = await blocks.openCursor(IDBKeyRange.upperBound(id), 'prev');
  if (!cursor) return undefined;
  const at = findInBlock(cursor.value, id);
  return at < 0 ? undefined : { key: cursor.key, block: cursor.value, at, customer: cursor.value[at]! };
}

/** Removes a block customer from its block and from its postings (it is about to get its own record). */
async function takeFromBlock(
  blocks: Store<'blocks', 'readwrite'>,
  postings: Store<'postings', 'readwrite'>,
  { key, block, at, customer }: BlockCustomer,
): Promise<void> {
  block.splice(at, 1);
  await (block.length > 0 ? blocks.put(block, key) : blocks.delete(key));
  for (const entry of indexEntries(customer)) {
    const ids = await postings.get(entry);
    if (!ids) continue;
    const rest = ids.filter((other) => other !== customer.id);
    await (rest.length > 0 ? postings.put(rest, entry) : postings.delete(entry));
  }
}

/** The block customers with these ids (an id not in a block is left out), reading each block once. */
async function readFromBlocks(blocks: Store<'blocks'>, ids: Iterable<string>): Promise<Map<string, Customer>> {
  const found = new Map<string, Customer>();
  const wanted = new Map<string, string[]>();
  let keys: string[] | undefined;
  for (const id of ids) {
    keys ??= await blocks.getAllKeys();
    const key = blockKeyOf(keys, id);
    if (key === undefined) continue;
    const list = wanted.get(key);
    if (list) list.push(id);
    else wanted.set(key, [id]);
  }
  await Promise.all(
    [...wanted].map(async ([key, list]) => {
      const block = (await blocks.get(key)) ?? [];
      for (const id of list) {
        const at = findInBlock(block, id);
        if (at >= 0) found.set(id, block[at]!);
      }
    }),
  );
  return found;
}

/** Every customer: the own records and the block customers. */
async function allCustomers(customers: Store<'customers'>, blocks: Store<'blocks'>): Promise<Customer[]> {
  const [records, all] = await Promise.all([customers.getAll(), blocks.getAll()]);
  return [...records.map(fromRecord), ...all.flat()];
}

function unavailable(error: unknown): StoreError {
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError('unavailable', `The browser database is not available: ${detail}`, { cause: error });
}
