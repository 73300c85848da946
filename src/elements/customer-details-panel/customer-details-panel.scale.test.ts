// The compact panel with thousands of properties: a change touches its row only, and every row
// stays in the page (find-in-page, screen readers) and in the keyboard's order.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomerPropertiesUser } from '../../context.js';
import '../../i18n/de.js';
import { waitUntil } from '../../internal/test/wait.js';
import type { PropertyDefinition, PropertyValue } from '../../model/index.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { CustomerDetailsPanel } from './customer-details-panel.js';
import './customer-details-panel.js';

const agent: CustomerPropertiesUser = { id: 'u1', roles: ['agent'], name: 'Ana' };

/** `n` properties: numbers and words, each filled, all editable by everyone. */
function many(n: number): MemoryStore {
  const definitions: PropertyDefinition[] = [];
  const properties: Record<string, PropertyValue> = {};
  for (let i = 0; i < n; i++) {
    const type = i % 2 === 0 ? 'number' : 'word';
    definitions.push({
      name: `p${i}`,
      label: `Property ${i}`,
      type,
      order: i,
      showToAgent: true,
      showToCustomer: false,
      access: { '*': 'edit' },
    });
    properties[`p${i}`] = type === 'number' ? String(i) : `w${i}`;
  }
  return new MemoryStore({
    definitions,
    customers: [{ id: 'c', number: '+4915123456789', name: 'Ana', revision: 1, properties }],
  });
}

async function panel(store: MemoryStore, count: number): Promise<CustomerDetailsPanel> {
  const el = await fixture<CustomerDetailsPanel>(
    html`<customer-details-panel customer-id="c" locale="en" style="display: block; height: 400px"
      .store=${store} .user=${agent}></customer-details-panel>`,
  );
  await waitUntil(
    () => el.shadowRoot!.querySelectorAll('[part~="field"]').length === count,
    `the panel shows ${count} rows`,
    { timeout: 20_000 },
  );
  await el.updateComplete;
  return el;
}

const row = (el: CustomerDetailsPanel, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-property="${name}"]`)!;
const readText = (el: CustomerDetailsPanel, name: string) =>
  row(el, name).querySelector('.read-value')?.textContent?.replace(/\s+/g, ' ').trim();

/** The row a DOM mutation happened in (`undefined`: outside every row). */
function rowOf(record: MutationRecord): string | undefined {
  const node = record.target instanceof Element ? record.target : record.target.parentElement;
  return node?.closest<HTMLElement>('[part~="field"]')?.dataset.property;
}

describe('<customer-details-panel> compact with 3,000 properties', function () {
  this.timeout(60_000);
  const N = 3000;

  it('a change made elsewhere to one property changes that row in the DOM and nothing else', async () => {
    const store = many(N);
    const el = await panel(store, N);
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    // Another agent's writes: one on screen, one far down (in a part of the list not drawn yet).
    let revision = (await store.getCustomer('c')).revision;
    for (const [name, value] of [
      ['p2', '42'],
      ['p2998', '7'],
    ] as const) {
      revision = (await store.updateCustomer('c', { [name]: value }, { revision, author: 'Bo' })).revision;
      await waitUntil(() => readText(el, name) === value, `${name} shows ${value}`);
      await el.updateComplete;
      mutations.push(...observer.takeRecords());
      const touched = new Set(mutations.map(rowOf));
      expect([...touched], `the DOM changed only in ${name}`).to.deep.equal([name]);
      mutations.length = 0;
    }
    observer.disconnect();
    // What it shows: the new value, and who changed it.
    expect(readText(el, 'p2998')).to.equal('7');
    expect(row(el, 'p2998').querySelector('[part~="meta"]')?.textContent).to.contain('Bo');
    expect(readText(el, 'p2997')).to.equal('w2997');
  });

  it('every row is in the page, in order, as items of one list: find-in-page and screen readers reach the last', async () => {
    const el = await panel(many(N), N);
    const labels = [...el.shadowRoot!.querySelectorAll('[part~="field"] .read-label')].map(
      (label) => label.textContent,
    );
    expect(labels.length).to.equal(N);
    expect(labels[0]).to.equal('Property 0');
    expect(labels.at(-1)).to.equal(`Property ${N - 1}`);
    expect(labels).to.deep.equal(Array.from({ length: N }, (_, i) => `Property ${i}`));
    // The rows are list items; what holds them in between is no list or item of its own.
    const lists = [...el.shadowRoot!.querySelectorAll('ul, ol, [role="list"]')].filter(
      (list) => list.getAttribute('role') !== 'none',
    );
    expect(lists.length, 'one list').to.equal(1);
    for (const item of el.shadowRoot!.querySelectorAll('li')) {
      const isRow = item.matches('[part~="field"]');
      expect(isRow || item.getAttribute('role') === 'none', 'every other li is presentational').to.equal(true);
    }
    // The last row, far below the viewport, shows its text when it is brought into view.
    const last = row(el, `p${N - 1}`);
    last.scrollIntoView();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(last.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(last.querySelector('.read-label')!.getBoundingClientRect().width).to.be.greaterThan(0);
  });

  it('Tab goes from row to row across the whole list, and a row far down edits in place', async () => {
    const el = await panel(many(N), N);
    // From the middle of the list (where one drawn part ends and the next begins) onwards.
    const value = (name: string) => row(el, name).querySelector<HTMLButtonElement>('button.read-value')!;
    value('p1499').focus();
    expect(el.shadowRoot!.activeElement).to.equal(value('p1499'));
    await sendKeys({ press: 'Tab' }); // its History button
    expect(el.shadowRoot!.activeElement?.closest('[data-property]')?.getAttribute('data-property')).to.equal('p1499');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(value('p1500'));
    // Shift+Tab back across the same boundary.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement).to.equal(value('p1499'));

    // The last row edits in place and saves, and only it changes.
    value(`p${N - 2}`).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => row(el, `p${N - 2}`).querySelector('property-editor'), 'the editor is in place');
    const editor = row(el, `p${N - 2}`).querySelector('property-editor')!;
    await editor.updateComplete;
    const control = editor.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
    control.select();
    await sendKeys({ type: '123' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await el.store!.getCustomer('c')).properties[`p${N - 2}`] === '123', 'saved');
    expect(el.shadowRoot!.querySelectorAll('property-editor').length).to.be.at.most(1);
  });

  it('a row far down opens its history, and another language reaches every row', async () => {
    const store = many(N);
    const el = await panel(store, N);
    const revision = (await store.getCustomer('c')).revision;
    await store.updateCustomer('c', { p2990: '2.5', p1000: '1.5' }, { revision, author: 'Bo' });
    await waitUntil(() => readText(el, 'p2990') === '2.5', 'the change is shown');
    const history = row(el, 'p2990').querySelector<HTMLButtonElement>('[part~="history-button"]')!;
    history.click();
    await waitUntil(
      () => /Bo/.test(el.shadowRoot!.querySelector('#history-p2990')?.textContent ?? ''),
      'the change is listed',
    );
    expect(history.getAttribute('aria-expanded')).to.equal('true');
    el.locale = 'de';
    await waitUntil(() => readText(el, 'p2990') === '2,5', 'German number format far down');
    expect(readText(el, 'p1000')).to.equal('1,5');
    expect(row(el, 'p2990').querySelector('.read-label')!.textContent).to.equal('Property 2990');
  });
});
