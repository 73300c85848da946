import type { Catalog } from '../i18n/catalog.js';
import { describeError } from '../i18n/describe.js';
import { intlLocale } from '../i18n/locales.js';
import {
  BUILT_IN_DEFINITIONS,
  accessFor,
  type AccessLevel,
  type Customer,
  type PropertyDefinition,
  type PropertyValue,
} from '../model/index.js';
import { customerField, type StoreError } from '../storage/store-error.js';

export type Viewer = 'agent' | 'customer';

export interface VisibleField {
  def: PropertyDefinition;
  level: AccessLevel;
}

/**
 * Which custom properties a viewer sees, in definition order, and whether they may edit them:
 * agents by `showToAgent` and the access control of their roles, customers by `showToCustomer`.
 */
export function visibleFields(definitions: readonly PropertyDefinition[], viewer: Viewer, roles: readonly string[]): VisibleField[] {
  const fields: VisibleField[] = [];
  for (const def of definitions) {
    if (def.builtIn) continue;
    if (viewer === 'customer') {
      if (def.showToCustomer) fields.push({ def, level: 'edit' });
      continue;
    }
    if (!def.showToAgent) continue;
    const level = accessFor(def, roles);
    if (level !== 'none') fields.push({ def, level });
  }
  return fields;
}

/** The built-in `name` definition as the store lists it, and what this viewer may do with it. */
export function nameField(definitions: readonly PropertyDefinition[], viewer: Viewer, roles: readonly string[]): VisibleField | undefined {
  const def = definitions.find((d) => d.builtIn && d.name === 'name') ?? BUILT_IN_DEFINITIONS.find((d) => d.name === 'name')!;
  const level = viewer === 'customer' ? 'edit' : accessFor(def, roles);
  return level === 'none' ? undefined : { def, level };
}

export function storedValue(customer: Customer | undefined, name: string): PropertyValue | null {
  return customer ? (customerField(customer, name) ?? null) : null;
}

/** Value equality for stored values (plain JSON). */
export function sameValue(a: PropertyValue | null | undefined, b: PropertyValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

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

