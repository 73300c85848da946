/// <reference types="node" />
/*
 * PostgresStore: the PropertyStore behind the server, in PostgreSQL (a server through
 * node-postgres, or PGlite in process). The same rules as every store (src/storage/store-rules.ts)
 * applied inside transactions: a customer write locks its row (`SELECT … FOR UPDATE`), merges
 * field by field, checks the revision, and writes the row and its history together. Audiences run
 * as SQL (postgres/audience-sql.ts). The schema is in postgres/migrations.ts.
 */
import {
  BUILT_IN_DEFINITIONS,
  loadPatternEngine,
  sortAudiences,
  validateCustomerNumber,
  validateValue,
  type AudienceQuery,
  type Customer,
  type DefinitionInit,
  type PropertyDefinition,
  type PropertyValue,
  type SavedAudience,
  type SavedAudienceInit,
  type ValueError,
} from '../model/index.js';
import { Listeners } from '../storage/listeners.js';
import type {
  FindCustomersResult,
  HistoryOptions,
  HistoryPage,
  PropertyStore,
  StoreEvent,
} from '../storage/property-store.js';
import { StoreError } from '../storage/store-error.js';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  applyCustomerChanges,
  writtenFields,
  checkSeedCustomer,
  withBuiltIns,
  audienceNotFound,
  checkSavedAudience,
  checkSeedAudiences,
} from '../storage/store-rules.js';
import { audienceSql, SqlParams } from './postgres/audience-sql.js';
import {
  CUSTOMER_COLUMNS,
  insertHistory,
  toCustomer,
  toHistoryEntry,
  updateCustomerRow,
  insertCustomers,
  type CustomerRow,
  type HistoryRow,
} from './postgres/customer-rows.js';
import { DefinitionsTable } from './postgres/definitions-table.js';
import { openDriver, type Driver, type PGliteLike, type PgPoolLike, type Sql } from './postgres/driver.js';
import { migrate, SCHEMA_LOCK } from './postgres/migrations.js';

export type { HistoryEntry } from '../storage/property-store.js';
export type { PGliteLike, PgPoolLike } from './postgres/driver.js';

export interface PostgresStoreOptions {
  /** A PostgreSQL server, through node-postgres (a `Pool`). Without it, PGlite. */
  connectionString?: string;
  /** PGlite keeps its database in this folder; with neither option, PGlite in memory. */
  dataDir?: string;
  /** An open node-postgres `Pool` or PGlite to use instead; the store never closes it. */
  client?: PgPoolLike | PGliteLike;
  /** Connections in the pool made from `connectionString`; default 10. */
  maxConnections?: number;
  /** Written once, into an empty database (not again on the next `open`). */
  seed?: { definitions?: DefinitionInit[]; customers?: Customer[]; audiences?: SavedAudience[] };
  /** Who makes the changes when `updateCustomer` names nobody: recorded in `changed[field].by`. */
  author?: string;
  /** The zone whose calendar says which day it is for `within-last-days`; default: the runtime's. */
  timeZone?: string;
}

export interface UpsertCustomer {
  id?: string;
  channel?: string;
  number: string;
  name: string;
}

const NAME_DEFINITION = BUILT_IN_DEFINITIONS.find((def) => def.name === 'name')!;

function notFound(id: string): StoreError {
  return new StoreError('not-found', `There is no customer with the id “${id}”.`, {
    code: 'customer.unknown',
    params: { id },
  });
}

/** Checks a page size as `findInCustomers` does. */
function checkLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new StoreError('invalid', `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`, {
      code: 'request.limit',
      params: { max: MAX_PAGE_SIZE },
    });
  }
}

/** A failure of the database itself (not a rule) is `unavailable`, with the driver's error as cause. */
function unavailable(error: unknown): unknown {
  if (error instanceof StoreError || (error instanceof Error && error.name === 'AbortError')) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('unavailable', `PostgreSQL: ${message}`, { cause: error });
}

/** The store over PostgreSQL; `PostgresStore.open` connects, migrates and seeds. */
export class PostgresStore implements PropertyStore {
  author: string | undefined;
  readonly #db: Driver;
  readonly #definitions: DefinitionsTable;
  readonly #listeners = new Listeners<StoreEvent>();
  readonly #timeZone: string | undefined;

  private constructor(db: Driver, { author, timeZone }: PostgresStoreOptions) {
    this.#db = db;
    this.#definitions = new DefinitionsTable(db);
    this.author = author;
    this.#timeZone = timeZone;
  }

  /** Connects (or starts PGlite), applies the migrations, writes the seed into an empty database. */
  static async open(options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    let db: Driver;
    try {
      // RE2 for definitions' patterns: a server pays nothing for loading it up front.
      await loadPatternEngine();
      db = await openDriver(options);
    } catch (error) {
      throw unavailable(error);
    }
    const store = new PostgresStore(db, options);
    try {
      await store.migrate();
      if (options.seed) await store.#seedOnce(options.seed);
    } catch (error) {
      await db.close().catch(() => {});
      throw unavailable(error);
    }
    return store;
  }

  /** Applies the migrations this database has not had; idempotent, and run by `open`. */
  async migrate(): Promise<void> {
    await this.#run(() => migrate(this.#db));
  }

  async close(): Promise<void> {
    const stop = this.#stopListening;
    this.#listening = undefined;
    this.#stopListening = undefined;
    await stop?.().catch(() => {});
    await this.#heard;
    await this.#db.close();
  }

  async #run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw unavailable(error);
    }
  }

  async #seedOnce(seed: NonNullable<PostgresStoreOptions['seed']>): Promise<void> {
    await this.#db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [String(SCHEMA_LOCK)]);
      const [state] = await tx.query<{ seeded: boolean; empty: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM store_meta WHERE key = 'seeded') AS seeded,
                NOT EXISTS (SELECT 1 FROM definitions) AND NOT EXISTS (SELECT 1 FROM customers) AS empty`,
      );
      if (state?.seeded) return;
      if (state?.empty) {
        const definitions = await this.#definitions.insertSeed(tx, seed.definitions ?? []);
        const all = withBuiltIns(definitions);
        await insertCustomers(
          tx,
          (seed.customers ?? []).map((customer) => checkSeedCustomer(customer, all)),
        );
        for (const audience of checkSeedAudiences(seed.audiences ?? [], all)) await insertAudience(tx, audience);
      }
      await tx.query(`INSERT INTO store_meta (key, value) VALUES ('seeded', $1::jsonb)`, [
        JSON.stringify(new Date().toISOString()),
      ]);
    });
  }

  // Definitions ------------------------------------------------------------------------------

  async listDefinitions({ signal }: { signal?: AbortSignal } = {}): Promise<PropertyDefinition[]> {
    signal?.throwIfAborted();
    const definitions = await this.#run(() => this.#definitions.list(this.#db));
    signal?.throwIfAborted();
    return withBuiltIns(definitions);
  }

  async createDefinition(def: DefinitionInit): Promise<PropertyDefinition> {
    await this.#listening;
    const created = await this.#run(() => this.#definitions.create(def));
    await this.#definitionsChanged();
    return created;
  }

  async updateDefinition(def: PropertyDefinition): Promise<PropertyDefinition> {
    await this.#listening;
    const updated = await this.#run(() => this.#definitions.update(def));
    await this.#definitionsChanged();
    return updated;
  }

  async deleteDefinition(name: string): Promise<void> {
    await this.#listening;
    await this.#run(() => this.#definitions.delete(name));
    await this.#definitionsChanged();
  }

  async reorderDefinitions(names: string[]): Promise<PropertyDefinition[]> {
    await this.#listening;
    const reordered = await this.#run(() => this.#definitions.reorder(names));
    await this.#definitionsChanged();
    return withBuiltIns(reordered);
  }

  async countValues(name: string): Promise<number> {
    return this.#run(() => this.#definitions.countValues(this.#db, name));
  }

  /**
   * Announced after the definitions' own transaction: a process that stops in between leaves the
   * change unannounced (the listeners read it at their next load); a customer write is announced
   * inside its transaction.
   */
  async #definitionsChanged(): Promise<void> {
    await this.#run(() => notify(this.#db, { definitions: true }));
  }

  // Customers --------------------------------------------------------------------------------

  async getCustomer(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Customer> {
    signal?.throwIfAborted();
    const [row] = await this.#run(() =>
      this.#db.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1::text`, [id]),
    );
    signal?.throwIfAborted();
    if (!row) throw notFound(id);
    return toCustomer(row);
  }

  async updateCustomer(
    id: string,
    changes: Record<string, PropertyValue | null>,
    { revision, author }: { revision: number; author?: string | undefined },
  ): Promise<Customer> {
    await this.#listening;
    const next = await this.#run(() =>
      this.#db.transaction(async (tx) => {
        const current = await this.#lockCustomer(tx, id);
        if (!current) throw notFound(id);
        const definitions = withBuiltIns(await this.#definitions.list(tx));
        const next = applyCustomerChanges(current, changes, revision, definitions, {
          author: author ?? this.author,
          now: new Date(),
        });
        if (next.revision === current.revision) return next;
        await updateCustomerRow(tx, next);
        await insertHistory(tx, current, next, writtenFields(current, next, changes));
        await notify(tx, { customer: id, revision: next.revision });
        return next;
      }),
    );
    return next;
  }

  /** The customer's row, locked until the transaction ends: writers of one customer queue here. */
  async #lockCustomer(tx: Sql, id: string): Promise<Customer | undefined> {
    const [row] = await tx.query<CustomerRow>(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1::text FOR UPDATE`,
      [id],
    );
    return row && toCustomer(row);
  }

  /**
   * A conversation began: creates the customer, or updates its default properties. Matches by
   * `id` when given, else by `channel` and `number`. A change of name or number is recorded as an
   * edit (revision, `changed`, history) by the store's author.
   */
  async upsertCustomer({ id, channel, number, name }: UpsertCustomer): Promise<Customer> {
    if (id !== undefined && (typeof id !== 'string' || id === '')) {
      throw new StoreError('invalid', 'A customer id is a non-empty string.', { code: 'customer.id' });
    }
    const errors: Record<string, ValueError> = {};
    const numberError = validateCustomerNumber(number, channel);
    if (numberError) errors.number = numberError;
    // An empty name is no name (''), as in a customer without one.
    const nameError = typeof name === 'string' && name.trim() === '' ? null : validateValue(NAME_DEFINITION, name);
    if (nameError) errors.name = nameError;
    if (Object.keys(errors).length > 0) throw new StoreError('invalid', undefined, { errors });
    const cleanName = name.trim() ? name : '';

    await this.#listening;
    const { customer } = await this.#run(() =>
      this.#db.transaction(async (tx) => {
        // Two conversations starting at once must not make two customers.
        const lock = id !== undefined ? `id:${id}` : `channel:${channel ?? ''}:${number}`;
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1::text))', [lock]);
        const [row] =
          id !== undefined
            ? await tx.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1::text FOR UPDATE`, [
                id,
              ])
            : await tx.query<CustomerRow>(
                `SELECT ${CUSTOMER_COLUMNS} FROM customers
                 WHERE channel IS NOT DISTINCT FROM $1::text AND number = $2::text ORDER BY id LIMIT 1 FOR UPDATE`,
                [channel ?? null, number],
              );
        if (!row) {
          const created: Customer = {
            id: id ?? globalThis.crypto.randomUUID(),
            ...(channel === undefined ? {} : { channel }),
            number,
            name: cleanName,
            properties: {},
            revision: 1,
          };
          await insertCustomers(tx, [created]);
          await notify(tx, { customer: created.id, revision: created.revision });
          return { customer: created, changed: true };
        }
        const current = toCustomer(row);
        const fields = (['number', 'name'] as const).filter(
          (field) => current[field] !== (field === 'name' ? cleanName : number),
        );
        const channelChanged = channel !== undefined && channel !== current.channel;
        if (fields.length === 0 && !channelChanged) return { customer: current, changed: false };
        const next: Customer = { ...structuredClone(current), number, name: cleanName, revision: current.revision + 1 };
        if (channel !== undefined) next.channel = channel;
        const at = new Date().toISOString();
        for (const field of fields) {
          next.changed = {
            ...next.changed,
            [field]: { revision: next.revision, at, ...(this.author ? { by: this.author } : {}) },
          };
        }
        await updateCustomerRow(tx, next);
        await insertHistory(tx, current, next, fields);
        await notify(tx, { customer: next.id, revision: next.revision });
        return { customer: next, changed: true };
      }),
    );
    return customer;
  }

  /**
   * Who changed what and when, newest first: one entry per changed field. `property` keeps one
   * property's entries; `cursor` (from the previous page) continues after it.
   */
  async getHistory(
    customerId: string,
    { property, limit = DEFAULT_PAGE_SIZE, cursor, signal }: HistoryOptions = {},
  ): Promise<HistoryPage> {
    signal?.throwIfAborted();
    checkLimit(limit);
    if (cursor !== undefined && !/^\d{1,18}$/.test(cursor)) {
      throw new StoreError('invalid', 'This cursor did not come from getHistory.', { code: 'request.cursor' });
    }
    const rows = await this.#run(async () => {
      const [exists] = await this.#db.query('SELECT 1 FROM customers WHERE id = $1::text', [customerId]);
      if (!exists) throw notFound(customerId);
      return this.#db.query<HistoryRow>(
        // `history.id`: a bare `id` in ORDER BY would be the text column of the SELECT list.
        `SELECT id::text AS id, property, old_value, new_value, author, at, revision
         FROM history
         WHERE customer_id = $1::text
           AND ($2::text IS NULL OR property = $2::text)
           AND ($3::bigint IS NULL OR id < $3::bigint)
         ORDER BY history.id DESC
         LIMIT $4::int`,
        [customerId, property ?? null, cursor ?? null, limit + 1],
      );
    });
    signal?.throwIfAborted();
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    return { entries: page.map(toHistoryEntry), ...(more ? { cursor: page.at(-1)!.id } : {}) };
  }

  // Audiences --------------------------------------------------------------------------------

  /**
   * The customers in the audience, a page at a time ordered by id, with the total: the query runs
   * as one SQL condition. `now` anchors `within-last-days` (default: the current time).
   */
  async findCustomers(
    query: AudienceQuery,
    { limit = DEFAULT_PAGE_SIZE, cursor, now }: { limit?: number; cursor?: string; now?: Date } = {},
  ): Promise<FindCustomersResult> {
    const definitions = await this.#run(() => this.#definitions.list(this.#db));
    const params = new SqlParams();
    const where = audienceSql(query, withBuiltIns(definitions), params, { now, timeZone: this.#timeZone });
    checkLimit(limit);
    const { rows, total } = await this.#run(() =>
      // One snapshot for the page and the count, so they agree.
      this.#db.transaction(async (tx) => {
        await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const values: unknown[] = [...params.values, limit + 1];
        const after = cursor === undefined ? '' : `AND c.id > $${values.push(cursor)}::text`;
        const rows = await tx.query<CustomerRow>(
          `SELECT ${CUSTOMER_COLUMNS} FROM customers c
           WHERE ${where} ${after}
           ORDER BY c.id
           LIMIT $${params.values.length + 1}::int`,
          values,
        );
        const [count] = await tx.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM customers c WHERE ${where}`,
          params.values,
        );
        return { rows, total: count?.total ?? 0 };
      }),
    );
    const customers = rows.slice(0, limit).map(toCustomer);
    const last = customers.at(-1);
    return { customers, total, ...(rows.length > limit && last ? { cursor: last.id } : {}) };
  }

  // Saved audiences ---------------------------------------------------------------------------

  async listAudiences({ signal }: { signal?: AbortSignal } = {}): Promise<SavedAudience[]> {
    signal?.throwIfAborted();
    const rows = await this.#run(() => this.#db.query<AudienceRow>(`SELECT ${AUDIENCE_COLUMNS} FROM audiences`));
    signal?.throwIfAborted();
    return sortAudiences(rows.map(toAudience));
  }

  /** Checked and written under one lock, so two saves cannot both take a name. */
  async saveAudience(
    audience: SavedAudienceInit,
    { author }: { author?: string | undefined } = {},
  ): Promise<SavedAudience> {
    return this.#run(() =>
      this.#db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1::text))', ['audiences']);
        const existing = (await tx.query<AudienceRow>(`SELECT ${AUDIENCE_COLUMNS} FROM audiences`)).map(toAudience);
        const definitions = withBuiltIns(await this.#definitions.list(tx));
        const saved = checkSavedAudience(audience, existing, definitions, { author: author ?? this.author });
        await tx.query('DELETE FROM audiences WHERE id = $1::text', [saved.id]);
        await insertAudience(tx, saved);
        return saved;
      }),
    );
  }

  async deleteAudience(id: string): Promise<void> {
    const deleted = await this.#run(() =>
      this.#db.query('DELETE FROM audiences WHERE id = $1::text RETURNING id', [id]),
    );
    if (deleted.length === 0) throw audienceNotFound(id);
  }

  /**
   * Changes written to this database by any process, this one included: every write is announced
   * with `NOTIFY` (the customer's id and revision, or that the definitions changed), and the store
   * `LISTEN`s while it has listeners, then reads what changed and tells them, in commit order. On a
   * server this holds one connection of the pool; when it is lost and made again, listeners get
   * `{ type: 'reset' }` (what was written meanwhile was not heard). PGlite runs the same code in
   * process. A write of this store made after `subscribe` returned is always heard.
   */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    const remove = this.#listeners.add(listener);
    this.#listen();
    return () => {
      remove();
      if (this.#listeners.size === 0) this.#unlisten();
    };
  }

  /** Settles once LISTEN is on (or failed); writes wait for it, so a listener hears them. */
  #listening: Promise<void> | undefined;
  #stopListening: (() => Promise<void>) | undefined;
  /** Notifications are handled one after another, in the order they came. */
  #heard: Promise<void> = Promise.resolve();
  /** The newest revision announced per customer (at most ANNOUNCED_KEPT of them): older notifications are not read again. */
  readonly #announced = new Map<string, number>();

  #listen(): void {
    if (this.#listening) return;
    const started = this.#db.listen(
      CHANNEL,
      (payload) => this.#hear(payload),
      () => this.#listeners.emit({ type: 'reset' }),
    );
    const listening: Promise<void> = started.then(
      (stop) => {
        // The last listener left before LISTEN was on.
        if (this.#listening !== listening) return void stop().catch(() => {});
        this.#stopListening = stop;
      },
      (error: unknown) => {
        // Not listening: report it, and try again at the next subscribe.
        if (this.#listening === listening) this.#listening = undefined;
        queueMicrotask(() => {
          throw unavailable(error);
        });
      },
    );
    this.#listening = listening;
  }

  #unlisten(): void {
    const stop = this.#stopListening;
    this.#listening = undefined;
    this.#stopListening = undefined;
    void stop?.().catch(() => {});
  }

  #hear(payload: string): void {
    this.#heard = this.#heard
      .then(() => this.#announce(payload))
      .catch((error: unknown) => {
        // A notification that cannot be read (the database went away) loses what it said: say so.
        if (this.#listeners.size > 0) this.#listeners.emit({ type: 'reset' });
        if (!(error instanceof StoreError)) console.error(error);
      });
  }

  async #announce(payload: string): Promise<void> {
    if (this.#listeners.size === 0) return;
    let note: { customer?: unknown; revision?: unknown; definitions?: unknown };
    try {
      note = JSON.parse(payload) as typeof note;
    } catch {
      return;
    }
    if (note.definitions === true) {
      const definitions = await this.listDefinitions();
      this.#listeners.emit({ type: 'definitions-changed', definitions });
      return;
    }
    if (typeof note.customer !== 'string' || typeof note.revision !== 'number') return;
    const known = this.#announced.get(note.customer);
    if (known !== undefined && known >= note.revision) return;
    let customer: Customer;
    try {
      customer = await this.getCustomer(note.customer);
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'not-found') return;
      throw error;
    }
    // Read later than notified: a newer write was committed, and its own notification follows.
    this.#remember(customer.id, customer.revision);
    // Every write after the one heard before (or before this notification's) is in what was read.
    this.#listeners.emit({ type: 'customer-changed', customer, since: known ?? note.revision - 1 });
  }

  #remember(id: string, revision: number): void {
    if ((this.#announced.get(id) ?? -1) >= revision) return;
    this.#announced.delete(id);
    this.#announced.set(id, revision);
    if (this.#announced.size > ANNOUNCED_KEPT) this.#announced.delete(this.#announced.keys().next().value!);
  }
}

/** The channel of every write's announcement. */
const CHANNEL = 'customer_properties_changes';
/** Customers whose last announced revision is kept, the least recently announced dropped first. */
const ANNOUNCED_KEPT = 10_000;

/** `NOTIFY`: sent when (and only if) the transaction commits; a few bytes, the listeners read the rest. */
async function notify(sql: Sql, note: { customer: string; revision: number } | { definitions: true }): Promise<void> {
  await sql.query('SELECT pg_notify($1::text, $2::text)', [CHANNEL, JSON.stringify(note)]);
}

interface AudienceRow {
  id: string;
  name: string;
  query: unknown;
  created_by: string | null;
  updated_at: string;
}

const AUDIENCE_COLUMNS = 'id, name, query, created_by, updated_at';

function toAudience(row: AudienceRow): SavedAudience {
  // A driver may hand JSONB back as text.
  const query = (typeof row.query === 'string' ? JSON.parse(row.query) : row.query) as SavedAudience['query'];
  return {
    id: row.id,
    name: row.name,
    query,
    ...(row.created_by === null ? {} : { createdBy: row.created_by }),
    updatedAt: row.updated_at,
  };
}

async function insertAudience(tx: Sql, audience: SavedAudience): Promise<void> {
  await tx.query(
    'INSERT INTO audiences (id, name, query, created_by, updated_at) VALUES ($1::text, $2::text, $3::jsonb, $4::text, $5::text)',
    [audience.id, audience.name, JSON.stringify(audience.query), audience.createdBy ?? null, audience.updatedAt],
  );
}
