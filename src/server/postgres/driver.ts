/// <reference types="node" />
/*
 * The one seam between PostgresStore and a database: PGlite (PostgreSQL in WASM, in process) or a
 * PostgreSQL server through node-postgres. Both are optional peer dependencies, each imported only
 * when asked for, so a host using one never loads the other. The same SQL runs on both: every
 * value travels as a `$n` parameter, as text, cast in the SQL (`$1::jsonb`).
 */

/** What the store runs SQL through: one connection, or the transaction it is inside. */
export interface Sql {
  /** One statement with `$n` parameters; the rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Driver extends Sql {
  /** Runs `work` in one transaction on one connection: committed when it resolves, else rolled back. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The part of node-postgres' `Pool` the store uses: pass your own to share it. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}
interface PgClientLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  release(error?: Error | boolean): void;
}

/** The part of PGlite the store uses: pass your own to share one database between stores. */
export interface PGliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<unknown>;
  transaction<T>(work: (tx: Omit<PGliteLike, 'transaction' | 'close'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DriverOptions {
  connectionString?: string | undefined;
  dataDir?: string | undefined;
  client?: PgPoolLike | PGliteLike | undefined;
  maxConnections?: number | undefined;
}

export async function openDriver({
  connectionString,
  dataDir,
  client,
  maxConnections,
}: DriverOptions): Promise<Driver> {
  if (client) return isPool(client) ? poolDriver(client, false) : pgliteDriver(client, false);
  if (connectionString) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString, max: maxConnections ?? 10 });
    // An idle connection that the server drops must not crash the host.
    pool.on('error', () => {});
    return poolDriver(pool, true);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  // Node does not count WebAssembly compiling as work in flight: a host that awaits this at the top
  // level of a module (a config file, a script) could find the event loop empty and exit midway
  // (exit code 13). A timer holds it open until PGlite is up.
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    return pgliteDriver(await PGlite.create(dataDir), true);
  } finally {
    clearInterval(keepAlive);
  }
}

function isPool(client: PgPoolLike | PGliteLike): client is PgPoolLike {
  return typeof (client as PgPoolLike).connect === 'function' && typeof (client as PGliteLike).exec !== 'function';
}

function poolDriver(pool: PgPoolLike, owned: boolean): Driver {
  const on = (client: Pick<PgClientLike, 'query'>): Sql => ({
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await client.query(text, [...params])).rows as Row[],
    // Without parameters node-postgres sends the simple protocol, which runs several statements.
    exec: async (text) => void (await client.query(text)),
  });
  return {
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      if (owned) await pool.end();
    },
  };
}

function pgliteDriver(db: PGliteLike, owned: boolean): Driver {
  const on = (client: Pick<PGliteLike, 'query' | 'exec'>): Sql => ({
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await client.query(text, [...params])).rows as Row[],
    exec: async (text) => void (await client.exec(text)),
  });
  return {
    ...on(db),
    // PGlite is one connection: a transaction holds it, and other calls wait their turn.
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: async () => {
      if (owned) await db.close();
    },
  };
}
