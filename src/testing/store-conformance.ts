/*
 * One suite for every PropertyStore: each method, each error kind, the merge rule and validation
 * on write. Every store that ships runs it, and so can a host's own (`customer-properties/testing`).
 */
import { expect } from 'chai';
import type { AudienceQuery, PropertyDefinition } from '../model/index.js';
import type { PropertyStore, StoreEvent } from '../storage/property-store.js';
import { StoreError, type StoreErrorKind } from '../storage/store-error.js';
import { seed, SEED_DEFINITIONS } from './seed.js';
import { testApi, type TestApi } from './test-api.js';

export interface StoreSetup {
  definitions: PropertyDefinition[];
  customers: import('../model/index.js').Customer[];
  author: string;
}

/** Makes a fresh store holding `setup`, and a way to make a second client of the same data. */
export type MakeStore = (setup: StoreSetup) => Promise<{
  store: PropertyStore;
  /** Another client of the same data, as another tab or another agent would have. */
  other?: (author: string) => Promise<PropertyStore>;
  cleanup?: () => Promise<void>;
}>;

/** Awaits `promise` and asserts that it rejects with a `StoreError` of `kind`, which it returns. */
export async function rejection(promise: Promise<unknown>, kind: StoreErrorKind): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(StoreError);
    expect((error as StoreError).kind, (error as Error).message).to.equal(kind);
    return error as StoreError;
  }
  throw new Error(`expected a ${kind} rejection, but the call succeeded`);
}

function nextEvent(store: PropertyStore, type: StoreEvent['type']): Promise<StoreEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event`)), 15_000);
    const stop = store.subscribe!((event) => {
      if (event.type !== type) return;
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}

/** What a store leaves out of the optional parts of `PropertyStore`, and the test framework. */
export interface StoreConformanceOptions {
  /** It has `subscribe` (default true). */
  subscribes?: boolean;
  /** It has `reorderDefinitions` (default true). */
  reorders?: boolean;
  /** It has `countValues` (default true). */
  counts?: boolean;
  /** It has `getHistory` (default true). */
  history?: boolean;
  /** It has `listAudiences`, `saveAudience`, `deleteAudience` (default true). */
  audiences?: boolean;
  /** It has `upsertCustomer` (default true). */
  upserts?: boolean;
  /** Its `customer-changed` events name the written `fields` (default false). */
  namesFields?: boolean;
  /** `describe`, `it`, `beforeEach`, `afterEach`; default: the globals. */
  test?: TestApi;
}

/**
 * Defines the conformance tests for a store: `describe('<name>: PropertyStore conformance')` with
 * a fresh store from `makeStore` per test, seeded with `seed()`'s eight definitions and three
 * customers. Each test asserts what a caller sees: return values, `StoreError` kinds and fields,
 * events.
 */
export function runStoreConformance(
  name: string,
  makeStore: MakeStore,
  {
    subscribes = true,
    reorders = true,
    counts = true,
    history = true,
    audiences = true,
    upserts = true,
    namesFields = false,
    test,
  }: StoreConformanceOptions = {},
): void {
  const { describe, it, beforeEach, afterEach } = testApi(test);
  describe(`${name}: PropertyStore conformance`, () => {
    let store: PropertyStore;
    let other: ((author: string) => Promise<PropertyStore>) | undefined;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, other, cleanup } = await makeStore({ ...seed(), author: 'Ana (agent)' }));
    });
    afterEach(async () => {
      await cleanup?.();
    });

    describe('definitions', () => {
      it('lists the built-ins first, then the custom definitions in order', async () => {
        const names = (await store.listDefinitions()).map((def) => def.name);
        expect(names).to.deep.equal(['number', 'name', ...SEED_DEFINITIONS.map((def) => def.name)]);
      });

      it('creates a definition, and refuses a taken name in any case with conflict', async () => {
        const vip = { ...SEED_DEFINITIONS[2]!, name: 'vip', label: 'VIP', order: 8 };
        expect(await store.createDefinition(vip)).to.deep.equal(vip);
        expect((await store.listDefinitions()).at(-1)).to.deep.equal(vip);
        const error = await rejection(store.createDefinition({ ...vip, name: 'VIP' }), 'conflict');
        expect(error.definitionErrors.map((e) => e.code)).to.include('definition.name.taken');
      });

      it('fills in what a new definition omits, the same in every store: last, agents only, editable by all', async () => {
        const last = Math.max(...SEED_DEFINITIONS.map((def) => def.order));
        const created = await store.createDefinition({ name: 'shoe_size', label: 'Shoe size', type: 'number' });
        expect(created).to.deep.equal({
          name: 'shoe_size',
          label: 'Shoe size',
          type: 'number',
          showToAgent: true,
          showToCustomer: false,
          access: { '*': 'edit' },
          order: last + 1,
        });
        expect((await store.listDefinitions()).at(-1)).to.deep.equal(created);
        const next = await store.createDefinition({ name: 'hat_size', label: 'Hat size', type: 'number' });
        expect(next.order).to.equal(last + 2);
      });

      it('refuses an invalid definition with the model’s codes and fields', async () => {
        const error = await rejection(
          store.createDefinition({ ...SEED_DEFINITIONS[3]!, name: 'size', label: ' ', options: [] }),
          'invalid',
        );
        expect(error.definitionErrors.map((e) => [e.code, e.field])).to.deep.equal([
          ['definition.label.length', 'label'],
          ['definition.options.count', 'options'],
        ]);
        await rejection(store.createDefinition({ ...SEED_DEFINITIONS[0]!, name: 'Name' }), 'invalid');
        await rejection(
          store.createDefinition({ ...SEED_DEFINITIONS[0]!, name: 'sneaky', builtIn: true }),
          'forbidden',
        );
        expect(await store.listDefinitions()).to.have.length(2 + SEED_DEFINITIONS.length);
      });

      it('keeps a definition’s translations, and refuses bad ones with the model’s codes', async () => {
        const translations = {
          de: { label: 'Lieblingsfarbe', description: 'Die liebste', group: 'Geschmack', options: { red: 'Rot' } },
          'pt-BR': { label: 'Cor favorita' },
        };
        const color = { ...SEED_DEFINITIONS[3]!, translations };
        expect(await store.updateDefinition(color)).to.deep.equal(color);
        expect((await store.listDefinitions()).find((def) => def.name === 'favorite_color')).to.deep.equal(color);
        const created = await store.createDefinition({
          name: 'shoe_size',
          label: 'Shoe size',
          type: 'number',
          translations: { de: { label: 'Schuhgröße' } },
        });
        expect(created.translations).to.deep.equal({ de: { label: 'Schuhgröße' } });
        const error = await rejection(
          store.updateDefinition({
            ...color,
            translations: { 'de-at': { label: 'A' }, de: { options: { pink: 'Rosa' } } },
          }),
          'invalid',
        );
        expect(error.definitionErrors.map((e) => [e.code, e.field])).to.deep.equal([
          ['definition.translations.tag', 'translations.de-at'],
          ['definition.translations.option', 'translations.de.options.pink'],
        ]);
        expect((await store.listDefinitions()).find((def) => def.name === 'favorite_color')).to.deep.equal(color);
      });

      it('updates a definition by name; unknown names and built-ins are refused', async () => {
        const age = { ...SEED_DEFINITIONS[0]!, label: 'Age in years', description: 'Whole years' };
        expect(await store.updateDefinition(age)).to.deep.equal(age);
        expect((await store.listDefinitions()).find((def) => def.name === 'age')).to.deep.equal(age);
        await rejection(store.updateDefinition({ ...age, name: 'shoe_size' }), 'not-found');
        await rejection(store.updateDefinition({ ...age, name: 'name', type: 'text' }), 'forbidden');
      });

      it('keeps the type while customers hold values, and lets it change when none do', async () => {
        const error = await rejection(store.updateDefinition({ ...SEED_DEFINITIONS[0]!, type: 'text' }), 'invalid');
        expect(error.definitionErrors[0]).to.include({ code: 'definition.type.locked', field: 'type' });
        expect(error.definitionErrors[0]!.params).to.deep.equal({ count: 2 });
        const callback = { ...SEED_DEFINITIONS[7]!, type: 'text' as const };
        await store.updateCustomer('ana', { callback: null }, { revision: 1 });
        expect(await store.updateDefinition(callback)).to.deep.equal(callback);
      });

      it('deletes a definition with its values; built-ins and unknown names are refused', async () => {
        if (counts) expect(await store.countValues!('age')).to.equal(2);
        await store.deleteDefinition('age');
        expect((await store.listDefinitions()).map((def) => def.name)).not.to.include('age');
        expect((await store.getCustomer('ana')).properties).not.to.have.property('age');
        await rejection(store.deleteDefinition('number'), 'forbidden');
        await rejection(store.deleteDefinition('age'), 'not-found');
      });

      if (reorders) {
        it('reorders the custom definitions, each named once', async () => {
          const names = SEED_DEFINITIONS.map((def) => def.name).reverse();
          await store.reorderDefinitions!(names);
          expect((await store.listDefinitions()).slice(2).map((def) => def.name)).to.deep.equal(names);
          await rejection(store.reorderDefinitions!(names.slice(1)), 'invalid');
        });
      }

      it('keeps a value that became invalid later, and reads it back as it is', async () => {
        await store.updateDefinition({ ...SEED_DEFINITIONS[2]!, pattern: '^[A-Z]{2}\\d{6}$' });
        expect((await store.getCustomer('ana')).properties.class).to.equal('ClassOf2023');
        await store.updateDefinition({ ...SEED_DEFINITIONS[3]!, options: [{ value: 'blue', label: 'blue' }] });
        expect((await store.getCustomer('ana')).properties.favorite_color).to.equal('red');
      });
    });

    describe('customers', () => {
      it('reads a customer; an unknown id is not-found; a cancelled read rejects with AbortError', async () => {
        const ana = await store.getCustomer('ana');
        expect(ana).to.include({ id: 'ana', name: 'Ana', number: '+4915123456789', revision: 1 });
        expect(ana.properties.age).to.equal('34');
        await rejection(store.getCustomer('nobody'), 'not-found');
        const controller = new AbortController();
        controller.abort();
        let aborted: unknown;
        await store.getCustomer('ana', { signal: controller.signal }).catch((error) => (aborted = error));
        expect((aborted as Error)?.name).to.equal('AbortError');
      });

      it('writes only the changed fields, records who and when, and clears with null', async () => {
        const before = Date.now();
        const ana = await store.updateCustomer('ana', { age: '35', notes: null, name: 'Ana María' }, { revision: 1 });
        expect(ana.revision).to.equal(2);
        expect(ana.name).to.equal('Ana María');
        expect(ana.properties.age).to.equal('35');
        expect(ana.properties).not.to.have.property('notes');
        expect(ana.properties.class).to.equal('ClassOf2023');
        expect(ana.changed?.age).to.include({ revision: 2, by: 'Ana (agent)' });
        expect(Date.parse(ana.changed!.age!.at)).to.be.within(before - 1_000, Date.now() + 1_000);
        expect(await store.getCustomer('ana')).to.deep.equal(ana);
      });

      it('refuses invalid values with the model’s error per field, and writes none of them', async () => {
        const error = await rejection(
          store.updateCustomer(
            'ana',
            { age: '1,234.5', birthday: '2023-02-29', class: 'Class of 2023', callback: '09:30' },
            { revision: 1 },
          ),
          'invalid',
        );
        expect(Object.fromEntries(Object.entries(error.errors).map(([field, e]) => [field, e.code]))).to.deep.equal({
          age: 'value.type',
          birthday: 'date.invalid',
          class: 'word.characters',
        });
        const unknown = await rejection(store.updateCustomer('ana', { shoe_size: '42' }, { revision: 1 }), 'invalid');
        expect(unknown.errors.shoe_size?.code).to.equal('property.unknown');
        await rejection(store.updateCustomer('ana', { number: '+4915000000000' }, { revision: 1 }), 'forbidden');
        await rejection(store.updateCustomer('nobody', { age: '1' }, { revision: 1 }), 'not-found');
        expect((await store.getCustomer('ana')).revision).to.equal(1);
      });

      it('refuses a valid value in another form naming the canonical one, and writes nothing', async () => {
        const error = await rejection(
          store.updateCustomer('ana', { age: '10.50', birthday: '2024-1-5', callback: '9:05' }, { revision: 1 }),
          'invalid',
        );
        expect(error.errors).to.deep.equal({
          age: { code: 'value.canonical', params: { canonical: '10.5' } },
          birthday: { code: 'value.canonical', params: { canonical: '2024-01-05' } },
          callback: { code: 'value.canonical', params: { canonical: '09:05' } },
        });
        expect((await store.getCustomer('ana')).revision).to.equal(1);
      });

      it('requires a name of 1–200 characters after trimming', async () => {
        for (const name of [null, '', '   ']) {
          const error = await rejection(store.updateCustomer('ana', { name }, { revision: 1 }), 'invalid');
          expect(error.errors.name?.code, JSON.stringify(name)).to.equal('required');
        }
        const long = await rejection(
          store.updateCustomer('ana', { name: 'x'.repeat(201) }, { revision: 1 }),
          'invalid',
        );
        expect(long.errors.name).to.deep.equal({ code: 'text.length', params: { max: 200, length: 201 } });
        expect((await store.getCustomer('ana')).name).to.equal('Ana');
        const renamed = await store.updateCustomer('ana', { name: ` ${'x'.repeat(200)} ` }, { revision: 1 });
        expect(renamed.name).to.have.length(202);
      });

      it('refuses a change naming __proto__, constructor or prototype, and changes nothing', async () => {
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          // As a change set arrives from JSON: `__proto__` an own key, not the object's prototype.
          const changes = JSON.parse(`{"${key}": {"age": "1"}, "notes": "Polluted"}`) as Record<string, never>;
          const error = await rejection(store.updateCustomer('ana', changes, { revision: 1 }), 'invalid');
          expect(Object.hasOwn(error.errors, key), key).to.equal(true);
          expect(error.errors[key]?.code, key).to.equal('property.name');
        }
        const ana = await store.getCustomer('ana');
        expect(ana.revision).to.equal(1);
        expect(ana.properties.notes).to.not.equal('Polluted');
        expect(Object.getPrototypeOf(ana.properties)).to.equal(Object.prototype);
        expect(({} as Record<string, unknown>).age).to.equal(undefined);
      });

      it('merges field by field: another agent’s edit of a different field is no conflict', async () => {
        const second = other ? await other('Ben (agent)') : store;
        await second.updateCustomer('ana', { age: '35' }, { revision: 1 });
        const ana = await store.updateCustomer('ana', { notes: 'Call after 5' }, { revision: 1 });
        expect(ana.properties).to.include({ age: '35', notes: 'Call after 5' });
        expect(ana.revision).to.equal(3);
      });

      it('refuses a stale write of the same field with conflict, naming it and carrying the current customer', async () => {
        const second = other ? await other('Ben (agent)') : store;
        await second.updateCustomer('ana', { age: '36', notes: 'x' }, { revision: 1 });
        const error = await rejection(
          store.updateCustomer('ana', { age: '35', class: 'VIP' }, { revision: 1 }),
          'conflict',
        );
        expect(error.fields).to.deep.equal(['age']);
        expect(error.current?.properties.age).to.equal('36');
        expect(error.currentValues).to.deep.equal({ age: '36' });
        expect(error.current?.changed?.age?.by).to.equal(other ? 'Ben (agent)' : 'Ana (agent)');
        expect((await store.getCustomer('ana')).properties.class).to.equal('ClassOf2023');
        const retried = await store.updateCustomer(
          'ana',
          { age: '35', class: 'VIP' },
          { revision: error.current!.revision },
        );
        expect(retried.properties).to.include({ age: '35', class: 'VIP' });
      });

      it('takes a retried write whose values are already there (the first reply was lost) without a conflict', async () => {
        const home = { lat: 52.52, lng: 13.405, address: 'Berlin' };
        const applied = await store.updateCustomer('ana', { age: '35', notes: 'x', home }, { revision: 1 });
        // The same write again, still based on revision 1; the object's keys in another order.
        const again = await store.updateCustomer(
          'ana',
          { home: { address: 'Berlin', lng: 13.405, lat: 52.52 }, notes: 'x', age: '35' },
          { revision: 1 },
        );
        expect(again).to.deep.equal(applied);
        expect((await store.getCustomer('ana')).revision).to.equal(applied.revision);
        // Only a field that differs is a conflict; a field that already holds its value is left as it is.
        const error = await rejection(
          store.updateCustomer('ana', { age: '35', notes: 'y' }, { revision: 1 }),
          'conflict',
        );
        expect(error.fields).to.deep.equal(['notes']);
        const partly = await store.updateCustomer('ana', { age: '35', class: 'VIP' }, { revision: 1 });
        expect(partly.revision).to.equal(applied.revision + 1);
        expect(partly.properties).to.include({ age: '35', class: 'VIP' });
        expect(partly.changed?.age?.revision).to.equal(applied.revision);
      });
    });

    if (history) {
      describe('getHistory', () => {
        const HOME = seed().customers[0]!.properties.home;

        it('records every field a write changed, from what to what, by whom and when, newest first, a page at a time', async () => {
          const before = Date.now();
          await store.updateCustomer('ana', { age: '35', notes: null }, { revision: 1 });
          await store.updateCustomer('ana', { name: 'Ana María', home: { lat: 1.5, lng: -2.25 } }, { revision: 2 });
          await store.updateCustomer('ana', { age: '36' }, { revision: 3 });
          const { entries, cursor } = await store.getHistory!('ana');
          expect(cursor).to.equal(undefined);
          const by = 'Ana (agent)';
          expect(entries.map(({ at: _at, ...entry }) => entry)).to.deep.equal([
            { property: 'age', from: '35', to: '36', by, revision: 4 },
            { property: 'home', from: HOME, to: { lat: 1.5, lng: -2.25 }, by, revision: 3 },
            { property: 'name', from: 'Ana', to: 'Ana María', by, revision: 3 },
            { property: 'notes', from: 'Prefers mornings', by, revision: 2 },
            { property: 'age', from: '34', to: '35', by, revision: 2 },
          ]);
          const ana = await store.getCustomer('ana');
          expect(entries[0]!.at).to.equal(ana.changed!.age!.at);
          expect(Date.parse(entries.at(-1)!.at)).to.be.within(before - 1_000, Date.now() + 1_000);

          const ages = await store.getHistory!('ana', { property: 'age', limit: 1 });
          expect(ages.entries.map((entry) => entry.to)).to.deep.equal(['36']);
          const older = await store.getHistory!('ana', { property: 'age', limit: 1, cursor: ages.cursor! });
          expect(older.entries.map((entry) => entry.to)).to.deep.equal(['35']);
          expect(older.cursor).to.equal(undefined);

          const seen = [];
          for (let page = await store.getHistory!('ana', { limit: 2 }); ;) {
            seen.push(...page.entries);
            if (!page.cursor) break;
            page = await store.getHistory!('ana', { limit: 2, cursor: page.cursor });
          }
          expect(seen).to.deep.equal(entries);
          expect((await store.getHistory!('ben')).entries).to.deep.equal([]);
        });

        it('writes nothing for a refused write; refuses an unknown customer, a bad limit or cursor', async () => {
          await store.updateCustomer('ana', { age: '35' }, { revision: 1 });
          await rejection(store.updateCustomer('ana', { age: '40' }, { revision: 1 }), 'conflict');
          await rejection(store.updateCustomer('ana', { age: 'forty' }, { revision: 2 }), 'invalid');
          expect((await store.getHistory!('ana')).entries).to.have.length(1);
          await rejection(store.getHistory!('nobody'), 'not-found');
          expect((await rejection(store.getHistory!('ana', { limit: 0 }), 'invalid')).code).to.equal('request.limit');
          expect((await rejection(store.getHistory!('ana', { cursor: 'x' }), 'invalid')).code).to.equal(
            'request.cursor',
          );
        });
      });
    }

    describe('findCustomers', () => {
      it('returns the matching customers by id, a page at a time, with the total', async () => {
        const query = { match: 'all' as const, conditions: [{ property: 'age', operator: 'is-set' as const }] };
        const first = await store.findCustomers(query, { limit: 1 });
        expect(first.total).to.equal(2);
        expect(first.customers.map((c) => c.id)).to.deep.equal(['ana']);
        expect(first.cursor).to.be.a('string');
        const second = await store.findCustomers(query, { limit: 1, cursor: first.cursor! });
        expect(second.customers.map((c) => c.id)).to.deep.equal(['ben']);
        expect(second.cursor).to.equal(undefined);
        const reds = await store.findCustomers({
          match: 'any',
          conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }],
        });
        expect(reds.customers.map((c) => c.id)).to.deep.equal(['ana']);
      });

      it('refuses groups nested deeper than AUDIENCE_MAX_DEPTH, even 10,000 deep', async () => {
        let query: AudienceQuery = { match: 'all', conditions: [{ property: 'age', operator: 'is-set' }] };
        for (let i = 0; i < 10_000; i++) query = { match: 'any', conditions: [query] };
        const error = await rejection(store.findCustomers(query), 'invalid');
        expect(error.audienceErrors.map((e) => e.code)).to.deep.equal(['audience.depth']);
      });

      it('refuses a query the model rejects', async () => {
        const error = await rejection(
          store.findCustomers({ match: 'all', conditions: [{ property: 'age', operator: 'contains', value: '3' }] }),
          'invalid',
        );
        expect(error.audienceErrors[0]?.code).to.equal('audience.operator');
      });
    });

    if (audiences) {
      describe('saved audiences', () => {
        const adults: AudienceQuery = { match: 'all', conditions: [{ property: 'age', operator: 'gte', value: '18' }] };
        const reds: AudienceQuery = {
          match: 'any',
          conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }],
        };

        it('keeps an audience with a new id, who saved it and when; lists by name; changes one by id', async () => {
          expect(await store.listAudiences!()).to.deep.equal([]);
          const before = Date.now();
          const saved = await store.saveAudience!({ name: '  adults ', query: adults });
          expect(saved).to.include({ name: 'adults', createdBy: 'Ana (agent)' });
          expect(saved.id).to.be.a('string').and.not.equal('');
          expect(saved.query).to.deep.equal(adults);
          expect(Date.parse(saved.updatedAt)).to.be.within(before - 1_000, Date.now() + 1_000);
          const red = await store.saveAudience!({ name: 'Reds', query: reds });
          expect(await store.listAudiences!()).to.deep.equal([saved, red]);

          const changed = await store.saveAudience!({ id: saved.id, name: 'Zebra adults', query: reds });
          expect(changed).to.include({ id: saved.id, name: 'Zebra adults', createdBy: 'Ana (agent)' });
          expect(changed.query).to.deep.equal(reds);
          expect(await store.listAudiences!()).to.deep.equal([red, changed]);
          expect((await store.findCustomers(changed.query)).customers.map((c) => c.id)).to.deep.equal(['ana']);
        });

        it('refuses a missing, too long or taken name (in any case), a bad query or an unknown id; keeps nothing', async () => {
          const saved = await store.saveAudience!({ name: 'Adults', query: adults });
          const codes = async (audience: Parameters<NonNullable<PropertyStore['saveAudience']>>[0]) =>
            (await rejection(store.saveAudience!(audience), 'invalid')).audienceErrors.map((e) => [e.code, e.params]);
          expect(await codes({ name: '   ', query: adults })).to.deep.equal([['audience.name.required', {}]]);
          expect(await codes({ name: 'x'.repeat(101), query: adults })).to.deep.equal([
            ['audience.name.length', { max: 100, length: 101 }],
          ]);
          expect(await codes({ name: ' ADULTS', query: reds })).to.deep.equal([
            ['audience.name.taken', { name: 'ADULTS' }],
          ]);
          const badQuery = { match: 'all' as const, conditions: [{ property: 'age', operator: 'contains' as const }] };
          expect((await codes({ name: 'Other', query: badQuery }))[0]?.[0]).to.equal('audience.operator');
          const unknown = await rejection(
            store.saveAudience!({ id: 'nope', name: 'Other', query: adults }),
            'not-found',
          );
          expect(unknown.code).to.equal('audience.unknown');
          expect(await store.listAudiences!()).to.deep.equal([saved]);
          // Its own name in another case is no clash.
          expect((await store.saveAudience!({ id: saved.id, name: 'ADULTS', query: adults })).name).to.equal('ADULTS');
        });

        it('deletes an audience by id, and its customers stay; an unknown id is not-found', async () => {
          const saved = await store.saveAudience!({ name: 'Adults', query: adults });
          await store.deleteAudience!(saved.id);
          expect(await store.listAudiences!()).to.deep.equal([]);
          expect((await store.findCustomers(adults)).total).to.equal(2);
          expect((await rejection(store.deleteAudience!(saved.id), 'not-found')).code).to.equal('audience.unknown');
        });
      });
    }

    if (upserts) {
      describe('upsertCustomer', () => {
        it('creates a customer by id, then finds it by channel and number and records a new name as an edit', async () => {
          const created = await store.upsertCustomer!({ id: 'dan', channel: 'telegram', number: '4711', name: 'Dan' });
          expect(created).to.deep.include({ id: 'dan', channel: 'telegram', number: '4711', name: 'Dan', revision: 1 });
          expect(created.properties).to.deep.equal({});
          expect(await store.getCustomer('dan')).to.deep.equal(created);
          const renamed = await store.upsertCustomer!({ channel: 'telegram', number: '4711', name: 'Dan Y.' });
          expect(renamed).to.include({ id: 'dan', name: 'Dan Y.', revision: 2 });
          expect(renamed.changed?.name?.revision).to.equal(2);
          const same = await store.upsertCustomer!({ channel: 'telegram', number: '4711', name: 'Dan Y.' });
          expect(same.revision).to.equal(2);
          const fresh = await store.upsertCustomer!({ channel: 'telegram', number: '4712', name: 'Dee' });
          expect(fresh.id).to.be.a('string').and.not.equal('dan');
        });

        it('refuses a number that does not fit the channel, and creates nothing', async () => {
          const error = await rejection(
            store.upsertCustomer!({ id: 'dee', channel: 'whatsapp', number: '0151', name: 'Dee' }),
            'invalid',
          );
          expect(error.errors.number?.code).to.equal('channel.phone');
          await rejection(store.getCustomer('dee'), 'not-found');
        });
      });
    }

    if (!subscribes) return;
    describe('subscribe', () => {
      it('tells listeners about customer and definition changes', async () => {
        expect(store.subscribe).to.be.a('function');
        const customerEvent = nextEvent(store, 'customer-changed');
        await store.updateCustomer('ben', { age: '20' }, { revision: 1 });
        const event = await customerEvent;
        expect(event.type === 'customer-changed' && event.customer.properties.age).to.equal('20');
        const definitionsEvent = nextEvent(store, 'definitions-changed');
        await store.deleteDefinition('callback');
        const defs = await definitionsEvent;
        expect(defs.type === 'definitions-changed' && defs.definitions.map((d) => d.name)).not.to.include('callback');
      });

      if (namesFields) {
        it('names the fields a write wrote in its customer-changed event', async () => {
          const written = nextEvent(store, 'customer-changed');
          await store.updateCustomer('ana', { notes: null, name: 'Ana Lima' }, { revision: 1 });
          const event = await written;
          expect(event.type === 'customer-changed' && [...(event.fields ?? [])].sort()).to.deep.equal([
            'name',
            'notes',
          ]);
        });
      }
    });
  });
}
