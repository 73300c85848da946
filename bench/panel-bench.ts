// Measured in the browser by bench/run.mjs (through bench/panel.ts, or alone with the picker on
// demand): <customer-details-panel> with N properties cycling through the eight types (choices with 12 options).
import { mountPanel } from './mount-panel.js';
import type { PropertyDefinition, PropertyValue } from '../src/model/index.js';
import { MemoryStore } from '../src/storage/memory-store.js';
import { BIG_CHOICE } from './big-choice.js';
import { options, SAMPLE, TYPES } from './sample.js';

function data(n: number, big: boolean) {
  const definitions: PropertyDefinition[] = [];
  const properties: Record<string, PropertyValue> = {};
  for (let i = 0; i < n; i++) {
    const type = TYPES[i % TYPES.length]!;
    const name = `p${i}`;
    definitions.push({
      name,
      label: `Property ${i}`,
      type,
      order: i,
      showToAgent: true,
      showToCustomer: false,
      access: { '*': 'edit' },
      ...(type.endsWith('choice') ? { options } : {}),
    });
    properties[name] = SAMPLE[type];
  }
  if (big) {
    definitions.push(BIG_CHOICE);
    properties.big = 'b4321';
  }
  return {
    definitions,
    customers: [{ id: 'c', number: '+4915123456789', name: 'Ana', channel: 'whatsapp', revision: 1, properties }],
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** First render: from inserting the panel to every field in the DOM and laid out. */
async function firstRender(n: number, big = false): Promise<number> {
  const store = new MemoryStore(data(n, big));
  await frame();
  const start = performance.now();
  const { panel } = await mountPanel(store, n + (big ? 1 : 0));
  panel.getBoundingClientRect();
  void document.body.offsetHeight; // forces layout
  const time = performance.now() - start;
  panel.remove();
  return time;
}

/** One value changed elsewhere: from the store's write to the field showing it. */
async function updateOne(n: number, rounds: number): Promise<number[]> {
  const store = new MemoryStore(data(n, false));
  const { panel, editors } = await mountPanel(store, n);
  const target = editors.find((e) => e.definition?.name === 'p0')!;
  const times: number[] = [];
  let revision = 1;
  for (let round = 0; round < rounds; round++) {
    const value = String(round + 10);
    const start = performance.now();
    revision = (await store.updateCustomer('c', { p0: value }, { revision })).revision;
    await panel.updateComplete;
    await target.updateComplete;
    void document.body.offsetHeight; // laid out, as the floors' updates are
    if (target.shadowRoot!.querySelector('input')!.value !== value)
      throw new Error('the field did not show the update');
    times.push(performance.now() - start);
  }
  panel.remove();
  return times;
}

// ——— the compact layout (the default) at scale: bench/panel-scale.mjs ———

/** First render in the compact layout: from inserting the panel to every row in the DOM and laid out. */
async function compactFirstRender(n: number): Promise<number> {
  const store = new MemoryStore(data(n, false));
  await frame();
  const start = performance.now();
  const { panel } = await mountPanel(store, n, 'compact');
  panel.getBoundingClientRect();
  void document.body.offsetHeight; // forces layout
  const time = performance.now() - start;
  panel.remove();
  return time;
}

/**
 * One value changed elsewhere, compact layout. `panel`: from the store's `customer-changed` event
 * to the row showing the value, laid out (the panel's part); `write`: the store's write up to that
 * event (the MemoryStore's part, in the same page). `row` is the property changed (default the
 * first; the bench also changes the last number row, off screen).
 */
async function compactUpdateOne(
  n: number,
  rounds: number,
  row = 'p0',
  part: 'panel' | 'write' = 'panel',
): Promise<number[]> {
  const store = new MemoryStore(data(n, false));
  // Subscribed before the panel, so it hears each change first.
  let emitted = 0;
  let replied = 0;
  store.subscribe((event) => {
    if (event.type !== 'customer-changed') return;
    emitted = performance.now();
    // Queued before the panel's render: runs once the store has made its reply (a copy for the
    // writer) after the event, and before the panel renders.
    queueMicrotask(() => (replied = performance.now()));
  });
  const { panel } = await mountPanel(store, n, 'compact');
  // Subscribed after the panel: the panel has taken the change in when it hears it.
  let heard = 0;
  store.subscribe((event) => {
    if (event.type === 'customer-changed') heard = performance.now();
  });
  const times: number[] = [];
  let revision = 1;
  for (let round = 0; round < rounds; round++) {
    const value = String(round + 10);
    await frame();
    const start = performance.now();
    revision = (await store.updateCustomer('c', { [row]: value }, { revision })).revision;
    await panel.updateComplete;
    void document.body.offsetHeight; // laid out, as the floors' updates are
    const panelTime = heard - emitted + (performance.now() - replied);
    times.push(part === 'panel' ? panelTime : replied - start - (heard - emitted));
    const shown = panel.shadowRoot!.querySelector(`[data-property="${row}"] .read-value`)?.textContent ?? '';
    if (!shown.includes(value)) throw new Error(`the row did not show the update: ${shown}`);
  }
  panel.remove();
  return times;
}

/** For the heap figure: the store is made first (not counted), then the panel mounted (counted by the caller). */
let held: { store?: MemoryStore; panel?: HTMLElement } = {};
function compactPrepare(n: number): void {
  held = { store: new MemoryStore(data(n, false)) };
}
async function compactMount(n: number): Promise<number> {
  const { panel } = await mountPanel(held.store!, n, 'compact');
  held.panel = panel;
  void document.body.offsetHeight;
  return panel.shadowRoot!.querySelectorAll('li[part~="field"]').length;
}

(window as unknown as { bench: object }).bench = {
  firstRender,
  updateOne,
  compactFirstRender,
  compactUpdateOne,
  compactPrepare,
  compactMount,
};
