/*
 * IndexedDbStore's bulk-loaded customers: a seed is written as blocks of customers (one record per
 * `BLOCK_SIZE` customers, sorted by id, keyed by the first id) and postings (one record per value
 * index key, `[property, key]` as in `indexeddb-index.ts`, holding the ids of the block customers
 * under it). Chromium spends about 80 µs on each `put` whatever its size, so 100,000 customers one
 * record each take 8 s before any index; as blocks and postings they take a few thousand puts.
 * A block customer moves to the `customers` object store (one record, its own index entries) on its
 * first write, and leaves its block and its postings in the same transaction: every customer lives
 * in exactly one place.
 */
import type { Customer } from '../model/index.js';
import { indexEntries } from './indexeddb-index.js';

/** Customers per block record. */
export const BLOCK_SIZE = 500;

/** The blocks and postings of a seed's customers (`customers` checked; a repeated id: the last one wins). */
export function toBlocks(customers: readonly Customer[]): {
  blocks: Customer[][];
  postings: Map<string, { key: IDBValidKey; ids: string[] }>;
} {
  const byId = new Map<string, Customer>();
  for (const customer of customers) byId.set(customer.id, customer);
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const blocks: Customer[][] = [];
  for (let i = 0; i < sorted.length; i += BLOCK_SIZE) blocks.push(sorted.slice(i, i + BLOCK_SIZE));
  const postings = new Map<string, { key: IDBValidKey; ids: string[] }>();
  for (const customer of sorted) {
    for (const entry of indexEntries(customer)) {
      const text = JSON.stringify(entry);
      let posting = postings.get(text);
      if (!posting) postings.set(text, (posting = { key: entry, ids: [] }));
      if (posting.ids.at(-1) !== customer.id) posting.ids.push(customer.id);
    }
  }
  return { blocks, postings };
}

/** The position of `id` in a block sorted by id, or -1. */
export function findInBlock(block: readonly Customer[], id: string): number {
  let low = 0;
  let high = block.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const other = block[middle]!.id;
    if (other === id) return middle;
    if (other < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The key of the block that would hold `id` (the greatest key ≤ id) among sorted `keys`, or undefined. */
export function blockKeyOf(keys: readonly string[], id: string): string | undefined {
  let low = 0;
  let high = keys.length - 1;
  let found: string | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (keys[middle]! <= id) {
      found = keys[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
