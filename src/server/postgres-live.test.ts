/// <reference types="node" />
/*
 * Two server instances on one database: two createPropertyServer over two PostgresStores, each on
 * its own HTTP port. A write through one reaches a RestStore listening on the other, through
 * PostgreSQL's LISTEN / NOTIFY. On PGlite (in process) both stores share one PGlite; with
 * DATABASE_URL (npm run test:postgres) they are two connection pools on a real server.
 */
import { expect } from 'chai';
import pg from 'pg';
import type { Customer, Principal, PropertyDefinition } from '../model/index.js';
import type { StoreEvent } from '../storage/property-store.js';
import { RestStore } from '../storage/rest-store.js';
import { createPglite, createTestDatabase, DATABASE_URL, type TestDatabase } from '../internal/test/postgres.js';
import { cuttableFetch, serve, until, type Running } from '../internal/test/live-server.js';
import { PostgresStore } from './postgres-store.js';

const SECRET = 'a test secret of at least thirty-two bytes, not for production';
const DEFINITIONS: PropertyDefinition[] = [
  {
    name: 'notes',
    label: 'Notes',
    type: 'text',
    showToAgent: true,
    showToCustomer: false,
    access: { '*': 'edit' },
    order: 1,
  },
  {
    name: 'internal_score',
    label: 'Internal score',
    type: 'text',
    showToAgent: true,
    showToCustomer: false,
    access: { admin: 'edit' },
    order: 2,
  },
];
const SEED = {
  definitions: DEFINITIONS,
  customers: [{ id: 'ana', number: '1', name: 'Ana', revision: 1, properties: {} }] as Customer[],
};
const PRINCIPALS: Record<string, Principal> = {
  agent: { kind: 'user', id: 'u-agent', roles: ['agent'] },
  admin: { kind: 'user', id: 'u-admin', roles: ['admin'] },
};
const authenticate = (request: Request): Principal | null =>
  PRINCIPALS[/^Bearer user:(\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? ''] ?? null;

const as = (running: Running, role: string, fetch?: typeof globalThis.fetch) =>
  new RestStore({
    baseUrl: running.url,
    headers: () => ({ Authorization: `Bearer user:${role}` }),
    live: { retryDelay: 50 },
    ...(fetch ? { fetch } : {}),
  });

describe(`two server instances on one ${DATABASE_URL ? 'PostgreSQL server' : 'PGlite'}`, () => {
  let database: TestDatabase | undefined;
  let pglite: Awaited<ReturnType<typeof createPglite>> | undefined;
  let stores: PostgresStore[] = [];
  let servers: Running[] = [];

  before(async () => {
    if (DATABASE_URL) database = await createTestDatabase(DATABASE_URL);
    else pglite = await createPglite();
  });
  after(async () => {
    await database?.drop();
    await pglite?.close();
  });
  afterEach(async () => {
    for (const server of servers) await server.stop();
    for (const store of stores) await store.close();
    servers = [];
    stores = [];
    await database?.reset();
    if (pglite) await pglite.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  });

  async function instance(): Promise<Running> {
    const store = await PostgresStore.open(
      database ? { connectionString: database.url, seed: SEED, maxConnections: 3 } : { client: pglite!, seed: SEED },
    );
    stores.push(store);
    const running = await serve({ store, authenticate, profileSecret: SECRET });
    servers.push(running);
    return running;
  }

  it('a write through one instance reaches a client of the other, filtered for that client', async () => {
    const [one, two] = [await instance(), await instance()];
    const link = cuttableFetch();
    const heard: StoreEvent[] = [];
    const stop = as(two, 'agent', link.fetch).subscribe!((event) => heard.push(event));
    await link.opened();
    const writer = as(one, 'admin');
    const { revision } = await writer.getCustomer('ana');
    await writer.updateCustomer('ana', { notes: 'from instance one', internal_score: 'SCORE-1' }, { revision });
    await until(() => heard.some((event) => event.type === 'customer-changed'), 'the other instance’s client hears it');
    const event = heard.find((e) => e.type === 'customer-changed');
    expect(event?.type === 'customer-changed' && event.customer.properties).to.deep.equal({
      notes: 'from instance one',
    });
    await writer.createDefinition({
      name: 'tier',
      label: 'Tier',
      type: 'text',
      showToAgent: true,
      showToCustomer: false,
      access: { '*': 'view' },
      order: 3,
    });
    await until(() => heard.some((e) => e.type === 'definitions-changed'), 'the definitions change');
    const defs = heard.find((e) => e.type === 'definitions-changed');
    expect(defs?.type === 'definitions-changed' && defs.definitions.map((d) => d.name)).to.include('tier');
    expect(JSON.stringify(heard)).not.to.contain('SCORE-1');
    stop();
  });

  it('each write is heard once, in order, by every listener of every store on the database', async () => {
    const [one, two] = [await instance(), await instance()];
    const heardBy = [[], []] as Customer[][];
    const stops = stores.map((store, i) =>
      store.subscribe((event) => event.type === 'customer-changed' && heardBy[i]!.push(event.customer)),
    );
    void one;
    void two;
    let { revision } = await stores[0]!.getCustomer('ana');
    for (let i = 1; i <= 10; i++) {
      const store = stores[i % 2]!;
      ({ revision } = await store.updateCustomer('ana', { notes: `n${i}` }, { revision }));
    }
    await until(() => heardBy.every((heard) => heard.at(-1)?.revision === revision), 'both stores hear the last');
    for (const heard of heardBy) {
      const revisions = heard.map((customer) => customer.revision);
      expect(revisions, 'in order, none twice').to.deep.equal([...revisions].sort((a, b) => a - b));
      expect(new Set(revisions).size).to.equal(revisions.length);
      expect(heard.at(-1)!.properties.notes).to.equal('n10');
    }
    for (const stop of stops) stop();
  });

  if (DATABASE_URL) {
    it('a listening connection that the server drops is made again, and listeners are told to read again', async () => {
      await instance();
      const [store] = stores;
      const heard: StoreEvent[] = [];
      const stop = store!.subscribe((event) => heard.push(event));
      let { revision } = await store!.getCustomer('ana');
      ({ revision } = await store!.updateCustomer('ana', { notes: 'before' }, { revision }));
      await until(() => heard.length === 1, 'the first write');
      const admin = new pg.Client({ connectionString: database!.url });
      await admin.connect();
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'`,
      );
      await admin.end();
      expect(rows[0]!.n).to.equal(1);
      await until(() => heard.some((event) => event.type === 'reset'), 'reset after listening again');
      await store!.updateCustomer('ana', { notes: 'after' }, { revision });
      await until(
        () => heard.some((e) => e.type === 'customer-changed' && e.customer.properties.notes === 'after'),
        'a write after the reconnect',
      );
      stop();
    });
  }
});
