import { compareDecimals } from './decimal.js';
import { BUILT_IN_DEFINITIONS } from './definitions.js';
import type { ValueError } from './errors.js';
import type {
  AudienceCondition,
  AudienceOperator,
  AudienceQuery,
  Customer,
  LocationValue,
  PropertyDefinition,
  PropertyType,
  PropertyValue,
} from './types.js';
import { validateValue } from './values.js';

const SET = ['is-set', 'is-not-set'] as const;

/** The operators that fit each type; every type has `is-set` and `is-not-set`. */
export const AUDIENCE_OPERATORS = {
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', ...SET],
  text: ['contains', 'equals', 'starts-with', ...SET],
  word: ['equals', 'in', ...SET],
  'single-choice': ['in', 'not-in', ...SET],
  'multiple-choice': ['has-any', 'has-all', 'has-none', ...SET],
  location: ['within-km', ...SET],
  date: ['on', 'before', 'after', 'between', 'within-last-days', ...SET],
  time: ['before', 'after', 'between', ...SET],
} as const satisfies Record<PropertyType, readonly AudienceOperator[]>;

/** What an operator takes as its `value`. */
type Operand = 'none' | 'one' | 'pair' | 'list' | 'days' | 'circle';

const OPERANDS: Record<AudienceOperator, Operand> = {
  eq: 'one', ne: 'one', lt: 'one', lte: 'one', gt: 'one', gte: 'one', between: 'pair',
  contains: 'one', equals: 'one', 'starts-with': 'one', in: 'list', 'not-in': 'list',
  'has-any': 'list', 'has-all': 'list', 'has-none': 'list',
  on: 'one', before: 'one', after: 'one', 'within-last-days': 'days', 'within-km': 'circle',
  'is-set': 'none', 'is-not-set': 'none',
};

export interface AudienceErrorParams {
  'audience.match': Record<never, never>;
  'audience.property': { property: string };
  'audience.operator': { label: string; operator: string; type: PropertyType };
  'audience.value': { label: string };
  'audience.range': { label: string };
  'audience.days': { label: string };
}

export type AudienceErrorCode = keyof AudienceErrorParams;

/**
 * A problem with a query, in no language (`describeError` words it). `path` leads to the condition: `[2, 0]` is the first condition of the
 * group that is the third condition of the query. A bad value carries the model's `valueError`.
 */
export type AudienceError = {
  [K in AudienceErrorCode]: {
    code: K;
    params: AudienceErrorParams[K];
    path: number[];
    valueError?: ValueError;
  };
}[AudienceErrorCode];

/** Thrown by `compileAudience` and `matchesAudience` for a query that `validateAudience` rejects. */
export class InvalidAudienceError extends Error {
  override readonly name = 'InvalidAudienceError';
  constructor(readonly errors: AudienceError[]) {
    // For logs only; people see the errors worded by `describeError`.
    super(`Invalid audience: ${errors.map((error) => `${error.code} at [${error.path.join(', ')}]`).join('; ')}`);
  }
}

export interface AudienceOptions {
  /** Anchors `within-last-days`; defaults to the current time. */
  now?: Date | undefined;
  /** The IANA zone whose calendar says which day `now` is; defaults to the runtime's own. */
  timeZone?: string | undefined;
}

function definitionMap(definitions: readonly PropertyDefinition[]): Map<string, PropertyDefinition> {
  const map = new Map<string, PropertyDefinition>(BUILT_IN_DEFINITIONS.map((def) => [def.name, def]));
  for (const def of definitions) map.set(def.name, def);
  return map;
}

function isGroup(item: AudienceCondition | AudienceQuery): item is AudienceQuery {
  return typeof item === 'object' && item !== null && 'conditions' in item;
}

/** A condition's value is checked as a stored value of the property, minus `required` and `pattern`. */
const operandDefinitions = new WeakMap<PropertyDefinition, PropertyDefinition>();
function operandDefinition(def: PropertyDefinition): PropertyDefinition {
  let operand = operandDefinitions.get(def);
  if (!operand) {
    const { pattern: _pattern, required: _required, ...rest } = def;
    operand = def.type === 'multiple-choice' ? { ...rest, type: 'single-choice' } : rest;
    operandDefinitions.set(def, operand);
  }
  return operand;
}

/** Every problem in a query, each with the path to its condition; `[]` when it can be evaluated. */
export function validateAudience(
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
): AudienceError[] {
  const defs = definitionMap(definitions);
  const errors: AudienceError[] = [];
  const add = <K extends AudienceErrorCode>(
    code: K,
    params: AudienceErrorParams[K],
    path: number[],
    valueError?: ValueError,
  ) => {
    errors.push({ code, params, path, ...(valueError ? { valueError } : {}) } as AudienceError);
  };

  const visit = (group: AudienceQuery, path: number[]) => {
    if ((group.match !== 'all' && group.match !== 'any') || !Array.isArray(group.conditions)) {
      add('audience.match', {}, path);
      return;
    }
    group.conditions.forEach((item, index) => {
      const at = [...path, index];
      if (isGroup(item)) return visit(item, at);
      const def = defs.get(item.property);
      if (!def) return add('audience.property', { property: String(item.property) }, at);
      const label = def.label;
      const allowed = AUDIENCE_OPERATORS[def.type] as readonly string[] | undefined;
      if (!allowed?.includes(item.operator)) {
        return add('audience.operator', { label, operator: String(item.operator), type: def.type }, at);
      }
      const operandDef = operandDefinition(def);
      const checkOne = (value: unknown): ValueError | null | 'missing' => {
        if (value === null || value === undefined || value === '') return 'missing';
        if (def.type === 'text') return typeof value === 'string' ? null : 'missing';
        return validateValue(operandDef, value as PropertyValue);
      };
      const report = (problem: ValueError | 'missing') =>
        add('audience.value', { label }, at, problem === 'missing' ? undefined : problem);
      const value = item.value;
      switch (OPERANDS[item.operator]) {
        case 'none':
          if (value !== undefined) report('missing');
          return;
        case 'one': {
          const problem = checkOne(value);
          if (problem) report(problem);
          return;
        }
        case 'list': {
          if (!Array.isArray(value) || value.length === 0) return report('missing');
          const problem = value.map(checkOne).find((p) => p !== null);
          if (problem) report(problem);
          return;
        }
        case 'pair': {
          if (!Array.isArray(value) || value.length !== 2) return report('missing');
          const problem = value.map(checkOne).find((p) => p !== null);
          if (problem) return report(problem);
          const [from, to] = value as [string, string];
          const backwards = def.type === 'number' ? compareDecimals(from, to) > 0 : def.type === 'date' && from > to;
          if (backwards) add('audience.range', { label }, at);
          return;
        }
        case 'days':
          if (!Number.isSafeInteger(value) || (value as number) < 1) add('audience.days', { label }, at);
          return;
        case 'circle': {
          const circle = value as { lat?: unknown; lng?: unknown; km?: unknown } | null;
          if (typeof circle !== 'object' || circle === null) return report('missing');
          const problem = checkOne({ lat: circle.lat, lng: circle.lng });
          if (problem) return report(problem);
          if (typeof circle.km !== 'number' || !Number.isFinite(circle.km) || circle.km < 0) report('missing');
          return;
        }
      }
    });
  };
  if (typeof query !== 'object' || query === null) add('audience.match', {}, []);
  else visit(query, []);
  return errors;
}

/** Days since 1970-01-01 of a proleptic Gregorian date, without `Date` (H. Hinnant's algorithm). */
function dayNumber(iso: string): number {
  let [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  year -= month <= 2 ? 1 : 0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** `now`'s calendar date in `timeZone`, as `YYYY-MM-DD`. */
function calendarDay(now: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function customerValue(customer: Customer, name: string): PropertyValue | undefined {
  if (name === 'name' || name === 'number') return customer[name] === '' ? undefined : customer[name];
  return Object.hasOwn(customer.properties, name) ? customer.properties[name] : undefined;
}

type Test = (value: PropertyValue) => boolean;
const lower = (value: unknown) => String(value).toLowerCase();

/** The test for a set value; an unset value matches only the operators listed in `UNSET_MATCHES`. */
function conditionTest(condition: AudienceCondition, type: PropertyType, today: () => string): Test {
  const operand = condition.value;
  const one = operand as string;
  const list = operand as string[];
  const [from, to] = (Array.isArray(operand) ? operand : []) as [string, string];
  const decimal = (test: (order: number) => boolean): Test => (v) =>
    typeof v === 'string' && test(compareDecimals(v, one));
  switch (condition.operator) {
    case 'is-set':
      return () => true;
    case 'is-not-set':
      return () => false;
    case 'eq':
      return decimal((order) => order === 0);
    case 'ne':
      return (v) => typeof v !== 'string' || compareDecimals(v, one) !== 0;
    case 'lt':
      return decimal((order) => order < 0);
    case 'lte':
      return decimal((order) => order <= 0);
    case 'gt':
      return decimal((order) => order > 0);
    case 'gte':
      return decimal((order) => order >= 0);
    case 'between':
      if (type === 'number') {
        return (v) => typeof v === 'string' && compareDecimals(v, from) >= 0 && compareDecimals(v, to) <= 0;
      }
      // Times wrap past midnight when `from` is later than `to` (22:00–02:00).
      if (type === 'time' && from > to) return (v) => typeof v === 'string' && (v >= from || v <= to);
      return (v) => typeof v === 'string' && v >= from && v <= to;
    case 'contains':
      return (v) => typeof v === 'string' && lower(v).includes(lower(one));
    case 'equals':
      return (v) => typeof v === 'string' && lower(v) === lower(one);
    case 'starts-with':
      return (v) => typeof v === 'string' && lower(v).startsWith(lower(one));
    case 'in': {
      const wanted = new Set(type === 'word' ? list.map(lower) : list);
      return (v) => typeof v === 'string' && wanted.has(type === 'word' ? lower(v) : v);
    }
    case 'not-in': {
      const unwanted = new Set(list);
      return (v) => !(typeof v === 'string' && unwanted.has(v));
    }
    case 'has-any':
      return (v) => Array.isArray(v) && list.some((item) => v.includes(item));
    case 'has-all':
      return (v) => Array.isArray(v) && list.every((item) => v.includes(item));
    case 'has-none':
      return (v) => !Array.isArray(v) || !list.some((item) => v.includes(item));
    case 'on':
      return (v) => v === one;
    case 'before':
      return (v) => typeof v === 'string' && v < one;
    case 'after':
      return (v) => typeof v === 'string' && v > one;
    case 'within-last-days': {
      const days = operand as number;
      return (v) => {
        if (typeof v !== 'string') return false;
        const age = dayNumber(today()) - dayNumber(v);
        return age >= 0 && age < days;
      };
    }
    case 'within-km': {
      const circle = operand as { lat: number; lng: number; km: number };
      return (v) => {
        const point = v as LocationValue;
        return typeof point === 'object' && !Array.isArray(point) && distanceKm(point, circle) <= circle.km;
      };
    }
  }
}

/** Operators that a customer without the property matches. */
const UNSET_MATCHES = new Set<AudienceOperator>(['is-not-set', 'not-in', 'has-none', 'ne']);

/**
 * Checks a query once and turns it into a test for many customers; throws `InvalidAudienceError`
 * when `validateAudience` finds problems. Stores use it for `findCustomers`.
 */
export function compileAudience(
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
  { now, timeZone }: AudienceOptions = {},
): (customer: Customer) => boolean {
  const errors = validateAudience(query, definitions);
  if (errors.length > 0) throw new InvalidAudienceError(errors);
  const defs = definitionMap(definitions);
  let todayIso: string | undefined;
  const today = () => (todayIso ??= calendarDay(now ?? new Date(), timeZone));

  const compileGroup = (group: AudienceQuery): ((customer: Customer) => boolean) => {
    const tests = group.conditions.map((item) => {
      if (isGroup(item)) return compileGroup(item);
      const def = defs.get(item.property)!;
      const test = conditionTest(item, def.type, today);
      const unsetMatches = UNSET_MATCHES.has(item.operator);
      return (customer: Customer) => {
        const value = customerValue(customer, def.name);
        return value === undefined ? unsetMatches : test(value);
      };
    });
    return group.match === 'all'
      ? (customer) => tests.every((test) => test(customer))
      : (customer) => tests.some((test) => test(customer));
  };
  return compileGroup(query);
}

/**
 * Whether a customer belongs to an audience. Pure: `now` anchors `within-last-days`. Throws
 * `InvalidAudienceError` for a query `validateAudience` rejects, rather than answer wrongly.
 */
export function matchesAudience(
  customer: Customer,
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
  options: AudienceOptions = {},
): boolean {
  return compileAudience(query, definitions, options)(customer);
}
