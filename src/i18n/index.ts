/**
 * Message catalogs and the wording of errors. English is built in; German registers itself when
 * `customer-properties/i18n/de` is imported.
 * @packageDocumentation
 */
export type {
  AudienceErrorMessages,
  Catalog,
  CatalogOverrides,
  DefinitionErrorMessages,
  FailureKind,
  StoreFailureCode,
  ValueErrorMessages,
} from './catalog.js';
export {
  catalogFor,
  decimalSeparator,
  intlLocale,
  registerCatalog,
  registerLocale,
  registeredLocales,
} from './locales.js';
export { describeError, type DescribableError, type DescribeOptions } from './describe.js';
export { en } from './en.js';
