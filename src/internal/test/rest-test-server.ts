/// <reference types="node" />
/*
 * The HTTP API of docs/rest-api.yaml, over a MemoryStore, for RestStore's tests. Test code, not a
 * product: it runs in Node inside the test runner (web-test-runner.config.mjs mounts it).
 *
 *   POST /rest-test/stores        { definitions?, customers?, author?, token? } → { base }
 *   <base>…                       the API itself
 *   POST <base>__faults           { status?, delay?, count?, method?, headers?, body?, applied? }:
 *                                 the next matching requests answer `status` with `headers` and
 *                                 the raw text `body` (default: an error body), or hang for
 *                                 `delay` ms first; `applied`: the request is carried out, then
 *                                 answered `status` (default 502) as if its reply were lost
 *   GET  <base>__log              { requests: [{ method, path }] }, the API requests seen
 *
 * It serves the store unfiltered (no principals): createPropertyServer is what filters.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MemoryStore, type MemoryStoreOptions } from '../../storage/memory-store.js';
import { StoreError, type StoreErrorKind } from '../../storage/store-error.js';

const STATUS: Record<StoreErrorKind, number> = {
  conflict: 409,
  'not-found': 404,
  invalid: 422,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
};

interface Fault {
  status?: number;
  delay?: number;
  count: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  applied?: boolean;
}

/** A response that goes nowhere: the request is carried out, its answer is lost. */
const nowhere = { writeHead: () => nowhere, end: () => nowhere } as unknown as ServerResponse;

interface Namespace {
  store: MemoryStore;
  token?: string;
  faults: Fault[];
  log: { method: string; path: string }[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not JSON.');
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof StoreError) {
    const revisionConflict = error.kind === 'conflict' && error.current !== undefined;
    send(res, revisionConflict ? 412 : STATUS[error.kind], { error: error.toJSON() });
  } else if (error instanceof HttpError) {
    send(res, error.status, {
      error: new StoreError(error.status === 401 ? 'unauthenticated' : 'invalid', error.message, {
        code: 'request',
      }).toJSON(),
    });
  } else {
    send(res, 500, { error: new StoreError('unavailable', String(error)).toJSON() });
  }
}

/** Returns a handler that answers `/rest-test/…` and returns false for anything else. */
export function createRestTestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const namespaces = new Map<string, Namespace>();
  let next = 1;

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/rest-test/')) return false;
    const method = req.method ?? 'GET';
    try {
      if (url.pathname === '/rest-test/stores' && method === 'POST') {
        const { token, nowIso, ...options } = ((await readJson(req)) ?? {}) as MemoryStoreOptions & {
          token?: string;
          nowIso?: string;
        };
        const id = String(next++);
        // A fixed clock when asked for, so a test's "within the last days" is the same on both sides.
        const store = new MemoryStore({ ...options, ...(nowIso ? { now: () => new Date(nowIso) } : {}) });
        namespaces.set(id, { store, faults: [], log: [], ...(token ? { token } : {}) });
        send(res, 201, { base: `/rest-test/stores/${id}/` });
        return true;
      }
      const match = /^\/rest-test\/stores\/(\d+)\/(.*)$/.exec(url.pathname);
      const namespace = match ? namespaces.get(match[1]!) : undefined;
      if (!match || !namespace) throw new HttpError(404, 'No such test store.');
      const path = match[2]!;
      if (path === '__faults') {
        namespace.faults.push({ count: 1, ...((await readJson(req)) as Partial<Fault>) });
        send(res, 204);
        return true;
      }
      if (path === '__log') {
        send(res, 200, { requests: namespace.log });
        return true;
      }
      namespace.log.push({ method, path });
      const fault = namespace.faults.find((f) => f.count > 0 && (!f.method || f.method === method));
      if (fault) {
        fault.count--;
        if (fault.delay) await new Promise((resolve) => setTimeout(resolve, fault.delay));
        if (fault.applied) {
          await route(namespace.store, method, path, req, nowhere).catch(() => undefined);
          // Not a dropped connection: Chromium silently repeats a request whose reused socket closed.
          send(res, fault.status ?? 502, { error: new StoreError('unavailable', 'Injected lost reply.').toJSON() });
          return true;
        }
        if (fault.status) {
          res.writeHead(fault.status, {
            'Content-Type': 'application/json',
            'Cache-Control': 'no-store',
            ...fault.headers,
          });
          res.end(
            fault.body ??
              JSON.stringify({ error: new StoreError('unavailable', `Injected ${fault.status}.`).toJSON() }),
          );
          return true;
        }
      }
      if (namespace.token && req.headers.authorization !== `Bearer ${namespace.token}`) {
        throw new HttpError(401, 'Sign in first.');
      }
      await route(namespace.store, method, path, req, res);
    } catch (error) {
      sendError(res, error);
    }
    return true;
  };
}

async function route(
  store: MemoryStore,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const segments = path.split('/').map(decodeURIComponent);
  const [collection, key, sub] = segments;
  const etag = (revision: number) => ({ ETag: `"${revision}"` });

  if (collection === 'definitions' && key === undefined) {
    if (method === 'GET') return send(res, 200, await store.listDefinitions());
    if (method === 'POST') return send(res, 201, await store.createDefinition((await readJson(req)) as never));
  }
  if (collection === 'definitions-order' && method === 'PUT') {
    const { names } = ((await readJson(req)) ?? {}) as { names?: string[] };
    return send(res, 200, await store.reorderDefinitions(names ?? []));
  }
  if (collection === 'definitions' && key !== undefined) {
    if (sub === 'count' && method === 'GET') return send(res, 200, { count: await store.countValues(key) });
    if (sub === undefined && method === 'PUT') {
      const def = (await readJson(req)) as { name?: string };
      if (def?.name !== key) throw new HttpError(400, 'The name in the body must be the name in the path.');
      return send(res, 200, await store.updateDefinition(def as never));
    }
    if (sub === undefined && method === 'DELETE') {
      await store.deleteDefinition(key);
      return send(res, 204);
    }
  }
  if (collection === 'audiences') {
    if (key === undefined && method === 'GET') return send(res, 200, await store.listAudiences());
    if (key === undefined && method === 'POST')
      return send(res, 201, await store.saveAudience((await readJson(req)) as never));
    if (key !== undefined && method === 'PUT') {
      const body = (await readJson(req)) ?? {};
      return send(res, 200, await store.saveAudience({ ...body, id: key } as never));
    }
    if (key !== undefined && method === 'DELETE') {
      await store.deleteAudience(key);
      return send(res, 204);
    }
  }
  if (collection === 'customers' && key === undefined && method === 'POST') {
    const customer = await store.upsertCustomer((await readJson(req)) as never);
    return send(res, 200, customer, etag(customer.revision));
  }
  if (collection === 'customers' && key === 'search' && method === 'POST') {
    const { query, limit, cursor } = ((await readJson(req)) ?? {}) as { query: never; limit?: number; cursor?: string };
    return send(
      res,
      200,
      await store.findCustomers(query, {
        ...(limit !== undefined ? { limit } : {}),
        ...(cursor !== undefined ? { cursor } : {}),
      }),
    );
  }
  if (collection === 'customers' && key !== undefined && sub === 'history' && method === 'GET') {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const property = query.get('property');
    const limit = query.get('limit');
    const cursor = query.get('cursor');
    return send(
      res,
      200,
      await store.getHistory(key, {
        ...(property !== null ? { property } : {}),
        ...(limit !== null ? { limit: Number(limit) } : {}),
        ...(cursor !== null ? { cursor } : {}),
      }),
    );
  }
  if (collection === 'customers' && key !== undefined && sub === undefined) {
    if (method === 'GET') {
      const customer = await store.getCustomer(key);
      return send(res, 200, customer, etag(customer.revision));
    }
    if (method === 'PATCH') {
      const ifMatch = /^"(\d+)"$/.exec(String(req.headers['if-match'] ?? ''));
      if (!ifMatch)
        return send(res, 428, {
          error: new StoreError('invalid', 'If-Match with the revision is required.', {
            code: 'request.revision',
          }).toJSON(),
        });
      const { changes } = ((await readJson(req)) ?? {}) as { changes?: Record<string, never> };
      const customer = await store.updateCustomer(key, changes ?? {}, { revision: Number(ifMatch[1]) });
      return send(res, 200, customer, etag(customer.revision));
    }
  }
  throw new HttpError(404, `No route for ${method} /${path}.`);
}
