import { expect } from 'chai';
import { rejection, runStoreConformance, type StoreSetup } from '../testing/store-conformance.js';
import { seed } from '../testing/seed.js';
import { waitUntil } from '../internal/test/wait.js';
import { RestStore, type RestStoreOptions } from './rest-store.js';
import { isAbortError } from './store-error.js';

/** A fresh namespace on the real HTTP test server that the test runner serves (rest-test-server.ts). */
async function serverStore(setup: Partial<StoreSetup> & { token?: string }): Promise<string> {
  const response = await fetch('/rest-test/stores', { method: 'POST', body: JSON.stringify(setup) });
  const { base } = (await response.json()) as { base: string };
  return base;
}

interface Fault {
  status?: number;
  delay?: number;
  count?: number;
  method?: string;
  headers?: Record<string, string>;
  /** The raw text of the answer. */
  body?: string;
  /** Carry the request out, then answer `status` (default 502): the reply is lost. */
  applied?: boolean;
}

async function injectFault(base: string, fault: Fault) {
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

  it('waits what Retry-After asks (seconds) before retrying a read on 503, up to maxRetryAfter', async () => {
    const { base, store } = await make({ maxRetryAfter: 400 });
    await injectFault(base, { status: 503, method: 'GET', headers: { 'Retry-After': '5' } });
    const start = performance.now();
    expect((await store.getCustomer('ana')).name).to.equal('Ana');
    const waited = performance.now() - start;
    expect(waited, 'the cap, not the backoff of 10 ms').to.be.at.least(390);
    expect(waited, 'not the 5 s asked for').to.be.below(4_000);
    expect(await requestLog(base)).to.have.length(2);
  });

  it('takes Retry-After as an HTTP date on 429, and a past date as no wait', async () => {
    const { base, store } = await make({ maxRetryAfter: 400 });
    await injectFault(base, {
      status: 429,
      method: 'GET',
      headers: { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() },
    });
    const start = performance.now();
    await store.listDefinitions();
    expect(performance.now() - start).to.be.at.least(390);
    // A long cap: waiting it instead of nothing would show.
    const patient = new RestStore({ baseUrl: base, retryDelay: 10, maxRetryAfter: 10_000 });
    await injectFault(base, {
      status: 429,
      method: 'GET',
      headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' },
    });
    const again = performance.now();
    await patient.listDefinitions();
    expect(performance.now() - again).to.be.below(5_000);
    expect(await requestLog(base)).to.have.length(4);
  });

  it('cancels a read waiting for Retry-After through its AbortSignal', async () => {
    let answered = 0;
    const { base, store } = await make({
      fetch: async (...args) => {
        const response = await fetch(...args);
        answered++;
        return response;
      },
    });
    await injectFault(base, { status: 503, method: 'GET', headers: { 'Retry-After': '20' } });
    const controller = new AbortController();
    let error: unknown;
    const read = store.getCustomer('ana', { signal: controller.signal }).catch((e) => (error = e));
    // Its 503 has arrived: the read pauses now (a retry after the 10 ms backoff would be answered).
    await waitUntil(() => answered >= 1, 'the 503');
    const aborted = performance.now();
    controller.abort();
    await read;
    expect(isAbortError(error), String(error)).to.equal(true);
    expect(performance.now() - aborted).to.be.below(1_000);
    expect(answered).to.equal(1);
    expect(await requestLog(base)).to.have.length(1);
  });

  it('takes the revision from the ETag when the body disagrees', async () => {
    const { base, store } = await make();
    const ana = await (await fetch(`${base}customers/ana`)).json();
    await injectFault(base, { status: 200, method: 'GET', headers: { ETag: '"7"' }, body: JSON.stringify(ana) });
    expect((await store.getCustomer('ana')).revision).to.equal(7);
    // Without an ETag the body's revision is all there is.
    await injectFault(base, { status: 200, method: 'GET', body: JSON.stringify({ ...ana, revision: 4 }) });
    expect((await store.getCustomer('ana')).revision).to.equal(4);
  });

  it('rejects a 2xx without the body the contract promises with unavailable, code response.body', async () => {
    const { base, store } = await make({ retries: 0 });
    const ana = await (await fetch(`${base}customers/ana`)).json();
    const answers: [string, string, () => Promise<unknown>][] = [
      ['GET', '', () => store.getCustomer('ana')],
      ['GET', '{"id":"an', () => store.getCustomer('ana')],
      ['GET', JSON.stringify({ id: 'ana', properties: {} }), () => store.getCustomer('ana')],
      ['GET', JSON.stringify({ ...ana, properties: null }), () => store.getCustomer('ana')],
      ['GET', '{}', () => store.listDefinitions()],
      ['GET', 'null', () => store.listDefinitions()],
      ['GET', '[{}]', () => store.listDefinitions()],
      ['GET', '{}', () => store.countValues('age')],
      ['GET', '{}', () => store.getHistory('ana')],
      ['POST', '{"customers":[]}', () => store.findCustomers({ all: [] } as never)],
      ['PATCH', '', () => store.updateCustomer('ana', { age: '35' }, { revision: 1 })],
      ['PUT', '', () => store.reorderDefinitions(['age'])],
    ];
    for (const [method, body, call] of answers) {
      await injectFault(base, { status: 200, method, body });
      const error = await rejection(call(), 'unavailable');
      expect(error.code, `${method} answering ${body || 'nothing'}`).to.equal('response.body');
      expect(error.status).to.equal(200);
    }
  });

  it('a write applied but whose reply was lost, tried again, resolves with the customer it made', async () => {
    const { base, store } = await make();
    await injectFault(base, { applied: true, method: 'PATCH' });
    await rejection(store.updateCustomer('ana', { age: '50', notes: 'x' }, { revision: 1 }), 'unavailable');
    const again = await store.updateCustomer('ana', { age: '50', notes: 'x' }, { revision: 1 });
    expect(again.properties).to.include({ age: '50', notes: 'x' });
    expect(again.revision).to.equal(2);
    expect((await store.getCustomer('ana')).revision).to.equal(2);
  });

  it('takes a conflict whose current customer holds every value written as success (a server without that rule)', async () => {
    const { base, store } = await make();
    const ana = await (await fetch(`${base}customers/ana`)).json();
    const current = { ...ana, revision: 2, properties: { ...ana.properties, age: '50' } };
    const conflict = (fields: string[]) =>
      JSON.stringify({ error: { kind: 'conflict', code: 'conflict', params: {}, fields, current } });
    await injectFault(base, { status: 412, method: 'PATCH', body: conflict(['age']) });
    expect(await store.updateCustomer('ana', { age: '50' }, { revision: 1 })).to.deep.equal(current);
    await injectFault(base, { status: 412, method: 'PATCH', body: conflict(['age']) });
    const error = await rejection(store.updateCustomer('ana', { age: '51' }, { revision: 1 }), 'conflict');
    expect(error.currentValues).to.deep.equal({ age: '50' });
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
