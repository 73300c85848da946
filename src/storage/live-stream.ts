/*
 * RestStore's own reader of `GET {base}events` (server-sent events): fetch-based, so it runs in
 * browsers and in Node alike and sends the store's headers (an `EventSource` cannot). One stream
 * per store, open while the store has listeners; reconnects with backoff and `Last-Event-ID`.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Customer, PropertyDefinition } from '../model/index.js';
import type { StoreEvent } from './property-store.js';
import { StoreError } from './store-error.js';

export interface LiveOptions {
  /** The first pause, in ms, before connecting again after the stream was lost (default 1,000), doubled each time. */
  retryDelay?: number;
  /** The longest pause, in ms, between two tries (default 30,000). */
  maxRetryDelay?: number;
  /**
   * Milliseconds without a byte (the server sends a heartbeat every 20 s) after which the stream
   * is taken as lost and opened again (default 60,000).
   */
  idleTimeout?: number;
  /**
   * The stream cannot be had and is not tried again: the server answered `401`, `403` or `404`
   * (a server without `/events`). Default: `console.warn`. Changes made elsewhere are then not heard.
   */
  onError?: (error: StoreError) => void;
}

export interface LiveStreamSource {
  url: URL;
  headers: () => Promise<Record<string, string>>;
  fetch: typeof fetch;
  emit: (event: StoreEvent) => void;
}

/** Statuses that no retry mends: the stream is given up, and `onError` says why. */
const FATAL = new Set([401, 403, 404, 405, 406, 501]);

export class LiveStream {
  readonly #source: LiveStreamSource;
  readonly #options: LiveOptions;
  #controller: AbortController | undefined;
  /** The id of the last event heard: sent as `Last-Event-ID` when connecting again. */
  #lastEventId: string | undefined;

  constructor(source: LiveStreamSource, options: LiveOptions = {}) {
    this.#source = source;
    this.#options = options;
  }

  get running(): boolean {
    return this.#controller !== undefined;
  }

  start(): void {
    if (this.#controller) return;
    const controller = new AbortController();
    this.#controller = controller;
    void this.#run(controller.signal);
  }

  stop(): void {
    this.#controller?.abort();
    this.#controller = undefined;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const { retryDelay = 1_000, maxRetryDelay = 30_000 } = this.#options;
    let failures = 0;
    while (!signal.aborted) {
      let heard = false;
      try {
        heard = await this.#connect(signal);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof StoreError) {
          if (this.#controller?.signal === signal) this.#controller = undefined;
          (this.#options.onError ?? ((e: StoreError) => console.warn(e.message, e)))(error);
          return;
        }
      }
      if (heard) failures = 0;
      const delay = Math.min(maxRetryDelay, retryDelay * 2 ** failures++) * (0.5 + Math.random() / 2);
      await pause(delay, signal);
    }
  }

  /** One connection, until it ends; true when the server opened the stream. Throws a StoreError when it is no use trying again. */
  async #connect(signal: AbortSignal): Promise<boolean> {
    const idle = new AbortController();
    const combined = AbortSignal.any([signal, idle.signal]);
    const idleTimeout = this.#options.idleTimeout ?? 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), idleTimeout);
    };
    alive();
    try {
      const headers: Record<string, string> = {
        ...(await this.#source.headers()),
        Accept: 'text/event-stream',
      };
      if (this.#lastEventId !== undefined) headers['Last-Event-ID'] = this.#lastEventId;
      const response = await this.#source.fetch(this.#source.url, { headers, signal: combined });
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => {});
        if (FATAL.has(response.status)) {
          throw new StoreError(
            response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : 'not-found',
            `The server's live changes (${this.#source.url.pathname}) answered ${response.status}: changes made elsewhere are not heard.`,
            { code: 'live.unavailable', params: { status: response.status }, status: response.status },
          );
        }
        return false;
      }
      let opened = false;
      const parser = createParser({
        onEvent: (message) => {
          if (message.id !== undefined) this.#lastEventId = message.id;
          if (message.event === 'ready') opened = true;
          const event = storeEvent(message);
          if (event) this.#source.emit(event);
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          alive();
          parser.feed(value);
        }
      } catch {
        // Lost (or idle too long): connect again.
      } finally {
        reader.cancel().catch(() => {});
      }
      return opened;
    } catch (error) {
      if (error instanceof StoreError) throw error;
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A stream event as a StoreEvent, or `undefined` for one that is not (a `ready`, a broken one). */
function storeEvent(message: EventSourceMessage): StoreEvent | undefined {
  if (message.event === 'reset') return { type: 'reset' };
  if (message.event !== 'customer-changed' && message.event !== 'definitions-changed') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const event = data as Partial<Record<'customer' | 'definitions', unknown>>;
  if (message.event === 'customer-changed') {
    const customer = event.customer as { id?: unknown; properties?: unknown; revision?: unknown } | undefined;
    if (
      typeof customer?.id !== 'string' ||
      typeof customer.properties !== 'object' ||
      !Number.isSafeInteger(customer.revision)
    )
      return undefined;
    return { type: 'customer-changed', customer: customer as Customer };
  }
  if (!Array.isArray(event.definitions)) return undefined;
  return { type: 'definitions-changed', definitions: event.definitions as PropertyDefinition[] };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
