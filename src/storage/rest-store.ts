import type {
  AudienceQuery,
  Customer,
  DefinitionInit,
  PropertyDefinition,
  PropertyValue,
  SavedAudience,
  SavedAudienceInit,
} from '../model/index.js';
import type {
  FindCustomersResult,
  HistoryOptions,
  HistoryPage,
  PropertyStore,
  StoreEvent,
  UpsertCustomer,
} from './property-store.js';
import { Listeners } from './listeners.js';
import type { LiveOptions, LiveStream } from './live-stream.js';
import { StoreError, abortReason, isAbortError, pause, type StoreErrorKind } from './store-error.js';
import { holdsChanges } from './customer-changes.js';

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
  /**
   * The longest pause, in ms, before a retry that a 429 or 503 asks for with `Retry-After` (default
   * 30,000): a read waits what the server says, up to this. The caller's signal still cancels it.
   */
  maxRetryAfter?: number;
  fetch?: typeof fetch;
  /**
   * Changes made elsewhere from a push channel of the host's own; instead of the server's stream
   * (`live`).
   */
  subscribe?: (listener: (event: StoreEvent) => void) => () => void;
  /**
   * Hear changes made elsewhere from the server's stream, `GET {baseUrl}events` (server-sent events,
   * read with `fetch` and the same `headers`): on by default, `false` turns it off (then the store
   * has no `subscribe`). An object tunes reconnecting: see `LiveOptions`. Unused when `subscribe` is given.
   */
  live?: boolean | LiveOptions;
}

interface RequestOptions<T> {
  body?: unknown;
  signal?: AbortSignal | undefined;
  ifMatch?: number;
  /** Safe to repeat: retried with backoff on `unavailable`. */
  read?: boolean;
  /**
   * The answer of a 2xx, from its JSON body (`undefined`: none, or not JSON) and its `ETag`
   * revision; `undefined` when it is not the contract's shape, which rejects with `response.body`.
   */
  answer?: (data: unknown, etag: number | undefined) => T | undefined;
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
 * A store over HTTP (`docs/rest-api.yaml`): revisions travel as `ETag` / `If-Match` (the `ETag`
 * wins over a body's `revision`), reads are retried with backoff or after the `Retry-After` of a
 * 429 or 503 (capped by `maxRetryAfter`), writes never blindly; every failure is a `StoreError`.
 * A 2xx whose body is missing, not JSON or not the contract's shape rejects with `unavailable`,
 * code `response.body`. A server on another origin must list `ETag` and `Retry-After` in
 * `Access-Control-Expose-Headers`, or the browser hides them (the body's revision is used then).
 */
export class RestStore implements PropertyStore {
  readonly #base: URL;
  readonly #options: RestStoreOptions;
  /**
   * Changes made elsewhere: from the host's `subscribe`, else from the server's stream (one per
   * store, opened with the first listener and closed when the last one leaves; reconnects with
   * backoff and asks for what it missed). Absent with `live: false`.
   */
  subscribe?: (listener: (event: StoreEvent) => void) => () => void;
  #live: LiveStream | undefined;
  /** The stream's module, loaded with the first listener: a page that never listens does not pay for it. */
  #liveModule: Promise<typeof import('./live-stream.js')> | undefined;
  readonly #listeners = new Listeners<StoreEvent>();

  constructor(options: RestStoreOptions) {
    this.#options = options;
    const base = new URL(String(options.baseUrl), globalThis.location?.href);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.#base = base;
    if (options.subscribe) this.subscribe = options.subscribe;
    else if (options.live !== false) this.subscribe = (listener) => this.#subscribeLive(listener);
  }

  #subscribeLive(listener: (event: StoreEvent) => void): () => void {
    const remove = this.#listeners.add(listener);
    if (this.#live) this.#live.start();
    else {
      this.#liveModule ??= import('./live-stream.js');
      this.#liveModule.then(
        ({ LiveStream }) => {
          this.#live ??= new LiveStream(
            {
              url: new URL('events', this.#base),
              headers: async () => ({ ...(await this.#options.headers?.()) }),
              fetch: (...args) => (this.#options.fetch ?? fetch)(...args),
              emit: (event) => this.#listeners.emit(event),
            },
            typeof this.#options.live === 'object' ? this.#options.live : {},
          );
          // Every listener may have left while the module loaded.
          if (this.#listeners.size > 0) this.#live.start();
        },
        (error: unknown) => {
          // The module could not be loaded (offline): said as the stream says it cannot be had.
          this.#liveModule = undefined;
          const report = typeof this.#options.live === 'object' ? this.#options.live.onError : undefined;
          const failure = new StoreError('unavailable', 'The live stream could not be loaded.', { cause: error });
          (report ?? ((e: StoreError) => console.warn(e.message, e)))(failure);
        },
      );
    }
    return () => {
      remove();
      if (this.#listeners.size === 0) this.#live?.stop();
    };
  }

  async #request<T>(
    method: string,
    path: string,
    { body, signal, ifMatch, read = false, answer }: RequestOptions<T> = {},
  ): Promise<T> {
    const { retries = 2, retryDelay = 250, maxRetryAfter = 30_000 } = this.#options;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(method, path, body, signal, ifMatch, answer);
      } catch (error) {
        const again = read && attempt < retries && error instanceof StoreError && error.kind === 'unavailable';
        if (!again) throw error;
        const asked = retryAfter.get(error);
        const backoff = retryDelay * 2 ** attempt * (0.5 + Math.random() / 2);
        await pause(asked === undefined ? backoff : Math.min(asked, maxRetryAfter), signal);
      }
    }
  }

  async #attempt<T>(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    ifMatch: number | undefined,
    answer: RequestOptions<T>['answer'],
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
    let text: string;
    try {
      response = await (this.#options.fetch ?? fetch)(new URL(path, this.#base), {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: combined,
      });
      // Read within the timeout and the signal too: a body can stall after the headers came.
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (timer.aborted) {
        throw new StoreError('unavailable', `The server did not answer within ${timeout / 1000} s.`, { cause: error });
      }
      if (isAbortError(error)) throw error;
      throw new StoreError('unavailable', 'The server cannot be reached.', { cause: error });
    }
    const data = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const error = errorFromResponse(response.status, data);
      const wait = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers) : undefined;
      if (wait !== undefined) retryAfter.set(error, wait);
      throw error;
    }
    if (!answer) return undefined as T;
    const result = answer(data, parseEtag(response.headers));
    if (result === undefined) {
      throw new StoreError('unavailable', `The server answered ${response.status} without the expected body.`, {
        code: 'response.body',
        params: { method, path },
        status: response.status,
      });
    }
    return result;
  }

  listDefinitions({ signal }: { signal?: AbortSignal } = {}): Promise<PropertyDefinition[]> {
    return this.#request('GET', 'definitions', { signal, read: true, answer: definitionList });
  }

  createDefinition(def: DefinitionInit): Promise<PropertyDefinition> {
    return this.#request('POST', 'definitions', { body: def, answer: definition });
  }

  updateDefinition(def: PropertyDefinition): Promise<PropertyDefinition> {
    return this.#request('PUT', `definitions/${encodeURIComponent(def.name)}`, { body: def, answer: definition });
  }

  async deleteDefinition(name: string): Promise<void> {
    await this.#request('DELETE', `definitions/${encodeURIComponent(name)}`);
  }

  reorderDefinitions(names: string[]): Promise<PropertyDefinition[]> {
    return this.#request('PUT', 'definitions-order', { body: { names }, answer: definitionList });
  }

  countValues(name: string): Promise<number> {
    return this.#request('GET', `definitions/${encodeURIComponent(name)}/count`, {
      read: true,
      answer: (data) => (isRecord(data) && Number.isSafeInteger(data.count) ? (data.count as number) : undefined),
    });
  }

  getCustomer(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Customer> {
    return this.#request('GET', `customers/${encodeURIComponent(id)}`, { signal, read: true, answer: customer });
  }

  async updateCustomer(
    id: string,
    changes: Record<string, PropertyValue | null>,
    { revision }: { revision: number },
  ): Promise<Customer> {
    try {
      return await this.#request('PATCH', `customers/${encodeURIComponent(id)}`, {
        body: { changes },
        ifMatch: revision,
        answer: customer,
      });
    } catch (error) {
      // A write applied once whose reply was lost, retried, meets itself: with a server that does
      // not apply the merge rule's own check, every value it wants is already there.
      const current = error instanceof StoreError && error.kind === 'conflict' ? error.current : undefined;
      if (current && holdsChanges(current, changes)) return current;
      throw error;
    }
  }

  /** `GET customers/{id}/history`: a read, retried like the others; the server filters it for the caller. */
  getHistory(customerId: string, { property, limit, cursor, signal }: HistoryOptions = {}): Promise<HistoryPage> {
    const query = new URLSearchParams();
    if (property !== undefined) query.set('property', property);
    if (limit !== undefined) query.set('limit', String(limit));
    if (cursor !== undefined) query.set('cursor', cursor);
    const search = String(query);
    const path = `customers/${encodeURIComponent(customerId)}/history${search ? `?${search}` : ''}`;
    return this.#request('GET', path, {
      signal,
      read: true,
      answer: (data) => (isRecord(data) && Array.isArray(data.entries) ? (data as unknown as HistoryPage) : undefined),
    });
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
    return this.#request('POST', 'customers/search', {
      body: { query, ...opts },
      read: true,
      answer: (data) =>
        isRecord(data) &&
        Number.isSafeInteger(data.total) &&
        Array.isArray(data.customers) &&
        data.customers.every((found) => customer(found, undefined))
          ? (data as unknown as FindCustomersResult)
          : undefined,
    });
  }

  // ——— saved audiences and upserts (issue 22) ———

  /** `GET audiences`: a read, retried like the others; the server lists only what the caller may see. */
  listAudiences({ signal }: { signal?: AbortSignal } = {}): Promise<SavedAudience[]> {
    return this.#request('GET', 'audiences', {
      signal,
      read: true,
      answer: (data) => (Array.isArray(data) && data.every(savedAudience) ? data : undefined),
    });
  }

  /** `POST audiences` for a new one, `PUT audiences/{id}` for a change; the server records the caller as `createdBy`. */
  saveAudience({ id, name, query }: SavedAudienceInit): Promise<SavedAudience> {
    const answer = (data: unknown) => (savedAudience(data) ? data : undefined);
    return id === undefined
      ? this.#request('POST', 'audiences', { body: { name, query }, answer })
      : this.#request('PUT', `audiences/${encodeURIComponent(id)}`, { body: { name, query }, answer });
  }

  async deleteAudience(id: string): Promise<void> {
    await this.#request('DELETE', `audiences/${encodeURIComponent(id)}`);
  }

  /** `POST customers`: creates the customer or updates its default properties (admins only on the server half). */
  upsertCustomer(c: UpsertCustomer): Promise<Customer> {
    return this.#request('POST', 'customers', { body: c, answer: customer });
  }
}

function savedAudience(data: unknown): data is SavedAudience {
  return (
    isRecord(data) &&
    typeof data.id === 'string' &&
    typeof data.name === 'string' &&
    isRecord(data.query) &&
    typeof data.updatedAt === 'string'
  );
}

/** The pause, in ms, that a 429 or 503 asked for with `Retry-After`, by the error it became. */
const retryAfter = new WeakMap<StoreError, number>();

/** `Retry-After` as seconds or as an HTTP date, in ms from now; `undefined` when absent or malformed. */
function parseRetryAfter(headers: Headers): number | undefined {
  const value = headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The revision in a strong `ETag` (`"7"`); a weak one or another form is no revision. */
function parseEtag(headers: Headers): number | undefined {
  const match = /^"(\d+)"$/.exec(headers.get('ETag')?.trim() ?? '');
  const revision = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(revision) ? revision : undefined;
}

/*
 * Light shape checks of the answers, one per method: enough that an element never receives
 * `undefined`, `{}` or a customer without its key parts, not a validation of every value.
 */
function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function definition(data: unknown): PropertyDefinition | undefined {
  return isRecord(data) && typeof data.name === 'string' && typeof data.type === 'string'
    ? (data as unknown as PropertyDefinition)
    : undefined;
}

function definitionList(data: unknown): PropertyDefinition[] | undefined {
  return Array.isArray(data) && data.every((def) => definition(def)) ? (data as PropertyDefinition[]) : undefined;
}

/** A customer has an `id`, `properties` and a revision: the `ETag`'s when there is one (it wins over the body's). */
function customer(data: unknown, etag: number | undefined): Customer | undefined {
  if (!isRecord(data) || typeof data.id !== 'string' || !isRecord(data.properties)) return undefined;
  const revision = etag ?? data.revision;
  if (!Number.isSafeInteger(revision)) return undefined;
  return { ...(data as unknown as Customer), revision: revision as number };
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
