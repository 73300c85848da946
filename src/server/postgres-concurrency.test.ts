/// <reference types="node" />
import { expect } from 'chai';
import type { Customer, PropertyDefinition } from '../model/index.js';
import { isStoreError } from '../storage/store-error.js';
import { createPglite, createTestDatabase, DATABASE_URL, resetSchema } from '../internal/test/postgres.js';
import { PostgresStore, type HistoryEntry } from './postgres-store.js';

/*
 * 20 writers on ONE customer, 2,000 writes in all. Each writer changes its own field, and every
 * third write or so also the shared field `s` with the revision it read. Nothing may be lost and
 * the merge rule must hold: every acknowledged write is in the history in order, a write of `s`
 * based on a revision older than another acknowledged write of `s` is a conflict, and the final
 * values are the last acknowledged write of each field.
 */
const WRITERS = 20;
const WRITES_EACH = 100;

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const } };
const DEFINITIONS: PropertyDefinition[] = [
  ...Array.from({ length: WRITERS }, (_, i): PropertyDefinition => ({
    ...base,
    name: `f${i}`,
    label: `F${i}`,
    type: 'number',
    order: i,
  })),
  { ...base, name: 's', label: 'Shared', type: 'text', order: WRITERS },
];
const SEED = {
  definitions: DEFINITIONS,
  customers: [{ id: 'one', number: '1', name: 'One', revision: 1, properties: {} }] as Customer[],
};

interface Outcome {
  writer: number;
  base: number;
  changes: Record<string, string>;
  /** The revision the write made, or the fields it conflicted on. */
  revision?: number;
  conflict?: string[];
}

/** A small deterministic generator per writer, so a failure comes back on the next run. */
function random(seed: number): () => number {
  let state = seed * 2_654_435_761;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

async function write(store: PostgresStore, writer: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const next = random(writer + 1);
  for (let i = 1; i <= WRITES_EACH; i++) {
    const { revision } = await store.getCustomer('one');
    const changes: Record<string, string> = { [`f${writer}`]: String(i) };
    if (next() < 0.35) changes.s = `w${writer}-${i}`;
    try {
      const customer = await store.updateCustomer('one', changes, { revision, author: `writer-${writer}` });
      outcomes.push({ writer, base: revision, changes, revision: customer.revision });
    } catch (error) {
      if (!isStoreError(error, 'conflict')) throw error;
      outcomes.push({ writer, base: revision, changes, conflict: error.fields });
    }
  }
  return outcomes;
}

async function allHistory(store: PostgresStore): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.getHistory('one', { limit: 1_000, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    cursor = page.cursor;
  } while (cursor);
  return entries.reverse();
}

async function runWriters(store: PostgresStore): Promise<void> {
  const outcomes = (await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(store, w)))).flat();
  expect(outcomes).to.have.length(WRITERS * WRITES_EACH);
  const done = outcomes.filter((o) => o.revision !== undefined).sort((a, b) => a.revision! - b.revision!);
  const conflicts = outcomes.filter((o) => o.conflict);

  // Nothing lost: every acknowledged write made the next revision, one after another.
  expect(done.map((o) => o.revision)).to.deep.equal(done.map((_, i) => i + 2));
  const customer = await store.getCustomer('one');
  expect(customer.revision).to.equal(done.length + 1);

  // Only writes of `s` conflict, and only on `s`; there were some of each.
  for (const o of conflicts) expect(o.conflict, JSON.stringify(o)).to.deep.equal(['s']);
  const sharedWrites = done.filter((o) => 's' in o.changes);
  expect(conflicts.length).to.be.greaterThan(0);
  expect(sharedWrites.length).to.be.greaterThan(0);

  // The merge rule: an acknowledged write of `s` saw every earlier acknowledged write of `s`; a
  // refused one missed at least one.
  const sharedRevisions = sharedWrites.map((o) => o.revision!);
  for (const o of sharedWrites) {
    const missed = sharedRevisions.filter((r) => r > o.base && r < o.revision!);
    expect(missed, `write at ${o.revision} based on ${o.base}`).to.deep.equal([]);
  }
  for (const o of conflicts) expect(sharedRevisions.some((r) => r > o.base)).to.equal(true);

  // Every acknowledged field is in the history, in order, each entry continuing from the last.
  const history = await allHistory(store);
  expect(history).to.have.length(done.reduce((n, o) => n + Object.keys(o.changes).length, 0));
  for (const field of ['s', ...DEFINITIONS.slice(0, WRITERS).map((def) => def.name)]) {
    const writes = done.filter((o) => field in o.changes);
    const entries = history.filter((entry) => entry.property === field);
    expect(entries.map((e) => [e.revision, e.to, e.by])).to.deep.equal(
      writes.map((o) => [o.revision, o.changes[field], `writer-${o.writer}`]),
    );
    for (const [i, entry] of entries.entries()) expect(entry.from).to.equal(i === 0 ? undefined : entries[i - 1]!.to);
    // The final value is the last acknowledged write of the field.
    expect(customer.properties[field]).to.equal(writes.at(-1)?.changes[field]);
    expect(customer.changed?.[field]?.revision).to.equal(writes.at(-1)?.revision);
  }
}

describe('PostgresStore under concurrent writers on one customer', function () {
  this.timeout(300_000);

  it(`PGlite (one connection, so the ${WRITERS} writers take turns): ${WRITERS * WRITES_EACH} writes, nothing lost`, async () => {
    const pglite = await createPglite();
    try {
      await resetSchema(pglite);
      const store = await PostgresStore.open({ client: pglite, seed: SEED });
      await runWriters(store);
    } finally {
      await pglite.close();
    }
  });

  // Registered only with a server to run on (`npm run test:postgres`, and CI): no skipped test in `npm test`.
  if (DATABASE_URL)
    it(`a PostgreSQL server, ${WRITERS} pool connections: ${WRITERS * WRITES_EACH} writes, nothing lost`, async () => {
      const database = await createTestDatabase(DATABASE_URL!);
      let store: PostgresStore | undefined;
      try {
        store = await PostgresStore.open({ connectionString: database.url, maxConnections: WRITERS, seed: SEED });
        await runWriters(store);
      } finally {
        await store?.close();
        await database.drop();
      }
    });
});
