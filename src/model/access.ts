/*
 * Who may read and write what (DESIGN §8), as pure functions over plain data: the server enforces
 * them, and the elements apply the same ones to what they show and emit. One rule set, two places.
 */
import type { AccessLevel, AudienceQuery, Customer, FieldChange, PropertyDefinition, PropertyValue } from './types.js';
import { accessFor } from './definitions.js';

/**
 * Who is asking: a user of the host (agent, supervisor, admin…, from the host's login) or a
 * customer (from a signed profile link).
 */
export type Principal =
  { kind: 'user'; id: string; roles: string[]; name?: string } | { kind: 'customer'; customerId: string };

export interface AccessRules {
  /** Roles that manage definitions; default `['admin']`. */
  adminRoles?: readonly string[] | undefined;
}

const DEFAULT_ADMIN_ROLES = ['admin'];

/** Whether the principal manages definitions: a user with one of the admin roles. */
export function isAdmin(principal: Principal, { adminRoles = DEFAULT_ADMIN_ROLES }: AccessRules = {}): boolean {
  return principal.kind === 'user' && principal.roles.some((role) => adminRoles.includes(role));
}

/**
 * What the principal may do with one property of a customer: `'none'` (it is not shown to them and
 * never sent), `'view'` or `'edit'`. A user: `showToAgent` and the highest level over `'*'` and
 * their roles (admins too). A customer: their `showToCustomer` properties and `name`, to edit.
 * Nobody edits `number`.
 */
export function propertyAccess(principal: Principal, def: PropertyDefinition): AccessLevel | 'none' {
  let level: AccessLevel | 'none';
  if (principal.kind === 'customer') {
    level = def.builtIn ? (def.name === 'name' ? 'edit' : 'none') : def.showToCustomer ? 'edit' : 'none';
  } else {
    level = def.showToAgent ? accessFor(def, principal.roles) : 'none';
  }
  return def.builtIn && def.name === 'number' && level === 'edit' ? 'view' : level;
}

/**
 * The definitions the principal may see: all of them for an admin (to manage them), else those
 * whose values they may read.
 */
export function definitionsFor<T extends PropertyDefinition>(
  principal: Principal,
  definitions: readonly T[],
  rules: AccessRules = {},
): T[] {
  if (isAdmin(principal, rules)) return [...definitions];
  return definitions.filter((def) => propertyAccess(principal, def) !== 'none');
}

/**
 * The customer as the principal may see them: every property, default or custom, they may not read
 * is absent (not `null`, not masked), and so is its entry in `changed`. `definitions` must include
 * the built-ins as the store lists them.
 */
export function customerFor(
  principal: Principal,
  customer: Customer,
  definitions: readonly PropertyDefinition[],
): Customer {
  const readable = new Set(
    definitions.filter((def) => propertyAccess(principal, def) !== 'none').map((def) => def.name),
  );
  // fromEntries defines own keys: a stored key is never taken for the object's prototype.
  const properties: Record<string, PropertyValue> = Object.fromEntries(
    Object.entries(customer.properties).filter(([name]) => readable.has(name)),
  );
  const seen: Customer = { id: customer.id, revision: customer.revision, properties } as Customer;
  // A customer's own view: their name and their properties, not the channel or who on the staff changed what.
  const isCustomer = principal.kind === 'customer';
  if (customer.channel !== undefined && !isCustomer) seen.channel = customer.channel;
  if (readable.has('number')) seen.number = customer.number;
  if (readable.has('name')) seen.name = customer.name;
  if (customer.changed) {
    const self = isCustomer ? `customer:${principal.customerId}` : undefined;
    const changed = new Map<string, FieldChange>();
    for (const [name, change] of Object.entries(customer.changed)) {
      if (!readable.has(name)) continue;
      if (isCustomer && change.by !== undefined && change.by !== self) {
        const { by: _staff, ...rest } = change;
        changed.set(name, rest);
      } else changed.set(name, change);
    }
    seen.changed = Object.fromEntries(changed);
  }
  return seen;
}

/**
 * A field's change history as the principal may see it: only entries for properties they may read
 * now (an entry for a property that no longer exists has no rule to apply and is shown to nobody,
 * admins included), and for a customer no staff names (`by` is kept only when it is themselves,
 * `customer:<id>`), as `customerFor` does for `changed`. `definitions` must include the built-ins.
 */
export function historyFor<T extends { property: string; by?: string }>(
  principal: Principal,
  entries: readonly T[],
  definitions: readonly PropertyDefinition[],
): T[] {
  const readable = new Set(
    definitions.filter((def) => propertyAccess(principal, def) !== 'none').map((def) => def.name),
  );
  const self = principal.kind === 'customer' ? `customer:${principal.customerId}` : undefined;
  const seen: T[] = [];
  for (const entry of entries) {
    if (!readable.has(entry.property)) continue;
    if (self !== undefined && entry.by !== undefined && entry.by !== self) {
      const { by: _staff, ...rest } = entry;
      seen.push(rest as T);
    } else seen.push(entry);
  }
  return seen;
}

/** The names in `changes` the principal may not write (`number` always): a write naming any is refused whole. */
export function unwritableFields(
  principal: Principal,
  changes: Readonly<Record<string, unknown>>,
  definitions: readonly PropertyDefinition[],
): string[] {
  const byName = new Map(definitions.map((def) => [def.name, def]));
  return Object.keys(changes).filter((name) => {
    const def = byName.get(name);
    return !def || propertyAccess(principal, def) !== 'edit';
  });
}

/**
 * The properties a query names that the principal may not read, or that do not exist (the same
 * answer for both, so a search cannot tell a hidden property from a missing one): a search over any
 * is refused. Walks the query without recursion, so any depth is safe.
 */
export function unreadableInQuery(
  principal: Principal,
  query: AudienceQuery,
  definitions: readonly PropertyDefinition[],
): string[] {
  const byName = new Map(definitions.map((def) => [def.name, def]));
  const names = new Set<string>();
  const groups: unknown[] = [query];
  while (groups.length > 0) {
    const group = groups.pop() as Partial<AudienceQuery> | null;
    if (!group || typeof group !== 'object' || !Array.isArray(group.conditions)) continue;
    for (const item of group.conditions as unknown[]) {
      if (!item || typeof item !== 'object') continue;
      if ('conditions' in item) groups.push(item);
      else {
        const name = (item as { property?: unknown }).property;
        const def = typeof name === 'string' ? byName.get(name) : undefined;
        if (!def || propertyAccess(principal, def) === 'none') names.add(typeof name === 'string' ? name : '');
      }
    }
  }
  return [...names];
}
