/// <reference types="node" />
/*
 * Databases for PostgresStore's tests: one PGlite per test file (starting one takes seconds), and,
 * when DATABASE_URL names a server, a database of the test run's own on it, dropped at the end, so
 * runs side by side never meet.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { PGliteLike } from '../../server/postgres/driver.js';

export const DATABASE_URL = process.env.DATABASE_URL || undefined;

export async function createPglite(): Promise<PGlite & PGliteLike> {
  return await PGlite.create();
}

/** Empties a database for the next test: the store migrates it again. */
export async function resetSchema(db: { exec(sql: string): Promise<unknown> }): Promise<void> {
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}

export interface TestDatabase {
  /** The connection string of the run's own database. */
  url: string;
  /** Empties it for the next test. */
  reset(): Promise<void>;
  /** Drops it. */
  drop(): Promise<void>;
}

/** A database of this run's own on DATABASE_URL's server. */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `cp_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // A database name is an identifier, never a parameter: this one is made of [a-z0-9_] only.
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    url: url.toString(),
    reset: () => resetSchema({ exec: (sql) => client.query(sql) }),
    async drop() {
      await client.end();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
