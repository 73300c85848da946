// The README's "a store for your own backend" example, kept here so the conformance suite runs it.
import type { AudienceQuery, Customer, PropertyDefinition, PropertyValue } from '../model/index.js';
import { StoreError, type PropertyStore, type StoreErrorDetails, type StoreErrorKind } from './index.js';

/** Your backend client: any function that sends JSON and returns the status and body. */
export type Send = (method: string, path: string, body?: unknown, signal?: AbortSignal) => Promise<Answer>;
type Answer = { status: number; body: unknown };
type Read = { signal?: AbortSignal };

const KINDS: Record<number, StoreErrorKind> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' };
const kindOf = (status: number) =>
  KINDS[status] ?? (status === 409 || status === 412 ? 'conflict' : status < 500 ? 'invalid' : 'unavailable');

export class AcmeStore implements PropertyStore {
  constructor(private send: Send) {}

  private async call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.send(method, path, body, signal).catch((cause) => {
      if (signal?.aborted) throw cause; // cancelled by the caller: not a failure
      throw new StoreError('unavailable', 'The server cannot be reached.', { cause });
    });
    if (response.status < 400) return response.body as T;
    const error = (response.body as { error?: StoreErrorDetails } | null)?.error ?? {};
    throw new StoreError(kindOf(response.status), `HTTP ${response.status}`, error); // code, params, fields…
  }

  listDefinitions = ({ signal }: Read = {}) => this.call<PropertyDefinition[]>('GET', 'definitions', undefined, signal);
  createDefinition = (def: PropertyDefinition) => this.call<PropertyDefinition>('POST', 'definitions', def);
  updateDefinition = (def: PropertyDefinition) => this.call<PropertyDefinition>('PUT', `definitions/${def.name}`, def);
  deleteDefinition = (name: string) => this.call<void>('DELETE', `definitions/${name}`);
  getCustomer = (id: string, { signal }: Read = {}) => this.call<Customer>('GET', `customers/${id}`, undefined, signal);
  updateCustomer = (id: string, changes: Record<string, PropertyValue | null>, { revision }: { revision: number }) =>
    this.call<Customer>('PATCH', `customers/${id}?revision=${revision}`, { changes });
  findCustomers = (query: AudienceQuery, opts: { limit?: number; cursor?: string } = {}) =>
    this.call<{ customers: Customer[]; total: number }>('POST', 'customers/search', { query, ...opts });
}
