import { expect } from 'chai';
import fc from 'fast-check';
import { PROPERTY_TIMEOUT } from '../internal/test/fast-check-seed.js';
import {
  AUDIENCE_MAX_CONDITIONS,
  AUDIENCE_MAX_DEPTH,
  InvalidAudienceError,
  compileAudience,
  distanceKm,
  matchesAudience,
  validateAudience,
} from './audience.js';
import { colors, definition, favoriteColor } from '../internal/test/definitions.js';
import { describeError } from '../i18n/describe.js';
import '../i18n/de.js';
import type { AudienceCondition, AudienceQuery, Customer, PropertyDefinition, PropertyValue } from './types.js';

const age = definition('number', { name: 'age', label: 'Age' });
const city = definition('text', { name: 'city', label: 'City' });
const code = definition('word', { name: 'code', label: 'Code' });
const lastVisit = definition('date', { name: 'last_visit', label: 'Last visit' });
const opens = definition('time', { name: 'opens', label: 'Opens' });
const home = definition('location', { name: 'home', label: 'Home' });
const DEFS: PropertyDefinition[] = [age, city, code, favoriteColor, colors, lastVisit, opens, home];
const NOW = new Date('2026-11-27T12:00:00Z');
const OPTIONS = { now: NOW, timeZone: 'UTC' };

function customer(properties: Record<string, PropertyValue>, id = 'c1'): Customer {
  return { id, number: '+4915123456789', name: 'Ana', channel: 'whatsapp', properties, revision: 1 };
}

function matches(properties: Record<string, PropertyValue>, condition: AudienceCondition): boolean {
  return matchesAudience(customer(properties), { match: 'all', conditions: [condition] }, DEFS, OPTIONS);
}

describe('matchesAudience, operator by operator at the edges', () => {
  it('compares numbers exactly, bounds included', () => {
    const big = '12345678901234567890.5';
    expect(matches({ age: big }, { property: 'age', operator: 'gt', value: '12345678901234567890.4' })).to.equal(true);
    expect(matches({ age: big }, { property: 'age', operator: 'eq', value: big })).to.equal(true);
    expect(matches({ age: '-2' }, { property: 'age', operator: 'lt', value: '-1.5' })).to.equal(true);
    expect(matches({ age: '18' }, { property: 'age', operator: 'between', value: ['18', '18'] })).to.equal(true);
    expect(matches({ age: '18' }, { property: 'age', operator: 'lte', value: '18' })).to.equal(true);
    expect(matches({ age: '18' }, { property: 'age', operator: 'gte', value: '18.000001' })).to.equal(false);
    expect(matches({ age: '0.5' }, { property: 'age', operator: 'ne', value: '0.5' })).to.equal(false);
  });

  it('matches text ignoring case', () => {
    expect(matches({ city: 'Paris' }, { property: 'city', operator: 'contains', value: 'ARI' })).to.equal(true);
    expect(matches({ city: 'Paris' }, { property: 'city', operator: 'starts-with', value: 'pa' })).to.equal(true);
    expect(matches({ city: 'Paris' }, { property: 'city', operator: 'equals', value: 'paris ' })).to.equal(false);
    expect(
      matches({ code: 'ClassOf2023' }, { property: 'code', operator: 'in', value: ['classof2023', 'x'] }),
    ).to.equal(true);
  });

  it('treats choices as sets, and an unset property as having none', () => {
    expect(
      matches({ favorite_color: 'red' }, { property: 'favorite_color', operator: 'in', value: ['red', 'blue'] }),
    ).to.equal(true);
    expect(matches({}, { property: 'favorite_color', operator: 'not-in', value: ['red'] })).to.equal(true);
    expect(
      matches({ colors: ['red', 'cyan'] }, { property: 'colors', operator: 'has-all', value: ['red', 'cyan'] }),
    ).to.equal(true);
    expect(matches({ colors: ['red'] }, { property: 'colors', operator: 'has-all', value: ['red', 'cyan'] })).to.equal(
      false,
    );
    expect(matches({ colors: ['red'] }, { property: 'colors', operator: 'has-any', value: ['cyan', 'red'] })).to.equal(
      true,
    );
    expect(matches({}, { property: 'colors', operator: 'has-any', value: ['red'] })).to.equal(false);
    expect(matches({}, { property: 'colors', operator: 'has-none', value: ['red'] })).to.equal(true);
  });

  it('compares dates as calendar days; within-last-days counts today', () => {
    expect(
      matches({ last_visit: '2026-11-27' }, { property: 'last_visit', operator: 'on', value: '2026-11-27' }),
    ).to.equal(true);
    expect(
      matches({ last_visit: '2026-11-27' }, { property: 'last_visit', operator: 'before', value: '2026-11-27' }),
    ).to.equal(false);
    expect(
      matches(
        { last_visit: '2026-11-01' },
        { property: 'last_visit', operator: 'between', value: ['2026-11-01', '2026-11-30'] },
      ),
    ).to.equal(true);
    const lastDays = (date: string, days: number) =>
      matches({ last_visit: date }, { property: 'last_visit', operator: 'within-last-days', value: days });
    expect(lastDays('2026-11-27', 1)).to.equal(true);
    expect(lastDays('2026-11-26', 1)).to.equal(false);
    expect(lastDays('2026-10-29', 30)).to.equal(true);
    expect(lastDays('2026-10-28', 30)).to.equal(false);
    expect(lastDays('2026-11-28', 30)).to.equal(false);
    expect(lastDays('2024-02-29', 1003)).to.equal(true);
  });

  it('reads "today" in the time zone it is given', () => {
    const late = { now: new Date('2026-11-27T23:30:00Z') };
    const query: AudienceQuery = {
      match: 'all',
      conditions: [{ property: 'last_visit', operator: 'within-last-days', value: 1 }],
    };
    expect(
      matchesAudience(customer({ last_visit: '2026-11-28' }), query, DEFS, { ...late, timeZone: 'Pacific/Kiritimati' }),
    ).to.equal(true);
    expect(
      matchesAudience(customer({ last_visit: '2026-11-27' }), query, DEFS, { ...late, timeZone: 'America/Adak' }),
    ).to.equal(true);
  });

  it('compares times, and between wraps past midnight', () => {
    expect(matches({ opens: '09:00' }, { property: 'opens', operator: 'before', value: '09:01' })).to.equal(true);
    expect(matches({ opens: '09:00' }, { property: 'opens', operator: 'between', value: ['09:00', '17:00'] })).to.equal(
      true,
    );
    expect(matches({ opens: '23:00' }, { property: 'opens', operator: 'between', value: ['22:00', '02:00'] })).to.equal(
      true,
    );
    expect(matches({ opens: '12:00' }, { property: 'opens', operator: 'between', value: ['22:00', '02:00'] })).to.equal(
      false,
    );
  });

  it('finds a point exactly on the radius', () => {
    const eiffel = { lat: 48.8584, lng: 2.2945 };
    const louvre = { lat: 48.8606, lng: 2.3376 };
    const km = distanceKm(louvre, eiffel);
    expect(km).to.be.closeTo(3.17, 0.05);
    expect(matches({ home: eiffel }, { property: 'home', operator: 'within-km', value: { ...louvre, km } })).to.equal(
      true,
    );
    expect(
      matches({ home: eiffel }, { property: 'home', operator: 'within-km', value: { ...louvre, km: km * 0.999 } }),
    ).to.equal(false);
  });

  it('nests groups and reads the default properties', () => {
    const query: AudienceQuery = {
      match: 'all',
      conditions: [
        { property: 'name', operator: 'equals', value: 'ana' },
        {
          match: 'any',
          conditions: [
            { property: 'age', operator: 'gt', value: '60' },
            { property: 'city', operator: 'is-set' },
          ],
        },
      ],
    };
    expect(matchesAudience(customer({ city: 'Paris' }), query, DEFS)).to.equal(true);
    expect(matchesAudience(customer({ age: '30' }), query, DEFS)).to.equal(false);
    expect(matchesAudience(customer({}), { match: 'any', conditions: [] }, DEFS)).to.equal(false);
    expect(matchesAudience(customer({}), { match: 'all', conditions: [] }, DEFS)).to.equal(true);
  });
});

describe('validateAudience', () => {
  it('rejects unknown properties, wrong operators and bad values, with the path to each', () => {
    const errors = validateAudience(
      {
        match: 'all',
        conditions: [
          { property: 'shoe_size', operator: 'eq', value: '42' },
          { property: 'age', operator: 'contains', value: '4' },
          { match: 'any', conditions: [{ property: 'age', operator: 'gt', value: '1,5' }] },
          { property: 'last_visit', operator: 'between', value: ['2026-12-01', '2026-01-01'] },
          { property: 'last_visit', operator: 'within-last-days', value: 1.5 },
          { property: 'colors', operator: 'has-any', value: [] },
          { property: 'favorite_color', operator: 'in', value: ['purple'] },
        ],
      },
      DEFS,
    );
    expect(errors.map((e) => [e.code, e.path])).to.deep.equal([
      ['audience.property', [0]],
      ['audience.operator', [1]],
      ['audience.value', [2, 0]],
      ['audience.range', [3]],
      ['audience.days', [4]],
      ['audience.value', [5]],
      ['audience.value', [6]],
    ]);
    expect(errors[2]!.valueError?.code).to.equal('value.type');
    expect(describeError(errors[6])).to.contain('“purple”');
  });

  it('makes matchesAudience throw rather than answer a bad query', () => {
    const bad: AudienceQuery = { match: 'all', conditions: [{ property: 'age', operator: 'on', value: '2026-01-01' }] };
    expect(() => matchesAudience(customer({}), bad, DEFS)).to.throw(InvalidAudienceError);
  });
});

// A deliberately simple second evaluation, written from DESIGN §6 without sharing code.
function reference(c: Customer, query: AudienceQuery, today: string): boolean {
  const results = query.conditions.map((item): boolean => {
    if ('conditions' in item) return reference(c, item, today);
    const value = c.properties[item.property];
    const operand = item.value as never;
    if (item.operator === 'is-set') return value !== undefined;
    if (value === undefined) return ['is-not-set', 'not-in', 'has-none', 'ne'].includes(item.operator);
    const num = (s: unknown) => Number(s);
    switch (item.operator) {
      case 'is-not-set':
        return false;
      case 'eq':
        return num(value) === num(operand);
      case 'ne':
        return num(value) !== num(operand);
      case 'lt':
        return num(value) < num(operand);
      case 'lte':
        return num(value) <= num(operand);
      case 'gt':
        return num(value) > num(operand);
      case 'gte':
        return num(value) >= num(operand);
      case 'between':
        return num(value) >= num(operand[0]) && num(value) <= num(operand[1]);
      case 'in':
        return (operand as string[]).includes(value as string);
      case 'not-in':
        return !(operand as string[]).includes(value as string);
      case 'has-any':
        return (operand as string[]).some((o) => (value as string[]).includes(o));
      case 'has-all':
        return (operand as string[]).every((o) => (value as string[]).includes(o));
      case 'has-none':
        return !(operand as string[]).some((o) => (value as string[]).includes(o));
      case 'on':
        return value === operand;
      case 'before':
        return (value as string) < (operand as string);
      case 'after':
        return (value as string) > (operand as string);
      case 'within-last-days': {
        const t = Date.parse(`${today}T00:00:00Z`);
        const v = Date.parse(`${value as string}T00:00:00Z`);
        return v <= t && v > t - (operand as number) * 86_400_000;
      }
      default:
        throw new Error(`reference does not know ${item.operator}`);
    }
  });
  return query.match === 'all' ? results.every(Boolean) : results.some(Boolean);
}

describe('matchesAudience agrees with a simple reference evaluation', function () {
  this.timeout(PROPERTY_TIMEOUT);
  // Small integers only, so the reference can use floats; dates near today.
  const smallNumber = fc.integer({ min: -20, max: 20 }).map(String);
  const nearDate = fc
    .integer({ min: -40, max: 5 })
    .map((offset) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10));
  const colorValue = fc.constantFrom(...favoriteColor.options!.map((o) => o.value));
  const colorList = fc.uniqueArray(colorValue, { minLength: 1, maxLength: 3 });
  const ordered = (values: string[]) => favoriteColor.options!.map((o) => o.value).filter((v) => values.includes(v));

  const customers = fc
    .record(
      {
        age: smallNumber,
        favorite_color: colorValue,
        colors: colorList.map(ordered),
        last_visit: nearDate,
      },
      { requiredKeys: [] },
    )
    .map((properties) => customer(properties as Record<string, PropertyValue>));

  const condition: fc.Arbitrary<AudienceCondition> = fc.oneof(
    fc.record({
      property: fc.constant('age'),
      operator: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'),
      value: smallNumber,
    }),
    fc.tuple(smallNumber, smallNumber).map(([a, b]) => ({
      property: 'age',
      operator: 'between' as const,
      value: Number(a) <= Number(b) ? [a, b] : [b, a],
    })),
    fc.record({ property: fc.constant('favorite_color'), operator: fc.constantFrom('in', 'not-in'), value: colorList }),
    fc.record({
      property: fc.constant('colors'),
      operator: fc.constantFrom('has-any', 'has-all', 'has-none'),
      value: colorList,
    }),
    fc.record({
      property: fc.constant('last_visit'),
      operator: fc.constantFrom('on', 'before', 'after'),
      value: nearDate,
    }),
    fc.record({
      property: fc.constant('last_visit'),
      operator: fc.constant('within-last-days'),
      value: fc.integer({ min: 1, max: 45 }),
    }),
    fc.record({
      property: fc.constantFrom('age', 'favorite_color', 'colors', 'last_visit'),
      operator: fc.constantFrom('is-set', 'is-not-set'),
    }),
  );

  const { query } = fc.letrec<{ query: AudienceQuery; item: AudienceCondition | AudienceQuery }>((tie) => ({
    query: fc.record({
      match: fc.constantFrom('all', 'any'),
      conditions: fc.array(tie('item'), { maxLength: 4 }),
    }),
    item: fc.oneof<[fc.Arbitrary<AudienceCondition>, fc.Arbitrary<AudienceQuery>]>(
      { depthSize: 'small', withCrossShrink: true },
      condition,
      tie<'query'>('query'),
    ),
  }));

  it('for random customers and random valid queries', () => {
    fc.assert(
      fc.property(customers, query, (c, q) => {
        expect(validateAudience(q, DEFS)).to.deep.equal([]);
        expect(compileAudience(q, DEFS, OPTIONS)(c)).to.equal(reference(c, q, '2026-11-27'));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('audience depth', () => {
  const isRed: AudienceCondition = { property: 'favorite_color', operator: 'in', value: ['red'] };
  /** A query with `depth` groups nested inside it, the condition in the innermost. */
  function nested(depth: number): AudienceQuery {
    let query: AudienceQuery = { match: 'all', conditions: [isRed] };
    for (let i = 0; i < depth; i++) query = { match: 'any', conditions: [query] };
    return query;
  }

  it(`takes groups nested ${AUDIENCE_MAX_DEPTH} deep, and matches through them`, () => {
    expect(AUDIENCE_MAX_DEPTH).to.equal(8);
    expect(validateAudience(nested(8), DEFS)).to.deep.equal([]);
    expect(matchesAudience(customer({ favorite_color: 'red' }), nested(8), DEFS, OPTIONS)).to.equal(true);
  });

  it('refuses a ninth level with audience.depth at the group too deep', () => {
    const errors = validateAudience(nested(9), DEFS);
    expect(errors).to.deep.equal([{ code: 'audience.depth', params: { max: 8 }, path: [0, 0, 0, 0, 0, 0, 0, 0, 0] }]);
    expect(describeError(errors[0]!)).to.equal('Groups can be nested at most 8 levels deep.');
  });

  it(`takes ${AUDIENCE_MAX_CONDITIONS} conditions and groups in all, and refuses one more with audience.size, worded`, () => {
    expect(AUDIENCE_MAX_CONDITIONS).to.equal(200);
    const most: AudienceQuery = {
      match: 'any',
      conditions: [...Array(150).fill(isRed), { match: 'all', conditions: Array(49).fill(isRed) }],
    };
    expect(validateAudience(most, DEFS)).to.deep.equal([]);
    const over: AudienceQuery = { ...most, conditions: [...most.conditions, isRed] };
    const errors = validateAudience(over, DEFS);
    expect(errors).to.deep.equal([{ code: 'audience.size', params: { max: 200 }, path: [] }]);
    expect(describeError(errors[0]!)).to.equal('An audience can have at most 200 conditions and groups in all.');
    expect(describeError(errors[0]!, { locale: 'de' })).to.equal(
      'Eine Zielgruppe darf insgesamt höchstens 200 Bedingungen und Gruppen haben.',
    );
  });

  it('answers a 10,000-deep query with the error, not a RangeError', () => {
    const deep = nested(10_000);
    expect(validateAudience(deep, DEFS).map((error) => error.code)).to.deep.equal(['audience.depth']);
    expect(() => compileAudience(deep, DEFS, OPTIONS)).to.throw(InvalidAudienceError);
  });

  it('reports a condition that is not an object instead of throwing', () => {
    const query = { match: 'all', conditions: [null] } as unknown as AudienceQuery;
    expect(validateAudience(query, DEFS).map((error) => error.code)).to.deep.equal(['audience.match']);
  });
});
