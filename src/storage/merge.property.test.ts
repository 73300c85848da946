import { expect } from 'chai';
import fc from 'fast-check';
import { PROPERTY_TIMEOUT } from '../internal/test/fast-check-seed.js';
import type { Customer, PropertyValue } from '../model/index.js';
import { seed } from '../testing/seed.js';
import { IndexedDbStore } from './indexeddb-store.js';
import { MemoryStore } from './memory-store.js';
import type { PropertyStore } from './property-store.js';
import { isStoreError } from './store-error.js';

/*
 * Two agents edit one customer through the same store in random interleavings. The model says
 * what must happen: a write conflicts exactly when the other agent changed one of its fields after
 * this agent last read the customer, to a value other than the one this write asks for, and no
 * acknowledged write is ever lost.
 */
const FIELDS = ['age', 'notes', 'class'] as const;
type Field = (typeof FIELDS)[number];
const VALUES: Record<Field, fc.Arbitrary<PropertyValue | null>> = {
  age: fc.oneof(fc.integer({ min: 0, max: 120 }).map(String), fc.constant(null)),
  notes: fc.oneof(
    fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''),
    fc.constant(null),
  ),
  class: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), fc.constant(null)),
};

interface Model {
  /** The last acknowledged value of each field (`undefined`: unset). */
  values: Record<string, PropertyValue | undefined>;
  /** The revision that last changed each field. */
  changedAt: Record<string, number>;
  /** The revision each agent last saw. */
  seen: [number, number];
}

interface Real {
  store: PropertyStore;
  conflicts: number;
}

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly agent: 0 | 1,
    readonly changes: Record<string, PropertyValue | null>,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const fields = Object.keys(this.changes);
    const stale = fields.filter((field) => (model.changedAt[field] ?? 0) > model.seen[this.agent]);
    // A stale field that already holds the value written is no conflict, and is not written again.
    const mustConflict = stale.some((field) => model.values[field] !== (this.changes[field] ?? undefined));
    let customer: Customer;
    try {
      customer = await real.store.updateCustomer('ana', this.changes, { revision: model.seen[this.agent] });
    } catch (error) {
      if (!isStoreError(error, 'conflict')) throw error;
      expect(mustConflict, `unexpected conflict on ${fields.join(', ')}`).to.equal(true);
      expect(error.fields.every((field) => fields.includes(field))).to.equal(true);
      // The agent sees the newer values and carries on from them, as the panel offers.
      model.seen[this.agent] = error.current!.revision;
      real.conflicts++;
      return;
    }
    expect(mustConflict, `a stale write of ${fields.join(', ')} went through`).to.equal(false);
    for (const field of fields.filter((field) => !stale.includes(field))) {
      model.values[field] = this.changes[field] ?? undefined;
      model.changedAt[field] = customer.revision;
    }
    model.seen[this.agent] = customer.revision;
    expect(pick(customer)).to.deep.equal(pick({ properties: model.values } as Customer));
  }
  toString = () => `agent ${this.agent} writes ${JSON.stringify(this.changes)}`;
}

class Refresh implements fc.AsyncCommand<Model, Real> {
  constructor(readonly agent: 0 | 1) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const customer = await real.store.getCustomer('ana');
    expect(pick(customer), 'every acknowledged write is there').to.deep.equal(
      pick({ properties: model.values } as Customer),
    );
    model.seen[this.agent] = customer.revision;
  }
  toString = () => `agent ${this.agent} reloads`;
}

function pick(customer: Customer): Record<string, PropertyValue | undefined> {
  return Object.fromEntries(FIELDS.map((field) => [field, customer.properties[field]]));
}

const agent = fc.constantFrom<0 | 1>(0, 1);
const changes = fc
  .uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 2 })
  .chain((fields) => fc.tuple(...fields.map((field) => VALUES[field].map((value) => [field, value] as const))))
  .map((entries) => Object.fromEntries(entries));
const commands = fc.commands(
  [agent.chain((a) => changes.map((c) => new Edit(a, c))), agent.map((a) => new Refresh(a))],
  { maxCommands: 30 },
);

async function check(
  makeStore: () => Promise<{ store: PropertyStore; cleanup?: () => Promise<void> }>,
  numRuns: number,
) {
  let conflicts = 0;
  await fc.assert(
    fc.asyncProperty(commands, async (cmds) => {
      const { store, cleanup } = await makeStore();
      const ana = await store.getCustomer('ana');
      const model: Model = { values: pick(ana), changedAt: {}, seen: [ana.revision, ana.revision] };
      const real: Real = { store, conflicts: 0 };
      try {
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      } finally {
        conflicts += real.conflicts;
        await cleanup?.();
      }
    }),
    { numRuns },
  );
  // The interleavings really did produce conflicts, so the rule was exercised both ways.
  expect(conflicts).to.be.greaterThan(0);
}

describe('two agents, one customer: field-level merge (model-based)', function () {
  this.timeout(PROPERTY_TIMEOUT);
  it('MemoryStore never loses an acknowledged write and conflicts only on a shared field', async () => {
    await check(async () => ({ store: new MemoryStore(seed()) }), 300);
  });

  it('IndexedDbStore does the same', async () => {
    let n = 0;
    await check(async () => {
      const name = `merge-${Date.now()}-${n++}`;
      const store = new IndexedDbStore({ name, seed: seed() });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await IndexedDbStore.deleteDatabase(name);
        },
      };
    }, 40);
  });
});
