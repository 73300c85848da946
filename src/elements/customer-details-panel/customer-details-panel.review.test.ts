// Found by a review of issue 17 (keyboard, screen reader, 320 px and 200 % text, forced colours, a
// host's scrolling container): each case failed before its fix.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { FaultyStore } from '../../internal/test/faulty-store.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { CustomerPropertiesUser } from '../../context.js';
import { seed } from '../../testing/seed.js';
import { waitUntil } from '../../internal/test/wait.js';
import type { PropertyStore } from '../../storage/property-store.js';
import type { CustomerDetailsPanel } from './customer-details-panel.js';
import type { PropertyEditor } from '../property-editor/property-editor.js';
import './customer-details-panel.js';

const agent: CustomerPropertiesUser = { id: 'u1', roles: ['agent'], name: 'Ana' };

const TAGS = Array.from({ length: 20 }, (_, i) => ({ value: `t${i}`, label: `Tag ${i}` }));
const BIKES = Array.from({ length: 60 }, (_, i) => ({ value: `b${i}`, label: `Bike ${1000 + i}` }));

/** seed() plus a long multiple choice `tags` (20) and a long single choice `bike` (60). */
function data() {
  const d = seed();
  const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const } };
  d.definitions.push(
    { ...base, name: 'tags', label: 'Tags', type: 'multiple-choice', order: 8, options: TAGS },
    { ...base, name: 'bike', label: 'Bike', type: 'single-choice', order: 9, options: BIKES },
  );
  d.customers[0]!.properties.tags = ['t1', 't3'];
  d.customers[0]!.properties.bike = 'b5';
  return d;
}

async function panel(store: PropertyStore, { id = 'ana', style = '', wrap = '' } = {}) {
  const root = await fixture<HTMLElement>(
    html`<div style=${wrap}><customer-details-panel customer-id=${id} locale="en" style=${style}
      .store=${store} .user=${agent}></customer-details-panel></div>`,
  );
  const el = root.querySelector('customer-details-panel')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="header"]'), 'the panel loaded');
  await el.updateComplete;
  return el;
}

const row = (el: CustomerDetailsPanel, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-property="${name}"]`)!;
const valueButton = (el: CustomerDetailsPanel, name: string) =>
  row(el, name).querySelector<HTMLButtonElement>('button.read-value')!;
const editorIn = (el: CustomerDetailsPanel, name: string) =>
  row(el, name).querySelector<PropertyEditor>('property-editor');
/** The deepest focused element, through shadow roots. */
function deepFocus(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
const statusText = (el: CustomerDetailsPanel, name: string) =>
  row(el, name).querySelector('[part~="status"], [part~="conflict"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const listbox = (e: Element) => e.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]');
const control = (e: Element) => e.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
const tick = (ms = 100) => new Promise((r) => setTimeout(r, ms));
const stored = async (s: MemoryStore, n: string) => (await s.getCustomer('ana')).properties[n];

describe('<customer-details-panel> compact: what a review of issue 17 found', () => {
  afterEach(async () => {
    await executeServerCommand('emulate-forced-colors', { active: false });
    await setViewport({ width: 800, height: 600 });
    document.documentElement.style.fontSize = '';
  });

  it('Enter on a long multiple choice value puts the focus in its search box, not on a chip', async () => {
    const el = await panel(new MemoryStore(data())); // tags: 20 options, ['t1','t3'] chosen
    valueButton(el, 'tags').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => editorIn(el, 'tags'), 'editing');
    await editorIn(el, 'tags')!.updateComplete;
    await tick();
    expect(deepFocus()?.getAttribute('aria-label')).to.equal('Tags: Search the options');
  });

  it('a character typed on a long multiple choice value goes into its search, which opens the list', async () => {
    const store = new MemoryStore(data());
    const el = await panel(store);
    valueButton(el, 'tags').focus();
    await sendKeys({ type: '1' });
    await waitUntil(() => editorIn(el, 'tags'), 'editing');
    const ed = editorIn(el, 'tags')!;
    await waitUntil(() => control(ed).value === '1', 'the search has the character');
    await sendKeys({ type: '5' });
    await ed.updateComplete;
    expect(control(ed).value).to.equal('15');
    expect(deepFocus()).to.equal(control(ed));
    expect(listbox(ed)!.matches(':popover-open')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => JSON.stringify(await stored(store, 'tags')) === '["t1","t3","t15"]', 'Tag 15 added');
  });

  it('Backspace right after starting the edit removes the last chip', async () => {
    const store = new MemoryStore(data());
    const el = await panel(store);
    valueButton(el, 'tags').click();
    await waitUntil(() => editorIn(el, 'tags'), 'editing');
    await tick();
    await sendKeys({ press: 'Backspace' });
    await tick(200);
    expect(await stored(store, 'tags')).to.deep.equal(['t1']);
  });

  it('a row in conflict: its value button is described by nothing that is not on the page', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    store.inject('updateCustomer', { type: 'conflict', changes: { age: '77' }, author: 'Ben' });
    const el = await panel(store);
    valueButton(el, 'age').click();
    await waitUntil(() => editorIn(el, 'age'), 'editing');
    await editorIn(el, 'age')!.updateComplete;
    control(editorIn(el, 'age')!).select();
    await sendKeys({ type: '50' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /Keep yours/.test(statusText(el, 'age')), 'conflict');
    for (const id of valueButton(el, 'age').getAttribute('aria-describedby')?.split(' ') ?? []) {
      expect(el.shadowRoot!.getElementById(id), id).to.not.equal(null);
    }
  });

  it('the open list hides while the panel scrolls its field out of view, and shows again with it', async () => {
    const el = await panel(new MemoryStore(data()), { style: 'display:block; height: 300px; width: 320px' });
    valueButton(el, 'bike').scrollIntoView({ block: 'end' });
    valueButton(el, 'bike').click();
    await waitUntil(() => editorIn(el, 'bike'), 'editing');
    const ed = editorIn(el, 'bike')!;
    await ed.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => listbox(ed)?.matches(':popover-open'), 'open');
    el.scrollTop = 0; // the agent scrolls the sidebar (wheel); the field leaves the panel's box
    await tick(200);
    const field = control(ed).getBoundingClientRect();
    const box = el.getBoundingClientRect();
    expect(field.top).to.be.greaterThan(box.bottom); // the field is out of view…
    const list = listbox(ed)!;
    const r = list.getBoundingClientRect();
    const hit = ed.shadowRoot!.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    expect(Boolean(hit && list.contains(hit)), 'no click reaches the list of a field out of view').to.equal(false);
    control(ed).scrollIntoView({ block: 'end' });
    await waitUntil(() => {
      const box = list.getBoundingClientRect();
      const at = ed.shadowRoot!.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return at && list.contains(at);
    }, 'the list shows again under its field');
  });

  it('Shift+Tab from the search to a chip closes the list', async () => {
    const el = await panel(new MemoryStore(data()));
    valueButton(el, 'tags').click();
    await waitUntil(() => editorIn(el, 'tags'), 'editing');
    const ed = editorIn(el, 'tags')!;
    await ed.updateComplete;
    control(ed).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => listbox(ed)?.matches(':popover-open'), 'open');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await tick();
    expect(deepFocus()?.getAttribute('aria-label')).to.equal('Remove Tag 3');
    expect(control(ed).getAttribute('aria-expanded')).to.equal('false');
    expect(listbox(ed)).to.equal(null);
  });

  it('a group is a heading for screen readers, under the panel title', async () => {
    const d = data();
    for (const def of d.definitions) if (def.name === 'favorite_color') def.group = 'Preferences';
    const el = await panel(new MemoryStore(d));
    const group = el.shadowRoot!.querySelector('[part~="group"]')!;
    expect(group.querySelector('summary h3')?.textContent).to.equal('Preferences');
  });

  it('"N empty properties" counts the empty ones after one of them is filled', async () => {
    const el = await panel(new MemoryStore(data()), { id: 'ben' });
    const folded = el.shadowRoot!.querySelector<HTMLDetailsElement>('details[part~="folded"]')!;
    expect(folded.querySelector('summary')!.textContent).to.equal('8 empty properties');
    folded.open = true;
    await el.updateComplete;
    valueButton(el, 'class').click();
    await waitUntil(() => editorIn(el, 'class'), 'editing');
    await editorIn(el, 'class')!.updateComplete;
    await sendKeys({ type: 'Gold' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /Saved/.test(statusText(el, 'class')), 'saved');
    await el.updateComplete;
    expect(folded.querySelector('summary')!.textContent).to.equal('7 empty properties');
  });

  it('the loading skeleton is visible in forced colours', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    const store = new FaultyStore(new MemoryStore(data()));
    store.inject('getCustomer', { type: 'stall' });
    const root = await fixture<HTMLElement>(
      html`<div><customer-details-panel customer-id="ana" locale="en" .store=${store}></customer-details-panel></div>`,
    );
    const el = root.querySelector('customer-details-panel')!;
    await waitUntil(() => el.shadowRoot!.querySelector('.skeleton-row span'), 'skeleton');
    const bar = getComputedStyle(el.shadowRoot!.querySelector('.skeleton-row span')!);
    const canvas = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
    expect(bar.backgroundColor, 'drawn in a colour of its own').to.not.be.oneOf([canvas, 'rgba(0, 0, 0, 0)']);
  });

  it('at 320 px with 200 % text the options of the long single choice grow with the text', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    const d = data();
    d.definitions.find((x) => x.name === 'bike')!.options = Array.from({ length: 60 }, (_, i) => ({
      value: `b${i}`,
      label: `${['Trail', 'City', 'Road', 'Kids'][i % 4]} bike ${['S', 'M', 'L', 'XL', 'Pro'][i % 5]} ${1000 + i}`, // the demo's labels
    }));
    d.customers[0]!.properties.bike = 'b5';
    const el = await panel(new MemoryStore(d), { style: 'font-size: 1rem' });
    valueButton(el, 'bike').click();
    await waitUntil(() => editorIn(el, 'bike'), 'editing');
    const ed = editorIn(el, 'bike')!;
    await ed.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => listbox(ed)?.matches(':popover-open'), 'open');
    await ed.updateComplete;
    const options = [...listbox(ed)!.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.length).to.be.greaterThan(4);
    // Each row is two lines of the enlarged text tall, and nothing is cut at its top or bottom.
    for (const o of options) expect(o.clientHeight, o.textContent).to.be.at.least(64);
    expect(options.filter((o) => o.scrollHeight > o.clientHeight).map((o) => o.textContent)).to.deep.equal([]);
    // The rows lie one under the other at the new height: the fourth starts where three end.
    expect(Math.round(options[3]!.offsetTop - options[0]!.offsetTop)).to.equal(3 * options[0]!.offsetHeight);
  });

  it('a combobox whose search matches nothing is not expanded onto a hidden listbox', async () => {
    const el = await panel(new MemoryStore(data()));
    valueButton(el, 'bike').focus();
    await sendKeys({ type: 'zzz' });
    await waitUntil(() => editorIn(el, 'bike'), 'editing');
    const ed = editorIn(el, 'bike')!;
    await tick();
    expect(listbox(ed)!.hidden).to.equal(true);
    expect(control(ed).getAttribute('aria-expanded')).to.equal('false');
  });

  for (const how of ['removed', 'customer-id']) {
    it(`the panel ${how} while the list is open and a chip has the focus: no uncaught error`, async () => {
      const errors: string[] = [];
      const on = (e: PromiseRejectionEvent) => {
        errors.push(String(e.reason));
        e.preventDefault();
      };
      addEventListener('unhandledrejection', on);
      const el = await panel(new MemoryStore(data()));
      valueButton(el, 'tags').click();
      await waitUntil(() => editorIn(el, 'tags'), 'editing');
      const ed = editorIn(el, 'tags')!;
      await ed.updateComplete;
      control(ed).focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => listbox(ed)?.matches(':popover-open'), 'open');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' }); // to the last chip
      await sendKeys({ up: 'Shift' });
      if (how === 'removed')
        el.remove(); // the host closes the sidebar
      else el.customerId = 'ben'; // the host shows the next chat's customer
      await new Promise((r) => setTimeout(r, 300));
      removeEventListener('unhandledrejection', on);
      expect(errors).to.deep.equal([]);
    });
  }

  it('the host shows another customer while a row is edited: the focus stays in the panel, on its title', async () => {
    const el = await panel(new MemoryStore(data()));
    valueButton(el, 'age').click();
    await waitUntil(() => editorIn(el, 'age'), 'editing');
    await editorIn(el, 'age')!.updateComplete;
    control(editorIn(el, 'age')!).focus();
    el.customerId = 'ben';
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    await waitUntil(() => el.shadowRoot!.querySelector('[data-property="age"] button.read-value'), 'Ben is shown');
    expect(el.shadowRoot!.activeElement?.id, 'still there once Ben is loaded').to.equal('title');
  });
});
