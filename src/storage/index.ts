/**
 * Storage: the `PropertyStore` interface every element talks to, the stores that ship, and the
 * rules they share (for a host's own backend).
 * @packageDocumentation
 */
export type {
  PropertyStore,
  StoreEvent,
  FindCustomersResult,
  HistoryEntry,
  HistoryOptions,
  HistoryPage,
  UpsertCustomer,
} from './property-store.js';
export { StoreError, isStoreError, isAbortError, type StoreErrorKind, type StoreErrorDetails } from './store-error.js';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { IndexedDbStore, type IndexedDbStoreOptions, type StoreSeed } from './indexeddb-store.js';
export { RestStore, type RestStoreOptions } from './rest-store.js';
export type { LiveOptions } from './live-stream.js';
export {
  applyCustomerChanges,
  writtenFields,
  checkDefinitionDelete,
  checkDefinitionUpdate,
  checkNewDefinition,
  checkSeedCustomer,
  findInCustomers,
  findInSortedCustomers,
  reorderDefinitions,
  withBuiltIns,
  checkSavedAudience,
  upsertedCustomer,
  type PageOptions,
  type WriteContext,
} from './store-rules.js';
export { CSV_DEFAULT_COLUMNS, exportCustomersCsv, type ExportCsvOptions } from './csv-export.js';
export {
  importCustomersCsv,
  suggestCsvMapping,
  type ImportCsvOptions,
  type ImportCsvReport,
  type ImportProgress,
  type ImportRejection,
} from './csv-import.js';
