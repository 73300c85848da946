import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { CustomerPropertiesUser } from '../../context.js';
import { FaultyStore } from '../../internal/test/faulty-store.js';
import { seed } from '../../testing/seed.js';
import { waitUntil } from '../../internal/test/wait.js';
import type { Customer } from '../../model/index.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { PropertyStore } from '../../storage/property-store.js';
import { definitions as demoDefinitions, seedCustomers } from '../../../demo/seed.js';
import type { CustomerDetailsPanel } from './customer-details-panel.js';
import './customer-details-panel.js';

const agent: CustomerPropertiesUser = { id: 'u1', roles: ['agent'], name: 'Ana' };
const admin: CustomerPropertiesUser = { id: 'u2', roles: ['admin'], name: 'Ada' };

async function panel(
  store: PropertyStore,
  options: { id?: string; user?: CustomerPropertiesUser; style?: string } = {},
) {
  const el = await fixture<CustomerDetailsPanel>(
    html`<customer-details-panel customer-id=${options.id ?? 'ana'} locale="en" style=${options.style ?? ''}
      .store=${store} .user=${options.user ?? agent}></customer-details-panel>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="header"]'), 'the panel loaded');
  await el.updateComplete;
  return el;
}

const row = (el: CustomerDetailsPanel, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-property="${name}"]`)!;
const valueButton = (el: CustomerDetailsPanel, name: string) =>
  row(el, name).querySelector<HTMLButtonElement>('button.read-value')!;
const readText = (el: CustomerDetailsPanel, name: string) =>
  row(el, name).querySelector('.read-value')?.textContent?.replace(/\s+/g, ' ').trim();
const editorIn = (el: CustomerDetailsPanel, name: string) => row(el, name).querySelector('property-editor');
const focused = (el: CustomerDetailsPanel) => el.shadowRoot!.activeElement;
const statusText = (el: CustomerDetailsPanel, name: string) =>
  row(el, name).querySelector('[part~="status"], [part~="conflict"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const announced = (el: CustomerDetailsPanel) => el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent;

/** Selects what the field under edit holds, so typing replaces it. */
function selectAll(el: CustomerDetailsPanel, name: string): void {
  editorIn(el, name)!.shadowRoot!.querySelector<HTMLInputElement>('#control')!.select();
}

function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

describe('<customer-details-panel> compact: read first, edit in place', () => {
  it('shows each value as text on its label’s line: choices by label, a multiple choice as chips, a location with a map link', async () => {
    const el = await panel(new MemoryStore(seed()));
    expect(el.layout).to.equal('compact');
    expect(el.shadowRoot!.querySelectorAll('property-editor').length, 'no editor before an edit').to.equal(0);
    expect(readText(el, 'age')).to.equal('34');
    expect(readText(el, 'favorite_color')).to.equal('red');
    expect([...row(el, 'channels').querySelectorAll('.chip')].map((c) => c.textContent)).to.deep.equal([
      'whatsapp',
      'email',
    ]);
    const map = row(el, 'home').querySelector('a[part~="map-link"]')!;
    expect(map.getAttribute('aria-label')).to.equal('Home on a map');
    expect(map.getAttribute('href')).to.contain('48.8584,2.2945');
    expect(readText(el, 'home')).to.contain('Champ de Mars');
    // Named by label and value, as the editor it becomes is by its label.
    const age = valueButton(el, 'age');
    expect(age.getAttribute('aria-labelledby')).to.equal('label-age value-age');
    expect(el.shadowRoot!.getElementById('label-age')!.textContent).to.equal('Age');
  });

  it('folds the empty properties under "N empty properties"; show-empty lists them in place', async () => {
    const el = await panel(new MemoryStore(seed()), { id: 'ben' });
    const folded = el.shadowRoot!.querySelector<HTMLDetailsElement>('details[part~="folded"]')!;
    expect(folded.querySelector('summary')!.textContent).to.equal('6 empty properties');
    expect(folded.open).to.equal(false);
    expect([...folded.querySelectorAll('[data-property]')].map((r) => r.getAttribute('data-property'))).to.deep.equal([
      'notes',
      'class',
      'channels',
      'home',
      'birthday',
      'callback',
    ]);
    folded.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => folded.open, 'the folded rows open by keyboard');
    expect(readText(el, 'notes')).to.equal('Not set');
    el.showEmpty = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('details[part~="folded"]')).to.equal(null);
  });

  it('a click starts the edit in place with the focus in the editor; leaving commits, saves and shows the text again', async () => {
    const store = new MemoryStore(seed());
    const el = await panel(store);
    valueButton(el, 'age').click();
    await waitUntil(() => editorIn(el, 'age'), 'the editor is in place');
    await waitUntil(() => focused(el) === editorIn(el, 'age'), 'the editor has the focus');
    selectAll(el, 'age');
    await sendKeys({ type: '41' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /Saved/.test(statusText(el, 'age')), 'saved');
    await waitUntil(() => !editorIn(el, 'age'), 'back to text');
    expect(readText(el, 'age')).to.equal('41');
    expect((await store.getCustomer('ana')).properties.age).to.equal('41');
    expect(announced(el)).to.equal('Age saved.');
    // Who changed it shows on hover too (a tooltip), as it does on focus.
    expect(valueButton(el, 'age').title).to.equal('Changed just now');
  });

  it('Enter starts the edit, Escape cancels it: nothing is saved and the focus is back on the value', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const el = await panel(store);
    valueButton(el, 'notes').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === editorIn(el, 'notes'), 'the editor has the focus');
    await sendKeys({ type: ' and evenings' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !editorIn(el, 'notes'), 'back to text');
    expect(focused(el)).to.equal(valueButton(el, 'notes'));
    expect(readText(el, 'notes')).to.equal('Prefers mornings');
    expect(store.callsOf('updateCustomer')).to.have.length(0);
    expect(el.pendingEdits).to.deep.equal([]);
  });

  it('typing on a value starts the edit with that character', async () => {
    const store = new MemoryStore(seed());
    const el = await panel(store);
    valueButton(el, 'class').focus();
    await sendKeys({ type: 'Z9' });
    await waitUntil(
      () => editorIn(el, 'class')?.value === 'Z9',
      () => `typed into the editor: ${JSON.stringify(editorIn(el, 'class')?.value)}`,
    );
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await store.getCustomer('ana')).properties.class === 'Z9', 'saved on Enter');
  });

  it('an invalid commit keeps the editor with its message and says so once', async () => {
    const el = await panel(new MemoryStore(seed()));
    valueButton(el, 'age').click();
    await waitUntil(() => focused(el) === editorIn(el, 'age'), 'editing');
    selectAll(el, 'age');
    await sendKeys({ type: 'abc' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /Age is not saved/.test(announced(el)), 'announced');
    expect(announced(el)).to.match(/^Age is not saved: .+/);
    expect(editorIn(el, 'age'), 'the editor stays').to.not.equal(null);
  });

  it('a failure stays visible with its reason and is announced with it; Try again keeps the focus on the row', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'fail' });
    const el = await panel(store);
    valueButton(el, 'age').click();
    await waitUntil(() => focused(el) === editorIn(el, 'age'), 'editing');
    selectAll(el, 'age');
    await sendKeys({ type: '50' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /Not saved/.test(statusText(el, 'age')), 'failed');
    expect(announced(el)).to.match(/^Age was not saved\. .+/);
    expect(readText(el, 'age'), 'the typed value is kept').to.equal('50');
    button(row(el, 'age'), 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /Saved/.test(statusText(el, 'age')), 'saved on retry');
    expect(focused(el)).to.equal(valueButton(el, 'age'));
  });

  it('a conflict is announced with the choice; Use theirs and Keep mine leave the focus on the row', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'conflict', changes: { age: '77' }, author: 'Ben' });
    const el = await panel(store);
    valueButton(el, 'age').click();
    await waitUntil(() => focused(el) === editorIn(el, 'age'), 'editing');
    selectAll(el, 'age');
    await sendKeys({ type: '50' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /Keep yours or use theirs/.test(statusText(el, 'age')), 'conflict');
    expect(announced(el)).to.match(/^Age was not saved\. Ben changed this .* to “77”\. Keep yours or use theirs\?$/);
    button(row(el, 'age'), 'Use theirs').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => readText(el, 'age') === '77', 'theirs shown');
    expect(focused(el)).to.equal(valueButton(el, 'age'));

    store.inject('updateCustomer', { type: 'conflict', changes: { age: '78' }, author: 'Ben' });
    valueButton(el, 'age').click();
    await waitUntil(() => focused(el) === editorIn(el, 'age'), 'editing again');
    selectAll(el, 'age');
    await sendKeys({ type: '51' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /Keep yours/.test(statusText(el, 'age')), 'conflict again');
    button(row(el, 'age'), 'Keep mine').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /Saved/.test(statusText(el, 'age')), 'mine saved');
    expect(readText(el, 'age')).to.equal('51');
    expect(focused(el)).to.equal(valueButton(el, 'age'));
  });
});

/** Ten filled properties of all eight kinds: the demo's definitions and Chloé Martin, with what she has not filled in filled. */
function chloe(): { store: MemoryStore; id: string } {
  const customers = seedCustomers();
  const her = customers.find((c) => c.name === 'Chloé Martin')!;
  const filled: Customer = {
    ...her,
    properties: {
      favorite_color: 'blue',
      shoe_size: '38.5',
      birthday: '1991-04-12',
      best_time: '17:30',
      delivery: { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' },
      interests: ['cycling', 'cooking', 'jazz'],
      bike: 'sku-1042',
      loyalty_code: 'GO2024',
      agent_notes: 'Asked about the warranty twice.',
      credit_limit: '1500',
      ...her.properties,
    },
  };
  return { store: new MemoryStore({ definitions: demoDefinitions, customers: [filled] }), id: her.id };
}

describe('<customer-details-panel> compact: groups', () => {
  it('lists the properties without a group first, then each group under a heading that folds it', async () => {
    const data = seed();
    for (const def of data.definitions) {
      if (def.name === 'favorite_color' || def.name === 'channels') def.group = 'Preferences';
      if (def.name === 'home') def.group = 'Delivery';
    }
    const el = await panel(new MemoryStore(data));
    const lists = [...el.shadowRoot!.querySelectorAll('[part~="fields"]')].map((list) => ({
      group: list.closest('[part~="group"]')?.querySelector('summary')?.textContent ?? '',
      rows: [...list.querySelectorAll('[data-property]')].map((r) => r.getAttribute('data-property')),
    }));
    expect(lists).to.deep.equal([
      { group: '', rows: ['age', 'notes', 'class', 'birthday', 'callback'] },
      { group: 'Preferences', rows: ['favorite_color', 'channels'] },
      { group: 'Delivery', rows: ['home'] },
    ]);
    const preferences = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="group"]')!;
    expect(preferences.open).to.equal(true);
    preferences.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !preferences.open, 'folded by keyboard');
  });
});

describe('<customer-details-panel> compact in a sidebar', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('ten filled properties of mixed types fit in 560 px at 320 px wide', async () => {
    await setViewport({ width: 320, height: 800 });
    const { store, id } = chloe();
    const el = await panel(store, { id, user: admin, style: 'width: 320px' });
    const rows = el.shadowRoot!.querySelectorAll('[part~="fields"] > [part~="field"]');
    expect(rows.length).to.equal(10);
    expect(el.shadowRoot!.querySelector('details[part~="folded"]')).to.equal(null);
    const height = el.getBoundingClientRect().height;
    console.log(`density: ten filled properties at 320 px: ${Math.round(height)} px`);
    expect(height).to.be.at.most(560);
    // Nothing sticks out sideways (WCAG 1.4.10).
    expect(el.scrollWidth).to.be.at.most(320);
  });

  it('the long choice opens its list in the top layer, and a mouse click on an option far down it is saved', async () => {
    const { store, id } = chloe();
    const el = await panel(store, { id, user: admin, style: 'display: block; width: 320px; height: 240px' });
    const bike = valueButton(el, 'bike');
    bike.scrollIntoView({ block: 'end' });
    bike.click();
    const editor = await (async () => {
      await waitUntil(() => editorIn(el, 'bike'), 'editing');
      return editorIn(el, 'bike')!;
    })();
    await editor.updateComplete;
    const before = (await store.getCustomer(id)).properties.bike;
    // The list opens at the chosen option; three pages further is far down the list of 60.
    await sendKeys({ press: 'ArrowDown' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'PageDown' });
    const listbox = () => editor.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]');
    await waitUntil(() => listbox()?.matches(':popover-open'), 'the list is in the top layer');
    await editor.updateComplete;
    const active = Number(editor.shadowRoot!.querySelector('[role="option"].active')!.getAttribute('aria-posinset'));
    expect(active).to.be.greaterThan(30);
    const option = editor.shadowRoot!.querySelector<HTMLElement>(`[role="option"][aria-posinset="${active - 2}"]`)!;
    const label = option.textContent.trim();
    const box = option.getBoundingClientRect();
    // What a mouse at the option's centre hits is the option: nothing clips or covers it.
    const hit = editor.shadowRoot!.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    expect(hit).to.equal(option);
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await waitUntil(() => /Saved/.test(statusText(el, 'bike')), 'saved');
    const saved = (await store.getCustomer(id)).properties.bike;
    expect(saved).to.not.equal(before);
    expect(demoDefinitions.find((d) => d.name === 'bike')!.options!.find((o) => o.value === saved)!.label).to.equal(
      label,
    );
    await sendMouse({ type: 'click', position: [1, 1] });
  });
});
