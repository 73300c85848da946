import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../internal/test/wait.js';
import type { Customer, PropertyDefinition, SavedAudience } from '../../model/index.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { PropertyStore } from '../../storage/property-store.js';
import type { CustomerPropertiesUser } from '../../context.js';
import type { AudienceBuilder } from '../audience-builder/audience-builder.js';
import type { AudienceList } from './audience-list.js';
import './audience-list.js';
import '../../i18n/de.js';

const base = { showToAgent: true, showToCustomer: false, access: { '*': 'edit' as const } };
const definitions: PropertyDefinition[] = [
  {
    ...base,
    order: 0,
    name: 'favorite_color',
    label: 'Favorite color',
    type: 'single-choice',
    options: ['red', 'blue'].map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
  },
  { ...base, order: 1, name: 'age', label: 'Age', type: 'number' },
  { ...base, order: 2, name: 'score', label: 'Score', type: 'number', access: { admin: 'edit' } },
];
const customers: Customer[] = [
  ['c1', 'Ana', 'red', '34'],
  ['c2', 'Ben', 'blue', '19'],
  ['c3', 'Cem', 'red', '51'],
].map(([id, name, color, age]) => ({
  id: id!,
  name: name!,
  number: '123',
  channel: 'telegram',
  revision: 1,
  properties: { favorite_color: color!, age: age!, score: '9' },
}));
const at = '2026-11-01T10:00:00.000Z';
const audiences: SavedAudience[] = [
  {
    id: 'a-reds',
    name: 'Reds',
    query: { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }] },
    updatedAt: at,
  },
  {
    id: 'a-adults',
    name: 'Adults',
    query: { match: 'all', conditions: [{ property: 'age', operator: 'gte', value: '30' }] },
    updatedAt: at,
  },
  {
    id: 'a-scores',
    name: 'High scores',
    query: { match: 'all', conditions: [{ property: 'score', operator: 'gt', value: '5' }] },
    updatedAt: at,
  },
];
const agent: CustomerPropertiesUser = { id: 'u-1', roles: ['agent'] };
const makeStore = () =>
  new MemoryStore({
    definitions,
    customers: structuredClone(customers),
    audiences: structuredClone(audiences),
    author: 'u-1',
  });

async function list(store: PropertyStore, { locale = 'en', user = agent } = {}) {
  const el = await fixture<AudienceList>(
    html`<audience-list locale=${locale} count-delay="10" .store=${store} .user=${user}></audience-list>`,
  );
  await waitUntil(() => items(el).length > 0 && items(el).every((item) => /\d/.test(item.count)), 'listed and counted');
  return el;
}

const items = (el: AudienceList) =>
  [...el.shadowRoot!.querySelectorAll('[part~="item"]')].map((li) => ({
    name: li.querySelector('.name')?.textContent.trim() ?? '',
    count: li.querySelector('[part~="count"]')!.textContent.trim(),
  }));
const byLabel = (el: AudienceList, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === label,
  )!;
const status = (el: AudienceList) => el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent.trim();
const nameInput = (el: AudienceList) => el.shadowRoot!.querySelector<HTMLInputElement>('#draft-name')!;

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

/** axe with the WCAG 2.2 AA rules (target-size needs 'wcag22aa'), the property editors' insides left out. */
async function wcag22Violations(el: Element): Promise<string[]> {
  await expect(el).to.be.accessible();
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const { violations } = await axe.run(
    { include: [el], exclude: [{ fromShadowDom: ['audience-list', 'audience-builder', 'property-editor'] }] },
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
  );
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<audience-list>', () => {
  it('lists the audiences the user may see by name, with live counts that follow the store', async () => {
    const store = makeStore();
    const el = await list(store);
    // "High scores" uses a property agents may not see: it is not listed, as the server would not list it.
    expect(items(el)).to.deep.equal([
      { name: 'Adults', count: '2 customers' },
      { name: 'Reds', count: '2 customers' },
    ]);
    await store.updateCustomer('c2', { favorite_color: 'red' }, { revision: 1 });
    await waitUntil(() => items(el)[1]?.count === '3 customers', 'counted again after the change');
    const admin = await list(makeStore(), { user: { id: 'u-2', roles: ['admin'] } });
    expect(items(admin).map((item) => item.name)).to.deep.equal(['Adults', 'High scores', 'Reds']);
  });

  it('opens an audience in the builder, refuses a taken name in words, and saves a new name and condition', async () => {
    const store = makeStore();
    const el = await list(store);
    const saved: string[] = [];
    el.addEventListener('audience-saved', (e) => saved.push(e.detail.audience.name));
    byLabel(el, 'Open Reds').click();
    await waitUntil(() => nameInput(el), 'the editor opened');
    expect(el.shadowRoot!.activeElement).to.equal(nameInput(el));
    expect(nameInput(el).value).to.equal('Reds');
    expect(el.shadowRoot!.querySelector('#editor-title')!.textContent).to.equal('Edit “Reds”');
    const builder = el.shadowRoot!.querySelector<AudienceBuilder>('audience-builder')!;
    expect(builder.value).to.deep.equal(audiences[0]!.query);

    await typeInto(nameInput(el), 'ADULTS');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('#draft-name-error'), 'the name is refused');
    expect(el.shadowRoot!.querySelector('#draft-name-error')!.textContent).to.equal(
      'There is already an audience named “ADULTS”. Choose another name.',
    );
    expect(nameInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect((await store.listAudiences()).map((a) => a.name)).to.deep.equal(['Adults', 'High scores', 'Reds']);

    await typeInto(nameInput(el), 'Red or blue');
    builder.value = {
      match: 'all',
      conditions: [{ property: 'favorite_color', operator: 'in', value: ['red', 'blue'] }],
    };
    builder.dispatchEvent(new Event('change'));
    byLabel(el, 'Save audience').click();
    await waitUntil(() => status(el) === 'Saved “Red or blue”.', 'announced');
    const kept = (await store.listAudiences()).find((a) => a.id === 'a-reds')!;
    expect(kept.name).to.equal('Red or blue');
    expect(kept.query.conditions).to.deep.equal([
      { property: 'favorite_color', operator: 'in', value: ['red', 'blue'] },
    ]);
    expect(saved).to.deep.equal(['Red or blue']);
    await waitUntil(() => items(el).find((i) => i.name === 'Red or blue')?.count === '3 customers', 'recounted');
    byLabel(el, 'Close').click();
    await waitUntil(() => !nameInput(el), 'closed');
    expect(el.shadowRoot!.activeElement).to.equal(byLabel(el, 'Open Red or blue'));
  });

  it('a new audience needs a name; with one it is saved and listed', async () => {
    const store = makeStore();
    const el = await list(store);
    byLabel(el, 'New audience').click();
    await waitUntil(() => nameInput(el), 'the editor opened');
    expect(el.shadowRoot!.querySelector('#editor-title')!.textContent).to.equal('New audience');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('#draft-name-error'), 'the name is required');
    expect(el.shadowRoot!.querySelector('#draft-name-error')!.textContent).to.equal('Give the audience a name.');
    expect(el.shadowRoot!.activeElement).to.equal(nameInput(el));
    await sendKeys({ type: 'Everyone' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(el).some((i) => i.name === 'Everyone' && i.count === '3 customers'), 'listed');
    expect((await store.listAudiences()).find((a) => a.name === 'Everyone')?.createdBy).to.equal('u-1');
  });

  it('renames in place by keyboard: Enter saves, Escape cancels, the focus comes back', async () => {
    const store = makeStore();
    const el = await list(store);
    byLabel(el, 'Rename Adults').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'rename', 'the name field has the focus');
    await sendKeys({ type: 'Grown-ups' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(el).some((i) => i.name === 'Grown-ups'), 'renamed');
    expect(el.shadowRoot!.activeElement).to.equal(byLabel(el, 'Rename Grown-ups'));
    expect((await store.listAudiences()).map((a) => a.name)).to.include('Grown-ups');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'rename', 'renaming again');
    await sendKeys({ type: 'Nope' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.shadowRoot!.querySelector('#rename'), 'cancelled');
    expect(el.shadowRoot!.activeElement).to.equal(byLabel(el, 'Rename Grown-ups'));
    expect((await store.listAudiences()).map((a) => a.name)).to.not.include('Nope');
  });

  it('duplicates as “X (copy)”, then “X (copy 2)”', async () => {
    const store = makeStore();
    const el = await list(store);
    byLabel(el, 'Duplicate Reds').click();
    await waitUntil(() => items(el).some((i) => i.name === 'Reds (copy)'), 'first copy');
    byLabel(el, 'Duplicate Reds').click();
    await waitUntil(() => items(el).some((i) => i.name === 'Reds (copy 2)'), 'second copy');
    const copies = (await store.listAudiences()).filter((a) => a.name.startsWith('Reds ('));
    expect(copies.map((a) => a.query)).to.deep.equal([audiences[0]!.query, audiences[0]!.query]);
    expect(status(el)).to.equal('Duplicated as “Reds (copy 2)”.');
  });

  it('deletes only after a confirmation; Cancel keeps the audience', async () => {
    const store = makeStore();
    const el = await list(store);
    const deleted: string[] = [];
    el.addEventListener('audience-deleted', (e) => deleted.push(e.detail.audience.id));
    byLabel(el, 'Delete Adults').click();
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'asked');
    expect(dialog.querySelector('h2')!.textContent).to.equal('Delete “Adults”?');
    expect(await wcag22Violations(el)).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'cancelled');
    expect((await store.listAudiences()).map((a) => a.id)).to.include('a-adults');

    byLabel(el, 'Delete Adults').click();
    await waitUntil(() => dialog.open, 'asked again');
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
    await waitUntil(() => !items(el).some((i) => i.name === 'Adults'), 'gone from the list');
    expect((await store.listAudiences()).map((a) => a.id)).to.not.include('a-adults');
    expect(deleted).to.deep.equal(['a-adults']);
    expect(status(el)).to.equal('Deleted “Adults”.');
  });

  it('says when the store keeps no audiences, and when they cannot be loaded, with Try again', async () => {
    const plain = makeStore();
    const noAudiences = {
      listDefinitions: (o?: { signal?: AbortSignal }) => plain.listDefinitions(o),
      findCustomers: plain.findCustomers.bind(plain),
    } as unknown as PropertyStore;
    const el = await fixture<AudienceList>(html`<audience-list .store=${noAudiences}></audience-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="message"]'), 'a message');
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.equal(
      'This store does not keep audiences.',
    );
    expect(el.shadowRoot!.querySelector('[part~="new-button"]')).to.equal(null);

    let fail = true;
    const flaky = makeStore();
    const original = flaky.listAudiences.bind(flaky);
    flaky.listAudiences = (o) => (fail ? Promise.reject(new Error('down')) : original(o));
    const failing = await fixture<AudienceList>(html`<audience-list .store=${flaky} .user=${agent}></audience-list>`);
    await waitUntil(() => failing.shadowRoot!.querySelector('[role="alert"]'), 'an error');
    expect(failing.shadowRoot!.querySelector('[role="alert"] p')!.textContent).to.match(
      /^The saved audiences could not be loaded: /,
    );
    fail = false;
    byLabel(failing, 'Try again').click();
    await waitUntil(() => items(failing).length === 2, 'loaded on Try again');
  });

  it('passes axe at WCAG 2.2 AA, listed and with an audience open', async () => {
    const el = await list(makeStore());
    expect(await wcag22Violations(el)).to.deep.equal([]);
    byLabel(el, 'Open Adults').click();
    await waitUntil(() => el.shadowRoot!.querySelector('audience-builder'), 'opened');
    await (el.shadowRoot!.querySelector('audience-builder') as AudienceBuilder).updateComplete;
    expect(await wcag22Violations(el)).to.deep.equal([]);
  });

  it('speaks German', async () => {
    const el = await list(makeStore(), { locale: 'de' });
    expect(items(el)).to.deep.equal([
      { name: 'Adults', count: '2 Kunden' },
      { name: 'Reds', count: '2 Kunden' },
    ]);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Gespeicherte Zielgruppen');
    expect(byLabel(el, 'Reds öffnen').textContent).to.equal('Öffnen');
  });
});
