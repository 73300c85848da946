import type { Catalog, FailureKind, StoreFailureCode } from './catalog.js';
import { catalogFor } from './locales.js';

/** Anything a check or a store reports: a model error, a `StoreError`, an API error body, or any thrown value. */
/**
 * Anything a check or a store reports: a `ValueError`, `DefinitionError` or `AudienceError`, a
 * `StoreError` or an API error body (`{ kind, code, params, … }`), or any thrown value.
 */
export type DescribableError = unknown;

export interface DescribeOptions {
  /** BCP 47 tag of the words; default English. */
  locale?: string | undefined;
  /** The field's label in the viewer's language, for value errors ("Age must be a number"). */
  label?: string | undefined;
}

type Worder = (params: object) => string;

/** `section` may be missing: a part of English that has not loaded (see `en-editor.ts`). */
function wordFor(section: Record<string, unknown> | undefined, code: unknown): Worder | undefined {
  return section && typeof code === 'string' && Object.hasOwn(section, code) ? (section[code] as Worder) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Words an error for the viewer, in their locale. The model and the stores report `{ code, params }`
 * and a `kind`, in no language (Lion's split of `Validator` and `getMessage`): the element that
 * shows a failure words it here, with the field's label in the viewer's language.
 *
 * - A value error (`number.format`, `required`, …) names the field by `label`.
 * - A definition error (`definition.name.taken`, …) and an audience error (`audience.range`, …).
 * - A `StoreError` or an API error body (`{ kind }`): the kind's sentence ("someone else changed it
 *   meanwhile"); `invalid` with one value error in `errors` words that error.
 * - Anything else (a host's store that throws a plain `Error`, a network `TypeError`): the
 *   `unavailable` sentence, never the thrown text, which is in no known language.
 */
export function describeError(error: DescribableError, { locale, label }: DescribeOptions = {}): string {
  const catalog = catalogFor(locale);
  try {
    if (isObject(error)) return describeObject(error, catalog, locale, label);
  } catch {
    // Parameters that do not fit their code (from a store of another version): no sentence beats a crash.
  }
  return catalog.customer.storeErrors.unavailable;
}

function describeObject(
  error: Record<string, unknown>,
  catalog: Catalog,
  locale: string | undefined,
  label: string | undefined,
): string {
  // A StoreError carries the first model error's code too; its kind and field errors say more.
  if (typeof error.kind === 'string') return describeFailure(error, catalog, locale, label);
  const params = isObject(error.params) ? error.params : {};
  const value = wordFor(catalog.valueErrors, error.code);
  if (value) return value({ ...params, label: label ?? catalog.field.unnamed });
  if (isObject(error.valueError)) {
    return describeError(error.valueError, { locale, label: label ?? (params.label as string | undefined) });
  }
  const other = wordFor(catalog.definitionErrors, error.code) ?? wordFor(catalog.audienceErrors, error.code);
  return other ? other(params) : catalog.customer.storeErrors.unavailable;
}

function describeFailure(
  error: Record<string, unknown>,
  catalog: Catalog,
  locale: string | undefined,
  label: string | undefined,
): string {
  const kind = error.kind as string;
  const codes = catalog.customer.storeCodes;
  if (typeof error.code === 'string' && Object.hasOwn(codes, error.code)) return codes[error.code as StoreFailureCode];
  const csv = catalog.customerImport.csvErrors;
  if (typeof error.code === 'string' && Object.hasOwn(csv, error.code)) return csv[error.code as keyof typeof csv];
  const errors = isObject(error.errors) ? Object.values(error.errors) : [];
  if (kind === 'invalid' && errors.length === 1) return describeError(errors[0], { locale, label });
  const definitionErrors = Array.isArray(error.definitionErrors) ? error.definitionErrors : [];
  if (definitionErrors.length > 0) return definitionErrors.map((e) => describeError(e, { locale })).join(' ');
  const audienceErrors = Array.isArray(error.audienceErrors) ? error.audienceErrors : [];
  if (audienceErrors.length > 0) return audienceErrors.map((e) => describeError(e, { locale })).join(' ');
  return Object.hasOwn(catalog.customer.storeErrors, kind)
    ? catalog.customer.storeErrors[kind as FailureKind]
    : catalog.customer.storeErrors.unavailable;
}
