import type { Catalog } from '../i18n/catalog.js';
import { describeError } from '../i18n/describe-core.js';
import { intlLocale } from '../i18n/locales.js';
import type { CustomerPropertiesUser } from '../context.js';
// The model's own modules, not its index: a page that imports the panel then loads none of the
// parsing and audience code the index gathers (it comes with the editor, on demand).
import { propertyAccess, type Principal } from '../model/access.js';
import { BUILT_IN_DEFINITIONS } from '../model/definitions.js';
import type { AccessLevel, Customer, PropertyDefinition, PropertyValue } from '../model/types.js';
import { customerField, type StoreError } from '../storage/store-error.js';

export type Viewer = 'agent' | 'customer';

export interface VisibleField {
  def: PropertyDefinition;
  level: AccessLevel;
}

/**
 * Who is looking, as the model's access rules (`src/model/access.ts`) know them: the customer
 * themselves for `viewer="customer"`, else the signed-in user (no user: no roles, so only what
 * `'*'` grants).
 */
export function principalFor(viewer: Viewer, user: CustomerPropertiesUser | undefined, customerId: string): Principal {
  if (viewer === 'customer') return { kind: 'customer', customerId };
  return { kind: 'user', id: user?.id ?? '', roles: [...(user?.roles ?? [])] };
}

/**
 * Which custom properties the principal sees, in definition order, and whether they may edit them:
 * `propertyAccess`, the rule the server enforces.
 */
export function visibleFields(definitions: readonly PropertyDefinition[], principal: Principal): VisibleField[] {
  const fields: VisibleField[] = [];
  for (const def of definitions) {
    if (def.builtIn) continue;
    const level = propertyAccess(principal, def);
    if (level !== 'none') fields.push({ def, level });
  }
  return fields;
}

/** The built-in definitions as the store lists them, with any it leaves out: `customerFor` needs them all. */
export function withBuiltIns(definitions: readonly PropertyDefinition[]): PropertyDefinition[] {
  const missing = BUILT_IN_DEFINITIONS.filter(
    (builtIn) => !definitions.some((def) => def.builtIn && def.name === builtIn.name),
  );
  return [...missing, ...definitions];
}

/** A built-in definition (`name`, `number`) as the store lists it. */
export function builtInField(definitions: readonly PropertyDefinition[], name: 'name' | 'number'): PropertyDefinition {
  return definitions.find((d) => d.builtIn && d.name === name) ?? BUILT_IN_DEFINITIONS.find((d) => d.name === name)!;
}

/** The built-in `name` definition as the store lists it, and what this principal may do with it. */
export function nameField(definitions: readonly PropertyDefinition[], principal: Principal): VisibleField | undefined {
  const def = builtInField(definitions, 'name');
  const level = propertyAccess(principal, def);
  return level === 'none' ? undefined : { def, level };
}

/**
 * What the principal may do with the property named `name` now, by the definitions as they are:
 * `'none'` for a name no definition has. A save path asks this, not the rendering.
 */
export function accessTo(
  definitions: readonly PropertyDefinition[],
  principal: Principal,
  name: string,
): AccessLevel | 'none' {
  const def =
    name === 'name' || name === 'number'
      ? builtInField(definitions, name)
      : definitions.find((d) => !d.builtIn && d.name === name);
  return def ? propertyAccess(principal, def) : 'none';
}

export function storedValue(customer: Customer | undefined, name: string): PropertyValue | null {
  return customer ? (customerField(customer, name) ?? null) : null;
}

/** Value equality for stored values: the model's, by content. */
export { sameValue } from '../model/same-value.js';

const relativeTimes = new Map<string, Intl.RelativeTimeFormat>();

/** How long ago, in the largest whole unit that fits; under a minute is 0. */
function elapsed(ms: number): [number, Intl.RelativeTimeFormatUnit] {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return [0, 'second'];
  if (minutes < 60) return [minutes, 'minute'];
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return [hours, 'hour'];
  const days = Math.floor(hours / 24);
  if (days < 30) return [days, 'day'];
  if (days < 365) return [Math.max(1, Math.floor(days / 30.4375)), 'month'];
  return [Math.max(1, Math.floor(days / 365.25)), 'year'];
}

/**
 * "2 minutes ago", "yesterday" for an ISO instant, from `Intl` in the catalog's language, so it
 * matches the sentence the catalog puts it in. Under a minute, or an instant ahead of `now` (another
 * clock), is the catalog's "just now".
 */
export function timeAgo(iso: string, catalog: Catalog, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  let format = relativeTimes.get(catalog.locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(intlLocale(catalog.locale), { numeric: 'auto' });
    relativeTimes.set(catalog.locale, format);
  }
  const [count, unit] = elapsed(Math.max(0, now - at));
  return count === 0 ? catalog.customer.justNow : format.format(-count, unit);
}

/** "Changed by Ana, 2 minutes ago" from `customer.changed`, in the locale. */
export function changedText(customer: Customer | undefined, name: string, catalog: Catalog, now: number): string {
  const change = customer?.changed?.[name];
  const ago = change ? timeAgo(change.at, catalog, now) : '';
  if (!change || !ago) return '';
  return change.by ? catalog.customer.changedBy(change.by, ago) : catalog.customer.changedAgo(ago);
}

/** Why a store call failed, in the user's words, naming the field by `label`. */
export function failureReason(error: StoreError, name: string, label: string | undefined, locale: string): string {
  const own = error.errors[name];
  return describeError(own ?? error, { locale, label });
}

/** The channel's name in the catalog, or the channel as stored: never `Object`'s own `constructor`. */
export function channelName(catalog: Catalog, channel: string): string {
  const key = channel.toLowerCase();
  return Object.hasOwn(catalog.customer.channels, key) ? catalog.customer.channels[key]! : channel;
}
