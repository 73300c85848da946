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
// The whole of English: the parts the elements load with them, too.
import './en-editor.js';
import './en-profile.js';
import './en-admin.js';
import './en-audiences.js';
import './en-location.js';
export { en } from './en.js';
