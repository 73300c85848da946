/// <reference types="node" />
/*
 * Load on the live stream: `streams` RestStores (agents, admins and customers) listen on one
 * server instance while a writer changes customers `rate` times a second for `seconds`. Reports
 * whether every stream got exactly the events its principal may see, the delay from a write to
 * its arrival, and the heap over the run. The test runs it small; `node --import tsx bench/live.mjs`
 * runs it at 200 streams, 20 writes a second, 30 s.
 */
import type { Customer, Principal, PropertyDefinition } from '../../model/index.js';
import { createProfileToken } from '../../server/profile-token.js';
import type { PropertyStore } from '../../storage/property-store.js';
import { RestStore } from '../../storage/rest-store.js';
import { serve, until } from './live-server.js';

const SECRET = 'a load-test secret of at least thirty-two bytes';
const text = { type: 'text' as const, showToCustomer: false, showToAgent: true };
export const LOAD_DEFINITIONS: PropertyDefinition[] = [
  { ...text, name: 'notes', label: 'Notes', access: { '*': 'edit' }, order: 1 },
  { ...text, name: 'internal_score', label: 'Internal score', access: { admin: 'edit' }, order: 2 },
  { ...text, name: 'shoe_size', label: 'Shoe size', showToCustomer: true, access: { '*': 'edit' }, order: 3 },
];
export const LOAD_CUSTOMERS = 20;
export const loadCustomers = (): Customer[] =>
  Array.from({ length: LOAD_CUSTOMERS }, (_, i) => ({
    id: `c${i}`,
    number: String(1000 + i),
    name: `Customer ${i}`,
    revision: 1,
    properties: {},
  }));

/** Which field each write changes, in turn, and who may see it. */
const FIELDS = ['notes', 'internal_score', 'shoe_size'] as const;

export interface LoadResult {
  streams: number;
  writes: number;
  /** Events every stream should have got, summed. */
  expected: number;
  delivered: number;
  /** Streams that missed an event or got one they may not see. */
  wrong: number;
  /** Milliseconds from a write's answer to its arrival: median, 99th percentile, max. */
  delay: { median: number; p99: number; max: number };
  /** Heap used (MB) after the streams opened, and at the end, after a GC when `--expose-gc`. */
  heap: { start: number; end: number; samples: number[] };
}

export async function runLiveLoad(
  store: PropertyStore,
  { streams = 200, rate = 20, seconds = 30 }: { streams?: number; rate?: number; seconds?: number } = {},
): Promise<LoadResult> {
  const users: Record<string, Principal> = {};
  const running = await serve({
    store,
    profileSecret: SECRET,
    authenticate: (request) => users[request.headers.get('x-load-user') ?? ''] ?? null,
  });
  // 3 in 4 agents, 1 in 5 admins, the rest customers (one each of the first customers).
  const kinds: { who: 'agent' | 'admin' | 'customer'; customerId?: string }[] = [];
  for (let i = 0; i < streams; i++) {
    if (i % 20 === 19) kinds.push({ who: 'customer', customerId: `c${Math.floor(i / 20) % LOAD_CUSTOMERS}` });
    else if (i % 5 === 4) kinds.push({ who: 'admin' });
    else kinds.push({ who: 'agent' });
  }
  const heard: Map<string, number>[] = kinds.map(() => new Map());
  const writtenAt = new Map<string, number>();
  const delays: number[] = [];
  let ready = 0;
  const stops: (() => void)[] = [];
  for (const [i, kind] of kinds.entries()) {
    let headers: Record<string, string>;
    if (kind.who === 'customer') {
      const token = await createProfileToken({ customerId: kind.customerId!, secret: SECRET });
      headers = { Authorization: `Bearer ${token}` };
    } else {
      users[`u${i}`] = { kind: 'user', id: `u${i}`, roles: [kind.who] };
      headers = { 'x-load-user': `u${i}` };
    }
    const client = new RestStore({
      baseUrl: running.url,
      headers: () => headers,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if ((input instanceof Request ? input.url : input.toString()).endsWith('/events')) ready++;
        return response;
      },
    });
    stops.push(
      client.subscribe!((event) => {
        if (event.type !== 'customer-changed') return;
        const key = `${event.customer.id}@${event.customer.revision}`;
        heard[i]!.set(key, (heard[i]!.get(key) ?? 0) + 1);
        const at = writtenAt.get(key);
        if (at !== undefined) delays.push(performance.now() - at);
      }),
    );
  }
  await until(() => ready === streams, 'every stream open', 60_000);
  // The server has opened a stream once it answered; let the last `ready` events through.
  await new Promise((resolve) => setTimeout(resolve, 500));

  const gc = (globalThis as { gc?: () => void }).gc;
  const heapMb = () => {
    gc?.();
    return Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10;
  };
  const start = heapMb();
  const samples: number[] = [];
  const revisions = new Map(loadCustomers().map((c) => [c.id, c.revision]));
  const writes: { key: string; field: (typeof FIELDS)[number]; customerId: string }[] = [];
  const total = Math.round(rate * seconds);
  const began = performance.now();
  for (let n = 0; n < total; n++) {
    // Paced: the n-th write at n / rate seconds.
    const wait = began + (n * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const customerId = `c${n % LOAD_CUSTOMERS}`;
    const field = FIELDS[n % FIELDS.length]!;
    const saved = await store.updateCustomer(
      customerId,
      { [field]: `v${n}` },
      { revision: revisions.get(customerId)!, author: 'loader' },
    );
    revisions.set(customerId, saved.revision);
    const key = `${customerId}@${saved.revision}`;
    writtenAt.set(key, performance.now());
    writes.push({ key, field, customerId });
    if (n % (rate * 5) === 0) samples.push(heapMb());
  }

  const expectedFor = (kind: (typeof kinds)[number]) =>
    writes.filter(({ field, customerId }) =>
      kind.who === 'customer'
        ? field === 'shoe_size' && customerId === kind.customerId
        : field !== 'internal_score' || kind.who === 'admin',
    );
  const expected = kinds.reduce((sum, kind) => sum + expectedFor(kind).length, 0);
  const delivered = () => heard.reduce((sum, map) => sum + [...map.values()].reduce((a, b) => a + b, 0), 0);
  await until(() => delivered() >= expected, `${expected} events delivered`, 60_000).catch(() => {});
  // Anything more that would arrive (a wrong extra event) arrives now.
  await new Promise((resolve) => setTimeout(resolve, 500));
  let wrong = 0;
  for (const [i, kind] of kinds.entries()) {
    const want = expectedFor(kind).map((write) => write.key);
    const got = heard[i]!;
    const exact = got.size === want.length && want.every((key) => got.get(key) === 1);
    if (!exact) wrong++;
  }
  for (const stop of stops) stop();
  await running.stop();
  const end = heapMb();
  delays.sort((a, b) => a - b);
  const at = (q: number) => Math.round(delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? NaN);
  return {
    streams,
    writes: writes.length,
    expected,
    delivered: delivered(),
    wrong,
    delay: { median: at(0.5), p99: at(0.99), max: Math.round(delays.at(-1) ?? NaN) },
    heap: { start, end, samples },
  };
}
