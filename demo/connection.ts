// Where the demo's data lives. Under `npm start`, on customer-properties/server (demo/api.ts) through
// RestStore: the role switch is the demo's login and the server enforces what each role may see.
// The static build has no server: it keeps the data in this browser (IndexedDB) and enforces nothing.
import type { PropertyStore } from '../src/storage/property-store.js';
import { RestStore } from '../src/storage/rest-store.js';

export interface DemoConnection {
  /** True when a server enforces the rules; false in the static build. */
  live: boolean;
  /** The store for a user of this role. */
  storeFor(role: string): PropertyStore;
  /** The store of the customer's profile page (the page adds the customer's token). */
  profileStore(): PropertyStore;
  reset(): Promise<void>;
  /**
   * The reply to a customer's message: its link to the profile page, and whether the link is
   * signed (the page words the sentence around it in its language), or null.
   */
  reply(customerId: string, text: string, locale: string): Promise<{ link: string; signed: boolean } | null>;
}

async function serverIsThere(): Promise<boolean> {
  // The static build says so in its page (scripts/build-demo.mjs): no server to ask.
  if (document.querySelector('meta[name="demo-data"]')?.getAttribute('content') === 'browser') return false;
  try {
    const response = await fetch('/demo-api/status', { headers: { Accept: 'application/json' } });
    return response.ok && ((await response.json()) as { live?: boolean }).live === true;
  } catch {
    return false;
  }
}

/** A reply split into its sentence and the link at its end. */
export function splitLink(reply: string): { text: string; link: string } {
  const at = reply.search(/https?:\/\//);
  return { text: reply.slice(0, at).trim(), link: reply.slice(at).trim() };
}

export async function connect(): Promise<DemoConnection> {
  if (await serverIsThere()) {
    const stores = new Map<string, PropertyStore>();
    return {
      live: true,
      storeFor(role) {
        let store = stores.get(role);
        if (!store) {
          store = new RestStore({ baseUrl: '/api/', headers: () => ({ 'X-Demo-Role': role }) });
          stores.set(role, store);
        }
        return store;
      },
      profileStore: () => new RestStore({ baseUrl: '/api/' }),
      async reset() {
        await fetch('/demo-api/reset', { method: 'POST' });
        stores.clear();
      },
      async reply(customerId, text, locale) {
        const response = await fetch('/demo-api/messages', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ customerId, text, locale }),
        });
        const { reply } = (await response.json()) as { reply: string | null };
        return reply ? { link: splitLink(reply).link, signed: true } : null;
      },
    };
  }
  const { store } = await import('./demo-store.js');
  return {
    live: false,
    storeFor(role) {
      store.author = `${role[0]!.toUpperCase()}${role.slice(1)} (demo)`;
      return store;
    },
    profileStore: () => store,
    reset: () => store.reset(),
    // No server, no secret: the static build links to the profile page unsigned, and says so.
    async reply(customerId, text) {
      if (text.trim().toLowerCase() !== 'profile') return null;
      return { link: `#profile/${customerId}`, signed: false };
    },
  };
}
