import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { HistoryEntry, HistoryPage, PropertyStore } from '../storage/property-store.js';
import { StoreError } from '../storage/store-error.js';

/** Changes shown at first, and added by each "Show more". */
export const HISTORY_PAGE_SIZE = 5;

export interface FieldHistoryOptions {
  /** A store that has `getHistory`. */
  store: PropertyStore & Required<Pick<PropertyStore, 'getHistory'>>;
  customerId: string;
  property: string;
  /** What this viewer may see of the entries (`historyFor`), applied when they arrive. */
  filter: (entries: HistoryEntry[]) => HistoryEntry[];
}

/**
 * One field's change history, loaded when the user asks for it, newest first, a page at a time.
 * Built on `@lit/task`: every load gets an `AbortSignal`; a new load (a reload, "Show more")
 * aborts the one in flight and only the newest answer is kept; `dispose` aborts and lets go of
 * the host (another customer, another store).
 */
export class FieldHistory {
  /** Whether the user opened it. */
  open = false;
  /** The entries loaded so far, newest first. */
  entries: HistoryEntry[] = [];
  /** Where the next page starts; absent when every change is loaded. */
  cursor: string | undefined;
  /** The field's `changed` revision when the first page was asked for: a newer change means load again. */
  loadedAt: number | undefined;
  #host: ReactiveControllerHost;
  #task: Task<[string | undefined], { more: boolean; page: HistoryPage }>;
  #loaded = false;
  /** The cursor of the last load, for Try again. */
  #last: string | undefined;

  constructor(host: ReactiveControllerHost, { store, customerId, property, filter }: FieldHistoryOptions) {
    this.#host = host;
    this.#task = new Task(host, {
      autoRun: false,
      task: async ([cursor], { signal }) => {
        try {
          const page = await store.getHistory(customerId, {
            property,
            limit: HISTORY_PAGE_SIZE,
            ...(cursor !== undefined ? { cursor } : {}),
            signal,
          });
          return { more: cursor !== undefined, page };
        } catch (error) {
          throw error instanceof StoreError || signal.aborted
            ? error
            : new StoreError('unavailable', String(error), { cause: error });
        }
      },
      onComplete: ({ more, page }) => {
        const entries = filter(page.entries);
        this.entries = more ? [...this.entries, ...entries] : entries;
        this.cursor = page.cursor;
        this.#loaded = true;
      },
    });
  }

  /**
   * `loading` until the first page arrives, `error` when it failed, else `ready` (with `pending`
   * while a reload or the next page is on its way, and `error` set when that failed).
   */
  get status(): 'loading' | 'ready' | 'error' {
    if (this.#loaded) return 'ready';
    return this.#task.status === TaskStatus.ERROR ? 'error' : 'loading';
  }

  get pending(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** Settles when the load in flight (if any) is done, whatever its outcome. */
  get complete(): Promise<unknown> {
    return this.#task.taskComplete.catch(() => undefined);
  }

  /** Why the last load failed. */
  get error(): unknown {
    return this.#task.status === TaskStatus.ERROR ? this.#task.error : undefined;
  }

  /** Loads the newest page again, as of the field's revision `revision`. */
  reload(revision: number | undefined): void {
    this.loadedAt = revision;
    this.#run(undefined);
  }

  /** Loads the page after the last one loaded. */
  more(): void {
    if (this.cursor !== undefined) this.#run(this.cursor);
  }

  /** Tries the last load again. */
  retry(): void {
    this.#run(this.#last);
  }

  #run(cursor: string | undefined): void {
    this.#last = cursor;
    void this.#task.run([cursor]);
  }

  /** Aborts a load in flight and leaves the host. */
  dispose(): void {
    this.#task.abort();
    this.#host.removeController(this.#task);
  }
}
