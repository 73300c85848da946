/**
 * customer-properties: registers every element and re-exports the public API.
 * @packageDocumentation
 */
export * from './model/index.js';
export * from './storage/index.js';
export * from './context.js';
export { catalogFor, describeError, registerCatalog, registerLocale, registeredLocales } from './i18n/index.js';
export type { Catalog, CatalogOverrides, DescribeOptions, FailureKind } from './i18n/index.js';
// German is its own import: `customer-properties/i18n/de`, or `customer-properties.de.js` beside the bundle.
export { LocationPicker } from './elements/location-picker/location-picker.js';
export { PropertyEditor } from './elements/property-editor/property-editor.js';
export { CustomerDetailsPanel } from './elements/customer-details-panel/customer-details-panel.js';
export { CustomerProfileForm } from './elements/customer-profile-form/customer-profile-form.js';
export { PropertyDefinitionForm } from './elements/property-definition-form/property-definition-form.js';
export { PropertyDefinitionList } from './elements/property-definition-list/property-definition-list.js';
export { AudienceBuilder } from './elements/audience-builder/audience-builder.js';
export { AudienceList } from './elements/audience-list/audience-list.js';
export { CustomerImport } from './elements/customer-import/customer-import.js';
export * from './events.js';
