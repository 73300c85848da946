/*
 * An AudienceQuery as ONE SQL condition over `customers c`, matching exactly the customers the
 * model's `matchesAudience` accepts. Values never enter the SQL text: each is a `$n` parameter,
 * sent as text and cast in the SQL; property names too. Every condition is true or false, never
 * NULL, so NOT and the groups behave as the model's booleans do.
 *
 * How each type is compared, after the per-type specs in src/model/value-types:
 * - number: as `numeric`, exact to the last digit;
 * - date and time: their canonical strings in the "C" collation (byte order is date order);
 * - choices, and dates `on`: JSONB containment `c.properties @> $n`, which the GIN index serves;
 * - text and word: the `folded` column, lower-cased by JavaScript as the model lower-cases,
 *   against a parameter lower-cased the same way, LIKE wildcards escaped;
 * - location: the haversine distance, written as the model computes it, same Earth radius
 *   (coordinates within 1e-120 degrees of 0 taken as 0; see TINY_DEGREES).
 */
import {
  BUILT_IN_DEFINITIONS,
  InvalidAudienceError,
  validateAudience,
  type AudienceCondition,
  type AudienceOperator,
  type AudienceQuery,
  type PropertyDefinition,
  type PropertyType,
} from '../../model/index.js';
import { calendarDay } from '../../model/audience.js';
import { dayNumber } from '../../model/value-types/date.js';
import { StoreError } from '../../storage/store-error.js';

/** Collects the parameters of one statement; the same value and type is sent once. */
export class SqlParams {
  readonly values: string[] = [];
  #seen = new Map<string, string>();

  /** A placeholder for `value`, cast to `type`: `$3::jsonb`. */
  add(value: string, type: 'text' | 'jsonb' | 'numeric' | 'float8'): string {
    const key = `${type}\u0000${value}`;
    let placeholder = this.#seen.get(key);
    if (!placeholder) {
      this.values.push(value);
      placeholder = `$${this.values.length}::${type}`;
      this.#seen.set(key, placeholder);
    }
    return placeholder;
  }

  text = (value: string) => this.add(value, 'text');
  json = (value: unknown) => this.add(JSON.stringify(value), 'jsonb');
}

/** What one condition compiles from. */
interface Compile {
  value: unknown;
  p: SqlParams;
  /** The stored value, JSONB (custom properties only). */
  stored: string;
  /** The lower-cased string value, text; NULL when unset or not a string. */
  folded: string;
  /** The string value in the "C" collation; NULL when unset or not a string. */
  string: string;
  /** `c.properties @> {name: value}` for a value (a choice, a date, a list of choices). */
  contains: (value: unknown) => string;
  /** `today` as the model counts it, `YYYY-MM-DD`. */
  today: () => string;
}

type OperatorSql = (c: Compile) => string;

// Above this many items a list is one JSONB parameter rather than one containment per item.
const LIST_AS_ORS = 64;
const EARTH_RADIUS_KM = 6371.0088;

const lower = (value: unknown) => String(value).toLowerCase();
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');
const never = (expression: string) => `COALESCE(${expression}, false)`;
const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`);

const TEXT_OPERATORS = {
  contains: (c) => never(`${c.folded} LIKE ${c.p.text(`%${escapeLike(lower(c.value))}%`)}`),
  equals: (c) => never(`${c.folded} = ${c.p.text(lower(c.value))}`),
  'starts-with': (c) => never(`${c.folded} LIKE ${c.p.text(`${escapeLike(lower(c.value))}%`)}`),
} satisfies Partial<Record<AudienceOperator, OperatorSql>>;

/** `between`, `before`, `after` over strings whose byte order is their order (dates, times). */
function compareStrings(op: '<' | '>' | '>=' | '<=' | '='): OperatorSql {
  return (c) => never(`${c.string} ${op} ${c.p.text(String(c.value))}`);
}
const stringBetween: OperatorSql = (c) => {
  const [from, to] = c.value as [string, string];
  return never(`${c.string} BETWEEN ${c.p.text(from)} AND ${c.p.text(to)}`);
};

function numberOperator(op: '=' | '<' | '<=' | '>' | '>='): OperatorSql {
  return (c) => never(`${numeric(c)} ${op} ${c.p.add(String(c.value), 'numeric')}`);
}
const numeric = (c: Compile) =>
  `(CASE WHEN jsonb_typeof(${c.stored}) = 'string' THEN (${c.stored} #>> '{}')::numeric END)`;

/** A single choice is one of `list`; never NULL. */
function choiceIn(c: Compile): string {
  const list = c.value as string[];
  if (list.length <= LIST_AS_ORS) return anyOf(list.map((item) => c.contains(item)));
  return never(`jsonb_typeof(${c.stored}) = 'string' AND ${c.p.json(list)} @> ${c.stored}`);
}

/** A multiple choice holds at least one of `list`; never NULL. */
function hasAny(c: Compile): string {
  const list = c.value as string[];
  if (list.length <= LIST_AS_ORS) return anyOf(list.map((item) => c.contains([item])));
  return never(
    `jsonb_typeof(${c.stored}) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(${c.p.json(list)}) AS wanted(item) WHERE ${c.stored} ? wanted.item)`,
  );
}

/** Days since 1970-01-01 back to `YYYY-MM-DD` (proleptic Gregorian, years 1–9999). */
function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
const FIRST_DAY = dayNumber('0001-01-01');

/*
 * PostgreSQL raises an error where a float8 product underflows to zero, and JavaScript gives 0.
 * Coordinates closer to 0 than this are taken as 0 (on both sides of the comparison), so no step of
 * the haversine comes near the underflow: the one place the SQL and the model can differ, by under
 * 1e-115 km.
 */
const TINY_DEGREES = 1e-120;
const coordinateSql = (expression: string) =>
  `(CASE WHEN abs(${expression}) < ${TINY_DEGREES}::float8 THEN 0 ELSE ${expression} END)`;
const coordinateValue = (value: number) => (Math.abs(value) < TINY_DEGREES ? 0 : value);

/** Great-circle distance from the stored location to the circle's centre, as `distanceKm` computes it. */
function withinKm(c: Compile): string {
  const circle = c.value as { lat: number; lng: number; km: number };
  const rad = '(pi() / 180)';
  const lat1 = coordinateSql(`(${c.stored} ->> 'lat')::float8`);
  const lng1 = coordinateSql(`(${c.stored} ->> 'lng')::float8`);
  const lat2 = c.p.add(String(coordinateValue(circle.lat)), 'float8');
  const lng2 = c.p.add(String(coordinateValue(circle.lng)), 'float8');
  const halfLat = `sin(((${lat2} - ${lat1}) * ${rad}) / 2)`;
  const halfLng = `sin(((${lng2} - ${lng1}) * ${rad}) / 2)`;
  const h = `(${halfLat} * ${halfLat} + cos(${lat1} * ${rad}) * cos(${lat2} * ${rad}) * (${halfLng} * ${halfLng}))`;
  const km = `((2 * ${EARTH_RADIUS_KM}::float8) * asin(least(1::float8, sqrt(${h}))))`;
  const isPoint = `jsonb_typeof(${c.stored}) = 'object' AND jsonb_typeof(${c.stored} -> 'lat') = 'number' AND jsonb_typeof(${c.stored} -> 'lng') = 'number'`;
  return never(`CASE WHEN ${isPoint} THEN ${km} <= ${c.p.add(String(circle.km), 'float8')} END`);
}

/** How each type's operators run as SQL (`is-set` and `is-not-set` are the same for all). */
const TYPE_SQL = {
  number: {
    eq: numberOperator('='),
    ne: (c) => `NOT (${numberOperator('=')(c)})`,
    lt: numberOperator('<'),
    lte: numberOperator('<='),
    gt: numberOperator('>'),
    gte: numberOperator('>='),
    between: (c) => {
      const [from, to] = c.value as [string, string];
      return never(`${numeric(c)} BETWEEN ${c.p.add(from, 'numeric')} AND ${c.p.add(to, 'numeric')}`);
    },
  },
  text: TEXT_OPERATORS,
  word: {
    equals: TEXT_OPERATORS.equals,
    in: (c) => `${c.p.json((c.value as string[]).map(lower))} @> jsonb_build_array(${c.folded})`,
  },
  'single-choice': {
    in: choiceIn,
    'not-in': (c) => `NOT (${choiceIn(c)})`,
  },
  'multiple-choice': {
    'has-any': hasAny,
    'has-all': (c) => c.contains(c.value),
    'has-none': (c) => `NOT (${hasAny(c)})`,
  },
  location: { 'within-km': withinKm },
  date: {
    on: (c) => c.contains(c.value),
    before: compareStrings('<'),
    after: compareStrings('>'),
    between: stringBetween,
    'within-last-days': (c) => {
      // Counted on the calendar back from today, today included: the days from `first` to today.
      const today = c.today();
      const first = dayNumber(today) - (c.value as number) + 1;
      const upTo = `${c.string} <= ${c.p.text(today)}`;
      return first <= FIRST_DAY ? never(upTo) : never(`${c.string} >= ${c.p.text(isoDay(first))} AND ${upTo}`);
    },
  },
  time: {
    before: compareStrings('<'),
    after: compareStrings('>'),
    between: (c) => {
      const [from, to] = c.value as [string, string];
      // Past midnight when `from` is later than `to` (22:00–02:00), as the model has it.
      if (from <= to) return stringBetween(c);
      return never(`(${c.string} >= ${c.p.text(from)} OR ${c.string} <= ${c.p.text(to)})`);
    },
  },
} satisfies Record<PropertyType, Partial<Record<AudienceOperator, OperatorSql>>>;

/** The columns that hold the built-in properties; a fixed map, never text from a query. */
const BUILT_IN_COLUMNS: Record<string, string> = { name: 'c.name', number: 'c.number' };

export interface AudienceSqlOptions {
  /** Anchors `within-last-days`; default: the current time. */
  now?: Date | undefined;
  /** The zone whose calendar says which day `now` is; default: the runtime's own, as the model. */
  timeZone?: string | undefined;
}

function isGroup(item: AudienceCondition | AudienceQuery): item is AudienceQuery {
  return typeof item === 'object' && item !== null && 'conditions' in item;
}

/**
 * The query as one SQL condition over `customers c`, its values added to `params`. Checks the
 * query with the model first and rejects an invalid one with `StoreError('invalid')`.
 */
export function audienceSql(
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
  params: SqlParams,
  { now, timeZone }: AudienceSqlOptions = {},
): string {
  const errors = validateAudience(query, definitions);
  if (errors.length > 0) {
    throw new StoreError('invalid', new InvalidAudienceError(errors).message, { audienceErrors: errors });
  }
  const defs = new Map<string, PropertyDefinition>(BUILT_IN_DEFINITIONS.map((def) => [def.name, def]));
  for (const def of definitions) defs.set(def.name, def);
  let todayIso: string | undefined;
  const today = () => (todayIso ??= calendarDay(now ?? new Date(), timeZone));

  const condition = ({ property, operator, value }: AudienceCondition): string => {
    const def = defs.get(property)!;
    const column = def.builtIn ? BUILT_IN_COLUMNS[def.name] : undefined;
    // Added only when used: PostgreSQL refuses a parameter no expression gives a type.
    const key = () => params.text(def.name);
    if (operator === 'is-set' || operator === 'is-not-set') {
      const set = column ? `${column} <> ''` : `c.properties ? ${key()}`;
      return operator === 'is-set' ? `(${set})` : `NOT (${set})`;
    }
    const compile: Compile = {
      value,
      p: params,
      get stored() {
        return `(c.properties -> ${key()})`;
      },
      get folded() {
        return `(c.folded ->> ${key()})`;
      },
      get string() {
        return `((CASE WHEN jsonb_typeof(${this.stored}) = 'string' THEN ${this.stored} #>> '{}' END) COLLATE "C")`;
      },
      contains: (item) => `c.properties @> ${params.json({ [def.name]: item })}`,
      today,
    };
    const operators: Partial<Record<AudienceOperator, OperatorSql>> = TYPE_SQL[def.type];
    const sql = operators[operator];
    // validateAudience accepted the operator, so only a type without SQL can get here.
    if (!sql) throw new StoreError('invalid', `No SQL for ${def.type} ${operator}.`, { code: 'audience.operator' });
    return `(${sql(compile)})`;
  };

  const group = ({ match, conditions }: AudienceQuery): string => {
    const parts = conditions.map((item) => (isGroup(item) ? group(item) : condition(item)));
    if (parts.length === 0) return match === 'all' ? 'TRUE' : 'FALSE';
    return `(${parts.join(match === 'all' ? ' AND ' : ' OR ')})`;
  };
  return group(query);
}
