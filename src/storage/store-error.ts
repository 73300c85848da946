import type { Customer, PropertyValue, ValueError, DefinitionError } from '../model/index.js';

export type StoreErrorKind = 'conflict' | 'not-found' | 'invalid' | 'forbidden' | 'unavailable';

export interface StoreErrorDetails {
  /** Conflict: the fields that changed since the revision the write was based on. */
  fields?: string[];
  /** Conflict: the customer as it is now, with the other person's values for `fields`. */
  current?: Customer;
  /** Invalid write: the model's errors, per property name (or `definition` field). */
  errors?: Record<string, ValueError | DefinitionError[]>;
  cause?: unknown;
}

/** How every store fails: one `kind` a host can switch on, and what it needs to recover. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly kind: StoreErrorKind;
  readonly fields: string[];
  readonly current: Customer | undefined;
  readonly errors: Record<string, ValueError | DefinitionError[]>;

  constructor(kind: StoreErrorKind, message: string, details: StoreErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.fields = details.fields ?? [];
    this.current = details.current;
    this.errors = details.errors ?? {};
  }

  /** The other person's values for the fields in conflict. */
  get currentValues(): Record<string, PropertyValue | null> {
    const values: Record<string, PropertyValue | null> = {};
    for (const field of this.fields) {
      values[field] =
        field === 'name' || field === 'number'
          ? (this.current?.[field] ?? null)
          : (this.current?.properties[field] ?? null);
    }
    return values;
  }
}

export function isStoreError(error: unknown, kind?: StoreErrorKind): error is StoreError {
  return error instanceof StoreError && (kind === undefined || error.kind === kind);
}
