import type { AudienceQuery, Customer, DefinitionInit, PropertyDefinition, PropertyValue } from '../model/index.js';
import type { FindCustomersResult, HistoryOptions, HistoryPage, PropertyStore, StoreEvent } from './property-store.js';
import { StoreError, abortReason, isAbortError, type StoreErrorKind } from './store-error.js';

export interface RestStoreOptions {
  /** Where the API of `docs/rest-api.yaml` is served, e.g. `https://api.example.com/v1/`. */
  baseUrl: string | URL;
  /** Headers for every request, e.g. `Authorization`; called before each one, so tokens can refresh. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Milliseconds before a request gives up with `unavailable` (default 10,000). */
  timeout?: number;
  /** How often a failed read is tried again (default 2); writes are never retried. */
  retries?: number;
  /** The first pause before a retry, doubled each time (default 250 ms). */
  retryDelay?: number;
  fetch?: typeof fetch;
  /** Changes made elsewhere, e.g. from server-sent events (see the README). */
  subscribe?: (listener: (event: StoreEvent) => void) => () => void;
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal | undefined;
  ifMatch?: number;
  /** Safe to repeat: retried with backoff on `unavailable`. */
  read?: boolean;
}

const KIND_BY_STATUS: Record<number, StoreErrorKind> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'conflict',
  413: 'invalid',
  415: 'invalid',
  422: 'invalid',
  428: 'invalid',
};

/**
 * A store over HTTP (`docs/rest-api.yaml`): revisions travel as `ETag` / `If-Match`, reads are
 * retried with backoff, writes never blindly; every failure is a `StoreError`.
 */
export class RestStore implements PropertyStore {
  readonly #base: URL;
  readonly #options: RestStoreOptions;
  /** Present only when the host passed `subscribe` (REST has no push of its own). */
  subscribe?: (listener: (event: StoreEvent) => void) => () => void;

  constructor(options: RestStoreOptions) {
    this.#options = options;
    const base = new URL(String(options.baseUrl), globalThis.location?.href);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.#base = base;
    if (options.subscribe) this.subscribe = options.subscribe;
  }

  async #request<T>(
    method: string,
    path: string,
    { body, signal, ifMatch, read = false }: RequestOptions = {},
  ): Promise<T> {
    const { retries = 2, retryDelay = 250 } = this.#options;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt<T>(method, path, body, signal, ifMatch);
      } catch (error) {
        const again = read && attempt < retries && error instanceof StoreError && error.kind === 'unavailable';
        if (!again) throw error;
        await pause(retryDelay * 2 ** attempt * (0.5 + Math.random() / 2), signal);
      }
    }
  }

  async #attempt<T>(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    ifMatch?: number,
  ): Promise<T> {
    signal?.throwIfAborted();
    const timeout = this.#options.timeout ?? 10_000;
    const timer = AbortSignal.timeout(timeout);
    const combined = signal ? AbortSignal.any([signal, timer]) : timer;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(await this.#options.headers?.()),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
    let response: Response;
    try {
      response = await (this.#options.fetch ?? fetch)(new URL(path, this.#base), {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: combined,
      });
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (timer.aborted) {
        throw new StoreError('unavailable', `The server did not answer within ${timeout / 1000} s.`, { cause: error });
      }
      if (isAbortError(error)) throw error;
      throw new StoreError('unavailable', 'The server cannot be reached.', { cause: error });
    }
    const text = await response.text().catch(() => '');
    const data = text ? safeJson(text) : undefined;
    if (response.ok) return data as T;
    throw errorFromResponse(response.status, data);
  }

  listDefinitions({ signal }: { signal?: AbortSignal } = {}): Promise<PropertyDefinition[]> {
    return this.#request('GET', 'definitions', { signal, read: true });
  }

  createDefinition(def: DefinitionInit): Promise<PropertyDefinition> {
    return this.#request('POST', 'definitions', { body: def });
  }

  updateDefinition(def: PropertyDefinition): Promise<PropertyDefinition> {
    return this.#request('PUT', `definitions/${encodeURIComponent(def.name)}`, { body: def });
  }

  async deleteDefinition(name: string): Promise<void> {
    await this.#request('DELETE', `definitions/${encodeURIComponent(name)}`);
  }

  reorderDefinitions(names: string[]): Promise<PropertyDefinition[]> {
    return this.#request('PUT', 'definitions-order', { body: { names } });
  }

  async countValues(name: string): Promise<number> {
    const { count } = await this.#request<{ count: number }>('GET', `definitions/${encodeURIComponent(name)}/count`, {
      read: true,
    });
    return count;
  }

  getCustomer(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Customer> {
    return this.#request('GET', `customers/${encodeURIComponent(id)}`, { signal, read: true });
  }

  updateCustomer(
    id: string,
    changes: Record<string, PropertyValue | null>,
    { revision }: { revision: number },
  ): Promise<Customer> {
    return this.#request('PATCH', `customers/${encodeURIComponent(id)}`, { body: { changes }, ifMatch: revision });
  }

  /** `GET customers/{id}/history`: a read, retried like the others; the server filters it for the caller. */
  getHistory(customerId: string, { property, limit, cursor, signal }: HistoryOptions = {}): Promise<HistoryPage> {
    const query = new URLSearchParams();
    if (property !== undefined) query.set('property', property);
    if (limit !== undefined) query.set('limit', String(limit));
    if (cursor !== undefined) query.set('cursor', cursor);
    const search = String(query);
    const path = `customers/${encodeURIComponent(customerId)}/history${search ? `?${search}` : ''}`;
    return this.#request('GET', path, { signal, read: true });
  }

  /**
   * A new `RestStore` with the same options whose requests add `Authorization: <authorization>` to
   * the headers of `options.headers` (it wins over an `Authorization` they hold).
   */
  withAuthorization(authorization: string): RestStore {
    const headers = this.#options.headers;
    return new RestStore({
      ...this.#options,
      headers: async () => {
        // Header names are case-insensitive: a second `authorization` would be joined to ours.
        const others = Object.entries((await headers?.()) ?? {}).filter(
          ([name]) => name.toLowerCase() !== 'authorization',
        );
        return { ...Object.fromEntries(others), Authorization: authorization };
      },
    });
  }

  findCustomers(query: AudienceQuery, opts: { limit?: number; cursor?: string } = {}): Promise<FindCustomersResult> {
    // A search is a read sent as POST (the query is a body); repeating it is safe.
    return this.#request('POST', 'customers/search', { body: { query, ...opts }, read: true });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The API's error body, `{ error: { kind, code, params, fields, current, errors, … } }`, as a StoreError. */
function errorFromResponse(status: number, data: unknown): StoreError {
  const body = (data as { error?: Record<string, unknown> } | undefined)?.error ?? {};
  const kind = KIND_BY_STATUS[status] ?? 'unavailable';
  return new StoreError(kind, `The server answered ${status}.`, {
    status,
    ...(typeof body.code === 'string' ? { code: body.code } : {}),
    ...(typeof body.params === 'object' && body.params !== null
      ? { params: body.params as Record<string, unknown> }
      : {}),
    ...(Array.isArray(body.fields) ? { fields: body.fields as string[] } : {}),
    ...(body.current ? { current: body.current as Customer } : {}),
    ...(body.errors ? { errors: body.errors as StoreError['errors'] } : {}),
    ...(Array.isArray(body.definitionErrors)
      ? { definitionErrors: body.definitionErrors as StoreError['definitionErrors'] }
      : {}),
    ...(Array.isArray(body.audienceErrors)
      ? { audienceErrors: body.audienceErrors as StoreError['audienceErrors'] }
      : {}),
  });
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
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
