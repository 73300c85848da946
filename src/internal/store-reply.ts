import { PROPERTY_TYPES, type Customer, type PropertyDefinition } from '../model/types.js';
import type { FindCustomersResult } from '../storage/property-store.js';
import { StoreError } from '../storage/store-error.js';

/** How long a store call may take by default before the elements count it as failed. */
export const DEFAULT_TIMEOUT = 15_000;

/** A timeout as the elements use it: one that is not a positive number (`timeout="abc"`, 0) is the default, so nothing waits forever. */
export function effectiveTimeout(timeout: number | undefined): number {
  return timeout !== undefined && Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT;
}

/**
 * Runs a store call that gets `timeout` milliseconds to answer; after that it rejects with
 * `unavailable` / `store.timeout` and its signal is aborted (a store that honours it stops). A
 * `timeout` that is not a positive number waits forever. `signal` cancels it as before.
 */
export function withTimeout<T>(
  call: (signal: AbortSignal) => Promise<T>,
  timeout: number,
  signal?: AbortSignal,
): Promise<T> {
  const inner = new AbortController();
  const forward = () => inner.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (timeout > 0 && Number.isFinite(timeout)) {
      timer = setTimeout(() => {
        const error = new StoreError('unavailable', `The store did not answer within ${timeout} ms.`, {
          code: 'store.timeout',
          params: { timeout },
        });
        reject(error);
        inner.abort(error);
      }, timeout);
    }
    // A store may throw before it returns a promise.
    Promise.resolve()
      .then(() => call(inner.signal))
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', forward);
      });
  });
}

/** A reply that is not what the store promises (`null`, `{}`, a customer without `properties`). */
export function badReply(what: string): StoreError {
  return new StoreError('unavailable', `The store's reply is not ${what}.`, { code: 'store.reply', params: { what } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The customer `id` as a store must give them, or a `store.reply` error. */
export function checkedCustomer(reply: unknown, id: string): Customer {
  const ok =
    isRecord(reply) &&
    reply.id === id &&
    Number.isSafeInteger(reply.revision) &&
    (reply.revision as number) >= 0 &&
    isRecord(reply.properties) &&
    (reply.name === undefined || typeof reply.name === 'string') &&
    (reply.number === undefined || typeof reply.number === 'string') &&
    (reply.channel === undefined || typeof reply.channel === 'string') &&
    (reply.changed === undefined || isRecord(reply.changed));
  if (!ok) throw badReply('a customer');
  return reply as unknown as Customer;
}

/** Whether `def` has what every element reads of a definition. */
function isDefinition(def: unknown): def is PropertyDefinition {
  return (
    isRecord(def) &&
    typeof def.name === 'string' &&
    typeof def.label === 'string' &&
    (PROPERTY_TYPES as readonly unknown[]).includes(def.type) &&
    isRecord(def.access) &&
    (def.options === undefined || Array.isArray(def.options))
  );
}

/** The definitions as a store must list them, or a `store.reply` error. */
export function checkedDefinitions(reply: unknown): PropertyDefinition[] {
  if (!Array.isArray(reply) || !reply.every(isDefinition)) throw badReply('a list of definitions');
  return reply;
}

/** One definition as a store must return it after a write, or a `store.reply` error. */
export function checkedDefinition(reply: unknown): PropertyDefinition {
  if (!isDefinition(reply)) throw badReply('a definition');
  return reply;
}

/** A count as `countValues` must give it (a whole number, 0 or more), or a `store.reply` error. */
export function checkedCount(reply: unknown): number {
  if (!Number.isSafeInteger(reply) || (reply as number) < 0) throw badReply('a count');
  return reply as number;
}

/** A page of `findCustomers` as a store must give it, or a `store.reply` error. */
export function checkedPage(reply: unknown): FindCustomersResult {
  const ok =
    isRecord(reply) &&
    Array.isArray(reply.customers) &&
    reply.customers.every((customer) => isRecord(customer) && typeof customer.id === 'string') &&
    Number.isSafeInteger(reply.total) &&
    (reply.total as number) >= 0 &&
    (reply.cursor === undefined || typeof reply.cursor === 'string');
  if (!ok) throw badReply('a page of customers');
  return reply as unknown as FindCustomersResult;
}
