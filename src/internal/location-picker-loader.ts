import type { PropertyDefinition } from '../model/types.js';
import { LazyModule } from './lazy-module.js';

/*
 * `<location-picker>` (with its map controller, styles and words, about 5 KB gzip) is loaded on demand:
 * a page whose definitions have no location never loads it. The elements that load a customer
 * start the load as soon as the definitions list a location, so the picker is usually defined
 * before the first location field renders; `<property-editor>` waits for it before it renders one.
 */

const picker = new LazyModule(() => import('../elements/location-picker/location-picker.js'));

/** For tests: how the picker's module is imported (a failing or a slow import). Not public API. */
export function setPickerImportForTests(load: () => Promise<unknown>): void {
  picker.setImportForTests(load);
}

/**
 * Loads and defines `<location-picker>` (once; a failed load is tried again on the next call).
 * Rejects with the import's error when the chunk cannot be loaded.
 */
export function loadLocationPicker(): Promise<void> {
  return picker.load();
}

/** Whether the last load of `<location-picker>` failed (the field then says so instead of an empty picker). */
export function locationPickerFailed(): boolean {
  return picker.failed;
}

/** Starts loading `<location-picker>` when `definitions` include a location; a failure waits for the field to report it. */
export function preloadLocationPicker(definitions: readonly PropertyDefinition[]): void {
  if (definitions.some((def) => def.type === 'location')) loadLocationPicker().catch(() => undefined);
}
