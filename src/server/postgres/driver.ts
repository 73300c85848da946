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
  /**
   * `LISTEN channel` (an identifier of `[a-z_]` only): `onNotify` gets each payload, in commit order.
   * Resolves once listening, with the function that stops. On a server, the connection it holds is
   * made again when lost, and `onGap` is called once it listens again (what was sent meanwhile is
   * lost).
   */
  listen(channel: string, onNotify: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
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
  /** node-postgres' events: `notification` for LISTEN, `error` and `end` when the connection is lost. */
  on?(
    event: 'notification' | 'error' | 'end',
    listener: (message?: { channel?: string; payload?: string }) => void,
  ): unknown;
  removeAllListeners?(event: string): unknown;
}

/** The part of PGlite the store uses: pass your own to share one database between stores. */
export interface PGliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<unknown>;
  transaction<T>(work: (tx: Omit<PGliteLike, 'transaction' | 'close' | 'listen'>) => Promise<T>): Promise<T>;
  /** PGlite's `LISTEN`: the callback gets each payload; resolves with the function that stops. */
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
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
    listen: (channel, onNotify, onGap) => listenOnPool(pool, channel, onNotify, onGap),
    close: async () => {
      if (owned) await pool.end();
    },
  };
}

/** The longest pause, in ms, between two tries to listen again after the connection was lost. */
const MAX_RELISTEN_DELAY = 30_000;

/**
 * LISTEN on one connection of the pool, held while listening (so a pool of `max` connections has
 * `max - 1` for queries meanwhile); a lost connection is replaced, with backoff, and `onGap` said.
 */
async function listenOnPool(
  pool: PgPoolLike,
  channel: string,
  onNotify: (payload: string) => void,
  onGap: () => void,
): Promise<() => Promise<void>> {
  checkChannel(channel);
  let client: PgClientLike | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const connect = async (): Promise<void> => {
    const next = await pool.connect();
    let lost = false;
    const onLost = (): void => {
      if (lost) return;
      lost = true;
      next.removeAllListeners?.('notification');
      next.release(true);
      if (client === next) client = undefined;
      if (!stopped) again();
    };
    next.on?.('notification', (message) => {
      if (message?.channel === channel) onNotify(message.payload ?? '');
    });
    next.on?.('error', onLost);
    next.on?.('end', onLost);
    try {
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      onLost();
      throw error;
    }
    client = next;
  };

  const again = (): void => {
    const delay = Math.min(MAX_RELISTEN_DELAY, 250 * 2 ** failures++);
    retry = setTimeout(() => {
      connect().then(
        () => {
          failures = 0;
          if (!stopped) onGap();
        },
        // connect() has scheduled the next try through onLost, or the pool refused a connection:
        () => {
          if (!stopped && !client && retry === undefined) again();
        },
      );
      retry = undefined;
    }, delay);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry !== undefined) clearTimeout(retry);
    const held = client;
    client = undefined;
    if (!held) return;
    held.removeAllListeners?.('notification');
    held.removeAllListeners?.('error');
    held.removeAllListeners?.('end');
    await held.query(`UNLISTEN ${channel}`).catch(() => {});
    held.release();
  };
}

function checkChannel(channel: string): void {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`A channel is an identifier of [a-z_]: ${channel}`);
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
    // In process: nothing is lost in between, so there is no gap to report.
    listen: async (channel, onNotify) => {
      checkChannel(channel);
      return db.listen(channel, onNotify);
    },
    close: async () => {
      if (owned) await db.close();
    },
  };
}
