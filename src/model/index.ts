/**
 * The value model: parsing, formatting and validation of every property type. Pure: no DOM, no
 * Lit; the same code runs in every element, every store and on a server.
 * @packageDocumentation
 */
export type {
  AccessControl,
  AudienceCondition,
  AudienceOperator,
  AudienceQuery,
  AccessLevel,
  ChoiceOption,
  Customer,
  DefinitionTranslation,
  FieldChange,
  LocationInput,
  LocationValue,
  PropertyDefinition,
  PropertyType,
  PropertyValue,
  ValueInput,
} from './types.js';
export { PROPERTY_TYPES } from './types.js';
export {
  PROPERTY_TYPE_SPECS,
  specFor,
  type Operand,
  type OperatorSpec,
  type PropertyTypeSpec,
  type ValueTest,
} from './value-types/index.js';
export type {
  DefinitionError,
  DefinitionErrorCode,
  DefinitionErrorParams,
  ValueError,
  ValueErrorCode,
  ValueErrorParams,
  ValueProblem,
} from './errors.js';
export { decimalSeparator, intlLocale } from './locale-facts.js';
export { parseValue, formatValue, validateValue, type ParseResult } from './values.js';
export {
  compilePattern,
  loadPatternEngine,
  patternEngineLoaded,
  preparePatterns,
  type CompiledPattern,
} from './patterns.js';
export {
  BUILT_IN_DEFINITIONS,
  NAME_PATTERN,
  PROTOTYPE_KEYS,
  accessFor,
  isPrototypeKey,
  definitionWithDefaults,
  isChoiceType,
  sortDefinitions,
  validateDefinition,
  type DefinitionInit,
  type ValidateDefinitionOptions,
} from './definitions.js';
export { slugify, suggestName } from './names.js';
export {
  TRANSLATIONS_MAX,
  labelLanguage,
  localizeDefinition,
  localizeDefinitions,
  translationChain,
} from './translations.js';
export { validateCustomerNumber, PHONE_CHANNELS, NUMERIC_ID_CHANNELS } from './customer.js';
export { optionLabel } from './value-types/choice.js';
export { formatCoordinates } from './value-types/location.js';
export { addLocaleForms, datePattern, loadLocaleForms, needsLocaleForms, timePattern } from './value-types/calendar.js';
export {
  AUDIENCE_MAX_CONDITIONS,
  AUDIENCE_MAX_DEPTH,
  AUDIENCE_OPERATORS,
  InvalidAudienceError,
  compileAudience,
  distanceKm,
  matchesAudience,
  validateAudience,
  type AudienceError,
  type AudienceErrorCode,
  type AudienceErrorParams,
  type AudienceOptions,
} from './audience.js';
export {
  AUDIENCE_NAME_MAX,
  audienceNameKey,
  sortAudiences,
  validateSavedAudience,
  type SavedAudience,
  type SavedAudienceInit,
} from './saved-audience.js';
export { compareDecimals } from './decimal.js';
export {
  customerFor,
  definitionsFor,
  historyFor,
  isAdmin,
  propertyAccess,
  unreadableInQuery,
  unwritableFields,
  type AccessRules,
  type Principal,
} from './access.js';
