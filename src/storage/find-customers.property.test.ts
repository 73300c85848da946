import { expect } from 'chai';
import fc from 'fast-check';
import { PROPERTY_TIMEOUT } from '../internal/test/fast-check-seed.js';
import { SEED_DEFINITIONS } from '../testing/seed.js';
import { compileAudience, type AudienceCondition, type AudienceQuery, type Customer } from '../model/index.js';
import { IndexedDbStore } from './indexeddb-store.js';
import { MemoryStore } from './memory-store.js';
import type { PropertyStore } from './property-store.js';
import { RestStore } from './rest-store.js';

/* For random customers and random valid queries, every store's findCustomers returns exactly the
 * customers matchesAudience accepts, page after page, with the right total. */
const NOW = new Date('2026-11-27T12:00:00Z');
const colors = ['red', 'blue', 'green'];
const dayOffset = (offset: number) => new Date(NOW.getTime() - offset * 86_400_000).toISOString().slice(0, 10);

const customer = (id: string) =>
  fc
    .record(
      {
        age: fc.integer({ min: 0, max: 99 }).map(String),
        favorite_color: fc.constantFrom(...colors),
        channels: fc.subarray(['whatsapp', 'telegram', 'email'], { minLength: 1 }),
        birthday: fc.integer({ min: -5, max: 60 }).map(dayOffset),
        class: fc.constantFrom('Gold', 'Silver', 'Bronze'),
        callback: fc.constantFrom('01:00', '08:00', '12:30', '23:15'),
      },
      { requiredKeys: [] },
    )
    .map((properties): Customer => ({ id, number: '123', name: id, channel: 'telegram', revision: 1, properties }));

const customers = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => customer(`c${String(i).padStart(2, '0')}`))));

const condition: fc.Arbitrary<AudienceCondition> = fc.oneof(
  fc.record({
    property: fc.constant('age'),
    operator: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'),
    value: fc.integer({ min: 0, max: 99 }).map(String),
  }),
  fc.record({
    property: fc.constant('favorite_color'),
    operator: fc.constantFrom('in', 'not-in'),
    value: fc.subarray(colors, { minLength: 1 }),
  }),
  fc.record({
    property: fc.constant('channels'),
    operator: fc.constantFrom('has-any', 'has-all', 'has-none'),
    value: fc.subarray(['whatsapp', 'telegram', 'email'], { minLength: 1 }),
  }),
  fc.record({
    property: fc.constant('birthday'),
    operator: fc.constant('within-last-days'),
    value: fc.integer({ min: 1, max: 40 }),
  }),
  fc
    .record({
      property: fc.constant('class'),
      operator: fc.constantFrom('equals', 'in'),
      value: fc.constantFrom('gold', 'Silver'),
    })
    .map((c) => (c.operator === 'in' ? { ...c, value: [c.value] } : c)),
  fc.record({
    property: fc.constantFrom('age', 'class', 'birthday', 'callback'),
    operator: fc.constantFrom('is-set', 'is-not-set'),
  }),
  // Ranges, as IndexedDbStore reads them from its index (a time range may wrap past midnight).
  fc.record({
    property: fc.constant('birthday'),
    operator: fc.constantFrom('on', 'before', 'after'),
    value: fc.integer({ min: -5, max: 60 }).map(dayOffset),
  }),
  fc.record({
    property: fc.constant('birthday'),
    operator: fc.constant('between'),
    value: fc
      .tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: 0, max: 30 }))
      .map(([from, days]) => [dayOffset(from + days), dayOffset(from)]),
  }),
  fc.record({
    property: fc.constant('callback'),
    operator: fc.constant('between'),
    value: fc.tuple(fc.constantFrom('00:30', '08:00', '12:00', '23:00'), fc.constantFrom('02:00', '08:00', '13:00')),
  }),
  fc.record({
    property: fc.constant('age'),
    operator: fc.constant('between'),
    value: fc
      .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }))
      .map(([from, span]) => [String(from), String(from + span)]),
  }),
);

const query: fc.Arbitrary<AudienceQuery> = fc.record({
  match: fc.constantFrom('all', 'any'),
  conditions: fc.array(
    fc.oneof(
      condition,
      fc.record({ match: fc.constantFrom('all', 'any'), conditions: fc.array(condition, { maxLength: 3 }) }),
    ),
    { maxLength: 3 },
  ),
});

async function everyPage(store: PropertyStore, q: AudienceQuery): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.findCustomers(q, { limit: 4, ...(cursor ? { cursor } : {}) });
    ids.push(...page.customers.map((c) => c.id));
    totals.push(page.total);
    cursor = page.cursor;
  } while (cursor);
  return { ids, totals };
}

async function agrees(
  make: (data: { customers: Customer[] }) => Promise<{ store: PropertyStore; done?: () => Promise<void> }>,
  numRuns: number,
) {
  await fc.assert(
    fc.asyncProperty(customers, query, async (list, q) => {
      const { store, done } = await make({ customers: list });
      try {
        const expected = list
          .filter(compileAudience(q, SEED_DEFINITIONS, { now: NOW, timeZone: 'UTC' }))
          .map((c) => c.id)
          .sort();
        const { ids, totals } = await everyPage(store, q);
        expect(ids).to.deep.equal(expected);
        expect(new Set(totals)).to.deep.equal(new Set([expected.length]));
      } finally {
        await done?.();
      }
    }),
    { numRuns },
  );
}

// The stores count "today" in the browser's own time zone; the tests run in UTC, like `now` here.
describe('findCustomers agrees with matchesAudience', function () {
  this.timeout(PROPERTY_TIMEOUT);
  it('in MemoryStore', async () => {
    await agrees(
      async ({ customers: list }) => ({
        store: new MemoryStore({ definitions: structuredClone(SEED_DEFINITIONS), customers: list, now: () => NOW }),
      }),
      200,
    );
  });

  it('in IndexedDbStore', async () => {
    let n = 0;
    await agrees(async ({ customers: list }) => {
      const name = `find-${Date.now()}-${n++}`;
      const store = new IndexedDbStore({
        name,
        seed: { definitions: structuredClone(SEED_DEFINITIONS), customers: list },
        now: () => NOW,
      });
      return {
        store,
        done: async () => {
          await store.close();
          await IndexedDbStore.deleteDatabase(name);
        },
      };
    }, 60);
  });

  it('in RestStore, against the HTTP test server', async () => {
    await agrees(async ({ customers: list }) => {
      const response = await fetch('/rest-test/stores', {
        method: 'POST',
        body: JSON.stringify({ definitions: SEED_DEFINITIONS, customers: list, nowIso: NOW.toISOString() }),
      });
      const { base } = (await response.json()) as { base: string };
      return { store: new RestStore({ baseUrl: base }) };
    }, 30);
  });
});
