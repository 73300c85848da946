/*
 * IndexedDbStore's value index: every customer record carries `_index`, a list of
 * `[property, key]` entries under one multi-entry index, so a condition reads only the customers
 * it can match instead of every customer. The entries do not depend on the definitions (a
 * definition may change type, and an upgrade need not read them): text as it is, and text with
 * capitals also lowercased inside an array (`[name, ['abc']]`: words compare without case, and an
 * array sorts after every text, so no text range reaches it); a value that reads as a decimal also
 * as a number (numbers sort as numbers); each item of a list on its own (multiple choice); anything
 * else (a location) as present only. Candidates are always checked again by the
 * model's own test; a plan is `exact` when its keys are the answer itself.
 */
import type { AudienceCondition, AudienceQuery, Customer, PropertyDefinition } from '../model/index.js';
import { calendarDay } from '../model/audience.js';

/** The index over `_index`, and the field of each record that holds its entries. */
export const VALUE_INDEX = 'values';
export const INDEX_FIELD = '_index';

/** Text longer than this is indexed by its start: enough for presence, never used as an answer. */
const KEY_TEXT_MAX = 200;
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A customer as stored: the customer and its index entries. */
type Entry = [string, string | number | [string]];
export type CustomerRecord = Customer & { [INDEX_FIELD]?: Entry[] };

/** The index entries of one customer's properties. */
export function indexEntries(customer: Customer): Entry[] {
  const entries: Entry[] = [];
  const text = (name: string, value: string) => {
    const key = textKey(value);
    entries.push([name, key]);
    const folded = key.toLowerCase();
    if (folded !== key) entries.push([name, [folded]]);
  };
  for (const [name, value] of Object.entries(customer.properties ?? {})) {
    if (typeof value === 'string') {
      text(name, value);
      if (DECIMAL.test(value)) entries.push([name, Number(value)]);
    } else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string') text(name, item);
      if (value.length === 0) entries.push([name, 0]);
    } else if (value !== null && value !== undefined) {
      entries.push([name, 0]);
    }
  }
  return entries;
}

const textKey = (text: string) => (text.length > KEY_TEXT_MAX ? text.slice(0, KEY_TEXT_MAX) : text);

/** The record to store for a customer: the customer with its index entries. */
export function toRecord(customer: Customer): CustomerRecord {
  return { ...customer, [INDEX_FIELD]: indexEntries(customer) };
}

/** The customer of a stored record, without its index entries. */
export function fromRecord(record: CustomerRecord): Customer {
  if (!(INDEX_FIELD in record)) return record;
  const { [INDEX_FIELD]: _entries, ...customer } = record;
  return customer;
}

/** Key ranges of the value index that hold every customer a query can match. */
export interface IndexPlan {
  ranges: IDBKeyRange[];
  /** The keys are the answer: every customer under them matches, and only those. */
  exact: boolean;
  /** A guess at how many keys it reads, to try the narrow plans first: 0 for single values, 1 for bounded ranges, 2 for open ones. */
  breadth: 0 | 1 | 2;
}

// Every key of one property lies between these: numbers sort before strings, strings before arrays.
const lowest = (name: string): [string] => [name];
const highest = (name: string): [string, never[]] => [name, []];

/**
 * How a query can be read from the index: one plan for each condition of an `all` query (or its
 * only condition) whose operator the index can answer; none when there is no such condition (a
 * full scan). A store reads the plan with the fewest keys. `now` and `timeZone` anchor
 * `within-last-days`, as in `compileAudience`.
 */
export function planQuery(
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
  { now = new Date(), timeZone }: { now?: Date | undefined; timeZone?: string | undefined } = {},
): IndexPlan[] {
  if (query.match !== 'all' && query.conditions.length !== 1) return [];
  // Only custom properties are in the index: `name` and `number` are fields of the customer.
  const types = new Map(definitions.filter((def) => !def.builtIn).map((def) => [def.name, def.type]));
  const plans: IndexPlan[] = [];
  for (const item of query.conditions) {
    if ('conditions' in item) continue;
    const type = types.get(item.property);
    if (!type) continue;
    try {
      const plan = planCondition(item, type, () => calendarDay(now, timeZone));
      if (plan) plans.push({ ...plan, exact: plan.exact && query.conditions.length === 1 });
    } catch {
      // A range IndexedDB refuses (its bounds crossed): this condition is left to the test.
    }
  }
  return plans.sort((a, b) => a.breadth - b.breadth);
}

function planCondition(condition: AudienceCondition, type: string, today: () => string): IndexPlan | undefined {
  const name = condition.property;
  const value: unknown = condition.value;
  const only = (key: string | number) => IDBKeyRange.only([name, key]);
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
  const short = (list: string[]) => list.every((item) => item.length <= KEY_TEXT_MAX);
  const between = (from: string | number, to: string | number, openFrom = false, openTo = false) =>
    IDBKeyRange.bound([name, from], [name, to], openFrom, openTo);
  if (condition.operator === 'is-set') {
    return { ranges: [IDBKeyRange.bound(lowest(name), highest(name))], exact: true, breadth: 2 };
  }
  switch (type) {
    case 'single-choice':
    case 'multiple-choice':
    case 'word': {
      const list = condition.operator === 'equals' ? strings([value]) : strings(value);
      if (list.length === 0) return undefined;
      if (condition.operator === 'in' || condition.operator === 'has-any' || condition.operator === 'equals') {
        if (type !== 'word')
          return { ranges: [...new Set(list)].map((item) => only(textKey(item))), exact: short(list), breadth: 0 };
        // A word matches without case: the values written in lowercase, and the others by their lowercased entry.
        const folded = [...new Set(list.map((item) => textKey(item).toLowerCase()))];
        return {
          ranges: folded.flatMap((item) => [only(item), IDBKeyRange.only([name, [item]])]),
          exact: short(list),
          breadth: 0,
        };
      }
      // Every customer with all the items has the first.
      if (condition.operator === 'has-all' && type === 'multiple-choice') {
        return { ranges: [only(textKey(list[0]!))], exact: false, breadth: 0 };
      }
      return undefined;
    }
    case 'date':
    case 'time': {
      // ISO dates and times sort as text, and lowercasing leaves them alone: exact ranges.
      if (condition.operator === 'on')
        return typeof value === 'string' ? { ranges: [only(value)], exact: true, breadth: 0 } : undefined;
      if (condition.operator === 'before' && typeof value === 'string')
        return { ranges: [between('', value, false, true)], exact: true, breadth: 2 };
      if (condition.operator === 'after' && typeof value === 'string')
        return { ranges: [IDBKeyRange.bound([name, value], highest(name), true, true)], exact: true, breadth: 2 };
      if (condition.operator === 'between') {
        const [from, to] = strings(value);
        if (from === undefined || to === undefined) return undefined;
        // A time range that wraps past midnight is two ranges.
        if (type === 'time' && from > to) {
          return {
            ranges: [IDBKeyRange.bound([name, from], highest(name), false, true), between('', to)],
            exact: true,
            breadth: 2,
          };
        }
        return { ranges: [between(from, to)], exact: true, breadth: 1 };
      }
      if (condition.operator === 'within-last-days' && typeof value === 'number') {
        const end = today();
        const [year, month, day] = end.split('-').map(Number) as [number, number, number];
        const start = new Date(Date.UTC(year, month - 1, day - (value - 1))).toISOString().slice(0, 10);
        // Outside years 0000–9999 the start is not plain ISO text: read from the lowest date instead.
        return /^\d{4}-/.test(start)
          ? { ranges: [between(start, end)], exact: true, breadth: 1 }
          : { ranges: [between('', end)], exact: false, breadth: 2 };
      }
      return undefined;
    }
    case 'number': {
      // As floats, a decimal's order is kept but ties may appear: candidates, checked again.
      const number = (text: unknown) => (typeof text === 'string' && DECIMAL.test(text) ? Number(text) : undefined);
      const [from, to] = condition.operator === 'between' ? strings(value).map(number) : [number(value), number(value)];
      if (from === undefined || to === undefined) return undefined;
      const open = condition.operator !== 'eq' && condition.operator !== 'between';
      const range = {
        eq: between(from, to),
        gt: between(from, Infinity),
        gte: between(from, Infinity),
        lt: between(-Infinity, to),
        lte: between(-Infinity, to),
        between: between(from, to),
      }[condition.operator as string];
      const breadth = condition.operator === 'eq' ? 0 : open ? 2 : 1;
      return range ? { ranges: [range], exact: false, breadth } : undefined;
    }
    default:
      return undefined;
  }
}
