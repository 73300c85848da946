/*
 * The REST contract of docs/rest-api.yaml over any PropertyStore, with the rules of DESIGN §8
 * enforced where the data lives: who is asking, what they may read (everything else is absent from
 * every body), and what they may write (anything else is refused whole). A Web-standard handler,
 * `fetch(request) → Response`, built on Hono: mount it in Node's `http`, Express, Deno, Bun or a
 * worker.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import {
  BUILT_IN_DEFINITIONS,
  customerFor,
  definitionsFor,
  historyFor,
  isAdmin,
  loadPatternEngine,
  propertyAccess,
  unreadableInQuery,
  unwritableFields,
  type AudienceQuery,
  type Customer,
  type Principal,
  type PropertyDefinition,
  type PropertyValue,
  type SavedAudience,
} from '../model/index.js';
import type { HistoryEntry, PropertyStore } from '../storage/property-store.js';
import { StoreError, type StoreErrorKind } from '../storage/store-error.js';
import { LiveEvents, type LiveEventsOptions } from './live-events.js';
import { isProfileToken, verifyProfileToken, type ProfileSecret } from './profile-token.js';

export interface PropertyServerOptions {
  /** Where the data lives: any `PropertyStore` (`PostgresStore`, `MemoryStore`, your own). */
  store: PropertyStore;
  /**
   * The host's login: who sent this request, or `null` (then `401`). Not called for a request that
   * carries a profile token (`Authorization: Bearer cp1.…`), which is the customer it was signed for.
   */
  authenticate(request: Request): Promise<Principal | null> | Principal | null;
  /** At least 32 bytes; signs and checks profile tokens (`createProfileToken`). */
  profileSecret: ProfileSecret;
  /** Roles that manage definitions; default `['admin']`. */
  adminRoles?: string[];
  /** Where the API is mounted; default `/api`. */
  basePath?: string;
  /**
   * The live stream, `GET {basePath}/events`: `heartbeat` (ms between `: ping` comments, default
   * 20,000), `replay` (events kept for a client that reconnects, default 1,000), `maxAge` (ms after
   * which a stream ends and its client reconnects, signed in again, default 900,000) and
   * `maxStreams` (open streams per user or customer, default 16; more get `429` with
   * `Retry-After`). The stream needs a store with `subscribe`; without one it answers `404`.
   */
  events?: LiveEventsOptions;
}

export interface PropertyServer {
  /** Answers one request: a Web-standard `Request` in, a `Response` out. Never throws. */
  fetch(request: Request): Promise<Response>;
  /** Ends every open event stream and stops listening to the store (before closing the store). */
  close(): void;
}

/** Bodies larger than this are refused with `413`. */
export const MAX_BODY_BYTES = 1_048_576;

const STATUS: Record<StoreErrorKind, 401 | 403 | 404 | 409 | 412 | 422 | 503> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  invalid: 422,
  unavailable: 503,
};

/** The fields a definition may have; any other is refused, not kept. */
const DEFINITION_FIELDS = new Set([
  'name',
  'label',
  'type',
  'options',
  'showToAgent',
  'showToCustomer',
  'access',
  'description',
  'required',
  'maxLength',
  'pattern',
  'patternHint',
  'group',
  'translations',
  'order',
  'builtIn',
]);

type Env = { Variables: { principal: Principal; expiresAt: Date | undefined } };

/** A page of history: `limit` is 1 to this, default `HISTORY_PAGE`. */
const MAX_HISTORY_PAGE = 200;
const HISTORY_PAGE = 50;
/** Store pages read for one answer over every property, when most entries are hidden from the principal. */
const MAX_HISTORY_READS = 10;

/** An answer that is not the store's: a request the API refuses before any store call; `status` when it is not the kind's. */
function refusal(
  kind: StoreErrorKind,
  code: string,
  params: Record<string, unknown> = {},
  status?: number,
): StoreError {
  return new StoreError(kind, code, { code, params, ...(status ? { status } : {}) });
}

/** The API's error body, `{ error }`, with the status of its kind (or the refusal's own). */
function errorResponse(error: StoreError): Response {
  const revisionConflict = error.kind === 'conflict' && error.current !== undefined;
  const status = error.status ?? (revisionConflict ? 412 : STATUS[error.kind]);
  const headers: Record<string, string> = {};
  if (status === 413) headers.Connection = 'close'; // the rest of the body is never read
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  return Response.json({ error: error.toJSON() }, { status, headers });
}

/** Every answer, errors included: private, per credential, never sniffed as another type. */
function withApiHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', 'no-store');
  headers.set('Vary', 'Authorization, Cookie');
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The body as text, counting bytes as they arrive: over `MAX_BODY_BYTES` is `413`, whatever the
 * `Content-Length` said (a runtime that hands the handler a request may not have checked it).
 */
async function boundedText(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw refusal('invalid', 'request.size', { max: MAX_BODY_BYTES }, 413);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** The body as JSON: `415` unless it is `application/json`, `422` when it does not parse or holds other fields. */
async function jsonBody(c: Context, allowed: ReadonlySet<string>): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw refusal('invalid', 'request.content-type', {}, 415);
  let body: unknown;
  try {
    body = JSON.parse(await boundedText(c.req.raw));
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw refusal('invalid', 'request.json');
  }
  if (!isPlainObject(body)) throw refusal('invalid', 'request.json');
  const unknown = Object.keys(body).filter((key) => !allowed.has(key));
  if (unknown.length > 0) throw refusal('invalid', 'request.fields', { fields: unknown });
  return body;
}

/**
 * The HTTP API of `docs/rest-api.yaml` over `store`, enforcing DESIGN §8: every response, conflict
 * payload and list is filtered to what the principal may read; a write naming anything else is
 * `403` and changes nothing; a customer asking for another customer gets `404`; the author of each
 * change is the principal (`changed[name].by`: the user's id, or `customer:<id>`).
 */
export function createPropertyServer(options: PropertyServerOptions): PropertyServer {
  const { store, authenticate, profileSecret, basePath = '/api' } = options;
  const rules = { adminRoles: options.adminRoles ?? ['admin'] };
  const app = new Hono<Env>().basePath(basePath);

  /** Every definition the store has, the built-ins included even when a host's store leaves them out. */
  async function allDefinitions(): Promise<PropertyDefinition[]> {
    const listed = await store.listDefinitions();
    const missing = BUILT_IN_DEFINITIONS.filter((builtIn) => !listed.some((def) => def.name === builtIn.name));
    return [...missing, ...listed];
  }

  function requireAdmin(principal: Principal): void {
    if (!isAdmin(principal, rules)) throw refusal('forbidden', 'access.admin');
  }

  /** A customer sees only their own record; any other id is `404`, as if it did not exist. */
  function requireOwn(principal: Principal, id: string): void {
    if (principal.kind === 'customer' && principal.customerId !== id) throw refusal('not-found', 'customer.unknown');
  }

  const live = new LiveEvents(store, allDefinitions, rules, options.events);

  app.onError((error) => {
    // A store's own failure keeps its kind, code and params; anything else is `unavailable`, without
    // the thrown text, which may hold what the principal may not read.
    if (error instanceof StoreError) return errorResponse(error);
    return errorResponse(new StoreError('unavailable', 'The store failed.', { code: 'store.failed', status: 500 }));
  });

  app.notFound(() => errorResponse(refusal('not-found', 'request.route')));

  // Patterns are checked by RE2, loaded once on the first request (stores of this library load it
  // themselves; a host's store built on the shared rules relies on this).
  app.use('*', async (_c, next) => {
    await loadPatternEngine().catch(() => undefined);
    await next();
  });

  app.use('*', async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    let principal: Principal | null;
    if (bearer && isProfileToken(bearer)) {
      const verified = await verifyProfileToken(bearer, { secret: profileSecret });
      principal = verified ? { kind: 'customer', customerId: verified.customerId } : null;
      c.set('expiresAt', verified?.expiresAt);
    } else {
      principal = await authenticate(c.req.raw);
    }
    if (!principal) return errorResponse(refusal('unauthenticated', 'access.unauthenticated'));
    c.set('principal', principal);
    await next();
  });

  // After the login: who may send a body is decided before it is read. A `Content-Length` over the
  // limit is refused at once; a body without one is counted as it is read (`boundedText`).
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => errorResponse(refusal('invalid', 'request.size', { max: MAX_BODY_BYTES }, 413)),
    }),
  );

  // ——— live changes ———

  // Server-sent events, each filtered for the principal as responses are (live-events.ts). A
  // stream opened with a profile token ends when the token expires: the client then needs a new one.
  app.get('/events', async (c) => {
    if (!live.available) throw refusal('not-found', 'request.route');
    const principal = c.get('principal');
    if (!live.reserve(principal)) {
      // One user or customer holding every place they may: a client that reconnects in a loop, or
      // an attacker opening streams. The client's reconnect waits; their open streams go on.
      const refused = errorResponse(refusal('unavailable', 'request.streams', {}, 429));
      refused.headers.set('Retry-After', '30');
      return refused;
    }
    const lastEventId = c.req.header('last-event-id');
    c.header('X-Accel-Buffering', 'no'); // nginx: pass each event on at once
    return streamSSE(c, (sse) => live.serve(sse, principal, lastEventId, c.get('expiresAt')));
  });

  // ——— definitions ———

  app.get('/definitions', async (c) => c.json(definitionsFor(c.get('principal'), await allDefinitions(), rules)));

  app.post('/definitions', async (c) => {
    requireAdmin(c.get('principal'));
    const def = (await jsonBody(c, DEFINITION_FIELDS)) as unknown as PropertyDefinition;
    return c.json(await store.createDefinition(def), 201);
  });

  app.put('/definitions-order', async (c) => {
    requireAdmin(c.get('principal'));
    const { names } = await jsonBody(c, new Set(['names']));
    if (!Array.isArray(names) || !names.every((name) => typeof name === 'string'))
      throw refusal('invalid', 'request.names');
    if (!store.reorderDefinitions) throw refusal('not-found', 'request.route');
    return c.json(await store.reorderDefinitions(names));
  });

  app.get('/definitions/:name/count', async (c) => {
    requireAdmin(c.get('principal'));
    if (!store.countValues) throw refusal('not-found', 'request.route');
    return c.json({ count: await store.countValues(c.req.param('name')) });
  });

  app.put('/definitions/:name', async (c) => {
    requireAdmin(c.get('principal'));
    const def = (await jsonBody(c, DEFINITION_FIELDS)) as unknown as PropertyDefinition;
    if (def.name !== c.req.param('name')) throw refusal('invalid', 'request.name');
    return c.json(await store.updateDefinition(def));
  });

  app.delete('/definitions/:name', async (c) => {
    requireAdmin(c.get('principal'));
    await store.deleteDefinition(c.req.param('name'));
    return c.body(null, 204);
  });

  // ——— customers ———

  app.post('/customers/search', async (c) => {
    const principal = c.get('principal');
    if (principal.kind === 'customer') throw refusal('forbidden', 'access.search');
    const { query, limit, cursor } = await jsonBody(c, new Set(['query', 'limit', 'cursor']));
    const definitions = await allDefinitions();
    const hidden = unreadableInQuery(principal, query as AudienceQuery, definitions);
    if (hidden.length > 0) throw refusal('forbidden', 'access.read', { fields: hidden });
    let page;
    try {
      page = await store.findCustomers(query as AudienceQuery, {
        ...(limit !== undefined ? { limit: limit as number } : {}),
        ...(cursor !== undefined ? { cursor: cursor as string } : {}),
      });
    } catch (error) {
      // A query the store cannot even walk (a null condition, groups nested past the stack) is the
      // client's mistake, not the server's.
      if (error instanceof StoreError) throw error;
      throw refusal('invalid', 'audience.match');
    }
    return c.json({
      ...page,
      customers: page.customers.map((customer) => customerFor(principal, customer, definitions)),
    });
  });

  app.get('/customers/:id', async (c) => {
    const principal = c.get('principal');
    const id = c.req.param('id');
    requireOwn(principal, id);
    const [customer, definitions] = await Promise.all([store.getCustomer(id), allDefinitions()]);
    c.header('ETag', `"${customer.revision}"`);
    return c.json(customerFor(principal, customer, definitions));
  });

  // A field's changes, newest first, filtered as every body is (`historyFor`). With `property`, one
  // store read; without, store pages are read until `limit` readable entries are found, at most
  // MAX_HISTORY_READS of them, so a page may hold fewer: follow `cursor` while there is one.
  app.get('/customers/:id/history', async (c) => {
    const principal = c.get('principal');
    const id = c.req.param('id');
    if (!store.getHistory) throw refusal('not-found', 'request.route');
    requireOwn(principal, id);
    const property = c.req.query('property');
    const limitText = c.req.query('limit');
    const cursor = c.req.query('cursor');
    const limit = limitText === undefined ? HISTORY_PAGE : /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
    if (limit < 1 || limit > MAX_HISTORY_PAGE) throw refusal('invalid', 'request.limit', { max: MAX_HISTORY_PAGE });
    const definitions = await allDefinitions();
    if (property !== undefined) {
      // As a search: a hidden property and one that does not exist get the same answer.
      const def = definitions.find((d) => d.name === property);
      if (!def || propertyAccess(principal, def) === 'none') {
        throw refusal('forbidden', 'access.read', { fields: [property] });
      }
    }
    const entries: HistoryEntry[] = [];
    let next = cursor;
    for (let reads = 0; reads < MAX_HISTORY_READS && entries.length < limit; reads++) {
      const page = await store.getHistory(id, {
        limit: limit - entries.length,
        ...(property !== undefined ? { property } : {}),
        ...(next !== undefined ? { cursor: next } : {}),
      });
      entries.push(...historyFor(principal, page.entries, definitions));
      next = page.cursor;
      if (next === undefined) break;
    }
    return c.json({ entries, ...(next !== undefined ? { cursor: next } : {}) });
  });

  app.patch('/customers/:id', async (c) => {
    const principal = c.get('principal');
    const id = c.req.param('id');
    requireOwn(principal, id);
    const ifMatch = /^"(\d+)"$/.exec(c.req.header('if-match') ?? '');
    if (!ifMatch) throw refusal('invalid', 'request.revision', {}, 428);
    const { changes } = await jsonBody(c, new Set(['changes']));
    if (!isPlainObject(changes)) throw refusal('invalid', 'request.changes');
    const definitions = await allDefinitions();
    const refused = unwritableFields(principal, changes, definitions);
    if (refused.length > 0) throw refusal('forbidden', 'access.write', { fields: refused });
    const author = principal.kind === 'user' ? principal.id : `customer:${principal.customerId}`;
    let customer: Customer;
    try {
      customer = await store.updateCustomer(id, changes as Record<string, PropertyValue | null>, {
        revision: Number(ifMatch[1]),
        author,
      });
    } catch (error) {
      // A conflict carries the customer as it is now: as the principal may see it, like every body.
      if (!(error instanceof StoreError) || !error.current) throw error;
      throw new StoreError('conflict', error.message, {
        code: error.code,
        params: error.params,
        fields: error.fields,
        current: customerFor(principal, error.current, definitions),
      });
    }
    c.header('ETag', `"${customer.revision}"`);
    return c.json(customerFor(principal, customer, definitions));
  });

  // ——— saved audiences, and customers created by an import (issue 22) ———

  /**
   * The saved audiences the principal may see: users only, and only those whose every property
   * they may read (a saved audience is only as visible as the properties it uses).
   */
  async function visibleAudiences(principal: Principal, definitions: PropertyDefinition[]): Promise<SavedAudience[]> {
    if (principal.kind === 'customer') throw refusal('forbidden', 'access.audiences');
    if (!store.listAudiences || !store.saveAudience || !store.deleteAudience)
      throw refusal('not-found', 'request.route');
    const audiences = await store.listAudiences();
    return audiences.filter((audience) => unreadableInQuery(principal, audience.query, definitions).length === 0);
  }

  /** An audience the principal may not see and one that does not exist get the same answer. */
  async function visibleAudience(principal: Principal, id: string, definitions: PropertyDefinition[]) {
    const audience = (await visibleAudiences(principal, definitions)).find((a) => a.id === id);
    if (!audience) throw refusal('not-found', 'audience.unknown', { id });
    return audience;
  }

  /** `{ name, query }` of a request, with every property of the query readable by the principal. */
  async function audienceBody(c: Context<Env>, principal: Principal, definitions: PropertyDefinition[]) {
    const { name, query } = await jsonBody(c, new Set(['name', 'query']));
    if (typeof name !== 'string' || !isPlainObject(query)) throw refusal('invalid', 'request.audience');
    const hidden = unreadableInQuery(principal, query as unknown as AudienceQuery, definitions);
    if (hidden.length > 0) throw refusal('forbidden', 'access.read', { fields: hidden });
    return { name, query: query as unknown as AudienceQuery };
  }

  app.get('/audiences', async (c) => c.json(await visibleAudiences(c.get('principal'), await allDefinitions())));

  app.post('/audiences', async (c) => {
    const principal = c.get('principal');
    const definitions = await allDefinitions();
    await visibleAudiences(principal, definitions);
    const audience = await audienceBody(c, principal, definitions);
    const author = principal.kind === 'user' ? principal.id : undefined;
    return c.json(await store.saveAudience!(audience, { author }), 201);
  });

  app.put('/audiences/:id', async (c) => {
    const principal = c.get('principal');
    const definitions = await allDefinitions();
    const { id } = await visibleAudience(principal, c.req.param('id'), definitions);
    const audience = await audienceBody(c, principal, definitions);
    return c.json(await store.saveAudience!({ id, ...audience }));
  });

  app.delete('/audiences/:id', async (c) => {
    const principal = c.get('principal');
    const { id } = await visibleAudience(principal, c.req.param('id'), await allDefinitions());
    await store.deleteAudience!(id);
    return c.body(null, 204);
  });

  // An import creates customers: admins only. By `id`, else by `channel` and `number`.
  app.post('/customers', async (c) => {
    const principal = c.get('principal');
    requireAdmin(principal);
    if (!store.upsertCustomer) throw refusal('not-found', 'request.route');
    const { id, channel, number, name } = await jsonBody(c, new Set(['id', 'channel', 'number', 'name']));
    const strings = [id, channel].every((v) => v === undefined || typeof v === 'string');
    if (!strings || typeof number !== 'string' || typeof name !== 'string')
      throw refusal('invalid', 'request.customer');
    const customer = await store.upsertCustomer({
      ...(id !== undefined ? { id: id as string } : {}),
      ...(channel !== undefined ? { channel: channel as string } : {}),
      number,
      name,
    });
    c.header('ETag', `"${customer.revision}"`);
    return c.json(customerFor(principal, customer, await allDefinitions()));
  });

  return {
    close: () => live.close(),
    fetch: async (request) => {
      try {
        return withApiHeaders(await app.fetch(request));
      } catch {
        // Hono answers through onError; this is the last line, for a fault in the middleware itself.
        return withApiHeaders(
          errorResponse(new StoreError('unavailable', undefined, { code: 'store.failed', status: 500 })),
        );
      }
    },
  };
}
