/*
 * The live stream of the server half, `GET {basePath}/events`: the store's changes as server-sent
 * events, each filtered for the principal of its stream as every response is (customerFor,
 * definitionsFor). One hub per server instance listens to the store, numbers the events
 * (`<instance>.<n>`), keeps the last ones in a ring for a client that reconnects with
 * `Last-Event-ID`, and tells a client it cannot catch up to read again (`reset`).
 */
import type { SSEStreamingApi } from 'hono/streaming';
import {
  BUILT_IN_DEFINITIONS,
  customerFor,
  definitionsFor,
  propertyAccess,
  type AccessRules,
  type Customer,
  type Principal,
  type PropertyDefinition,
} from '../model/index.js';
import type { PropertyStore, StoreEvent } from '../storage/property-store.js';

export interface LiveEventsOptions {
  /** Milliseconds between two heartbeats (`: ping` comments) on every stream; default 20,000. */
  heartbeat?: number;
  /** Events kept for clients that reconnect with `Last-Event-ID`; default 1,000. Older ones get `reset`. */
  replay?: number;
  /**
   * Milliseconds after which the server ends a stream, default 900,000 (15 minutes): the client
   * reconnects with `Last-Event-ID` and misses nothing, and the login is checked again (a user
   * signed out, or whose roles changed, is not served by the old ones for longer than this).
   */
  maxAge?: number;
  /** Open streams one user (by id) or one customer may hold on this instance; default 16. More are refused with 429. */
  maxStreams?: number;
}

/** One event as the hub keeps it: the store's event, and for a customer the fields it changed. */
interface Entry {
  seq: number;
  event: StoreEvent;
  /**
   * The fields this change wrote (from `changed`): empty when it wrote none that `changed` records
   * (the channel, say: only users hear it); `undefined` for a new customer without `changed`.
   */
  fields?: Set<string> | undefined;
}

interface Stream {
  principal: Principal;
  /** Frames not yet written, in order. */
  queue: string[];
  writing: boolean;
  sse: SSEStreamingApi;
  close(): void;
}

/** A stream whose client reads slower than this many frames behind is closed: it reconnects and catches up. */
const MAX_QUEUED = 2_000;
/** Customers whose last heard revision is kept, the least recent dropped first. */
const REVISIONS_KEPT = 10_000;
/** The longest delay `setTimeout` takes as it is (2^31 - 1 ms); a longer one fires at once. */
const MAX_TIMER = 2_147_483_647;

/**
 * What a principal's view of an event depends on (a user's roles, a customer's id): streams with
 * the same key share one frame. Built from those fields only, so whatever else a host's principal
 * holds (a session, a cycle) does not matter.
 */
function viewKey(principal: Principal): string {
  return principal.kind === 'customer'
    ? JSON.stringify(['customer', principal.customerId])
    : JSON.stringify(['user', [...principal.roles].sort()]);
}

/** Who holds a stream, for `maxStreams`: a user by id, a customer by customer id. */
function holder(principal: Principal): string {
  return principal.kind === 'customer'
    ? JSON.stringify(['customer', principal.customerId])
    : JSON.stringify(['user', principal.id]);
}

/** SSE text of one event: a JSON `data` line never holds a line break. */
function frame(id: string, event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\nid: ${id}\n\n`;
}

export class LiveEvents {
  /** Names this server instance in every event id: an id from another instance is not ours to replay. */
  readonly instance = globalThis.crypto.randomUUID().slice(0, 8);
  readonly #store: PropertyStore;
  readonly #rules: AccessRules;
  readonly #allDefinitions: () => Promise<PropertyDefinition[]>;
  readonly #heartbeat: number;
  readonly #replay: number;
  #seq = 0;
  readonly #ring: Entry[] = [];
  readonly #streams = new Set<Stream>();
  /** The definitions as last heard: every customer event is filtered with them. */
  #definitions: PropertyDefinition[] | undefined;
  readonly #revisions = new Map<string, number>();
  /** Store events are taken one after another, in the order they came. */
  #queue: Promise<void> = Promise.resolve();
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #closed = false;
  readonly #maxAge: number;
  readonly #maxStreams: number;
  /** Streams open or opening, per `holder` of the principal. */
  readonly #held = new Map<string, number>();

  constructor(
    store: PropertyStore,
    allDefinitions: () => Promise<PropertyDefinition[]>,
    rules: AccessRules,
    { heartbeat = 20_000, replay = 1_000, maxAge = 900_000, maxStreams = 16 }: LiveEventsOptions = {},
  ) {
    this.#store = store;
    this.#allDefinitions = allDefinitions;
    this.#rules = rules;
    this.#heartbeat = heartbeat;
    this.#replay = Math.max(0, Math.floor(replay));
    this.#maxAge = maxAge;
    this.#maxStreams = maxStreams;
  }

  /**
   * Takes one of the principal's `maxStreams` places, for a stream about to be served: `false` when
   * they hold them all (the route answers 429). `serve` gives it back when the stream ends.
   */
  reserve(principal: Principal): boolean {
    const key = holder(principal);
    const held = this.#held.get(key) ?? 0;
    if (held >= this.#maxStreams) return false;
    this.#held.set(key, held + 1);
    return true;
  }

  #release(principal: Principal): void {
    const key = holder(principal);
    const held = (this.#held.get(key) ?? 1) - 1;
    if (held > 0) this.#held.set(key, held);
    else this.#held.delete(key);
  }

  /** Whether the store tells of changes at all: without `subscribe` there is no stream. */
  get available(): boolean {
    return typeof this.#store.subscribe === 'function';
  }

  /** Open streams on this instance. */
  get size(): number {
    return this.#streams.size;
  }

  #id(seq: number): string {
    return `${this.instance}.${seq}`;
  }

  /**
   * Serves one stream until the client goes (or `close()`, or `until`, or `maxAge`): what it missed
   * after `lastEventId` first, or `reset` when that is no longer kept, then every new event it may
   * see. Gives back the place `reserve` took.
   */
  async serve(
    sse: SSEStreamingApi,
    principal: Principal,
    lastEventId: string | undefined,
    until?: Date,
  ): Promise<void> {
    try {
      const aged = new Date(Date.now() + this.#maxAge);
      await this.#serve(sse, principal, lastEventId, until && until < aged ? until : aged);
    } finally {
      this.#release(principal);
    }
  }

  async #serve(
    sse: SSEStreamingApi,
    principal: Principal,
    lastEventId: string | undefined,
    until: Date,
  ): Promise<void> {
    this.#start();
    // The hub's first store events wait for the definitions: a stream opened now hears them after.
    await this.#queue;
    if (this.#closed) return;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const stream: Stream = { principal, queue: [], writing: false, sse, close: () => finish() };
    sse.onAbort(() => stream.close());
    // A timer longer than 2^31 - 1 ms (24.8 days) would fire at once: a long wait is taken in steps.
    let expiry: ReturnType<typeof setTimeout> | undefined;
    const expire = (): void => {
      const left = until.getTime() - Date.now();
      if (left <= 0) return stream.close();
      expiry = setTimeout(expire, Math.min(left, MAX_TIMER));
    };
    expire();
    this.#streams.add(stream);
    this.#startHeartbeat();
    if (lastEventId !== undefined) this.#catchUp(stream, lastEventId);
    // Sent at once, after what was missed: the stream is open, and the client holds the id to
    // reconnect with even before the first change (a proxy flushes the headers too).
    this.#send(stream, frame(this.#id(this.#seq), 'ready', {}));
    try {
      await done;
    } finally {
      clearTimeout(expiry);
      this.#streams.delete(stream);
      if (this.#streams.size === 0) this.#stopHeartbeat();
    }
  }

  /** Stops listening to the store and ends every stream. */
  close(): void {
    this.#closed = true;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stopHeartbeat();
    for (const stream of this.#streams) stream.close();
  }

  /** The store is followed from the first stream on, and kept: a client that reconnects later can catch up. */
  #start(): void {
    if (this.#unsubscribe || this.#closed || !this.#store.subscribe) return;
    this.#queue = this.#queue.then(() => this.#loadDefinitions());
    this.#unsubscribe = this.#store.subscribe((event) => {
      this.#queue = this.#queue
        .then(() => this.#take(event))
        .catch((error: unknown) => {
          // One event that cannot be sent must not stop the rest; clients are told to read again.
          console.error(error);
          return this.#take({ type: 'reset' }).catch(() => {});
        });
    });
  }

  async #loadDefinitions(): Promise<void> {
    try {
      this.#definitions = await this.#allDefinitions();
    } catch {
      // Read again at the first customer event; until then nothing is sent that needs them.
      this.#definitions = undefined;
    }
  }

  async #take(event: StoreEvent): Promise<void> {
    let entry: Entry;
    if (event.type === 'definitions-changed') {
      if (!Array.isArray(event.definitions)) return;
      const missing = BUILT_IN_DEFINITIONS.filter((b) => !event.definitions.some((def) => def.name === b.name));
      this.#definitions = [...missing, ...event.definitions];
      entry = { seq: 0, event: { type: 'definitions-changed', definitions: this.#definitions } };
    } else if (event.type === 'customer-changed') {
      const { customer } = event;
      if (!customer || typeof customer.id !== 'string') return;
      if (!this.#definitions) await this.#loadDefinitions();
      // Unfilterable without the definitions: clients are told to read again instead.
      if (!this.#definitions) entry = { seq: 0, event: { type: 'reset' } };
      else entry = { seq: 0, event, fields: this.#writtenFields(customer, event.since) };
    } else {
      // The store may have missed changes: so may every client. The definitions are read again too.
      await this.#loadDefinitions();
      entry = { seq: 0, event: { type: 'reset' } };
    }
    entry.seq = ++this.#seq;
    this.#ring.push(entry);
    if (this.#ring.length > this.#replay) this.#ring.shift();
    const shared = new Map<string, string | null>();
    for (const stream of this.#streams) {
      const key = viewKey(stream.principal);
      let text = shared.get(key);
      if (text === undefined) shared.set(key, (text = this.#frameFor(stream.principal, entry)));
      if (text !== null) this.#send(stream, text);
    }
  }

  /**
   * The fields written since the revision heard before, else since the event's `since` (a store
   * that read several writes at once), else at this revision alone.
   */
  #writtenFields(customer: Customer, since?: number): Set<string> | undefined {
    const before = this.#revisions.get(customer.id) ?? (Number.isSafeInteger(since) ? since : undefined);
    this.#revisions.delete(customer.id);
    this.#revisions.set(customer.id, Math.max(before ?? 0, customer.revision));
    if (this.#revisions.size > REVISIONS_KEPT) this.#revisions.delete(this.#revisions.keys().next().value!);
    // Without `changed` only a new customer (revision 1) is known to hold nothing hidden; a later
    // revision wrote what no `changed` records (the channel, say), which customers do not see.
    if (!customer.changed) return customer.revision > 1 ? new Set() : undefined;
    const fields = Object.entries(customer.changed)
      .filter(([, change]) =>
        before === undefined ? change?.revision === customer.revision : (change?.revision ?? 0) > before,
      )
      .map(([name]) => name);
    return new Set(fields);
  }

  /** The event as this principal may see it, or `null` when they may see none of it. */
  #frameFor(principal: Principal, entry: Entry): string | null {
    const id = this.#id(entry.seq);
    const { event } = entry;
    const definitions = this.#definitions ?? [];
    if (event.type === 'reset') return frame(id, 'reset', { type: 'reset' });
    if (event.type === 'definitions-changed') {
      return frame(id, 'definitions-changed', {
        type: 'definitions-changed',
        definitions: definitionsFor(principal, definitions, this.#rules),
      });
    }
    const { customer } = event;
    if (principal.kind === 'customer' && principal.customerId !== customer.id) return null;
    if (entry.fields) {
      const byName = new Map(definitions.map((def) => [def.name, def]));
      // No field written (the channel changed, say): only users, who see the channel, hear of it.
      const seen =
        entry.fields.size === 0
          ? principal.kind === 'user'
          : [...entry.fields].some((name) => {
              const def = byName.get(name);
              return def !== undefined && propertyAccess(principal, def) !== 'none';
            });
      if (!seen) return null;
    }
    return frame(id, 'customer-changed', {
      type: 'customer-changed',
      customer: customerFor(principal, customer, definitions),
    });
  }

  /** What the stream missed after `lastEventId`, or `reset` when the ring no longer holds it. */
  #catchUp(stream: Stream, lastEventId: string): void {
    const match = /^([0-9a-f]{8})\.(\d{1,15})$/.exec(lastEventId.trim());
    const seq = match?.[1] === this.instance ? Number(match[2]) : NaN;
    const oldest = this.#ring[0]?.seq ?? this.#seq + 1;
    if (!(seq >= oldest - 1 && seq <= this.#seq)) {
      this.#send(stream, frame(this.#id(this.#seq), 'reset', { type: 'reset' }));
      return;
    }
    for (const entry of this.#ring) {
      if (entry.seq <= seq) continue;
      const text = this.#frameFor(stream.principal, entry);
      if (text !== null) this.#send(stream, text);
    }
  }

  #send(stream: Stream, text: string): void {
    if (stream.queue.length >= MAX_QUEUED) return stream.close();
    stream.queue.push(text);
    if (!stream.writing) void this.#pump(stream);
  }

  async #pump(stream: Stream): Promise<void> {
    stream.writing = true;
    try {
      while (stream.queue.length > 0 && !stream.sse.aborted && !stream.sse.closed) {
        await stream.sse.write(stream.queue.shift()!);
      }
    } catch {
      stream.close();
    } finally {
      stream.writing = false;
    }
  }

  #startHeartbeat(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      for (const stream of this.#streams) this.#send(stream, ': ping\n\n');
    }, this.#heartbeat);
    // A server with open streams and nothing else to do may still exit.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #stopHeartbeat(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
