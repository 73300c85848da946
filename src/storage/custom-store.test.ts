import { runStoreConformance } from '../testing/store-conformance.js';
import { AcmeStore, type Send } from './custom-store.example.js';

// The README's custom store, against the test server; its PATCH carries the revision in the query.
runStoreConformance(
  'AcmeStore (the README example)',
  async (setup) => {
    const response = await fetch('/rest-test/stores', { method: 'POST', body: JSON.stringify(setup) });
    const { base } = (await response.json()) as { base: string };
    const send: Send = async (method, path, body, signal) => {
      const [route, query] = path.split('?');
      const revision = new URLSearchParams(query).get('revision');
      const res = await fetch(base + route, {
        method,
        headers: { 'Content-Type': 'application/json', ...(revision ? { 'If-Match': `"${revision}"` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    return { store: new AcmeStore(send) };
  },
  // The example leaves out the optional methods: subscribe, reorderDefinitions, countValues, getHistory,
  // the saved audiences and upsertCustomer.
  { subscribes: false, reorders: false, counts: false, history: false, audiences: false, upserts: false },
);
