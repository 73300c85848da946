/**
 * Storage: the `PropertyStore` interface every element talks to, and how stores fail.
 * @packageDocumentation
 */
export type { PropertyStore, StoreEvent, FindCustomersResult } from './property-store.js';
export { StoreError, isStoreError, type StoreErrorKind, type StoreErrorDetails } from './store-error.js';
