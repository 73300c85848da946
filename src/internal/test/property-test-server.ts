/// <reference types="node" />
/*
 * The real server half (`createPropertyServer`) over a fresh MemoryStore per namespace, for browser
 * tests of what the elements do against it. Test code, not a product: it runs in Node inside the
 * test runner (web-test-runner.config.mjs mounts it).
 *
 *   POST /server-test/stores      { definitions?, customers? } → { base }   (a new namespace)
 *   <base>…                       the API, `createPropertyServer` with basePath <base> (no slash at the end)
 *   POST <base>/__token           { customerId, expiresInSeconds? } → { token }: a real signed profile token
 *
 * Users sign in with the header `X-Test-User: {"id": "…", "roles": ["…"]}` (the test `authenticate`);
 * a request without it and without a profile token is `401`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createProfileToken } from '../../server/profile-token.js';
import { createPropertyServer, type PropertyServer } from '../../server/property-server.js';
import type { Principal } from '../../model/index.js';
import { MemoryStore, type MemoryStoreOptions } from '../../storage/memory-store.js';

/** The secret the test server signs profile tokens with (32 bytes or more). */
export const TEST_PROFILE_SECRET = 'customer-properties test secret, not for production';

const PREFIX = '/server-test/';

function authenticate(request: Request): Principal | null {
  const header = request.headers.get('x-test-user');
  if (!header) return null;
  try {
    const { id, roles } = JSON.parse(header) as { id?: unknown; roles?: unknown };
    if (typeof id !== 'string' || !Array.isArray(roles)) return null;
    return { kind: 'user', id, roles: roles.map(String) };
  } catch {
    return null;
  }
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(data));
}

/** Returns a handler that answers `/server-test/…` and returns false for anything else. */
export function createPropertyTestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const servers = new Map<string, PropertyServer>();
  let next = 1;

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(PREFIX)) return false;
    const method = req.method ?? 'GET';
    try {
      if (url.pathname === `${PREFIX}stores` && method === 'POST') {
        const text = (await body(req)).toString('utf8');
        const options = (text ? JSON.parse(text) : {}) as MemoryStoreOptions;
        const id = String(next++);
        const basePath = `${PREFIX}stores/${id}`;
        servers.set(
          id,
          createPropertyServer({
            store: new MemoryStore(options),
            authenticate,
            profileSecret: TEST_PROFILE_SECRET,
            basePath,
          }),
        );
        sendJson(res, 201, { base: basePath });
        return true;
      }
      const match = /^\/server-test\/stores\/(\d+)(\/.*)?$/.exec(url.pathname);
      const server = match ? servers.get(match[1]!) : undefined;
      if (!match || !server) {
        sendJson(res, 404, { error: { kind: 'not-found', code: 'request.route', params: {} } });
        return true;
      }
      if (match[2] === '/__token' && method === 'POST') {
        const { customerId, expiresInSeconds } = JSON.parse((await body(req)).toString('utf8')) as {
          customerId: string;
          expiresInSeconds?: number;
        };
        const token = await createProfileToken({
          customerId,
          secret: TEST_PROFILE_SECRET,
          ...(expiresInSeconds ? { expiresInSeconds } : {}),
        });
        sendJson(res, 200, { token });
        return true;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const payload = method === 'GET' || method === 'HEAD' ? undefined : await body(req);
      const response = await server.fetch(
        new Request(new URL(req.url ?? '/', 'http://localhost'), {
          method,
          headers,
          ...(payload?.length ? { body: new Uint8Array(payload) } : {}),
        }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      // Streamed as it comes: `/events` stays open, and ends when the page goes.
      const reader = response.body?.getReader();
      res.on('close', () => void reader?.cancel().catch(() => {}));
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        if (!res.write(chunk.value))
          await new Promise((resolve) => {
            res.once('drain', resolve);
            res.once('close', resolve);
          });
      }
      res.end();
    } catch (error) {
      sendJson(res, 500, { error: { kind: 'unavailable', code: 'test-server', params: { message: String(error) } } });
    }
    return true;
  };
}
