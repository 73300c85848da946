/// <reference types="node" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { PGlite } from '@electric-sql/pglite';
import { rejection, runStoreConformance, type MakeStore } from '../testing/store-conformance.js';
import { seed } from '../testing/seed.js';
import {
  createPglite,
  createTestDatabase,
  DATABASE_URL,
  resetSchema,
  type TestDatabase,
} from '../internal/test/postgres.js';
import type { PGliteLike } from './postgres/driver.js';
import type { StoreEvent } from '../storage/property-store.js';
import { PostgresStore } from './postgres-store.js';

let pglite: PGlite & PGliteLike;
before(async function () {
  this.timeout(60_000);
  pglite = await createPglite();
});
after(async () => {
  await pglite?.close();
});

/** A store over this file's PGlite, emptied and seeded afresh. */
async function freshStore(setup: Parameters<MakeStore>[0] = { ...seed(), author: 'Ana (agent)' }) {
  await resetSchema(pglite);
  return PostgresStore.open({ client: pglite, seed: setup, author: setup.author });
}

runStoreConformance('PostgresStore on PGlite', async (setup) => {
  const store = await freshStore(setup);
  return { store, other: (author) => PostgresStore.open({ client: pglite, author }) };
});

if (DATABASE_URL) {
  let database: TestDatabase;
  describe('on a PostgreSQL server (DATABASE_URL)', function () {
    this.timeout(60_000);
    before(async () => {
      database = await createTestDatabase(DATABASE_URL!);
    });
    after(async () => {
      await database?.drop();
    });
    runStoreConformance('PostgresStore on a server', async (setup) => {
      await database.reset();
      const stores = [await PostgresStore.open({ connectionString: database.url, seed: setup, author: setup.author })];
      return {
        store: stores[0]!,
        other: async (author) => {
          stores.push(await PostgresStore.open({ connectionString: database.url, author }));
          return stores.at(-1)!;
        },
        cleanup: async () => {
          await Promise.all(stores.map((store) => store.close()));
        },
      };
    });
  });
}

describe('PostgresStore history', () => {
  it('records every change with from, to, who, when and revision, newest first, a page at a time', async () => {
    const store = await freshStore();
    const before = Date.now();
    await store.updateCustomer('ana', { age: '35', notes: null }, { revision: 1, author: 'ben' });
    await store.updateCustomer('ana', { name: 'Ana María', home: { lat: 1.5, lng: -2.25 } }, { revision: 2 });
    await store.updateCustomer('ana', { age: '36' }, { revision: 3, author: 'customer:ana' });

    const { entries, cursor } = await store.getHistory('ana');
    expect(cursor).to.equal(undefined);
    expect(entries.map(({ at: _at, ...entry }) => entry)).to.deep.equal([
      { property: 'age', from: '35', to: '36', by: 'customer:ana', revision: 4 },
      { property: 'home', from: SEED_HOME, to: { lat: 1.5, lng: -2.25 }, by: 'Ana (agent)', revision: 3 },
      { property: 'name', from: 'Ana', to: 'Ana María', by: 'Ana (agent)', revision: 3 },
      { property: 'notes', from: 'Prefers mornings', by: 'ben', revision: 2 },
      { property: 'age', from: '34', to: '35', by: 'ben', revision: 2 },
    ]);
    const ana = await store.getCustomer('ana');
    expect(entries[0]!.at).to.equal(ana.changed!.age!.at);
    expect(Date.parse(entries.at(-1)!.at)).to.be.within(before - 1_000, Date.now() + 1_000);

    const ages = await store.getHistory('ana', { property: 'age', limit: 1 });
    expect(ages.entries.map((entry) => entry.to)).to.deep.equal(['36']);
    const older = await store.getHistory('ana', { property: 'age', limit: 1, cursor: ages.cursor! });
    expect(older.entries.map((entry) => entry.to)).to.deep.equal(['35']);
    expect(older.cursor).to.equal(undefined);

    let seen = 0;
    for (
      let page = await store.getHistory('ana', { limit: 2 });
      ;
      page = await store.getHistory('ana', { limit: 2, cursor: page.cursor })
    ) {
      seen += page.entries.length;
      if (!page.cursor) break;
    }
    expect(seen).to.equal(5);
    expect((await store.getHistory('ben')).entries).to.deep.equal([]);
  });

  it('writes nothing for a refused write; refuses unknown customers, bad limits and cursors', async () => {
    const store = await freshStore();
    await store.updateCustomer('ana', { age: '35' }, { revision: 1 });
    await rejection(store.updateCustomer('ana', { age: '40' }, { revision: 1 }), 'conflict');
    await rejection(store.updateCustomer('ana', { age: 'forty' }, { revision: 2 }), 'invalid');
    expect((await store.getHistory('ana')).entries).to.have.length(1);
    await rejection(store.getHistory('nobody'), 'not-found');
    expect((await rejection(store.getHistory('ana', { limit: 0 }), 'invalid')).code).to.equal('request.limit');
    expect((await rejection(store.getHistory('ana', { cursor: 'x' }), 'invalid')).code).to.equal('request.cursor');
  });
});

const SEED_HOME = seed().customers[0]!.properties.home;

describe('PostgresStore.upsertCustomer', () => {
  it('creates a customer when a conversation begins, and updates the name on the next one', async () => {
    const store = await freshStore();
    const events: StoreEvent[] = [];
    store.subscribe((event) => events.push(event));
    const created = await store.upsertCustomer({ channel: 'whatsapp', number: '+4917000000001', name: 'Dana' });
    expect(created).to.include({ channel: 'whatsapp', number: '+4917000000001', name: 'Dana', revision: 1 });
    expect(created.id).to.match(/^[0-9a-f-]{36}$/);
    expect(created.properties).to.deep.equal({});
    expect(await store.getCustomer(created.id)).to.deep.equal(created);

    const same = await store.upsertCustomer({ channel: 'whatsapp', number: '+4917000000001', name: 'Dana' });
    expect(same).to.deep.equal(created);
    const renamed = await store.upsertCustomer({ channel: 'whatsapp', number: '+4917000000001', name: 'Dana K.' });
    expect(renamed).to.include({ id: created.id, name: 'Dana K.', revision: 2 });
    expect(renamed.changed?.name).to.include({ revision: 2, by: 'Ana (agent)' });
    expect((await store.getHistory(created.id)).entries.map(({ at: _at, ...entry }) => entry)).to.deep.equal([
      { property: 'name', from: 'Dana', to: 'Dana K.', by: 'Ana (agent)', revision: 2 },
    ]);
    expect(events.map((event) => event.type === 'customer-changed' && event.customer.name)).to.deep.equal([
      'Dana',
      'Dana K.',
    ]);
  });

  it('matches by id when given, keeps the properties, and makes one customer of concurrent calls', async () => {
    const store = await freshStore();
    const ben = await store.upsertCustomer({ id: 'ben', channel: 'telegram', number: '123456789', name: 'Benjamin' });
    expect(ben).to.include({ id: 'ben', name: 'Benjamin', revision: 2 });
    expect(ben.properties).to.deep.equal({ age: '19', favorite_color: 'blue' });
    const fresh = await store.upsertCustomer({ id: 'eve', number: 'eve@example.com', name: '' });
    expect(fresh).to.include({ id: 'eve', name: '', revision: 1 });
    expect(fresh).not.to.have.property('channel');

    const calls = Array.from({ length: 6 }, () =>
      store.upsertCustomer({ channel: 'telegram', number: '5550001', name: 'Finn' }),
    );
    const ids = new Set((await Promise.all(calls)).map((customer) => customer.id));
    expect(ids.size).to.equal(1);
    const finns = await store.findCustomers({
      match: 'all',
      conditions: [{ property: 'number', operator: 'equals', value: '5550001' }],
    });
    expect(finns.total).to.equal(1);
  });

  it('refuses a number that does not fit the channel, and a name the model refuses', async () => {
    const store = await freshStore();
    const error = await rejection(
      store.upsertCustomer({ channel: 'whatsapp', number: '0170 123', name: 'Gus' }),
      'invalid',
    );
    expect(error.errors.number?.code).to.equal('channel.phone');
    const long = await rejection(
      store.upsertCustomer({ channel: 'telegram', number: '42', name: 'x'.repeat(10_001) }),
      'invalid',
    );
    expect(long.errors.name?.code).to.equal('text.length');
    expect((await store.findCustomers({ match: 'all', conditions: [] })).total).to.equal(3);
  });
});

describe('PostgresStore.open', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cp-pglite-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the seed once, into an empty database, and not again when reopened', async () => {
    const first = await PostgresStore.open({ dataDir: dir, seed: seed(), author: 'Ana' });
    await first.updateCustomer('ana', { age: '40' }, { revision: 1 });
    await first.deleteDefinition('callback');
    await first.migrate();
    await first.close();

    const again = await PostgresStore.open({ dataDir: dir, seed: seed() });
    expect((await again.getCustomer('ana')).properties.age).to.equal('40');
    expect((await again.listDefinitions()).map((def) => def.name)).not.to.include('callback');
    expect((await again.findCustomers({ match: 'all', conditions: [] })).total).to.equal(3);
    await again.close();
  });

  it('does not seed a database that already holds data', async () => {
    const first = await PostgresStore.open({ dataDir: dir });
    await first.upsertCustomer({ id: 'zoe', number: '1', name: 'Zoe' });
    await first.close();
    const second = await PostgresStore.open({ dataDir: dir, seed: seed() });
    expect((await second.findCustomers({ match: 'all', conditions: [] })).customers.map((c) => c.id)).to.deep.equal([
      'zoe',
    ]);
    expect(await second.listDefinitions()).to.have.length(2);
    await second.close();
  });

  it('migrates once: running the migrations again changes nothing', async () => {
    const store = await freshStore();
    await store.migrate();
    await store.migrate();
    expect((await pglite.query('SELECT version FROM schema_version ORDER BY version')).rows).to.deep.equal([
      { version: 1 },
      { version: 2 },
    ]);
  });

  it('upgrades a database of schema 1 (before saved audiences): its customers stay, audiences can be saved', async () => {
    await resetSchema(pglite);
    const v1 = await PostgresStore.open({ client: pglite, seed: seed() });
    await pglite.exec('DROP TABLE audiences; DELETE FROM schema_version WHERE version = 2;');
    await v1.migrate();
    expect((await v1.getCustomer('ana')).name).to.equal('Ana');
    const saved = await v1.saveAudience({ name: 'Everyone', query: { match: 'all', conditions: [] } });
    expect(await v1.listAudiences()).to.deep.equal([saved]);
  });

  it('refuses a seed the model refuses, and reports a server it cannot reach as unavailable', async () => {
    await resetSchema(pglite);
    const bad = seed();
    bad.customers[0]!.properties.age = 'old';
    await rejection(PostgresStore.open({ client: pglite, seed: bad }), 'invalid');
    await rejection(PostgresStore.open({ connectionString: 'postgres://nobody@127.0.0.1:1/none' }), 'unavailable');
  });
});
