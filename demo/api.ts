/// <reference types="node" />
/*
 * The demo's server side, run by `npm start` inside the dev server: customer-properties/server over
 * the demo's data in PostgreSQL (PGlite, embedded, in a git-ignored folder: `.demo-data/`, or
 * `DEMO_DATA_DIR`), and the chat's "profile" reply with a signed link. Node only.
 *
 * The role switch of the demo page is its login: the page sends `X-Demo-Role`, and `authenticate`
 * believes it. A real host never does that: its `authenticate` reads its own session or token.
 */
import { rm } from 'node:fs/promises';
import { createPropertyServer, PostgresStore, replyToCustomerMessage } from '../src/server/index.js';
import type { Principal } from '../src/model/index.js';
import { audiences, definitions, seedCustomers } from './seed.js';

const ROLES = ['agent', 'supervisor', 'admin'];

/** The demo page's "login": the role it asks for. A real host reads its own session here. */
function authenticate(request: Request): Principal | null {
  const role = request.headers.get('x-demo-role') ?? '';
  if (!ROLES.includes(role)) return null;
  return { kind: 'user', id: `demo-${role}`, roles: [role], name: `${role[0]!.toUpperCase()}${role.slice(1)} (demo)` };
}

export interface DemoApi {
  /** The answer for `/api/…` and `/demo-api/…`; `null` for any other path. */
  handle(request: Request): Promise<Response | null>;
}

/**
 * The demo's API over its PGlite database in `dataDir` (seeded on first use, kept across restarts),
 * with a secret made for this process only: links from an earlier run stop working, as they should.
 */
export async function createDemoApi({ dataDir = process.env.DEMO_DATA_DIR || '.demo-data' } = {}): Promise<DemoApi> {
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const open = () =>
    PostgresStore.open({ dataDir, seed: { definitions, customers: seedCustomers(), audiences }, author: 'Demo' });
  let store = await open();
  let api = createPropertyServer({ store, authenticate, profileSecret: secret, basePath: '/api' });

  return {
    async handle(request) {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/')) return api.fetch(request);
      if (url.pathname === '/demo-api/status') return Response.json({ live: true });
      if (url.pathname === '/demo-api/reset' && request.method === 'POST') {
        // "Reset demo data": the database folder goes, and a fresh one is seeded. Open pages'
        // streams end, and their RestStores connect again to the new server (and are told to read again).
        api.close();
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
        store = await open();
        api = createPropertyServer({ store, authenticate, profileSecret: secret, basePath: '/api' });
        return new Response(null, { status: 204 });
      }
      if (url.pathname === '/demo-api/messages' && request.method === 'POST') {
        // What a messaging backend does when a customer writes: reply to "profile" with their link.
        const { customerId, text, locale } = (await request.json()) as {
          customerId?: string;
          text?: string;
          locale?: string;
        };
        if (typeof customerId !== 'string' || typeof text !== 'string')
          return Response.json({ reply: null }, { status: 422 });
        const pageUrl = new URL('/demo/', url).toString();
        const reply = await replyToCustomerMessage(text, { customerId, secret, pageUrl, locale });
        return Response.json({ reply });
      }
      return url.pathname.startsWith('/demo-api/')
        ? Response.json({ error: 'no such demo route' }, { status: 404 })
        : null;
    },
  };
}
