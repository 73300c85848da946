/*
 * The rules every store applies, as pure functions over plain data: the field-by-field merge,
 * validation of every write with the model, and the definition lifecycle. MemoryStore,
 * IndexedDbStore and the REST test server all call these, and so can a host's own backend.
 */
import {
  BUILT_IN_DEFINITIONS,
  InvalidAudienceError,
  compileAudience,
  definitionWithDefaults,
  isPrototypeKey,
  sortDefinitions,
  validateDefinition,
  validateValue,
  validateCustomerNumber,
  validateSavedAudience,
  type SavedAudience,
  type SavedAudienceInit,
  type AudienceOptions,
  type AudienceQuery,
  type Customer,
  type DefinitionError,
  type DefinitionInit,
  type PropertyDefinition,
  type PropertyValue,
  type ValueError,
} from '../model/index.js';
import { sameValue } from '../model/values.js';
import type { FindCustomersResult, UpsertCustomer } from './property-store.js';
import { StoreError, customerField } from './store-error.js';

/** Kept here for the stores' callers; its own module so that `RestStore` can import it alone. */
export { holdsChanges } from './customer-changes.js';

const BUILT_IN_NAMES = new Set(BUILT_IN_DEFINITIONS.map((def) => def.name));
const NAME_DEFINITION = BUILT_IN_DEFINITIONS.find((def) => def.name === 'name')!;

export interface WriteContext {
  /** Who makes the change: recorded in `changed[field].by`. */
  author?: string | undefined;
  now?: Date;
}

/** The built-ins first, then the custom definitions in their order. */
export function withBuiltIns(custom: readonly PropertyDefinition[]): PropertyDefinition[] {
  return [...BUILT_IN_DEFINITIONS.map((def) => structuredClone(def)), ...sortDefinitions(custom)];
}

function invalidDefinition(errors: DefinitionError[]): StoreError {
  return new StoreError('invalid', undefined, { definitionErrors: errors });
}

function builtInError(name: string): StoreError {
  const error: DefinitionError = { code: 'definition.builtin', params: { name }, field: 'name' };
  return new StoreError('forbidden', undefined, { definitionErrors: [error] });
}

/**
 * Checks a new definition; rejects with `conflict` for a taken name, `invalid` for the rest. What it
 * omits takes the defaults of `definitionWithDefaults`, the same in every store: placed last, shown
 * to agents and not to customers, editable by every user.
 */
export function checkNewDefinition(init: DefinitionInit, custom: readonly PropertyDefinition[]): PropertyDefinition {
  if (init.builtIn) throw builtInError(String(init.name));
  const def = definitionWithDefaults(init, custom);
  const errors = validateDefinition(def, custom);
  const taken = errors.find((error) => error.code === 'definition.name.taken');
  if (taken) throw new StoreError('conflict', undefined, { fields: ['name'], definitionErrors: errors });
  if (errors.length > 0) throw invalidDefinition(errors);
  return structuredClone(def);
}

/**
 * Checks a changed definition against the one it replaces. The name never changes (it is the
 * key); the type changes only while no customer holds a value, unless `allowTypeChange`.
 */
export function checkDefinitionUpdate(
  def: PropertyDefinition,
  custom: readonly PropertyDefinition[],
  valueCount: () => number,
  { allowTypeChange = false }: { allowTypeChange?: boolean } = {},
): PropertyDefinition {
  if (BUILT_IN_NAMES.has(def.name)) throw builtInError(def.name);
  const previous = custom.find((other) => other.name === def.name);
  if (!previous)
    throw new StoreError('not-found', `There is no property named “${def.name}”.`, {
      code: 'property.unknown',
      params: { name: def.name },
    });
  if (def.builtIn) throw builtInError(def.name);
  const errors = validateDefinition(def, custom, { mode: 'update' });
  if (errors.length > 0) throw invalidDefinition(errors);
  if (def.type !== previous.type && !allowTypeChange) {
    const count = valueCount();
    if (count > 0) {
      throw invalidDefinition([{ code: 'definition.type.locked', params: { count }, field: 'type' }]);
    }
  }
  return structuredClone(def);
}

export function checkDefinitionDelete(name: string, custom: readonly PropertyDefinition[]): void {
  if (BUILT_IN_NAMES.has(name)) throw builtInError(name);
  if (!custom.some((def) => def.name === name)) {
    throw new StoreError('not-found', `There is no property named “${name}”.`, {
      code: 'property.unknown',
      params: { name },
    });
  }
}

/** The custom definitions renumbered in the order of `names`, which must list each exactly once. */
export function reorderDefinitions(
  custom: readonly PropertyDefinition[],
  names: readonly string[],
): PropertyDefinition[] {
  const byName = new Map(custom.map((def) => [def.name, def]));
  if (names.length !== byName.size || new Set(names).size !== names.length || !names.every((n) => byName.has(n))) {
    throw invalidDefinition([{ code: 'definition.order.names', params: {}, field: 'order' }]);
  }
  return names.map((name, order) => ({ ...structuredClone(byName.get(name)!), order }));
}

/**
 * The merge rule. Applies `changes` to `current` when none of the changed fields changed after
 * `revision`; otherwise rejects with `conflict`, naming those fields and carrying `current` itself.
 * Every value is checked by the model first; `null` clears a property. Returns `current` itself
 * when nothing is written (no field, or every stale field already holds its value), else a new
 * customer that shares every value it did not write with `current` (neither is changed in place).
 */
export function applyCustomerChanges(
  current: Customer,
  changes: Record<string, PropertyValue | null>,
  revision: number,
  definitions: readonly PropertyDefinition[],
  { author, now = new Date() }: WriteContext = {},
): Customer {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new StoreError('invalid', 'The changes must be an object of property names and values.', {
      code: 'request.changes',
    });
  }
  if (!Number.isSafeInteger(revision)) {
    throw new StoreError('invalid', 'A write must name the revision it is based on.', { code: 'request.revision' });
  }
  const fields = Object.keys(changes);
  if (fields.length === 0) return current;

  const defs = definitionsByName(definitions);
  // Keyed by what the caller sent: a Map, so `__proto__` is a key like any other, never a prototype.
  const errors = new Map<string, ValueError>();
  for (const field of fields) {
    const value = changes[field] ?? null;
    if (isPrototypeKey(field)) {
      errors.set(field, { code: 'property.name', params: { name: field } });
      continue;
    }
    if (field === 'number') {
      errors.set(field, { code: 'property.readonly', params: {} });
      continue;
    }
    const def = field === 'name' ? NAME_DEFINITION : defs.get(field);
    if (!def) {
      errors.set(field, { code: 'property.unknown', params: { name: field } });
      continue;
    }
    // A blank name is no name: `required`, as for a cleared one, rather than a malformed text.
    const blank = field === 'name' && typeof value === 'string' && value.trim() === '';
    const error = validateValue(def, blank ? null : value);
    if (error) errors.set(field, error);
  }
  if (errors.size > 0) {
    const invalid = [...errors.keys()];
    throw new StoreError(
      errors.has('number') && errors.size === 1 ? 'forbidden' : 'invalid',
      `Refused: ${invalid.map((field) => `${field} (${errors.get(field)!.code})`).join(', ')}.`,
      { errors: Object.fromEntries(errors) },
    );
  }

  // A stale field that already holds the requested value is no conflict, and is not written again:
  // a write applied once whose reply was lost, then retried, must not conflict with itself.
  const stale = fields.filter((field) => (current.changed?.[field]?.revision ?? 0) > revision);
  const conflicts = stale.filter((field) => !sameValue(customerField(current, field) ?? null, changes[field] ?? null));
  if (conflicts.length > 0) {
    throw new StoreError('conflict', `Changed by someone else since revision ${revision}: ${conflicts.join(', ')}.`, {
      fields: conflicts,
      current,
    });
  }

  const written = fields.filter((field) => !stale.includes(field));
  if (written.length === 0) return current;
  // Only the written values are copied: the rest are shared with `current`, which every store
  // replaces by `next` (none changes a value in place). The two records are copied shallowly (a
  // plain object cannot be shared and changed at once): ~2.7 ms each at 10,000 keys in Chromium.
  const changed = { ...current.changed };
  const next: Customer = { ...current, properties: { ...current.properties }, changed };
  next.revision = current.revision + 1;
  const at = now.toISOString();
  for (const field of written) {
    const value = changes[field] ?? null;
    if (field === 'name') next.name = (value as string | null) ?? '';
    else if (value === null) delete next.properties[field];
    else next.properties[field] = structuredClone(value);
    changed[field] = { revision: next.revision, at, ...(author ? { by: author } : {}) };
  }
  return next;
}

const byName = new WeakMap<readonly PropertyDefinition[], Map<string, PropertyDefinition>>();

/** The definitions by name, made once per definitions array (a store keeps one until they change). */
function definitionsByName(definitions: readonly PropertyDefinition[]): Map<string, PropertyDefinition> {
  let map = byName.get(definitions);
  if (!map) byName.set(definitions, (map = new Map(definitions.map((def) => [def.name, def]))));
  return map;
}

/** The fields of `changes` that a write from `previous` to `next` wrote (a stale field already holding its value is not). */
export function writtenFields(previous: Customer, next: Customer, changes: Record<string, unknown>): string[] {
  if (next.revision === previous.revision) return [];
  return Object.keys(changes).filter((field) => next.changed?.[field]?.revision === next.revision);
}

/**
 * Checks seed data the way a write would be checked: an invalid seed is refused, not stored. A
 * seed may have no name (`''` or none): like a customer a conversation creates before anyone
 * knows it (`upsertCustomer`). A name it has is checked as a write would check it (1–200
 * characters after trimming); the name stays required for every write.
 */
export function checkSeedCustomer(customer: Customer, definitions: readonly PropertyDefinition[]): Customer {
  if (typeof customer?.id !== 'string' || customer.id === '') {
    throw new StoreError('invalid', 'Every customer needs an id.', { code: 'customer.id' });
  }
  const defs = new Map(definitions.map((def) => [def.name, def]));
  const errors = new Map<string, ValueError>();
  for (const [name, value] of Object.entries(customer.properties ?? {})) {
    const def = isPrototypeKey(name) ? undefined : defs.get(name);
    const error: ValueError | null = def
      ? validateValue(def, value)
      : isPrototypeKey(name)
        ? { code: 'property.name', params: { name } }
        : { code: 'property.unknown', params: { name } };
    if (error) errors.set(name, error);
  }
  const name: unknown = customer.name;
  if (typeof name === 'string' ? name.trim() !== '' : name !== undefined) {
    const error = validateValue(NAME_DEFINITION, name as PropertyValue);
    if (error) errors.set('name', error);
  }
  if (errors.size > 0) {
    const codes = [...errors].map(([name, error]) => `${name} (${error.code})`);
    throw new StoreError('invalid', `Customer ${customer.id}: ${codes.join(', ')}.`, {
      errors: Object.fromEntries(errors),
    });
  }
  const seeded = structuredClone(customer);
  seeded.properties ??= {};
  if (typeof seeded.name !== 'string' || seeded.name.trim() === '') seeded.name = '';
  seeded.number ??= '';
  if (!Number.isSafeInteger(seeded.revision)) seeded.revision = 1;
  return seeded;
}

export function hasValue(customer: Customer, name: string): boolean {
  return customerField(customer, name) !== undefined;
}

export interface PageOptions {
  limit?: number;
  cursor?: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1_000;

/** Compiles `query` for a store's scan; rejects an invalid query or page size with `invalid`. */
function compileFind(
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
  limit: number,
  options: AudienceOptions,
): (customer: Customer) => boolean {
  let matches: (customer: Customer) => boolean;
  try {
    matches = compileAudience(query, definitions, options);
  } catch (error) {
    if (error instanceof InvalidAudienceError) {
      throw new StoreError('invalid', error.message, { audienceErrors: error.errors });
    }
    throw error;
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new StoreError('invalid', `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`, {
      code: 'request.limit',
      params: { max: MAX_PAGE_SIZE },
    });
  }
  return matches;
}

const byId = (a: Customer, b: Customer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One page of the customers that match, ordered by id. The cursor is the last id of the page,
 * so a page stays stable while customers are added. Rejects an invalid query with `invalid`.
 * `customers` may come in any order; a store that keeps them in id order calls
 * `findInSortedCustomers`, which does not sort.
 */
export function findInCustomers(
  customers: Iterable<Customer>,
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
  { limit = DEFAULT_PAGE_SIZE, cursor }: PageOptions = {},
  options: AudienceOptions = {},
): FindCustomersResult {
  const matches = compileFind(query, definitions, limit, options);
  const found: Customer[] = [];
  for (const customer of customers) if (matches(customer)) found.push(customer);
  found.sort(byId);
  return pageOf(found, { limit, cursor });
}

/** The first index of `sorted` (customers in id order) whose id comes after `cursor`. */
function indexAfter(sorted: readonly Customer[], cursor: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.id <= cursor) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `findInCustomers` over customers kept in id order (ids unique), without sorting or copying the
 * list: the page starts after `cursor` (a binary search) and the scan stops once the page is full.
 * The total needs every customer: `knownTotal`, asked once the query is found valid, may give the
 * count from an earlier call with the same query over the same customers (a store caches it for
 * the next pages), and then only the page is scanned. Returns the page and the total it counted
 * or was given. The page holds the customers of `sorted` themselves, not copies (`MemoryStore`'s
 * are frozen).
 */
export function findInSortedCustomers(
  sorted: readonly Customer[],
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
  { limit = DEFAULT_PAGE_SIZE, cursor }: PageOptions = {},
  options: AudienceOptions = {},
  knownTotal?: () => number | undefined,
): FindCustomersResult {
  const matches = compileFind(query, definitions, limit, options);
  const total = knownTotal?.();
  const start = cursor === undefined ? 0 : indexAfter(sorted, cursor);
  const page: Customer[] = [];
  let more = false;
  let count = 0;
  if (total === undefined) {
    // One pass: counts every match, and keeps the page's (those after the cursor).
    for (let i = 0; i < sorted.length; i++) {
      const customer = sorted[i]!;
      if (!matches(customer)) continue;
      count++;
      if (i < start) continue;
      if (page.length < limit) page.push(customer);
      else more = true;
    }
  } else {
    count = total;
    for (let i = start; i < sorted.length; i++) {
      const customer = sorted[i]!;
      if (!matches(customer)) continue;
      if (page.length < limit) page.push(customer);
      else {
        more = true;
        break;
      }
    }
  }
  const last = page.at(-1);
  return {
    customers: page,
    total: count,
    ...(more && last ? { cursor: last.id } : {}),
  };
}

/** The page after `cursor` of `found` (every match, in id order). */
function pageOf(
  found: readonly Customer[],
  { limit, cursor }: { limit: number; cursor: string | undefined },
): FindCustomersResult {
  const start = cursor === undefined ? 0 : indexAfter(found, cursor);
  const page = found.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < found.length;
  return {
    customers: page.map((customer) => structuredClone(customer)),
    total: found.length,
    ...(more && last ? { cursor: last.id } : {}),
  };
}

// ——— Saved audiences and upserts (the audiences-you-keep issue) ———

/**
 * Checks an audience about to be saved against the store's others and definitions, and returns
 * what to keep: a new id for a new one, `createdBy` kept from the first save (else `author`),
 * `updatedAt` now. Rejects with `not-found` (code `audience.unknown`) for an `id` the store does
 * not have, `invalid` with `audienceErrors` for a bad name or query (nothing is kept).
 */
export function checkSavedAudience(
  init: SavedAudienceInit,
  existing: readonly SavedAudience[],
  definitions: readonly PropertyDefinition[],
  { author, now = new Date() }: WriteContext = {},
): SavedAudience {
  if (typeof init !== 'object' || init === null || (init.id !== undefined && typeof init.id !== 'string')) {
    throw new StoreError('invalid', 'An audience is { id?, name, query }.', { code: 'request.audience' });
  }
  const previous = init.id === undefined ? undefined : existing.find((audience) => audience.id === init.id);
  if (init.id !== undefined && !previous) throw audienceNotFound(init.id);
  const errors = validateSavedAudience(init, existing, definitions);
  if (errors.length > 0) throw new StoreError('invalid', undefined, { audienceErrors: errors });
  const createdBy = previous ? previous.createdBy : author;
  return {
    id: previous?.id ?? globalThis.crypto.randomUUID(),
    name: init.name.trim(),
    query: structuredClone(init.query),
    ...(createdBy === undefined ? {} : { createdBy }),
    updatedAt: now.toISOString(),
  };
}

export function audienceNotFound(id: string): StoreError {
  return new StoreError('not-found', `There is no saved audience with the id “${id}”.`, {
    code: 'audience.unknown',
    params: { id },
  });
}

/** Checks saved audiences of a seed as a save would (their ids and `updatedAt` kept). */
export function checkSeedAudiences(
  audiences: readonly SavedAudience[],
  definitions: readonly PropertyDefinition[],
): SavedAudience[] {
  const kept: SavedAudience[] = [];
  for (const audience of audiences) {
    const { id: _id, ...init } = audience;
    checkSavedAudience(init, kept, definitions);
    kept.push(structuredClone(audience));
  }
  return kept;
}

/**
 * The customer `upsertCustomer` leaves: `current` with the default properties of `c` (a change of
 * name or number recorded as an edit by `author`), or a new customer when there is no `current`.
 * `changed` is false when nothing differs (the customer is then `current` itself); a changed one
 * shares its properties with `current`. Rejects with `invalid` and `errors` for a number that
 * does not fit the channel or a bad name (an empty name is no name).
 */
export function upsertedCustomer(
  current: Customer | undefined,
  c: UpsertCustomer,
  { author, now = new Date() }: WriteContext = {},
): { customer: Customer; changed: boolean; fields: string[] } {
  if (c.id !== undefined && (typeof c.id !== 'string' || c.id === '')) {
    throw new StoreError('invalid', 'A customer id is a non-empty string.', { code: 'customer.id' });
  }
  const errors: Record<string, ValueError> = {};
  const numberError = validateCustomerNumber(c.number, c.channel);
  if (numberError) errors.number = numberError;
  const nameError = typeof c.name === 'string' && c.name.trim() === '' ? null : validateValue(NAME_DEFINITION, c.name);
  if (nameError) errors.name = nameError;
  if (Object.keys(errors).length > 0) throw new StoreError('invalid', undefined, { errors });
  const name = c.name.trim() ? c.name : '';
  if (!current) {
    const customer: Customer = {
      id: c.id ?? globalThis.crypto.randomUUID(),
      ...(c.channel === undefined ? {} : { channel: c.channel }),
      number: c.number,
      name,
      properties: {},
      revision: 1,
    };
    return { customer, changed: true, fields: [] };
  }
  const fields = (['number', 'name'] as const).filter(
    (field) => current[field] !== (field === 'name' ? name : c.number),
  );
  const channelChanged = c.channel !== undefined && c.channel !== current.channel;
  if (fields.length === 0 && !channelChanged) return { customer: current, changed: false, fields };
  const next: Customer = { ...current, number: c.number, name, revision: current.revision + 1 };
  if (c.channel !== undefined) next.channel = c.channel;
  const at = now.toISOString();
  if (fields.length > 0) {
    next.changed = { ...next.changed };
    for (const field of fields)
      next.changed[field] = { revision: next.revision, at, ...(author ? { by: author } : {}) };
  }
  return { customer: next, changed: true, fields };
}
