// Measured in the browser by bench/run.mjs: from a keystroke in the 5,000-option combobox to the
// filtered list in the DOM.
import '../src/elements/property-editor/property-editor.js';

const options = Array.from({ length: 5_000 }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));

async function filterBench(rounds: number): Promise<number[]> {
  const editor = document.createElement('property-editor');
  editor.definition = {
    name: 'product',
    label: 'Product',
    type: 'single-choice',
    options,
    showToAgent: true,
    showToCustomer: true,
    access: {},
    order: 0,
  };
  document.body.append(editor);
  await editor.updateComplete;
  const input = editor.shadowRoot!.querySelector('input')!;
  input.focus();
  const queries = [
    'o',
    'op',
    'opt',
    'opti',
    'optio',
    'option',
    'option ',
    'option 4',
    'option 42',
    'option 421',
    'option 42',
    'option 4',
    'option ',
    'option',
  ];
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const start = performance.now();
      input.value = query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await editor.updateComplete;
      const rows = editor.shadowRoot!.querySelectorAll('[role="option"]');
      if (rows.length === 0) throw new Error(`no rows for ${query}`);
      times.push(performance.now() - start);
    }
  }
  editor.remove();
  return times;
}

(window as unknown as { bench: Record<string, (rounds: number) => Promise<number[]>> }).bench = { filterBench };
