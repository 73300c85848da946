/// <reference types="node" />
/*
 * The live stream, `GET /api/events`, over real HTTP on 127.0.0.1: two RestStores on one server
 * hear each other; every principal's stream is scanned for what they may not read; a stream cut
 * mid-way reconnects and gets what it missed (or `reset` when the server no longer keeps it).
 */
import { expect } from 'chai';
import type { Customer, Principal, PropertyDefinition } from '../model/index.js';
import { MemoryStore } from '../storage/memory-store.js';
import type { StoreEvent } from '../storage/property-store.js';
import { RestStore } from '../storage/rest-store.js';
import type { StoreError } from '../storage/store-error.js';
import { LOAD_DEFINITIONS, loadCustomers, runLiveLoad } from '../internal/test/live-load.js';
import { cuttableFetch, rawStream, serve, until, type RawStream, type Running } from '../internal/test/live-server.js';
import { createProfileToken } from './profile-token.js';
import type { PropertyServerOptions } from './property-server.js';

const SECRET = 'a test secret of at least thirty-two bytes, not for production';
const text = { type: 'text' as const, showToCustomer: false, showToAgent: true, order: 0 };
const DEFINITIONS: PropertyDefinition[] = [
  { ...text, name: 'internal_score', label: 'Internal score', access: { admin: 'edit' }, order: 1 },
  { ...text, name: 'notes', label: 'Notes', access: { '*': 'edit' }, order: 2 },
  { ...text, name: 'shoe_size', label: 'Shoe size', showToCustomer: true, access: { '*': 'edit' }, order: 3 },
  { ...text, name: 'vip_secret', label: 'VIP secret', showToAgent: false, access: { '*': 'edit' }, order: 4 },
];
const customers = (): Customer[] => [
  { id: 'ana', channel: 'whatsapp', number: '+4915111111111', name: 'Ana', revision: 1, properties: {} },
  { id: 'ben', channel: 'telegram', number: '4242', name: 'Ben', revision: 1, properties: {} },
];
const PRINCIPALS: Record<string, Principal> = {
  agent: { kind: 'user', id: 'u-agent', roles: ['agent'] },
  admin: { kind: 'user', id: 'u-admin', roles: ['admin'] },
};

function authenticate(request: Request): Principal | null {
  const role = /^Bearer user:(\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  return role ? (PRINCIPALS[role] ?? null) : null;
}

async function start(events: PropertyServerOptions['events'] = {}): Promise<Running & { store: MemoryStore }> {
  const store = new MemoryStore({ definitions: DEFINITIONS, customers: customers() });
  return { ...(await serve({ store, authenticate, profileSecret: SECRET, events })), store };
}

const as = (running: Running, role: string, extra: Partial<ConstructorParameters<typeof RestStore>[0]> = {}) =>
  new RestStore({ baseUrl: running.url, headers: () => ({ Authorization: `Bearer user:${role}` }), ...extra });

/** Listens to `store`; the events heard, and the function that stops. */
function listen(store: RestStore): { heard: StoreEvent[]; stop: () => void } {
  const heard: StoreEvent[] = [];
  const stop = store.subscribe!((event) => heard.push(event));
  return { heard, stop };
}

const customerEvents = (heard: StoreEvent[]) =>
  heard.flatMap((event) => (event.type === 'customer-changed' ? [event.customer] : []));

describe('GET /api/events: live changes between clients of one server', () => {
  let running: Running & { store: MemoryStore };
  afterEach(() => running.stop());

  it('two RestStores: what one writes, the other hears, filtered as its GET would be', async () => {
    running = await start();
    const writer = as(running, 'admin');
    const link = cuttableFetch();
    const reader = as(running, 'agent', { fetch: link.fetch });
    const { heard, stop } = listen(reader);
    await link.opened();
    const { revision } = await writer.getCustomer('ana');
    await writer.updateCustomer('ana', { notes: 'Call back', internal_score: 'S-1' }, { revision });
    await until(() => customerEvents(heard).length === 1, 'the agent hears the write');
    const [ana] = customerEvents(heard);
    expect(ana).to.deep.equal(await reader.getCustomer('ana'));
    expect(ana!.properties).to.deep.equal({ notes: 'Call back' });
    stop();
  });

  it('an agent’s stream never holds a property their roles may not view; a write only of those is not sent', async () => {
    running = await start({ heartbeat: 50 });
    const agent = await rawStream(running.url, { Authorization: 'Bearer user:agent' });
    const admin = await rawStream(running.url, { Authorization: 'Bearer user:admin' });
    await until(() => agent.text().includes('event: ready') && admin.text().includes('event: ready'), 'both open');
    let { revision } = await running.store.getCustomer('ana');
    ({ revision } = await running.store.updateCustomer('ana', { internal_score: 'SCORE-7731' }, { revision }));
    ({ revision } = await running.store.updateCustomer('ana', { vip_secret: 'VIP-5150' }, { revision }));
    await running.store.updateCustomer('ana', { notes: 'NOTE-42' }, { revision });
    await until(() => agent.text().includes('NOTE-42') && admin.text().includes('NOTE-42'), 'both hear the note');
    await until(() => agent.text().includes(': ping'), 'a heartbeat');
    expect(agent.text())
      .not.to.contain('SCORE-7731')
      .and.not.to.contain('VIP-5150')
      .and.not.to.contain('internal_score');
    const agentRevisions = agent
      .events()
      .filter((e) => e.event === 'customer-changed')
      .map((e) => e.data.customer.revision);
    expect(agentRevisions, 'the writes of hidden properties alone are not sent').to.deep.equal([4]);
    expect(admin.text()).to.contain('SCORE-7731').and.not.to.contain('VIP-5150');
    const adminRevisions = admin
      .events()
      .filter((e) => e.event === 'customer-changed')
      .map((e) => e.data.customer.revision);
    expect(adminRevisions).to.deep.equal([2, 4]);
    for (const stream of [agent, admin]) {
      expect(
        stream.events().every((e) => /^[0-9a-f]{8}\.\d+$/.test(e.id)),
        'an id on every event',
      ).to.equal(true);
      stream.close();
    }
  });

  it('an event that stands for several writes (`since`) reaches whoever may see any of them', async () => {
    // A store like PostgresStore, which reads a customer once for notifications that arrived
    // together: revision 2 wrote notes (agents see it), revision 3 internal_score (they do not).
    class BatchingStore extends MemoryStore {
      readonly heard = new Set<(event: StoreEvent) => void>();
      override subscribe(listener: (event: StoreEvent) => void): () => void {
        this.heard.add(listener);
        return () => this.heard.delete(listener);
      }
    }
    const store = new BatchingStore({ definitions: DEFINITIONS, customers: customers() });
    running = { ...(await serve({ store, authenticate, profileSecret: SECRET })), store };
    const agent = await rawStream(running.url, { Authorization: 'Bearer user:agent' });
    await until(() => agent.text().includes('event: ready'), 'open');
    await store.updateCustomer('ana', { notes: 'NOTE-2' }, { revision: 1 });
    const ana = await store.updateCustomer('ana', { internal_score: 'SCORE-3' }, { revision: 2 });
    for (const listener of store.heard) listener({ type: 'customer-changed', customer: ana, since: 1 });
    await until(() => agent.text().includes('NOTE-2'), 'the agent hears the note written at revision 2');
    expect(agent.text()).not.to.contain('SCORE-3');
    agent.close();
  });

  it('one user holds at most `maxStreams` streams: the next is 429 with Retry-After, others still get in', async () => {
    running = await start({ maxStreams: 2 });
    const open = [
      await rawStream(running.url, { Authorization: 'Bearer user:agent' }),
      await rawStream(running.url, { Authorization: 'Bearer user:agent' }),
    ];
    const refused = await fetch(`${running.url}events`, { headers: { Authorization: 'Bearer user:agent' } });
    expect(refused.status).to.equal(429);
    expect(refused.headers.get('retry-after')).to.equal('30');
    expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('request.streams');
    const admin = await rawStream(running.url, { Authorization: 'Bearer user:admin' });
    expect(admin.status).to.equal(200);
    open[0]!.close();
    let again: RawStream | undefined;
    await until(async () => {
      const tried = await rawStream(running.url, { Authorization: 'Bearer user:agent' });
      if (tried.status === 200) again = tried;
      else tried.close();
      return again;
    }, 'the closed stream gives its place back');
    for (const stream of [open[1]!, admin, again!]) stream.close();
  });

  it('a stream ends after `maxAge`; RestStore reconnects, signed in again, and misses nothing', async () => {
    running = await start({ maxAge: 400 });
    const raw = await rawStream(running.url, { Authorization: 'Bearer user:agent' });
    await until(() => raw.ended(), 'the server ends the stream after maxAge');
    const reader = as(running, 'agent');
    const { heard, stop } = listen(reader);
    // Writes across several reconnects: each arrives once.
    let { revision } = await running.store.getCustomer('ana');
    for (let i = 1; i <= 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      ({ revision } = await running.store.updateCustomer('ana', { notes: `N-${i}` }, { revision }));
    }
    await until(() => customerEvents(heard).some((c) => c.properties.notes === 'N-3'), 'the last write heard');
    const notes = customerEvents(heard).map((c) => c.properties.notes);
    expect(notes.filter((n) => typeof n === 'string' && n.startsWith('N-'))).to.deep.equal(['N-1', 'N-2', 'N-3']);
    stop();
  });

  it('a customer’s stream carries only their own customer, only what is shown to customers, no staff names', async () => {
    running = await start();
    const token = await createProfileToken({ customerId: 'ana', secret: SECRET });
    const stream = await rawStream(running.url, { Authorization: `Bearer ${token}` });
    await until(() => stream.text().includes('event: ready'), 'open');
    let { revision } = await running.store.getCustomer('ben');
    await running.store.updateCustomer('ben', { shoe_size: 'BEN-44' }, { revision, author: 'u-agent' });
    ({ revision } = await running.store.getCustomer('ana'));
    ({ revision } = await running.store.updateCustomer(
      'ana',
      { notes: 'NOTE-ANA', internal_score: 'SCORE-ANA' },
      { revision, author: 'u-agent' },
    ));
    await running.store.updateCustomer('ana', { shoe_size: '38' }, { revision, author: 'u-agent' });
    await running.store.createDefinition({
      ...text,
      name: 'agents_only',
      label: 'Agents only',
      access: { '*': 'edit' },
    });
    await until(() => stream.text().includes('definitions-changed'), 'the definitions change');
    const events = stream.events();
    expect(events.map((e) => e.event)).to.deep.equal(['ready', 'customer-changed', 'definitions-changed']);
    expect(events[1]!.data.customer).to.deep.equal({
      id: 'ana',
      revision: 3,
      name: 'Ana',
      properties: { shoe_size: '38' },
      changed: { shoe_size: { revision: 3, at: events[1]!.data.customer.changed.shoe_size.at } },
    });
    expect(events[2]!.data.definitions.map((d: PropertyDefinition) => d.name)).to.deep.equal(['name', 'shoe_size']);
    for (const secret of ['BEN', 'NOTE-ANA', 'SCORE-ANA', 'u-agent', '+4915111111111', 'agents_only'])
      expect(stream.text()).not.to.contain(secret);
    stream.close();
  });

  it('a stream cut mid-way reconnects with Last-Event-ID and delivers what was missed, in order', async () => {
    running = await start();
    const link = cuttableFetch();
    const reader = as(running, 'agent', { fetch: link.fetch, live: { retryDelay: 50 } });
    const { heard, stop } = listen(reader);
    await link.opened();
    let { revision } = await running.store.getCustomer('ana');
    ({ revision } = await running.store.updateCustomer('ana', { notes: 'one' }, { revision }));
    await until(() => customerEvents(heard).length === 1, 'the first write heard');
    const reconnect = link.cut();
    ({ revision } = await running.store.updateCustomer('ana', { notes: 'two' }, { revision }));
    await running.store.updateCustomer('ana', { notes: 'three' }, { revision });
    expect(customerEvents(heard), 'nothing heard while cut').to.have.length(1);
    reconnect();
    await until(() => customerEvents(heard).length === 3, 'the missed writes heard after the reconnect');
    expect(customerEvents(heard).map((c) => c.properties.notes)).to.deep.equal(['one', 'two', 'three']);
    expect(link.streams).to.have.length(2);
    expect(link.streams[1]!.headers.get('Last-Event-ID')).to.match(/^[0-9a-f]{8}\.1$/);
    expect(heard.some((event) => event.type === 'reset')).to.equal(false);
    stop();
  });

  it('a client that missed more than the server keeps is told to read again (reset)', async () => {
    running = await start({ replay: 2 });
    const link = cuttableFetch();
    const reader = as(running, 'agent', { fetch: link.fetch, live: { retryDelay: 50 } });
    const { heard, stop } = listen(reader);
    await link.opened();
    const reconnect = link.cut();
    let { revision } = await running.store.getCustomer('ana');
    for (const notes of ['a', 'b', 'c'])
      ({ revision } = await running.store.updateCustomer('ana', { notes }, { revision }));
    reconnect();
    await until(() => heard.some((event) => event.type === 'reset'), 'reset');
    expect(customerEvents(heard)).to.deep.equal([]);
    // After the reset the stream goes on.
    await running.store.updateCustomer('ana', { notes: 'd' }, { revision });
    await until(() => customerEvents(heard).length === 1, 'the next write');
    stop();
  });

  it('one stream per store, however many listeners; closed when the last one leaves', async () => {
    running = await start();
    const link = cuttableFetch();
    const reader = as(running, 'agent', { fetch: link.fetch });
    const first = listen(reader);
    const second = listen(reader);
    await link.opened();
    first.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(link.streams[0]!.signal.aborted, 'one listener is left').to.equal(false);
    second.stop();
    expect(link.streams[0]!.signal.aborted, 'closed with the last listener').to.equal(true);
    expect(link.streams).to.have.length(1);
  });

  it('without a login the stream is 401, and the store says it will hear nothing', async () => {
    running = await start();
    expect((await rawStream(running.url, {})).status).to.equal(401);
    const errors: StoreError[] = [];
    const anonymous = new RestStore({ baseUrl: running.url, live: { onError: (error) => errors.push(error) } });
    const { stop } = listen(anonymous);
    await until(() => errors.length === 1, 'the error');
    expect(errors[0]).to.include({ kind: 'unauthenticated', code: 'live.unavailable' });
    stop();
  });

  it('live: false leaves the store without subscribe; a host’s subscribe is used instead of the stream', async () => {
    running = await start();
    expect(as(running, 'agent', { live: false }).subscribe).to.equal(undefined);
    const own = () => () => {};
    expect(as(running, 'agent', { subscribe: own }).subscribe).to.equal(own);
  });

  it('a store without subscribe has no stream: 404', async () => {
    const store = new MemoryStore({ definitions: DEFINITIONS, customers: customers() });
    const { subscribe: _none, ...withoutSubscribe } = Object.fromEntries(
      Object.getOwnPropertyNames(MemoryStore.prototype).map((name) => [
        name,
        (store as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!.bind(store),
      ]),
    );
    running = { ...(await serve({ store: withoutSubscribe as never, authenticate, profileSecret: SECRET })), store };
    const stream = await rawStream(running.url, { Authorization: 'Bearer user:agent' });
    expect(stream.status).to.equal(404);
    expect(JSON.parse(stream.text())).to.deep.equal({
      error: { kind: 'not-found', code: 'request.route', params: {} },
    });
  });
});

describe('GET /api/events under load (short; the full run is bench/live.mjs)', () => {
  it('40 streams of agents, admins and customers, 60 writes: each stream gets every event it may see, once, and nothing else', async () => {
    const store = new MemoryStore({ definitions: LOAD_DEFINITIONS, customers: loadCustomers() });
    const result = await runLiveLoad(store, { streams: 40, rate: 40, seconds: 1.5 });
    expect(result.writes).to.equal(60);
    expect(result).to.include({ wrong: 0, delivered: result.expected });
    expect(result.expected).to.be.greaterThan(60 * 20);
  });
});

describe('GET /api/events: what an attacker tried (a review)', () => {
  let running: Running & { store: MemoryStore };
  afterEach(() => running.stop());

  it('a profile token’s stream ends when the token expires, and the token opens no other', async () => {
    running = await start();
    const token = await createProfileToken({ customerId: 'ana', secret: SECRET, expiresInSeconds: 1 });
    const stream = await rawStream(running.url, { Authorization: `Bearer ${token}` });
    expect(stream.status).to.equal(200);
    await until(() => stream.ended(), 'the server ends the stream');
    expect((await rawStream(running.url, { Authorization: `Bearer ${token}` })).status).to.equal(401);
  });

  it('a profile token valid for 30 days (past the longest timer) keeps its stream open', async () => {
    running = await start();
    const token = await createProfileToken({ customerId: 'ana', secret: SECRET, expiresInSeconds: 30 * 86_400 });
    const stream = await rawStream(running.url, { Authorization: `Bearer ${token}` });
    await until(() => stream.text().includes('event: ready'), 'open');
    const { revision } = await running.store.getCustomer('ana');
    await running.store.updateCustomer('ana', { shoe_size: 'SIZE-41' }, { revision });
    await until(() => stream.text().includes('SIZE-41'), 'the write after the stream opened');
    expect(stream.ended(), 'the stream is still open').to.equal(false);
    stream.close();
  });

  it('a change of what a customer may not see (the channel) is not sent to them; users, who see it, hear it', async () => {
    running = await start();
    const token = await createProfileToken({ customerId: 'ana', secret: SECRET });
    const customer = await rawStream(running.url, { Authorization: `Bearer ${token}` });
    const agent = await rawStream(running.url, { Authorization: 'Bearer user:agent' });
    await until(() => customer.text().includes('event: ready') && agent.text().includes('event: ready'), 'open');
    const moved = await fetch(`${running.url}customers`, {
      method: 'POST',
      headers: { Authorization: 'Bearer user:admin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'ana', channel: 'sms', number: '+4915111111111', name: 'Ana' }),
    });
    expect(moved.status).to.equal(200);
    const { revision } = await running.store.getCustomer('ana');
    await running.store.updateCustomer('ana', { shoe_size: 'SIZE-39' }, { revision });
    await until(() => customer.text().includes('SIZE-39') && agent.text().includes('SIZE-39'), 'the next write');
    const revisions = (stream: RawStream) =>
      stream
        .events()
        .filter((e) => e.event === 'customer-changed')
        .map((e) => e.data.customer.revision);
    expect(revisions(customer), 'the customer hears only the write they can see').to.deep.equal([3]);
    expect(revisions(agent)).to.deep.equal([2, 3]);
    expect(agent.events()[1]!.data.customer.channel).to.equal('sms');
    customer.close();
    agent.close();
  });

  it('a host’s principal that JSON cannot write (a session with a cycle) stops no one’s stream', async () => {
    const session: Record<string, unknown> = {};
    session.self = session;
    const store = new MemoryStore({ definitions: DEFINITIONS, customers: customers() });
    const withSession = (request: Request): Principal | null =>
      request.headers.get('authorization') === 'Bearer session'
        ? ({ kind: 'user', id: 'u-odd', roles: ['agent'], session } as Principal)
        : authenticate(request);
    running = { ...(await serve({ store, authenticate: withSession, profileSecret: SECRET })), store };
    const odd = await rawStream(running.url, { Authorization: 'Bearer session' });
    const agent = await rawStream(running.url, { Authorization: 'Bearer user:agent' });
    await until(() => odd.text().includes('event: ready') && agent.text().includes('event: ready'), 'open');
    const { revision } = await store.getCustomer('ana');
    await store.updateCustomer('ana', { notes: 'NOTE-7' }, { revision });
    await until(() => agent.text().includes('NOTE-7') && odd.text().includes('NOTE-7'), 'both hear the write');
    odd.close();
    agent.close();
  });
});
