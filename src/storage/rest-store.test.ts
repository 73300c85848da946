import { expect } from 'chai';
import { rejection, runStoreConformance, type StoreSetup } from '../internal/test/store-conformance.js';
import { seed } from '../internal/test/seed.js';
import { RestStore, type RestStoreOptions } from './rest-store.js';

/** A fresh namespace on the real HTTP test server that the test runner serves (rest-test-server.ts). */
async function serverStore(setup: Partial<StoreSetup> & { token?: string }): Promise<string> {
  const response = await fetch('/rest-test/stores', { method: 'POST', body: JSON.stringify(setup) });
  const { base } = (await response.json()) as { base: string };
  return base;
}

async function injectFault(base: string, fault: { status?: number; delay?: number; count?: number; method?: string }) {
  await fetch(`${base}__faults`, { method: 'POST', body: JSON.stringify(fault) });
}

async function requestLog(base: string): Promise<{ method: string; path: string }[]> {
  return ((await (await fetch(`${base}__log`)).json()) as { requests: { method: string; path: string }[] }).requests;
}

runStoreConformance(
  'RestStore',
  async (setup) => {
    const base = await serverStore(setup);
    return { store: new RestStore({ baseUrl: base, retryDelay: 10 }) };
  },
  { subscribes: false },
);

describe('RestStore over HTTP', () => {
  const make = async (options: Partial<RestStoreOptions> = {}, token?: string) => {
    const base = await serverStore({ ...seed(), author: 'Ana', ...(token ? { token } : {}) });
    return { base, store: new RestStore({ baseUrl: base, retryDelay: 10, ...options }) };
  };

  it('sends the revision as If-Match and reads it back from the ETag', async () => {
    const { base, store } = await make();
    const response = await fetch(`${base}customers/ana`);
    expect(response.headers.get('ETag')).to.equal('"1"');
    const stale = await fetch(`${base}customers/ana`, {
      method: 'PATCH',
      headers: { 'If-Match': '"0"', 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes: { age: '1' } }),
    });
    expect(stale.status).to.equal(200);
    const error = await rejection(store.updateCustomer('ana', { age: '2' }, { revision: 1 }), 'conflict');
    expect(error.status).to.equal(412);
    expect(error.currentValues).to.deep.equal({ age: '1' });
  });

  it('retries a failing read with backoff and succeeds', async () => {
    const { base, store } = await make();
    await injectFault(base, { status: 503, count: 2, method: 'GET' });
    expect((await store.getCustomer('ana')).name).to.equal('Ana');
    expect((await requestLog(base)).filter((r) => r.path === 'customers/ana')).to.have.length(3);
  });

  it('gives up on a read after its retries with unavailable', async () => {
    const { base, store } = await make({ retries: 1 });
    await injectFault(base, { status: 502, count: 5, method: 'GET' });
    const error = await rejection(store.listDefinitions(), 'unavailable');
    expect(error.status).to.equal(502);
    expect(await requestLog(base)).to.have.length(2);
  });

  it('never retries a write blindly', async () => {
    const { base, store } = await make();
    await injectFault(base, { status: 503, count: 1, method: 'PATCH' });
    await rejection(store.updateCustomer('ana', { age: '50' }, { revision: 1 }), 'unavailable');
    expect((await requestLog(base)).filter((r) => r.method === 'PATCH')).to.have.length(1);
    expect((await store.getCustomer('ana')).properties.age).to.equal('34');
  });

  it('times out a slow server with unavailable', async () => {
    const { base, store } = await make({ timeout: 100, retries: 0 });
    await injectFault(base, { delay: 1_000, count: 1 });
    const error = await rejection(store.getCustomer('ana'), 'unavailable');
    expect(error.message).to.contain('0.1 s');
  });

  it('cancels a request through its AbortSignal', async () => {
    const { base, store } = await make();
    await injectFault(base, { delay: 1_000, count: 1 });
    const controller = new AbortController();
    const read = store.getCustomer('ana', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    let error: unknown;
    await read.catch((e) => (error = e));
    expect((error as Error).name).to.equal('AbortError');
  });

  it('asks the headers callback before every request: no token is unauthenticated (401), a token works', async () => {
    const { base } = await make({}, 'secret');
    await rejection(new RestStore({ baseUrl: base }).getCustomer('ana'), 'unauthenticated');
    let calls = 0;
    const store = new RestStore({
      baseUrl: base,
      headers: async () => ({ Authorization: `Bearer secret`, 'X-Call': String(++calls) }),
    });
    expect((await store.getCustomer('ana')).id).to.equal('ana');
    await store.listDefinitions();
    expect(calls).to.equal(2);
  });

  it('withAuthorization: a new store whose every request carries the credential, the original left as it was', async () => {
    const { base } = await make({}, 'secret');
    let calls = 0;
    const plain = new RestStore({
      baseUrl: base,
      headers: () => ({ authorization: 'Bearer wrong', 'X-Call': String(++calls) }),
    });
    const authorized = plain.withAuthorization('Bearer secret');
    expect(authorized).to.be.instanceOf(RestStore).and.not.equal(plain);
    expect((await authorized.getCustomer('ana')).id).to.equal('ana');
    await authorized.updateCustomer('ana', { age: '35' }, { revision: 1 });
    expect(calls, 'the host’s headers are still asked for').to.equal(2);
    await rejection(plain.getCustomer('ana'), 'unauthenticated');
  });

  it('reports a server that cannot be reached as unavailable', async () => {
    const store = new RestStore({ baseUrl: 'http://127.0.0.1:9/', retries: 0 });
    await rejection(store.listDefinitions(), 'unavailable');
  });
});
