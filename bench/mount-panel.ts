// Puts a <customer-details-panel> for customer `c` on the page and waits until all its rows (the
// name and `count` properties) are rendered and every editor in them is updated. Rows past the
// first screens show their value as text until they come near the viewport (EAGER_ROWS in the panel).
import '../src/elements/customer-details-panel/customer-details-panel.js';
// The panel loads its editor on demand (issue 20); a page that shows the form layout has it already,
// so the figures beside the floors measure rendering, not a module fetch.
import '../src/elements/property-editor/property-editor.js';
import type { CustomerDetailsPanel } from '../src/elements/customer-details-panel/customer-details-panel.js';
import type { PropertyEditor } from '../src/elements/property-editor/property-editor.js';
import type { PropertyStore } from '../src/storage/property-store.js';

export async function mountPanel(
  store: PropertyStore,
  count: number,
  layout: 'form' | 'compact' = 'form',
): Promise<{ panel: CustomerDetailsPanel; editors: PropertyEditor[] }> {
  const panel = document.createElement('customer-details-panel');
  panel.store = store;
  panel.customerId = 'c';
  // `form` (the figures beside the floors since issue 17): every row an editor. `compact` (the
  // default, bench/panel-scale.mjs): rows as text, one editor at a time.
  panel.layout = layout;
  panel.locale = 'en';
  document.body.append(panel);
  let rows = 0;
  let editors: PropertyEditor[] = [];
  for (let turn = 0; rows < count; turn++) {
    // A MemoryStore answers in microtasks: wait in microtasks first, so no frame or timer clamping
    // counts against the panel; after that, give other tasks (a real store's I/O) their turn.
    await (turn < 50 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 0)));
    await panel.updateComplete;
    rows = panel.shadowRoot!.querySelectorAll('li[part~="field"]').length;
    editors = [...panel.shadowRoot!.querySelectorAll('property-editor')];
    await Promise.all(editors.map((editor) => editor.updateComplete));
  }
  return { panel, editors };
}
