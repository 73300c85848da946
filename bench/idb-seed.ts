// Quick: raw IndexedDB seeding strategies over n customers (bench/idb-seed.mjs).
import { indexEntries, toRecord } from '../src/storage/indexeddb-index.js';
import { customers } from './find-sample.js';

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((res, rej) => {
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error ?? new Error('request failed'));
  });
async function open(name: string, setup: (db: IDBDatabase) => void) {
  const r = indexedDB.open(name, 1);
  r.onupgradeneeded = () => setup(r.result);
  return req(r);
}
const done = (tx: IDBTransaction) =>
  new Promise<void>((res, rej) => {
    tx.oncomplete = () => res();
    tx.onerror = () => rej(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => rej(tx.error ?? new Error('transaction failed'));
  });

async function run(kind: string, n: number) {
  const list = customers(n);
  const name = `seed-${kind}-${Date.now()}`;
  const db = await open(name, (db) => {
    const s = db.createObjectStore('customers', { keyPath: 'id' });
    if (kind === 'indexed' || kind === 'indexed-chunked') s.createIndex('values', '_index', { multiEntry: true });
    db.createObjectStore('postings');
    db.createObjectStore('blocks');
  });
  const t0 = performance.now();
  if (kind === 'plain' || kind === 'indexed' || kind === 'postings') {
    const tx = db.transaction(['customers', 'postings'], 'readwrite', { durability: 'relaxed' });
    const s = tx.objectStore('customers');
    if (kind === 'postings') {
      const postings = new Map<string, string[]>();
      for (const c of list) {
        s.put(c);
        for (const e of indexEntries(c)) {
          const k = JSON.stringify(e);
          let l = postings.get(k);
          if (!l) postings.set(k, (l = []));
          l.push(c.id);
        }
      }
      const p = tx.objectStore('postings');
      for (const [k, ids] of postings) p.put(ids, JSON.parse(k) as IDBValidKey);
    } else for (const c of list) s.put(kind === 'indexed' ? toRecord(c) : c);
    await done(tx);
  } else if (kind === 'indexed-chunked' || kind === 'plain-chunked') {
    for (let i = 0; i < n; i += 5000) {
      const tx = db.transaction('customers', 'readwrite', { durability: 'relaxed' });
      const s = tx.objectStore('customers');
      for (const c of list.slice(i, i + 5000)) s.put(kind === 'indexed-chunked' ? toRecord(c) : c);
      await done(tx);
    }
  } else if (kind.startsWith('blocks')) {
    const size = Number(kind.slice(6)) || 500;
    const tx = db.transaction(['blocks', 'postings'], 'readwrite', { durability: 'relaxed' });
    const b = tx.objectStore('blocks');
    for (let i = 0; i < n; i += size) b.put(list.slice(i, i + size), list[i]!.id);
    await done(tx);
  }
  const ms = performance.now() - t0;
  db.close();
  await req(indexedDB.deleteDatabase(name)).catch(() => undefined);
  return ms;
}
(window as unknown as { seedBench: object }).seedBench = { run };
