import type { AudienceError, Customer, DefinitionError, PropertyValue, ValueError } from '../model/index.js';

/** `unauthenticated`: nobody is signed in, or a profile link is altered or expired (HTTP 401). */
export type StoreErrorKind = 'conflict' | 'not-found' | 'invalid' | 'forbidden' | 'unauthenticated' | 'unavailable';

export interface StoreErrorDetails {
  /** A stable code for the failure; default: the first model error's code, else the kind. */
  code?: string;
  params?: Record<string, unknown>;
  fields?: string[];
  current?: Customer;
  errors?: Record<string, ValueError>;
  definitionErrors?: DefinitionError[];
  audienceErrors?: AudienceError[];
  /** `unavailable` from a server: the HTTP status, when there was one. */
  status?: number;
  cause?: unknown;
}

/**
 * How every store fails: one `kind` a host can switch on, a stable `code` with `params`, and what
 * it needs to recover. It carries no sentence for people: an element words it in the viewer's
 * locale with `describeError` (`customer-properties/i18n`); `message` is for logs. A cancelled call
 * rejects with the signal's `AbortError` instead, which is not a failure.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly kind: StoreErrorKind;
  /** `definition.name.taken`, `number.format`, …: the model's code when there is one, else the kind. */
  readonly code: string;
  readonly params: Record<string, unknown>;
  /** Conflict: the fields that changed after the revision the write was based on. */
  readonly fields: string[];
  /** Conflict: the customer as it is now, holding the other person's values for `fields`. */
  readonly current: Customer | undefined;
  /** Invalid customer write: the model's error per property name. */
  readonly errors: Record<string, ValueError>;
  /** Invalid definition write: the model's errors, each with the field it belongs to. */
  readonly definitionErrors: DefinitionError[];
  /** Invalid audience query. */
  readonly audienceErrors: AudienceError[];
  readonly status: number | undefined;

  /** `message` is for developers and logs only; omitted, it is built from the kind and codes. */
  constructor(kind: StoreErrorKind, message?: string, details: StoreErrorDetails = {}) {
    const first =
      Object.values(details.errors ?? {})[0] ?? details.definitionErrors?.[0] ?? details.audienceErrors?.[0];
    const code = details.code ?? first?.code ?? kind;
    super(message || `${kind}: ${code}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.code = code;
    this.params = details.params ?? (details.code === undefined ? { ...first?.params } : {});
    this.fields = details.fields ?? [];
    this.current = details.current;
    this.errors = details.errors ?? {};
    this.definitionErrors = details.definitionErrors ?? [];
    this.audienceErrors = details.audienceErrors ?? [];
    this.status = details.status;
  }

  /** The other person's values for the fields in conflict (`null`: they cleared it). */
  get currentValues(): Record<string, PropertyValue | null> {
    const values: Record<string, PropertyValue | null> = {};
    for (const field of this.fields) {
      values[field] = this.current ? (customerField(this.current, field) ?? null) : null;
    }
    return values;
  }

  /** A plain object for JSON (the REST API's error body): codes, never sentences. */
  toJSON() {
    return {
      kind: this.kind,
      code: this.code,
      params: this.params,
      ...(this.fields.length ? { fields: this.fields } : {}),
      ...(this.current ? { current: this.current } : {}),
      ...(Object.keys(this.errors).length ? { errors: this.errors } : {}),
      ...(this.definitionErrors.length ? { definitionErrors: this.definitionErrors } : {}),
      ...(this.audienceErrors.length ? { audienceErrors: this.audienceErrors } : {}),
    };
  }
}

/** A customer's value for a default (`name`, `number`) or custom property. */
export function customerField(customer: Customer, field: string): PropertyValue | undefined {
  if (field === 'name' || field === 'number') return customer[field] || undefined;
  return Object.hasOwn(customer.properties, field) ? customer.properties[field] : undefined;
}

export function isStoreError(error: unknown, kind?: StoreErrorKind): error is StoreError {
  return error instanceof StoreError && (kind === undefined || error.kind === kind);
}

/** A cancelled call, as `fetch` reports it: the signal's reason, or an `AbortError`. */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms` milliseconds; rejects with the signal's reason when it is aborted first. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortReason(signal));
      },
      { once: true },
    );
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
