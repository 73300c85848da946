/// <reference types="node" />
/*
 * For the live stream's Node tests: createPropertyServer over real HTTP on 127.0.0.1, a raw reader
 * of `GET /events` that keeps every byte a principal was sent, and a fetch that can cut a stream.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPropertyServer, type PropertyServerOptions, type PropertyServer } from '../../server/property-server.js';

export interface Running {
  /** The API's base URL, with a slash at the end. */
  url: string;
  api: PropertyServer;
  server: Server;
  stop(): Promise<void>;
}

export async function serve(options: PropertyServerOptions): Promise<Running> {
  const api = createPropertyServer(options);
  const listener = getRequestListener(api.fetch);
  const server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.basePath ?? '/api'}/`,
    api,
    server,
    async stop() {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `predicate` every 20 ms until it holds; fails with `message` after 15 s. */
export async function until(predicate: () => unknown, message: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every byte of one `GET /events`, as text, until `close()`. */
export interface RawStream {
  status: number;
  text: () => string;
  /** The events so far: name, parsed data and id. */
  events: () => { event: string; data: any; id: string }[];
  /** Whether the server has ended the stream (not the test's `close()`). */
  ended: () => boolean;
  close(): void;
}

export async function rawStream(url: string, headers: Record<string, string>): Promise<RawStream> {
  const controller = new AbortController();
  const response = await fetch(`${url}events`, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  let text = '';
  let ended = false;
  if (response.ok && response.body) {
    void (async () => {
      try {
        for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) text += chunk;
        ended = true;
      } catch {
        // closed by the test
      }
    })();
  } else text = await response.text();
  return {
    status: response.status,
    text: () => text,
    events: () =>
      text
        .split('\n\n')
        .filter((block) => block.startsWith('event: '))
        .map((block) => {
          const field = (name: string) =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2) ?? '';
          return { event: field('event'), data: JSON.parse(field('data') || 'null'), id: field('id') };
        }),
    ended: () => ended,
    close: () => controller.abort(),
  };
}

/**
 * A fetch for a RestStore that records the `/events` requests (with their headers), sees when the
 * server has opened each (its `ready` event), and can cut the open stream as a dropped connection would.
 */
export function cuttableFetch(): {
  fetch: typeof fetch;
  streams: { headers: Headers; signal: AbortSignal; ready: boolean }[];
  /** Resolves when `count` streams have been opened by the server. */
  opened(count?: number): Promise<void>;
  /** Drops the open stream; the next one connects only after the returned function is called. */
  cut(): () => void;
} {
  let gate: Promise<void> = Promise.resolve();
  const streams: { headers: Headers; signal: AbortSignal; ready: boolean; cut: AbortController }[] = [];
  return {
    streams,
    opened: (count = 1) =>
      until(() => streams.filter((stream) => stream.ready).length >= count, `${count} stream(s) opened`),
    cut: () => {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      streams.at(-1)?.cut.abort(new Error('connection dropped'));
      return release;
    },
    fetch: async (input, init = {}) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.endsWith('/events')) return fetch(input, init);
      await gate;
      const cut = new AbortController();
      const signal = init.signal ? AbortSignal.any([init.signal, cut.signal]) : cut.signal;
      const entry = { headers: new Headers(init.headers), signal: init.signal ?? signal, ready: false, cut };
      streams.push(entry);
      const response = await fetch(input, { ...init, signal });
      if (!response.body) return response;
      const decoder = new TextDecoder();
      const watched = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            if (decoder.decode(chunk, { stream: true }).includes('event: ready')) entry.ready = true;
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(watched, { status: response.status, headers: response.headers });
    },
  };
}
