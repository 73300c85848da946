// Puts a <customer-details-panel> for customer `c` on the page and waits until all its fields
// (the name and `count` properties) are rendered and updated.
import '../src/elements/customer-details-panel/customer-details-panel.js';
import type { CustomerDetailsPanel } from '../src/elements/customer-details-panel/customer-details-panel.js';
import type { PropertyEditor } from '../src/elements/property-editor/property-editor.js';
import type { PropertyStore } from '../src/storage/property-store.js';

export async function mountPanel(store: PropertyStore, count: number): Promise<{ panel: CustomerDetailsPanel; editors: PropertyEditor[] }> {
  const panel = document.createElement('customer-details-panel');
  panel.store = store;
  panel.customerId = 'c';
  panel.locale = 'en';
  document.body.append(panel);
  let editors: PropertyEditor[] = [];
  while (editors.length < count + 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await panel.updateComplete;
    editors = [...panel.shadowRoot!.querySelectorAll('property-editor')];
    await Promise.all(editors.map((editor) => editor.updateComplete));
  }
  return { panel, editors };
}
