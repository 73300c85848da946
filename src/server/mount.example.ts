/// <reference types="node" />
// The README's "Run the server" example, checked by src/server/mount.test.ts: the same handler
// mounted in Node's own http server and in Express.
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import { createServer } from 'node:http';
import type { Principal } from '../model/index.js';
import type { PropertyStore } from '../storage/property-store.js';
import { createPropertyServer } from './index.js';

/** Your login: who sent this request. Here a stand-in that reads a session you keep elsewhere. */
export type Sessions = (cookie: string | null) => Promise<{ userId: string; roles: string[] } | null>;

export function propertyApi(store: PropertyStore, sessions: Sessions, profileSecret: string) {
  return createPropertyServer({
    store,
    profileSecret, // at least 32 bytes, from your secret store
    async authenticate(request): Promise<Principal | null> {
      const session = await sessions(request.headers.get('cookie'));
      return session ? { kind: 'user', id: session.userId, roles: session.roles } : null;
    },
  });
}

/** Node's http: the API at /api, anything else is yours. */
export function nodeServer(api: ReturnType<typeof propertyApi>) {
  const listener = getRequestListener(api.fetch);
  return createServer((req, res) => {
    if (req.url?.startsWith('/api/')) return void listener(req, res);
    res.writeHead(404).end();
  });
}

/** Express 5: the same handler for every method under /api (no body parser before it). */
export function expressApp(api: ReturnType<typeof propertyApi>) {
  const app = express();
  app.all('/api/*path', getRequestListener(api.fetch));
  return app;
}
