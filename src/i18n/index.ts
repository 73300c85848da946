export type { Catalog, CatalogOverrides, DefinitionErrorMessages, ValueErrorMessages } from './catalog.js';
export { catalogFor, decimalSeparator, registerLocale, registeredLocales } from './locales.js';
export { en } from './en.js';
export { de } from './de.js';
