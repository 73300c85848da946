import { BUILT_IN_DEFINITIONS } from './definitions.js';
import type { ValueError } from './errors.js';
import type {
  AudienceCondition,
  AudienceOperator,
  AudienceQuery,
  Customer,
  PropertyDefinition,
  PropertyType,
  PropertyValue,
} from './types.js';
import { PROPERTY_TYPES } from './types.js';
import { validateValue } from './values.js';
import { PROPERTY_TYPE_SPECS, specFor } from './value-types/index.js';
import type { OperatorSpec, ValueTest } from './value-types/spec.js';

export { distanceKm } from './value-types/location.js';

const SET = ['is-set', 'is-not-set'] as const;

/** Every type has these: they look only at whether a value is there. */
const SET_OPERATORS = {
  'is-set': { operand: 'none', test: () => () => true },
  'is-not-set': { operand: 'none', test: () => () => false },
} as const;

type AnyOperatorSpec = OperatorSpec | (typeof SET_OPERATORS)[keyof typeof SET_OPERATORS];

/** The operators that fit each type, from its spec; every type has `is-set` and `is-not-set`. */
export const AUDIENCE_OPERATORS = {} as Record<PropertyType, readonly AudienceOperator[]>;
for (const type of PROPERTY_TYPES) {
  AUDIENCE_OPERATORS[type] = [...(Object.keys(PROPERTY_TYPE_SPECS[type].operators) as AudienceOperator[]), ...SET];
}

function operatorSpec(def: PropertyDefinition, operator: AudienceOperator): AnyOperatorSpec | undefined {
  if (operator === 'is-set' || operator === 'is-not-set') return SET_OPERATORS[operator];
  const operators = specFor(def)?.operators;
  return operators && Object.hasOwn(operators, operator) ? operators[operator] : undefined;
}

/**
 * How deep groups may nest inside a query (the query itself not counted): deep enough for any
 * audience people build, and shallow enough that checking and matching never exhaust the stack.
 */
export const AUDIENCE_MAX_DEPTH = 8;

/**
 * The most conditions and groups one query may hold, at every depth together: far more than anyone
 * builds, and few enough that one query cannot hold a store for minutes (16,000 conditions, under
 * the server's 1 MB, took PGlite 161 s over 10,000 customers).
 */
export const AUDIENCE_MAX_CONDITIONS = 200;

export interface AudienceErrorParams {
  'audience.match': Record<never, never>;
  /** A group nested more than `max` deep. */
  'audience.depth': { max: number };
  /** More than `max` conditions and groups in the whole query (path `[]`). */
  'audience.size': { max: number };
  'audience.property': { property: string };
  'audience.operator': { label: string; operator: string; type: PropertyType };
  'audience.value': { label: string };
  'audience.range': { label: string };
  'audience.days': { label: string };
  /** A saved audience without a name (after trimming). */
  'audience.name.required': Record<never, never>;
  /** A saved audience's name longer than `max` characters. */
  'audience.name.length': { max: number; length: number };
  /** Another saved audience has this name (compared without case). */
  'audience.name.taken': { name: string };
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
    operand = rest;
    operandDefinitions.set(def, operand);
  }
  return operand;
}

/** One operand checked by the type's own rule, or as a stored value of the property. */
function checkOperand(def: PropertyDefinition, value: unknown): ValueError | 'missing' | null {
  const own = specFor(def)?.checkOperand;
  if (own) return own(def, value);
  if (value === null || value === undefined || value === '') return 'missing';
  return validateValue(operandDefinition(def), value as PropertyValue);
}

/** Every problem in a query, each with the path to its condition; `[]` when it can be evaluated. */
export function validateAudience(query: AudienceQuery, definitions: readonly PropertyDefinition[]): AudienceError[] {
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

  // `path.length` is the group's depth: checked before descending, so recursion stays shallow.
  const visit = (group: AudienceQuery, path: number[]) => {
    if ((group.match !== 'all' && group.match !== 'any') || !Array.isArray(group.conditions)) {
      add('audience.match', {}, path);
      return;
    }
    group.conditions.forEach((item, index) => {
      const at = [...path, index];
      if (typeof item !== 'object' || item === null) return add('audience.match', {}, at);
      if (isGroup(item)) {
        return at.length > AUDIENCE_MAX_DEPTH
          ? add('audience.depth', { max: AUDIENCE_MAX_DEPTH }, at)
          : visit(item, at);
      }
      const def = defs.get(item.property);
      if (!def) return add('audience.property', { property: String(item.property) }, at);
      const label = def.label;
      const operator = operatorSpec(def, item.operator);
      if (!operator) {
        return add('audience.operator', { label, operator: String(item.operator), type: def.type }, at);
      }
      const checkOne = (value: unknown) => checkOperand(def, value);
      const report = (problem: ValueError | 'missing') =>
        add('audience.value', { label }, at, problem === 'missing' ? undefined : problem);
      const value = item.value;
      switch (operator.operand) {
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
          const compare = specFor(def)?.compare;
          if (compare && compare(from, to) > 0) add('audience.range', { label }, at);
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
  else if (itemCount(query) > AUDIENCE_MAX_CONDITIONS) add('audience.size', { max: AUDIENCE_MAX_CONDITIONS }, []);
  else visit(query, []);
  return errors;
}

/**
 * Conditions and groups in a query, counted without recursion as deep as `validateAudience` looks
 * (a group nested too deep is its own problem, `audience.depth`), up to one past the most allowed.
 */
function itemCount(query: AudienceQuery): number {
  let count = 0;
  const groups: [unknown, number][] = [[query, 0]];
  while (groups.length > 0 && count <= AUDIENCE_MAX_CONDITIONS) {
    const [group, depth] = groups.pop()! as [Partial<AudienceQuery> | null, number];
    if (!group || typeof group !== 'object' || !Array.isArray(group.conditions)) continue;
    count += group.conditions.length;
    if (depth >= AUDIENCE_MAX_DEPTH) continue;
    for (const item of group.conditions as unknown[]) {
      if (isGroup(item as AudienceCondition)) groups.push([item, depth + 1]);
    }
  }
  return count;
}

/** `now`'s calendar date in `timeZone`, as `YYYY-MM-DD`: the day `within-last-days` counts back from. */
export function calendarDay(now: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

function customerValue(customer: Customer, name: string): PropertyValue | undefined {
  if (name === 'name' || name === 'number') return customer[name] === '' ? undefined : customer[name];
  return Object.hasOwn(customer.properties, name) ? customer.properties[name] : undefined;
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
      const test: ValueTest = operatorSpec(def, item.operator)!.test(item.value, today);
      const unsetMatches = UNSET_MATCHES.has(item.operator);
      return (customer: Customer) => {
        const value = customerValue(customer, def.name);
        return value === undefined ? unsetMatches : test(value);
      };
    });
    // Plain loops and no closure per customer: a store runs this over a million customers.
    if (tests.length === 1) return tests[0]!;
    return group.match === 'all'
      ? (customer) => {
          for (const test of tests) if (!test(customer)) return false;
          return true;
        }
      : (customer) => {
          for (const test of tests) if (test(customer)) return true;
          return false;
        };
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
