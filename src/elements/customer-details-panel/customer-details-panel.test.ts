import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../internal/test/wait.js';
import { agentProperty, withGermanWords } from '../../internal/test/definitions.js';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomerPropertiesUser } from '../../context.js';
import type { PendingEditsChangedEvent, PropertySavedEvent, PropertySaveFailedEvent } from '../../events.js';
import { FaultyStore } from '../../internal/test/faulty-store.js';
import { SEED_CUSTOMERS, SEED_DEFINITIONS, seed } from '../../testing/seed.js';
import type { Customer, PropertyDefinition } from '../../model/index.js';
import { MemoryStore, type MemoryStoreOptions } from '../../storage/memory-store.js';
import { RestStore } from '../../storage/rest-store.js';
import type { PropertyStore } from '../../storage/property-store.js';
import type { StoreError } from '../../storage/store-error.js';
import type { PropertyEditor } from '../property-editor/property-editor.js';
import { CustomerDetailsPanel } from './customer-details-panel.js';
import './customer-details-panel.js';
import '../../i18n/de.js';

const agent: CustomerPropertiesUser = { id: 'u1', roles: ['agent'], name: 'Ana' };

async function panel(
  store: PropertyStore,
  options: { id?: string; user?: CustomerPropertiesUser; locale?: string; viewer?: string; timeout?: number } = {},
) {
  const el =
    await fixture<CustomerDetailsPanel>(html`<customer-details-panel layout="form" customer-id=${options.id ?? 'ana'} locale=${options.locale ?? 'en'}
    viewer=${options.viewer ?? 'agent'} timeout=${options.timeout ?? 15_000} .store=${store} .user=${options.user ?? agent}></customer-details-panel>`);
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the panel loaded');
  await el.updateComplete;
  return el;
}

function editorFor(el: CustomerDetailsPanel, name: string): PropertyEditor {
  const editor = [...el.shadowRoot!.querySelectorAll('property-editor')].find((e) => e.definition?.name === name);
  if (!editor) throw new Error(`no editor for ${name}`);
  return editor;
}

function fieldOf(el: CustomerDetailsPanel, name: string): HTMLElement {
  return el.shadowRoot!.querySelector(`[data-property="${name}"]`)!;
}

function statusOf(el: CustomerDetailsPanel, name: string): string {
  return (
    fieldOf(el, name)
      ?.querySelector('[part~="status"], [part~="conflict"]')
      ?.textContent?.replace(/\s+/g, ' ')
      .trim() ?? ''
  );
}

async function typeInto(editor: PropertyEditor, text: string): Promise<void> {
  await editor.updateComplete;
  const input = editor.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

/** Types a value and commits it as an agent would: Tab out of the field. */
async function commit(el: CustomerDetailsPanel, name: string, text: string): Promise<void> {
  await typeInto(editorFor(el, name), text);
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

async function settled(el: CustomerDetailsPanel, name: string, status: RegExp): Promise<void> {
  await waitUntil(() => status.test(statusOf(el, name)), `status of ${name} matches ${status}`);
}

function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

describe('<customer-details-panel>', () => {
  it('shows the name, the channel number and the custom properties in order', async () => {
    const el = await panel(new MemoryStore(seed()));
    expect(el.shadowRoot!.querySelector('[part~="number"]')!.textContent).to.equal('WhatsApp: +4915123456789');
    expect(editorFor(el, 'name').value).to.equal('Ana');
    const names = [...el.shadowRoot!.querySelectorAll('[part~="field"]')].map((f) => f.getAttribute('data-property'));
    expect(names).to.deep.equal(SEED_DEFINITIONS.map((d) => d.name));
    expect(editorFor(el, 'favorite_color').value).to.equal('red');
    await expect(el).to.be.accessible();
  });

  it('shows loading, then the customer; a change of id cancels the load in flight', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const stall = store.inject('getCustomer', { type: 'stall' });
    const el = await fixture<CustomerDetailsPanel>(
      html`<customer-details-panel layout="form" customer-id="ana" locale="en" .store=${store}></customer-details-panel>`,
    );
    await stall.arrived;
    await el.updateComplete;
    // A placeholder shaped like rows, with the words for screen readers.
    const placeholder = el.shadowRoot!.querySelector('[part~="skeleton"]')!;
    expect(placeholder.getAttribute('role')).to.equal('status');
    expect(placeholder.textContent.trim()).to.equal('Loading the customer…');
    expect(placeholder.querySelectorAll('.skeleton-row[aria-hidden="true"]').length).to.be.greaterThan(2);
    await expect(el).to.be.accessible();
    el.customerId = 'ben';
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="number"]'), 'Ben loaded');
    stall.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(el.shadowRoot!.querySelector('[part~="number"]')!.textContent).to.equal('Telegram: 123456789');
    expect(editorFor(el, 'name').value).to.equal('Ben');
    expect((store.callsOf('getCustomer')[0]![1] as { signal: AbortSignal }).signal.aborted).to.equal(true);
  });

  it('says when a customer cannot be loaded, and tries again', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('getCustomer', { type: 'fail' });
    const el = await panel(store);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The customer could not be loaded: the server could not be reached');
    await expect(el).to.be.accessible();
    button(alert, 'Try again').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="number"]'), 'loaded on retry');
  });

  it('says when the customer does not exist, and when there are no custom properties', async () => {
    const missing = await panel(new MemoryStore(seed()), { id: 'nobody' });
    expect(missing.shadowRoot!.querySelector('[role="alert"]')!.textContent.trim()).to.equal(
      'This customer does not exist (any more).',
    );
    const empty = await panel(new MemoryStore({ customers: seed().customers.map((c) => ({ ...c, properties: {} })) }));
    expect(empty.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.equal('No custom properties yet.');
    await expect(empty).to.be.accessible();
  });

  it('saves a committed field alone, against the revision it started from, and says so', async () => {
    const store = new FaultyStore(new MemoryStore({ ...seed(), author: 'Ana' }));
    const el = await panel(store);
    const saved = oneEvent<PropertySavedEvent>(el, 'property-saved');
    await commit(el, 'age', '35');
    const event = await saved;
    expect(event.detail).to.deep.equal({ customerId: 'ana', name: 'age', value: '35' });
    expect(store.callsOf('updateCustomer')).to.deep.equal([['ana', { age: '35' }, { revision: 1 }]]);
    await settled(el, 'age', /Saved/);
    expect((await store.getCustomer('ana')).properties.age).to.equal('35');
    expect(fieldOf(el, 'age').querySelector('[part~="meta"]')!.textContent).to.equal('Changed by Ana, just now');
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.equal('Age saved.');
  });

  it('keeps the typed value when a save fails, and Retry saves it', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'fail' });
    const el = await panel(store);
    const failed = oneEvent<PropertySaveFailedEvent>(el, 'property-save-failed');
    await commit(el, 'notes', 'Call after 5 pm');
    expect((await failed).detail.error.kind).to.equal('unavailable');
    await settled(el, 'notes', /Not saved: the server could not be reached/);
    expect(editorFor(el, 'notes').value).to.equal('Call after 5 pm');
    await expect(el).to.be.accessible();
    button(fieldOf(el, 'notes'), 'Try again').click();
    await settled(el, 'notes', /Saved/);
    expect((await store.getCustomer('ana')).properties.notes).to.equal('Call after 5 pm');
  });

  it('keeps saving in order when a save stalls, and other fields save meanwhile', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const stall = store.inject('updateCustomer', { type: 'stall' });
    const el = await panel(store);
    await commit(el, 'age', '36');
    await stall.arrived;
    await settled(el, 'age', /Saving/);
    await expect(el).to.be.accessible();
    await commit(el, 'age', '37');
    await commit(el, 'class', 'VIP');
    stall.release();
    await settled(el, 'age', /Saved/);
    await settled(el, 'class', /Saved/);
    const stored = await store.getCustomer('ana');
    expect(stored.properties).to.include({ age: '37', class: 'VIP' });
    expect(editorFor(el, 'age').value).to.equal('37');
  });

  it('on a conflict shows the other value and its author; Keep mine saves the agent’s value', async () => {
    const store = new FaultyStore(new MemoryStore({ ...seed(), author: 'Ana' }));
    store.inject('updateCustomer', { type: 'conflict', changes: { age: '77' }, author: 'Ben' });
    const el = await panel(store);
    await commit(el, 'age', '35');
    await settled(el, 'age', /Ben changed this just now to “77”/);
    expect(editorFor(el, 'age').value, 'the agent’s value stays in the field').to.equal('35');
    await expect(el).to.be.accessible();
    button(fieldOf(el, 'age'), 'Keep mine').click();
    await settled(el, 'age', /Saved/);
    expect((await store.getCustomer('ana')).properties.age).to.equal('35');
  });

  it('on a conflict, Use theirs shows and keeps the other value', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'conflict', changes: { favorite_color: 'green' }, author: 'Ben' });
    const el = await panel(store);
    const select = editorFor(el, 'favorite_color').shadowRoot!.querySelector('select')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    // A closed select commits the arrow's choice on Enter.
    await sendKeys({ press: 'Enter' });
    await settled(el, 'favorite_color', /Ben changed this/);
    button(fieldOf(el, 'favorite_color'), 'Use theirs').click();
    await el.updateComplete;
    expect(editorFor(el, 'favorite_color').value).to.equal('green');
    expect(statusOf(el, 'favorite_color')).to.equal('');
    expect((await store.getCustomer('ana')).properties.favorite_color).to.equal('green');
  });
});

describe('two panels on one customer', () => {
  it('save edits of different fields at once, and each shows the other’s change', async () => {
    const store = new MemoryStore(seed());
    const container = await fixture<HTMLDivElement>(html`<div>
      <customer-details-panel layout="form" customer-id="ana" locale="en" .store=${store}></customer-details-panel>
      <customer-details-panel layout="form" customer-id="ana" locale="en" .store=${store}></customer-details-panel>
    </div>`);
    const [a, b] = [...container.querySelectorAll('customer-details-panel')] as CustomerDetailsPanel[];
    await waitUntil(
      () => a!.shadowRoot!.querySelector('[part~="number"]') && b!.shadowRoot!.querySelector('[part~="number"]'),
    );
    await typeInto(editorFor(b!, 'notes'), 'typed in B, not yet committed');
    await commit(a!, 'age', '40');
    await settled(a!, 'age', /Saved/);
    await waitUntil(() => editorFor(b!, 'age').value === '40', 'B shows A’s change');
    expect(editorFor(b!, 'notes').value, 'B’s edit in progress is untouched').to.equal('typed in B, not yet committed');
    editorFor(b!, 'notes').shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ press: 'Tab' });
    await settled(b!, 'notes', /Saved/);
    expect((await store.getCustomer('ana')).properties).to.include({
      age: '40',
      notes: 'typed in B, not yet committed',
    });
    await waitUntil(() => editorFor(a!, 'notes').value === 'typed in B, not yet committed', 'A shows B’s change');
  });

  it('give the conflict choice when both change the same field', async () => {
    const store = new MemoryStore(seed());
    const container = await fixture<HTMLDivElement>(html`<div>
      <customer-details-panel layout="form" customer-id="ana" locale="en" .store=${store}></customer-details-panel>
      <customer-details-panel layout="form" customer-id="ana" locale="en" .store=${store}></customer-details-panel>
    </div>`);
    const [a, b] = [...container.querySelectorAll('customer-details-panel')] as CustomerDetailsPanel[];
    await waitUntil(
      () => a!.shadowRoot!.querySelector('[part~="number"]') && b!.shadowRoot!.querySelector('[part~="number"]'),
    );
    // B is typing (and keeps the focus) while A, on another screen, changes the same field.
    await typeInto(editorFor(b!, 'class'), 'Gold');
    store.author = 'Ana';
    const aInput = editorFor(a!, 'class').shadowRoot!.querySelector('input')!;
    aInput.value = 'Silver';
    aInput.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    aInput.dispatchEvent(new Event('change', { bubbles: true }));
    await settled(a!, 'class', /Saved/);
    expect(editorFor(b!, 'class').shadowRoot!.querySelector('input')!.value, 'B’s typing is untouched').to.equal(
      'Gold',
    );
    store.author = 'Ben';
    await sendKeys({ press: 'Tab' });
    await settled(b!, 'class', /Ana changed this .* to “Silver”/);
    expect(editorFor(b!, 'class').value).to.equal('Gold');
    expect((await store.getCustomer('ana')).properties.class).to.equal('Silver');
  });
});

describe('two panels on one customer, in two browsers, through the server', () => {
  // Each panel has its own RestStore, with its own login and its own event stream, as two agents'
  // browsers would: what one saves reaches the other only through the server.
  async function twoAgents() {
    const response = await fetch('/server-test/stores', { method: 'POST', body: JSON.stringify(seed()) });
    const { base } = (await response.json()) as { base: string };
    const store = (id: string) =>
      new RestStore({ baseUrl: base, headers: () => ({ 'X-Test-User': JSON.stringify({ id, roles: ['agent'] }) }) });
    const container = await fixture<HTMLDivElement>(html`<div>
      <customer-details-panel layout="form" customer-id="ana" locale="en" .store=${store('Ana')} .user=${{ id: 'Ana', roles: ['agent'] }}></customer-details-panel>
      <customer-details-panel layout="form" customer-id="ana" locale="en" .store=${store('Ben')} .user=${{ id: 'Ben', roles: ['agent'] }}></customer-details-panel>
    </div>`);
    const [a, b] = [...container.querySelectorAll('customer-details-panel')] as CustomerDetailsPanel[];
    await waitUntil(
      () => a!.shadowRoot!.querySelector('[part~="number"]') && b!.shadowRoot!.querySelector('[part~="number"]'),
    );
    return { a: a!, b: b!, server: store('Server check') };
  }

  it('save edits of different fields at once; each shows the other’s change and who made it, and no edit is lost', async () => {
    const { a, b, server } = await twoAgents();
    await typeInto(editorFor(b, 'notes'), 'typed in B, not yet committed');
    await commit(a, 'age', '40');
    await settled(a, 'age', /Saved/);
    await waitUntil(() => editorFor(b, 'age').value === '40', 'B shows A’s change, through the server');
    expect(fieldOf(b, 'age').querySelector('[part~="meta"]')?.textContent).to.match(/Ana/);
    expect(editorFor(b, 'notes').value, 'B’s edit in progress is untouched').to.equal('typed in B, not yet committed');
    editorFor(b, 'notes').shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ press: 'Tab' });
    await settled(b, 'notes', /Saved/);
    expect((await server.getCustomer('ana')).properties).to.include({
      age: '40',
      notes: 'typed in B, not yet committed',
    });
    await waitUntil(() => editorFor(a, 'notes').value === 'typed in B, not yet committed', 'A shows B’s change');
    expect(fieldOf(a, 'notes').querySelector('[part~="meta"]')?.textContent).to.match(/Ben/);
  });

  it('give the conflict choice when both change the same field; Keep mine saves B’s value', async () => {
    const { a, b, server } = await twoAgents();
    await typeInto(editorFor(b, 'class'), 'Gold');
    const aInput = editorFor(a, 'class').shadowRoot!.querySelector('input')!;
    aInput.value = 'Silver';
    aInput.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    aInput.dispatchEvent(new Event('change', { bubbles: true }));
    await settled(a, 'class', /Saved/);
    // B hears A's save while typing: the typing stays.
    await waitUntil(() => /Ana/.test(fieldOf(b, 'class').querySelector('[part~="meta"]')?.textContent ?? ''));
    expect(editorFor(b, 'class').shadowRoot!.querySelector('input')!.value, 'B’s typing is untouched').to.equal('Gold');
    await sendKeys({ press: 'Tab' });
    await settled(b, 'class', /Ana changed this .* to “Silver”/);
    expect(editorFor(b, 'class').value).to.equal('Gold');
    expect((await server.getCustomer('ana')).properties.class).to.equal('Silver');
    button(fieldOf(b, 'class'), 'Keep mine').click();
    await settled(b, 'class', /Saved/);
    expect((await server.getCustomer('ana')).properties.class).to.equal('Gold');
    await waitUntil(() => editorFor(a, 'class').value === 'Gold', 'A shows B’s kept value');
  });
});

describe('access control', () => {
  const prop = agentProperty;
  const definitions = [
    prop('everyone_edits', { '*': 'edit' }),
    prop('everyone_views', { '*': 'view' }),
    prop('nobody', {}),
    prop('supervisors_edit', { '*': 'view', supervisor: 'edit' }),
    prop('supervisors_only', { supervisor: 'view' }),
    prop('not_for_agents', { '*': 'edit' }, { showToAgent: false, showToCustomer: true }),
  ];
  const customers = [
    { ...SEED_CUSTOMERS[0]!, properties: Object.fromEntries(definitions.map((d) => [d.name, `value of ${d.name}`])) },
  ];
  const matrix: [string[], Record<string, 'edit' | 'view' | 'absent'>][] = [
    [
      ['agent'],
      {
        everyone_edits: 'edit',
        everyone_views: 'view',
        nobody: 'absent',
        supervisors_edit: 'view',
        supervisors_only: 'absent',
        not_for_agents: 'absent',
      },
    ],
    [
      ['agent', 'supervisor'],
      {
        everyone_edits: 'edit',
        everyone_views: 'view',
        nobody: 'absent',
        supervisors_edit: 'edit',
        supervisors_only: 'view',
        not_for_agents: 'absent',
      },
    ],
    [
      [],
      {
        everyone_edits: 'edit',
        everyone_views: 'view',
        nobody: 'absent',
        supervisors_edit: 'view',
        supervisors_only: 'absent',
        not_for_agents: 'absent',
      },
    ],
  ];
  for (const [roles, expected] of matrix) {
    it(`a user with roles [${roles.join(', ')}] sees and edits what access allows; the rest is not in the DOM`, async () => {
      const el = await panel(
        new MemoryStore({ definitions: structuredClone(definitions), customers: structuredClone(customers) }),
        { user: { id: 'u', roles } },
      );
      for (const [name, level] of Object.entries(expected)) {
        if (level === 'absent') {
          expect(fieldOf(el, name), name).to.equal(null);
          expect(el.shadowRoot!.innerHTML, name).not.to.contain(`value of ${name}`);
        } else {
          expect(editorFor(el, name).readonly, name).to.equal(level === 'view');
        }
      }
    });
  }

  it('the customer view shows only properties shown to customers', async () => {
    const el = await panel(
      new MemoryStore({ definitions: structuredClone(definitions), customers: structuredClone(customers) }),
      { viewer: 'customer' },
    );
    const names = [...el.shadowRoot!.querySelectorAll('[part~="field"]')].map((f) => f.getAttribute('data-property'));
    expect(names).to.deep.equal(['not_for_agents']);
    expect(el.shadowRoot!.querySelector('[part~="number"]'), 'a customer may not read the number').to.equal(null);
    expect(el.shadowRoot!.innerHTML).not.to.contain(SEED_CUSTOMERS[0]!.number);
  });

  /** A store whose customer has a value and a change record for every property, hidden ones too. */
  function storeWithHistory() {
    const withChanges = structuredClone(customers).map((customer) => ({
      ...customer,
      changed: Object.fromEntries(
        definitions.map((d) => [d.name, { revision: 1, at: new Date().toISOString(), by: `author of ${d.name}` }]),
      ),
    }));
    return new FaultyStore(
      new MemoryStore({ definitions: structuredClone(definitions), customers: withChanges, author: 'Ana' }),
    );
  }

  /** Every string anywhere in a value (keys too), to look for hidden data in an event's detail. */
  function everything(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { ...v, message: v.message } : v));
  }

  const HIDDEN_FROM_AGENTS = ['nobody', 'supervisors_only', 'not_for_agents'];

  it('a conflict’s property-save-failed carries the current customer only as the agent may read it', async () => {
    const store = storeWithHistory();
    // Meanwhile someone changes the same field, and hidden ones too.
    store.inject('updateCustomer', {
      type: 'conflict',
      changes: { everyone_edits: 'theirs', nobody: 'new hidden value', supervisors_only: 'new secret' },
      author: 'Ben',
    });
    const el = await panel(store);
    const failed = oneEvent<PropertySaveFailedEvent>(el, 'property-save-failed');
    await commit(el, 'everyone_edits', 'mine');
    const { detail } = await failed;
    expect(detail.error.kind).to.equal('conflict');
    expect(detail.error.fields).to.deep.equal(['everyone_edits']);
    const current = detail.error.current!;
    expect(Object.keys(current.properties).sort()).to.deep.equal([
      'everyone_edits',
      'everyone_views',
      'supervisors_edit',
    ]);
    expect(current.properties.everyone_edits).to.equal('theirs');
    expect(Object.keys(current.changed!).sort()).to.deep.equal([
      'everyone_edits',
      'everyone_views',
      'supervisors_edit',
    ]);
    expect(current.number, 'agents may view the number').to.equal(SEED_CUSTOMERS[0]!.number);
    const text = everything(detail);
    for (const name of HIDDEN_FROM_AGENTS) {
      expect(text, name).not.to.contain(`value of ${name}`).and.not.to.contain(`author of ${name}`);
    }
    expect(text).not.to.contain('new hidden value').and.not.to.contain('new secret');
    await settled(el, 'everyone_edits', /Ben changed this/);
    expect(el.shadowRoot!.innerHTML).not.to.contain('new hidden value');
  });

  it('with viewer="customer", a conflict’s detail holds what the customer may read: no number, no agents’ properties', async () => {
    const store = storeWithHistory();
    store.inject('updateCustomer', {
      type: 'conflict',
      changes: { not_for_agents: 'theirs', everyone_views: 'agents only' },
      author: 'Ben',
    });
    const el = await panel(store, { viewer: 'customer' });
    const failed = oneEvent<PropertySaveFailedEvent>(el, 'property-save-failed');
    await commit(el, 'not_for_agents', 'mine');
    const { detail } = await failed;
    const current = detail.error.current!;
    expect(Object.keys(current.properties)).to.deep.equal(['not_for_agents']);
    expect(Object.keys(current.changed!)).to.deep.equal(['not_for_agents']);
    expect(current).not.to.have.property('number');
    expect(current.name).to.equal('Ana');
    expect(everything(detail)).not.to.contain('agents only').and.not.to.contain(SEED_CUSTOMERS[0]!.number);
  });

  it('property-saved carries the saved field alone', async () => {
    const store = storeWithHistory();
    const el = await panel(store);
    const saved = oneEvent<PropertySavedEvent>(el, 'property-saved');
    await commit(el, 'everyone_edits', 'new');
    expect((await saved).detail).to.deep.equal({ customerId: 'ana', name: 'everyone_edits', value: 'new' });
  });

  it('never saves a property the user may only view, whatever is dispatched at its editor', async () => {
    const store = storeWithHistory();
    const el = await panel(store);
    for (const name of ['everyone_views', 'supervisors_edit']) {
      const editor = editorFor(el, name);
      expect(editor.readonly, name).to.equal(true);
      editor.value = `scripted ${name}`;
      editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      editor.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
    // A field the agent may edit, committed after them, is saved: the scripted ones would have gone first.
    await commit(el, 'everyone_edits', 'typed');
    await settled(el, 'everyone_edits', /Saved/);
    expect(store.callsOf('updateCustomer')).to.deep.equal([['ana', { everyone_edits: 'typed' }, { revision: 1 }]]);
    const stored = await store.inner.getCustomer('ana');
    expect(stored.properties).to.include({
      everyone_views: 'value of everyone_views',
      supervisors_edit: 'value of supervisors_edit',
    });
    expect(statusOf(el, 'everyone_views')).to.equal('');
  });

  it('checks the level when saving, not only when rendering: a user who lost edit saves nothing', async () => {
    const store = storeWithHistory();
    const el = await panel(store, { user: { id: 'u', roles: ['supervisor'] } });
    const editor = editorFor(el, 'supervisors_edit');
    expect(editor.readonly).to.equal(false);
    // The host signs in someone else; before the page renders again, a script commits at the old editor.
    el.user = { id: 'u2', roles: ['agent'] };
    editor.value = 'after losing edit';
    editor.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(editorFor(el, 'supervisors_edit').readonly).to.equal(true);
    await commit(el, 'everyone_edits', 'typed');
    await settled(el, 'everyone_edits', /Saved/);
    expect(store.callsOf('updateCustomer')).to.deep.equal([['ana', { everyone_edits: 'typed' }, { revision: 1 }]]);
    expect((await store.inner.getCustomer('ana')).properties.supervisors_edit).to.equal('value of supervisors_edit');
  });
});

describe('<customer-details-panel> by keyboard, each type', () => {
  it('edits and saves every type without a mouse', async () => {
    const store = new MemoryStore(seed());
    const el = await panel(store, { id: 'cem' });
    await commit(el, 'age', '42,5');
    await commit(el, 'notes', 'Prefers evenings');
    await commit(el, 'class', 'ClassOf2024');
    const select = editorFor(el, 'favorite_color').shadowRoot!.querySelector('select')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    const checkbox = editorFor(el, 'channels').shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    checkbox.focus();
    await sendKeys({ press: 'Space' });
    const picker = editorFor(el, 'home').shadowRoot!.querySelector('location-picker')!;
    const lat = picker.shadowRoot!.querySelector<HTMLInputElement>('#lat')!;
    lat.focus();
    await sendKeys({ type: '52.52' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '13.405' });
    await sendKeys({ press: 'Tab' });
    await commit(el, 'birthday', '02/29/2024');
    await commit(el, 'callback', '7:30 pm');
    for (const name of ['age', 'notes', 'class', 'favorite_color', 'channels', 'home', 'birthday', 'callback'])
      await settled(el, name, /Saved/);
    expect((await store.getCustomer('cem')).properties).to.deep.equal({
      age: '42.5',
      notes: 'Prefers evenings',
      class: 'ClassOf2024',
      favorite_color: 'red',
      channels: ['whatsapp'],
      home: { lat: 52.52, lng: 13.405 },
      birthday: '2024-02-29',
      callback: '19:30',
    });
  });

  it('does not save an invalid value, and keeps it in the field', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const el = await panel(store);
    await commit(el, 'class', 'Class of 2023');
    expect(store.callsOf('updateCustomer')).to.deep.equal([]);
    expect(editorFor(el, 'class').shadowRoot!.querySelector('input')!.value).to.equal('Class of 2023');
  });

  it('speaks German', async () => {
    const el = await panel(new MemoryStore(seed()), { locale: 'de' });
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Kundendetails');
    expect(editorFor(el, 'age').shadowRoot!.querySelector('input')!.value).to.equal('34');
    await commit(el, 'age', '34,5');
    await settled(el, 'age', /Gespeichert/);
  });

  it('words a store’s refusal in German: the store sends a code, never an English sentence', async () => {
    // The refusal a real store raises for a value it will not keep, as codes.
    const refusal = (await new MemoryStore(seed())
      .updateCustomer('ana', { notes: 'x'.repeat(10_001) }, { revision: 1 })
      .catch((error: unknown) => error)) as StoreError;
    expect(refusal.code).to.equal('text.length');
    expect(JSON.stringify(refusal)).to.not.match(/characters|Zeichen/);
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'fail', error: refusal });
    const el = await panel(store, { locale: 'de' });
    await commit(el, 'notes', 'Ruft nach 17 Uhr zurück');
    await settled(el, 'notes', /^Nicht gespeichert: Notes darf höchstens 10\.000 Zeichen lang sein; es sind 10\.001\./);
    expect(editorFor(el, 'notes').value).to.equal('Ruft nach 17 Uhr zurück');
  });

  it('words a failure of a host’s own store (a plain Error) in German', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'fail', error: new Error('ECONNRESET upstream') as StoreError });
    const el = await panel(store, { locale: 'de' });
    await commit(el, 'notes', 'Bitte zurückrufen');
    await settled(el, 'notes', /^Nicht gespeichert: der Server war nicht erreichbar/);
    expect(statusOf(el, 'notes')).to.not.contain('ECONNRESET');
  });
});

describe('<customer-details-panel> with many properties', () => {
  const COUNT = 80;
  function manyProperties(): MemoryStore {
    // Numbers, a single choice in every tenth row from p7 on; p78 is read-only.
    const definitions: PropertyDefinition[] = Array.from({ length: COUNT }, (_, i) => ({
      name: `p${i}`,
      label: `Property ${i}`,
      order: i,
      showToAgent: true,
      showToCustomer: false,
      access: { '*': i === 78 ? 'view' : 'edit' },
      ...(i % 10 === 7 ? { type: 'single-choice', options: [{ value: 'a', label: 'Alpha' }] } : { type: 'number' }),
    }));
    const properties = Object.fromEntries(definitions.map((d, i) => [d.name, d.type === 'number' ? `${i}.5` : 'a']));
    return new MemoryStore({
      definitions,
      customers: [{ id: 'ana', number: '+4915123456789', name: 'Ana', channel: 'whatsapp', revision: 1, properties }],
    });
  }

  /** The panel in a scrolling box 300 px high, as in a workspace's sidebar. */
  async function inSidebar(store: PropertyStore, locale = 'en') {
    const box = await fixture<HTMLDivElement>(html`<div style="height: 300px; overflow: auto">
      <customer-details-panel layout="form" customer-id="ana" locale=${locale} .store=${store} .user=${agent}></customer-details-panel>
    </div>`);
    const el = box.querySelector('customer-details-panel')!;
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="field"]').length === COUNT, 'every row is there');
    return { box, el };
  }

  const hasEditor = (el: CustomerDetailsPanel, name: string) =>
    Boolean(fieldOf(el, name).querySelector('property-editor'));

  it('lists every row at once; rows far below show their label and value as text until they come near', async () => {
    const store = manyProperties();
    const { box, el } = await inSidebar(store, 'de');
    expect(hasEditor(el, 'p0')).to.equal(true);
    expect(hasEditor(el, 'p79')).to.equal(false);
    const far = fieldOf(el, 'p79');
    expect(far.textContent).to.contain('Property 79');
    const value = far.querySelector<HTMLElement>('[role="textbox"]')!;
    expect(value.textContent).to.equal('79,5');
    expect(value.tabIndex).to.equal(0);
    // A choice row is a button named by its label and value until it gets its select.
    const choice = fieldOf(el, 'p77').querySelector<HTMLElement>('[role="button"]')!;
    expect(choice.textContent).to.equal('Alpha');
    const name = choice
      .getAttribute('aria-labelledby')!
      .split(' ')
      .map((id) => el.shadowRoot!.getElementById(id)!.textContent);
    expect(name).to.deep.equal(['Property 77', 'Alpha']);
    // A read-only row is text, not a stop for Tab.
    expect(fieldOf(el, 'p78').querySelector('[tabindex]')).to.equal(null);
    expect(fieldOf(el, 'p78').textContent).to.contain('78,5');
    await expect(el).to.be.accessible();

    box.scrollTop = box.scrollHeight;
    await waitUntil(() => hasEditor(el, 'p79'), 'the last row gets its editor when scrolled to');
    await waitUntil(() => hasEditor(el, 'p78'), 'the read-only row too');
    expect(editorFor(el, 'p78').readonly).to.equal(true);
    expect(editorFor(el, 'p79').value).to.equal('79.5');
    expect(editorFor(el, 'p79').shadowRoot!.querySelector('input')!.value).to.equal('79,5');
  });

  it('a row still showing text that takes focus gets its editor, with the focus in it, and saves as any row', async () => {
    const store = manyProperties();
    const { el } = await inSidebar(store);
    expect(hasEditor(el, 'p60')).to.equal(false);
    fieldOf(el, 'p60').querySelector<HTMLElement>('[role="textbox"]')!.focus();
    await waitUntil(
      () => el.shadowRoot!.activeElement === (hasEditor(el, 'p60') ? editorFor(el, 'p60') : null),
      'the editor has the focus',
    );
    const input = editorFor(el, 'p60').shadowRoot!.querySelector('input')!;
    expect(editorFor(el, 'p60').shadowRoot!.activeElement).to.equal(input);
    input.select();
    await sendKeys({ type: '7' });
    await sendKeys({ press: 'Tab' });
    await settled(el, 'p60', /Saved/);
    expect((await store.getCustomer('ana')).properties.p60).to.equal('7');
  });

  it('rows still get their editor after the panel is moved in the page', async () => {
    const { box, el } = await inSidebar(manyProperties());
    el.remove();
    box.append(el);
    await el.updateComplete;
    expect(hasEditor(el, 'p79')).to.equal(false);
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => hasEditor(el, 'p79'), 'the last row gets its editor when scrolled to');
  });

  it('a row being edited keeps its editor and the focus when a property is added above it', async () => {
    const store = manyProperties();
    const { el } = await inSidebar(store);
    const editor = editorFor(el, 'p23');
    const input = editor.shadowRoot!.querySelector('input')!;
    input.focus();
    await store.createDefinition({
      name: 'vip',
      label: 'VIP',
      type: 'word',
      order: -1,
      showToAgent: true,
      showToCustomer: false,
      access: { '*': 'edit' },
    });
    await waitUntil(() => fieldOf(el, 'vip'), 'the new property shows');
    await el.updateComplete;
    expect(editorFor(el, 'p23')).to.equal(editor);
    expect(editor.shadowRoot!.activeElement).to.equal(input);
  });

  it('rows that move on the page as properties come and go still get their editor near the viewport', async () => {
    const store = manyProperties();
    const { box, el } = await inSidebar(store);
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => hasEditor(el, 'p79'), 'the last rows get their editor');
    for (let i = 0; i < 10; i++)
      await store.createDefinition({
        name: `new${i}`,
        label: `New ${i}`,
        type: 'word',
        order: 100 + i,
        showToAgent: true,
        showToCustomer: false,
        access: { '*': 'edit' },
      });
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part~="field"]').length === COUNT + 10,
      'the new rows show',
    );
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => hasEditor(el, 'new9'), 'a new row at the bottom gets its editor');
  });

  it('a change made elsewhere shows in a row that has no editor yet', async () => {
    const store = manyProperties();
    const { el } = await inSidebar(store);
    expect(hasEditor(el, 'p70')).to.equal(false);
    await store.updateCustomer('ana', { p70: '12' }, { revision: 1 });
    await waitUntil(
      () => fieldOf(el, 'p70').querySelector('[role="textbox"]')?.textContent === '12',
      'the new value shows',
    );
  });
});

function historyButton(el: CustomerDetailsPanel, label: string, words = 'History of'): HTMLButtonElement {
  const found = el.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${words} ${label}"]`);
  if (!found) throw new Error(`no history button for ${label}`);
  return found;
}

const entries = (el: CustomerDetailsPanel, name: string) =>
  [...el.shadowRoot!.querySelectorAll(`#history-${name} [part~="history-entry"]`)].map((li) => li.textContent.trim());

const historyText = (el: CustomerDetailsPanel, name: string) =>
  el.shadowRoot!.querySelector(`#history-${name}`)!.textContent.replace(/\s+/g, ' ').trim();

/**
 * axe with the WCAG 2.2 AA rules too (target-size runs only with 'wcag22aa'), over the panel's own
 * controls: the property editors inside are left out, as their choice checkboxes are under 24 px
 * (a finding of their own). `accessible()` runs the default rules over everything and loads axe.
 */
async function wcag22Violations(el: Element): Promise<string[]> {
  await expect(el).to.be.accessible();
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const { violations } = await axe.run(
    { include: [el], exclude: [{ fromShadowDom: ['customer-details-panel', 'property-editor'] }] },
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
  );
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<customer-details-panel> history of a field', () => {
  /** A store whose clock is two and a half minutes behind, so every change it records was "2 minutes ago". */
  const storeOfAna = (extra: Partial<MemoryStoreOptions> = {}) =>
    new MemoryStore({ ...seed(), author: 'Ana', now: () => new Date(Date.now() - 150_000), ...extra });

  it('opens after two saves and lists both changes: who, from what to what, and when', async () => {
    const el = await panel(storeOfAna());
    await commit(el, 'age', '38');
    await settled(el, 'age', /Saved/);
    await commit(el, 'age', '39.5');
    await settled(el, 'age', /Saved/);
    const toggle = historyButton(el, 'Age');
    expect(toggle.textContent.trim()).to.equal('History');
    expect(toggle.type).to.equal('button');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const box = toggle.getBoundingClientRect();
    expect(box.width, 'target width').to.be.at.least(24);
    expect(box.height, 'target height').to.be.at.least(24);
    toggle.click();
    await waitUntil(() => entries(el, 'age').length === 2, 'both changes are listed');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.getAttribute('aria-controls')).to.equal('history-age');
    expect(entries(el, 'age')).to.deep.equal([
      'Ana changed it from 38 to 39.5, 2 minutes ago',
      'Ana changed it from 34 to 38, 2 minutes ago',
    ]);
    expect(await wcag22Violations(el)).to.deep.equal([]);

    // Open, it follows the field: another save shows up at the top.
    await commit(el, 'age', '40');
    await waitUntil(() => entries(el, 'age').length === 3, 'the new change is listed');
    expect(entries(el, 'age')[0]).to.equal('Ana changed it from 39.5 to 40, 2 minutes ago');

    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector<HTMLElement>('#history-age')!.hidden).to.equal(true);
  });

  it('says "No changes yet", shows choices by their labels, and "Not set" for an empty side', async () => {
    const store = storeOfAna();
    const el = await panel(store);
    historyButton(el, 'Notes').click();
    await waitUntil(() => /No changes yet/.test(historyText(el, 'notes')), 'no changes');
    await store.updateCustomer('ana', { notes: null, favorite_color: 'blue' }, { revision: 1 });
    await waitUntil(() => entries(el, 'notes').length === 1, 'the change made elsewhere is listed');
    expect(entries(el, 'notes')).to.deep.equal(['Ana changed it from Prefers mornings to Not set, 2 minutes ago']);
    historyButton(el, 'Favorite color').click();
    await waitUntil(() => entries(el, 'favorite_color').length === 1, 'the choice’s change');
    expect(entries(el, 'favorite_color')).to.deep.equal(['Ana changed it from red to blue, 2 minutes ago']);
    expect(await wcag22Violations(el)).to.deep.equal([]);
  });

  it('speaks German: the words, the number format and the time', async () => {
    const el = await panel(storeOfAna(), { locale: 'de' });
    await commit(el, 'age', '34,5');
    await settled(el, 'age', /Gespeichert/);
    const toggle = historyButton(el, 'Age', 'Verlauf von');
    expect(toggle.textContent.trim()).to.equal('Verlauf');
    toggle.click();
    await waitUntil(() => entries(el, 'age').length === 1, 'the change is listed');
    expect(entries(el, 'age')).to.deep.equal(['Ana hat es vor 2 Minuten von 34 in 34,5 geändert']);
    historyButton(el, 'Notes', 'Verlauf von').click();
    await waitUntil(() => historyText(el, 'notes') === 'Noch keine Änderungen.', 'keine Änderungen');
    expect(await wcag22Violations(el)).to.deep.equal([]);
  });

  it('shows loading, then why it failed in the viewer’s words, and Try again loads it', async () => {
    const store = new FaultyStore(storeOfAna());
    await store.updateCustomer('ana', { age: '35' }, { revision: 1 });
    const el = await panel(store);
    const stall = store.inject('getHistory', { type: 'stall' });
    historyButton(el, 'Age').click();
    await stall.arrived;
    await el.updateComplete;
    expect(historyText(el, 'age')).to.equal('Loading the history…');
    const [, options] = store.callsOf('getHistory')[0] as [string, { property: string; signal: AbortSignal }];
    expect(options.property).to.equal('age');
    expect(options.signal).to.be.instanceOf(AbortSignal);
    stall.reject();
    await waitUntil(() => el.shadowRoot!.querySelector('#history-age [role="alert"]'), 'the failure is shown');
    expect(historyText(el, 'age')).to.match(
      /^The history could not be loaded: the server could not be reached.* Try again$/,
    );
    expect(await wcag22Violations(el)).to.deep.equal([]);
    button(el.shadowRoot!.querySelector('#history-age')!, 'Try again').click();
    await waitUntil(() => entries(el, 'age').length === 1, 'loaded on retry');
    expect(entries(el, 'age')).to.deep.equal(['Ana changed it from 34 to 35, 2 minutes ago']);
  });

  it('aborts a load in flight when another customer is shown', async () => {
    const store = new FaultyStore(storeOfAna());
    const el = await panel(store);
    const stall = store.inject('getHistory', { type: 'stall' });
    historyButton(el, 'Age').click();
    await stall.arrived;
    const [, options] = store.callsOf('getHistory')[0] as [string, { signal: AbortSignal }];
    el.customerId = 'ben';
    await waitUntil(() => editorFor(el, 'name').value === 'Ben', 'Ben is shown');
    expect(options.signal.aborted).to.equal(true);
    expect(historyButton(el, 'Age').getAttribute('aria-expanded')).to.equal('false');
  });

  it('has no History button when the store keeps no history', async () => {
    const inner = storeOfAna();
    const store: PropertyStore = {
      listDefinitions: (o) => inner.listDefinitions(o),
      createDefinition: (d) => inner.createDefinition(d),
      updateDefinition: (d) => inner.updateDefinition(d),
      deleteDefinition: (n) => inner.deleteDefinition(n),
      getCustomer: (id, o) => inner.getCustomer(id, o),
      updateCustomer: (id, c, o) => inner.updateCustomer(id, c, o),
      findCustomers: (q, o) => inner.findCustomers(q, o),
    };
    const el = await panel(store);
    expect(editorFor(el, 'age')).to.exist;
    expect(el.shadowRoot!.querySelector('[part~="history"]')).to.equal(null);
  });

  it('by keyboard alone: Tab to History, Enter opens, Show more loads older changes, Space closes', async () => {
    const store = storeOfAna();
    let revision = 1;
    for (const age of ['1', '2', '3', '4', '5', '6', '7'])
      revision = (await store.updateCustomer('cem', { age }, { revision })).revision;
    const el = await panel(store, { id: 'cem' });
    editorFor(el, 'age').shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    const toggle = historyButton(el, 'Age');
    expect(el.shadowRoot!.activeElement, 'History follows the field').to.equal(toggle);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => entries(el, 'age').length === 5, 'the latest five changes');
    expect(entries(el, 'age')[0]).to.equal('Ana changed it from 6 to 7, 2 minutes ago');
    await sendKeys({ press: 'Tab' });
    const more = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(more.textContent.trim()).to.equal('Show more');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => entries(el, 'age').length === 7, 'the older changes');
    expect(entries(el, 'age').at(-1)).to.equal('Ana changed it from Not set to 1, 2 minutes ago');
    expect(el.shadowRoot!.querySelector('#history-age .history-more'), 'no more to show').to.equal(null);
    expect(el.shadowRoot!.activeElement!.textContent.trim(), 'the focus is on the first older change').to.equal(
      'Ana changed it from 1 to 2, 2 minutes ago',
    );
    expect(await wcag22Violations(el)).to.deep.equal([]);
    toggle.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });
});

describe('<customer-details-panel> history against the real server', () => {
  const withHidden = () => ({
    definitions: [
      ...structuredClone(SEED_DEFINITIONS),
      {
        name: 'risk_note',
        label: 'Risk note',
        type: 'text' as const,
        showToAgent: true,
        showToCustomer: false,
        access: { admin: 'edit' as const },
        order: 20,
      },
    ],
    customers: structuredClone(SEED_CUSTOMERS),
  });
  const as = (base: string, id: string, roles: string[]) =>
    new RestStore({ baseUrl: base, headers: () => ({ 'X-Test-User': JSON.stringify({ id, roles }) }) });

  it('an agent sees the history of what they may read, and never a hidden property’s', async () => {
    const response = await fetch('/server-test/stores', { method: 'POST', body: JSON.stringify(withHidden()) });
    const { base } = (await response.json()) as { base: string };
    const admin = as(base, 'admin1', ['admin']);
    let { revision } = await admin.getCustomer('ana');
    for (const changes of [
      { risk_note: 'HIDDEN-RISK-1' },
      { age: '35', risk_note: 'HIDDEN-RISK-2' },
      { notes: 'Seen' },
    ])
      ({ revision } = await admin.updateCustomer('ana', changes, { revision }));
    const agentStore = as(base, 'agent1', ['agent']);
    const el = await panel(agentStore, { user: { id: 'agent1', roles: ['agent'] } });
    expect(fieldOf(el, 'risk_note')).to.equal(null);
    historyButton(el, 'Age').click();
    historyButton(el, 'Notes').click();
    await waitUntil(() => entries(el, 'age').length === 1 && entries(el, 'notes').length === 1, 'both histories');
    expect(entries(el, 'age')).to.deep.equal(['admin1 changed it from 34 to 35, just now']);
    expect(entries(el, 'notes')).to.deep.equal(['admin1 changed it from Prefers mornings to Seen, just now']);
    expect(el.shadowRoot!.innerHTML).not.to.contain('HIDDEN-RISK').and.not.to.contain('risk_note');
    // What the agent's store would get if a script asked for everything, or for the hidden property.
    const all = await agentStore.getHistory('ana');
    expect(all.entries.map((entry) => entry.property)).to.deep.equal(['notes', 'age']);
    expect(JSON.stringify(all)).not.to.contain('HIDDEN-RISK');
    const refused = await agentStore.getHistory('ana', { property: 'risk_note' }).catch((e: unknown) => e);
    expect((refused as StoreError).kind).to.equal('forbidden');
    expect((await admin.getHistory('ana', { property: 'risk_note' })).entries).to.have.length(2);
  });
});

describe('<customer-details-panel>: nothing hangs, nothing typed is lost, no reply is taken on trust', () => {
  it('a save that never answers fails after `timeout` with Try again, and the field’s later edits are sent', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'stall' });
    const el = await panel(store, { timeout: 300 });
    await commit(el, 'age', '36');
    await commit(el, 'age', '37');
    await commit(el, 'age', '38');
    await waitUntil(() => store.callsOf('updateCustomer').length === 3, 'every edit was sent');
    await settled(el, 'age', /^Saved$/);
    expect(store.callsOf('updateCustomer')).to.deep.equal([
      ['ana', { age: '36' }, { revision: 1 }],
      ['ana', { age: '37' }, { revision: 1 }],
      ['ana', { age: '38' }, { revision: 2 }],
    ]);
    expect((await store.getCustomer('ana')).properties.age).to.equal('38');
  });

  it('20 edits of a field behind a save that never answers: all 20 are sent, and the last is stored', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'stall' });
    const el = await panel(store, { timeout: 300 });
    for (let age = 40; age < 60; age++) await commit(el, 'age', String(age));
    await waitUntil(() => store.callsOf('updateCustomer').length === 20, 'every edit was sent');
    await settled(el, 'age', /^Saved$/);
    expect((await store.getCustomer('ana')).properties.age).to.equal('59');
    expect(el.pendingEdits).to.deep.equal([]);
  });

  it('a value typed but not committed when another customer is shown stays with its customer', async () => {
    const store = new MemoryStore(seed());
    const el = await panel(store);
    await typeInto(editorFor(el, 'notes'), 'Half-typed');
    el.customerId = 'ben';
    await waitUntil(() => editorFor(el, 'name').value === 'Ben', 'Ben shown');
    await el.updateComplete;
    expect(editorFor(el, 'notes').value, 'not in Ben’s field').to.equal(null);
    expect((await store.getCustomer('ben')).properties.notes).to.equal(undefined);
    expect(el.pendingEdits.filter((edit) => edit.customerId === 'ben')).to.deep.equal([]);
    el.customerId = 'ana';
    await waitUntil(() => editorFor(el, 'name').value === 'Ana', 'Ana shown again');
    // Kept as a draft, or saved when the editor left the page: either way Ana's, not lost.
    await waitUntil(() => editorFor(el, 'notes').value === 'Half-typed', 'the typed value is back');
  });

  it('says the server did not answer in time, with Try again, which saves', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const stall = store.inject('updateCustomer', { type: 'stall' });
    const el = await panel(store, { timeout: 300 });
    const failed = oneEvent<PropertySaveFailedEvent>(el, 'property-save-failed');
    await commit(el, 'notes', 'Call after 5 pm');
    expect((await failed).detail.error.code).to.equal('store.timeout');
    await settled(el, 'notes', /Not saved: the server did not answer in time/);
    expect(editorFor(el, 'notes').value).to.equal('Call after 5 pm');
    await expect(el).to.be.accessible();
    button(fieldOf(el, 'notes'), 'Try again').click();
    await settled(el, 'notes', /^Saved$/);
    expect((await store.getCustomer('ana')).properties.notes).to.equal('Call after 5 pm');
    stall.reject();
  });

  it('a load that never answers shows its error and Try again', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('getCustomer', { type: 'stall' });
    const el = await panel(store, { timeout: 300 });
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The customer could not be loaded: the server did not answer in time');
    button(alert, 'Try again').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="number"]'), 'loaded on retry');
  });

  const broken: [string, 'listDefinitions' | 'getCustomer', (answer: unknown) => unknown][] = [
    ['definitions null', 'listDefinitions', () => null],
    ['definitions {}', 'listDefinitions', () => ({})],
    ['a customer without properties', 'getCustomer', (answer) => ({ ...(answer as object), properties: undefined })],
    ['a customer null', 'getCustomer', () => null],
  ];
  for (const [what, method, reply] of broken) {
    it(`a load whose reply is broken (${what}) is an error with Try again, never an endless Loading`, async () => {
      const store = new FaultyStore(new MemoryStore(seed()));
      store.inject(method, { type: 'reply', reply });
      const el = await panel(store);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(
        'The customer could not be loaded: the server sent an answer that cannot be used',
      );
      button(alert, 'Try again').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="number"]'), 'loaded on retry');
    });
  }

  it('keeps a failed edit when another customer is shown, and brings it back with Try again', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'fail' });
    const el = await panel(store);
    const changes: PendingEditsChangedEvent[] = [];
    el.addEventListener('pending-edits-changed', (event) => changes.push(event));
    await commit(el, 'notes', 'Call after 5 pm');
    await settled(el, 'notes', /Not saved/);
    expect(el.pendingEdits).to.deep.equal([
      { customerId: 'ana', name: 'notes', value: 'Call after 5 pm', status: 'failed' },
    ]);
    expect(changes.at(-1)!.detail.pendingEdits).to.deep.equal(el.pendingEdits);
    expect(changes.at(-1)!.composed && changes.at(-1)!.bubbles).to.equal(true);
    el.customerId = 'ben';
    await waitUntil(() => editorFor(el, 'name').value === 'Ben', 'Ben shown');
    expect(el.pendingEdits, 'kept while Ben is shown').to.have.length(1);
    el.customerId = 'ana';
    await waitUntil(() => editorFor(el, 'name').value === 'Ana', 'Ana shown again');
    await settled(el, 'notes', /Not saved: the server could not be reached/);
    expect(editorFor(el, 'notes').value).to.equal('Call after 5 pm');
    button(fieldOf(el, 'notes'), 'Try again').click();
    await settled(el, 'notes', /^Saved$/);
    expect((await store.getCustomer('ana')).properties.notes).to.equal('Call after 5 pm');
    expect(el.pendingEdits).to.deep.equal([]);
    expect(changes.at(-1)!.detail.pendingEdits).to.deep.equal([]);
  });

  it('a save queued behind a stall when another customer is shown still reaches its own customer', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const stall = store.inject('updateCustomer', { type: 'stall' });
    const el = await panel(store);
    await commit(el, 'age', '36');
    await stall.arrived;
    await commit(el, 'age', '37');
    el.customerId = 'ben';
    await waitUntil(() => editorFor(el, 'name').value === 'Ben', 'Ben shown');
    stall.release();
    await waitUntil(async () => (await store.getCustomer('ana')).properties.age === '37', 'Ana saved');
    expect((await store.getCustomer('ben')).properties.age).to.not.equal('37');
    await waitUntil(() => el.pendingEdits.length === 0, 'nothing pending');
  });

  it('a save reply claiming a revision far ahead is not believed: live changes still show, and a later save meets a conflict', async () => {
    const memory = new MemoryStore({ ...seed(), author: 'Ana' });
    const store = new FaultyStore(memory);
    store.inject('updateCustomer', { type: 'reply', reply: (answer) => ({ ...(answer as object), revision: 999 }) });
    const el = await panel(store);
    await commit(el, 'age', '36');
    await settled(el, 'age', /^Saved$/);
    // Another agent changes a field: the panel shows it.
    memory.author = 'Ben';
    const current = await memory.getCustomer('ana');
    await memory.updateCustomer('ana', { class: 'VIP' }, { revision: current.revision });
    await waitUntil(() => editorFor(el, 'class').value === 'VIP', 'the live change shows');
    // Ben changes age too, unseen by the panel (no event): the agent's next edit of age meets it.
    store.inject('updateCustomer', { type: 'conflict', changes: { age: '77' }, author: 'Ben' });
    await commit(el, 'age', '40');
    await settled(el, 'age', /Ben changed this/);
    const revisions = store.callsOf('updateCustomer').map((call) => (call[2] as { revision: number }).revision);
    expect(Math.max(...revisions)).to.be.below(999);
    expect((await store.getCustomer('ana')).properties.age).to.equal('77');
  });

  it('a save reply that changes fields it did not write is not believed: the panel reads the customer again', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', {
      type: 'reply',
      reply: (answer) => {
        const customer = answer as Customer;
        return { ...customer, properties: { ...customer.properties, notes: 'forged' } };
      },
    });
    const el = await panel(store);
    const reads = store.callsOf('getCustomer').length;
    await commit(el, 'age', '36');
    await settled(el, 'age', /^Saved$/);
    expect(store.callsOf('getCustomer').length).to.equal(reads + 1);
    expect(editorFor(el, 'notes').value).to.equal((await store.getCustomer('ana')).properties.notes ?? null);
  });

  it('a save reply that is broken is checked against the store: saved when the store has the value', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'reply', reply: () => ({}) });
    const el = await panel(store);
    await commit(el, 'age', '36');
    await settled(el, 'age', /^Saved$/);
    // Broken again, and so is the customer read to check it: not saved, and said so.
    store.inject('updateCustomer', { type: 'reply', reply: () => ({}) });
    store.inject('getCustomer', { type: 'reply', reply: () => null });
    await commit(el, 'age', '37');
    await settled(el, 'age', /Not saved: the server sent an answer that cannot be used/);
    expect(editorFor(el, 'age').value).to.equal('37');
  });

  it('given a customer id but no store, says that the store is missing', async () => {
    const el = await fixture<CustomerDetailsPanel>(
      html`<customer-details-panel layout="form" customer-id="ana" locale="en"></customer-details-panel>`,
    );
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.equal(
      'The customer cannot be shown: this page gives the panel no store to load them from.',
    );
    const none = await fixture<CustomerDetailsPanel>(
      html`<customer-details-panel layout="form" locale="en"></customer-details-panel>`,
    );
    expect(none.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.equal('No customer selected.');
  });
});

describe('<customer-details-panel>: translated definitions', () => {
  const germanStore = (group = false) => {
    const { definitions, customers } = seed();
    const translated = withGermanWords(definitions).map((def) =>
      group && def.name === 'favorite_color'
        ? { ...def, group: 'Taste', translations: { de: { ...def.translations!.de, group: 'Geschmack' } } }
        : def,
    );
    return new MemoryStore({ definitions: translated, customers });
  };
  const labelOf = (editor: PropertyEditor) => editor.shadowRoot!.querySelector('[part~="label"]')!.textContent.trim();
  const helpOf = (editor: PropertyEditor) =>
    editor.shadowRoot!.querySelector('[part~="help-text"]')?.textContent?.trim();
  const optionsOf = (editor: PropertyEditor) =>
    [...editor.shadowRoot!.querySelectorAll('option')].map((option) => option.textContent.trim());

  it('shows a German viewer the German labels, description and option labels', async () => {
    const el = await panel(germanStore(), { locale: 'de' });
    expect(labelOf(editorFor(el, 'age'))).to.contain('Alter');
    expect(labelOf(editorFor(el, 'notes'))).to.contain('Notizen');
    expect(helpOf(editorFor(el, 'notes'))).to.equal('Was man wissen sollte');
    expect(optionsOf(editorFor(el, 'favorite_color'))).to.include.members(['Rot', 'Blau', 'green']);
    expect(labelOf(editorFor(el, 'class')), 'no translation: the default').to.contain('Class');
  });

  it('gives de-AT its own words first, then the German ones; fr sees the default', async () => {
    const at = await panel(germanStore(), { locale: 'de-AT' });
    expect(labelOf(editorFor(at, 'notes'))).to.contain('Vermerke');
    expect(helpOf(editorFor(at, 'notes'))).to.equal('Was man wissen sollte');
    expect(labelOf(editorFor(at, 'age'))).to.contain('Alter');
    const fr = await panel(germanStore(), { locale: 'fr' });
    expect(labelOf(editorFor(fr, 'age'))).to.contain('Age');
    expect(helpOf(editorFor(fr, 'notes'))).to.equal('What to know');
    expect(optionsOf(editorFor(fr, 'favorite_color'))).to.include('red');
  });

  it('in the compact layout, shows the German label, value and group heading', async () => {
    const el =
      await fixture<CustomerDetailsPanel>(html`<customer-details-panel layout="compact" customer-id="ana" locale="de"
      viewer="agent" .store=${germanStore(true)} .user=${agent}></customer-details-panel>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[data-property="favorite_color"]'), 'the panel loaded');
    const row = fieldOf(el, 'favorite_color');
    expect(row.querySelector('.read-label')!.textContent).to.equal('Lieblingsfarbe');
    expect(row.querySelector('.read-value')!.textContent.trim()).to.equal('Rot');
    expect(el.shadowRoot!.textContent).to.contain('Geschmack');
    expect(el.shadowRoot!.textContent).not.to.contain('Taste');
  });
});
