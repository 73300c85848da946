import { sameValue } from '../model/same-value.js';
import type { Customer, PropertyValue } from '../model/types.js';
import { customerField } from './store-error.js';

/**
 * Whether `customer` already holds every value of `changes` (`null`: no value). Its own module so
 * that `RestStore` does not import `store-rules.ts`, which brings the whole model (validation,
 * audiences) to every page with a REST store.
 */
export function holdsChanges(customer: Customer, changes: Record<string, PropertyValue | null>): boolean {
  return Object.keys(changes).every((field) =>
    sameValue(customerField(customer, field) ?? null, changes[field] ?? null),
  );
}
