import { LazyModule } from './lazy-module.js';

/*
 * The History panel of `<customer-details-panel>` (`field-history-view.ts`: `FieldHistory` and
 * the panel's rendering of the changes) is loaded on demand: the panel starts it
 * when a History button is hovered or focused, and a History panel opened before it is there shows
 * its busy state until it is, or says that it could not be loaded, with Try again.
 */

export type HistoryView = typeof import('./field-history-view.js');

let view: HistoryView | undefined;

const chunk = new LazyModule(
  () => import('./field-history-view.js').then(keep),
  () => view !== undefined,
);

function keep(loaded: HistoryView): void {
  view = loaded;
}

/** For tests: how the History module is imported (a failing or a slow import). Not public API. */
export function setHistoryImportForTests(load: () => Promise<HistoryView>): void {
  chunk.setImportForTests(() => load().then(keep));
}

/** The History module if it is loaded, else `undefined`. */
export function historyView(): HistoryView | undefined {
  return view;
}

/**
 * Loads the History module (once; a failed load is tried again on the next call). Resolves with it;
 * rejects with the import's error when its chunk cannot be loaded.
 */
export async function loadHistoryView(): Promise<HistoryView> {
  await chunk.load();
  return view!;
}
