/*
 * The schema of PostgresStore, as versioned migrations. SQL that PostgreSQL 15 (Debian) and 18
 * (PGlite) both accept.
 *
 *   definitions  name (PK) · position (the definition's `order`) · definition (the whole
 *                PropertyDefinition as JSONB) · seq (insertion order, for equal positions).
 *                Names are unique case-insensitively (they are ASCII).
 *   customers    id (PK, "C" collation: pages are ordered by id byte for byte) · channel · number
 *                · name ('' when unset) · properties (JSONB: property name → stored value; GIN
 *                jsonb_path_ops index for `@>`) · folded (JSONB: every string value, plus name
 *                and number, lower-cased by JavaScript's toLowerCase, so case-insensitive search
 *                agrees with the model whatever the database's locale) · revision · changed
 *                (JSONB: field → { revision, at, by }).
 *   history      one row per changed field: customer_id, property, old_value and new_value (JSONB,
 *                NULL when unset), author, at, revision; newest first by id.
 *   store_meta   key → JSONB: `seeded` once the seed was written.
 *   audiences    (migration 2) saved audiences: id (PK) · name · query (JSONB) · created_by ·
 *                updated_at (the ISO text the store gave, kept as it was). Names are unique without
 *                regard to case by the store's own check (JavaScript's toLowerCase, whatever the
 *                database's locale), made under an advisory lock.
 *   schema_version  the migrations applied (created by `migrate` itself).
 *
 * A new migration is a new entry at the end; an applied one never changes.
 */
import type { Driver } from './driver.js';

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE definitions (
        name       text PRIMARY KEY,
        position   integer,
        definition jsonb NOT NULL,
        seq        bigserial NOT NULL
      );
      CREATE UNIQUE INDEX definitions_name_ci ON definitions (lower(name));

      CREATE TABLE customers (
        id         text COLLATE "C" PRIMARY KEY,
        channel    text,
        number     text NOT NULL DEFAULT '',
        name       text NOT NULL DEFAULT '',
        properties jsonb NOT NULL DEFAULT '{}',
        folded     jsonb NOT NULL DEFAULT '{}',
        revision   integer NOT NULL DEFAULT 1,
        changed    jsonb
      );
      CREATE INDEX customers_properties ON customers USING gin (properties jsonb_path_ops);
      CREATE INDEX customers_channel_number ON customers (channel, number);

      CREATE TABLE history (
        id          bigserial PRIMARY KEY,
        customer_id text COLLATE "C" NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        property    text NOT NULL,
        old_value   jsonb,
        new_value   jsonb,
        author      text,
        at          timestamptz NOT NULL,
        revision    integer NOT NULL
      );
      CREATE INDEX history_customer ON history (customer_id, id);
      CREATE INDEX history_customer_property ON history (customer_id, property, id);

      CREATE TABLE store_meta (
        key   text PRIMARY KEY,
        value jsonb NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE audiences (
        id         text COLLATE "C" PRIMARY KEY,
        name       text NOT NULL,
        query      jsonb NOT NULL,
        created_by text,
        updated_at text NOT NULL
      );
    `,
  },
];

/** Any number, the same in every process: migrations and seeding take it so two never overlap. */
export const SCHEMA_LOCK = 7_261_127;

/** Applies the migrations this database has not had yet, in one transaction; idempotent. */
export async function migrate(db: Driver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [String(SCHEMA_LOCK)]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_version (
        version    integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const [row] = await tx.query<{ version: number }>(
      'SELECT coalesce(max(version), 0)::int AS version FROM schema_version',
    );
    let version = row?.version ?? 0;
    for (const migration of migrations) {
      if (migration.version <= version) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_version (version) VALUES ($1::int)', [migration.version]);
      version = migration.version;
    }
    return version;
  });
}
