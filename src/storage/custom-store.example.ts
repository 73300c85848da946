// The README's "a store for your own backend" example, kept here so the conformance suite runs it.
import type { AudienceQuery, Customer, PropertyDefinition, PropertyValue } from '../model/index.js';
import { StoreError, type PropertyStore, type StoreErrorKind } from './index.js';

/** Your backend client: here, any function that sends JSON and returns the status and body. */
export type Send = (method: string, path: string, body?: unknown, signal?: AbortSignal) => Promise<{ status: number; body: any }>;
type Read = { signal?: AbortSignal };

const KINDS: Record<number, StoreErrorKind> = { 400: 'invalid', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 412: 'conflict', 422: 'invalid' };

export class AcmeStore implements PropertyStore {
  constructor(private send: Send) {}

  private async call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.send(method, path, body, signal).catch((cause) => {
      if (signal?.aborted) throw cause; // cancelled by the caller: not a failure
      throw new StoreError('unavailable', 'The server cannot be reached.', { cause });
    });
    if (response.status < 400) return response.body as T;
    const error = response.body?.error ?? {};
    throw new StoreError(KINDS[response.status] ?? 'unavailable', `HTTP ${response.status}`, error); // code, params, fields…
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
