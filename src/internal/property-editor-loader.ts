import { LazyModule } from './lazy-module.js';

/*
 * `<property-editor>` (with its choice and text editors, listbox, form-control base, styles and the
 * English words of value errors, about 12 KB gzip) is loaded on demand by `<customer-details-panel>`:
 * its compact rows show values as text, and only a row being edited needs an editor. The panel
 * preloads it when the browser is idle after its first render (or when the pointer or the focus
 * enters it), so the first edit normally finds it defined. Elements that always show editors (the
 * profile form, the audience builder) import it statically; then it is defined from the start.
 */

const editor = new LazyModule(
  () => import('../elements/property-editor/property-editor.js'),
  () => propertyEditorDefined(),
);

/** For tests: how the editor's module is imported (a failing or a slow import). Not public API. */
export function setEditorImportForTests(load: () => Promise<unknown>): void {
  editor.setImportForTests(load);
}

/** Whether `<property-editor>` is defined (loaded here or imported by the page). */
export function propertyEditorDefined(): boolean {
  return customElements.get('property-editor') !== undefined;
}

/**
 * Loads and defines `<property-editor>` (once; a failed load is tried again on the next call).
 * Resolves at once when it is defined already; rejects with the import's error when the chunk
 * cannot be loaded.
 */
export function loadPropertyEditor(): Promise<void> {
  return editor.load();
}

/** Whether the last load of `<property-editor>` failed. */
export function propertyEditorFailed(): boolean {
  return editor.failed;
}
