import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../internal/test/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { provideCustomerProperties, type CustomerPropertiesUser } from '../../context.js';
import { FaultyStore } from '../../internal/test/faulty-store.js';
import { SEED_DEFINITIONS, seed } from '../../testing/seed.js';
import { withGermanWords } from '../../internal/test/definitions.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { PropertyDefinition } from '../../model/index.js';
import type { PropertyStore, StoreEvent } from '../../storage/property-store.js';
import { PropertyDefinitionList } from './property-definition-list.js';
import './property-definition-list.js';
import '../../i18n/de.js';

const admin: CustomerPropertiesUser = { id: 'a1', roles: ['admin'] };

/** The list for `user` (default: an admin; `'nobody'`: no user at all). */
async function list(store: PropertyStore, locale = 'en', user: CustomerPropertiesUser | 'nobody' = admin) {
  const el = await fixture<PropertyDefinitionList>(html`<property-definition-list locale=${locale} .store=${store}
    .user=${user === 'nobody' ? undefined : user}></property-definition-list>`);
  await waitUntil(() => !el.shadowRoot!.querySelector('[part~="message"][role="status"]'), 'loaded');
  await el.updateComplete;
  return el;
}

const rows = (el: PropertyDefinitionList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const names = (el: PropertyDefinitionList) => rows(el).map((row) => row.dataset.name);
const row = (el: PropertyDefinitionList, name: string) =>
  el.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-name="${name}"]`)!;
const button = (root: ParentNode, label: string) =>
  root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
const announced = (el: PropertyDefinitionList) =>
  el.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent;

function form(el: PropertyDefinitionList) {
  return el.shadowRoot!.querySelector('property-definition-form')!;
}

async function typeInForm(el: PropertyDefinitionList, selector: string, text: string) {
  const input = form(el).shadowRoot!.querySelector<HTMLInputElement>(selector)!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

describe('<property-definition-list>', () => {
  it('drops the answer of a store it no longer uses, and cancels that load', async () => {
    const first = new FaultyStore(new MemoryStore(seed()));
    const stall = first.inject('listDefinitions', { type: 'stall' });
    const el = await fixture<PropertyDefinitionList>(
      html`<property-definition-list .store=${first}></property-definition-list>`,
    );
    await stall.arrived;
    const second = new MemoryStore({
      definitions: [{ ...SEED_DEFINITIONS[0]!, name: 'only_here', label: 'Only here' }],
    });
    el.store = second;
    await waitUntil(() => names(el).includes('only_here'), 'the second store’s definitions');
    stall.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['number', 'name', 'only_here']);
    const [{ signal }] = first.callsOf('listDefinitions')[0] as [{ signal: AbortSignal }];
    expect(signal.aborted).to.equal(true);
  });

  it('lists every definition in order, the built-ins first and locked', async () => {
    const el = await list(new MemoryStore(seed()));
    expect(names(el)).to.deep.equal(['number', 'name', ...SEED_DEFINITIONS.map((d) => d.name)]);
    expect(row(el, 'number').textContent).to.contain('Default property, cannot be changed');
    expect(row(el, 'number').querySelector('button')).to.equal(null);
    const age = row(el, 'age').textContent.replace(/\s+/g, ' ');
    expect(age).to.contain('Age').and.contain('age').and.contain('Number').and.contain('Everyone: Edit');
    await expect(el).to.be.accessible();
  });

  it('creates a property in the dialog behind the plus button', async () => {
    const store = new MemoryStore(seed());
    const el = await list(store);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
    await waitUntil(() => form(el)?.shadowRoot?.querySelector('#label'));
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    await typeInForm(el, '#label', 'Loyalty tier');
    form(el).shadowRoot!.querySelector<HTMLInputElement>('#type-word')!.click();
    form(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await waitUntil(() => !dialog.open, 'the dialog closed');
    expect(names(el).at(-1)).to.equal('loyalty_tier');
    expect(announced(el)).to.equal('Loyalty tier saved.');
    expect((await store.listDefinitions()).at(-1)).to.include({ name: 'loyalty_tier', type: 'word' });
  });

  it('edits a property in the dialog, filled', async () => {
    const store = new MemoryStore(seed());
    const el = await list(store);
    button(row(el, 'notes'), 'Edit Notes').click();
    await waitUntil(() => form(el)?.shadowRoot?.querySelector('#label'));
    expect(form(el).shadowRoot!.querySelector<HTMLInputElement>('#label')!.value).to.equal('Notes');
    await typeInForm(el, '#label', 'Agent notes');
    form(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await waitUntil(() => row(el, 'notes').textContent.includes('Agent notes'));
    expect((await store.listDefinitions()).find((d) => d.name === 'notes')!.label).to.equal('Agent notes');
  });

  it('asks before deleting, saying how many customers have a value', async () => {
    const store = new MemoryStore(seed());
    const el = await list(store);
    button(row(el, 'age'), 'Delete Age').click();
    const confirm = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm-dialog')!;
    await waitUntil(() => confirm.textContent.includes('2 customers'));
    expect(confirm.open).to.equal(true);
    expect(confirm.textContent.replace(/\s+/g, ' ')).to.contain(
      'Delete “Age”? 2 customers have a value for it; the values will be deleted too.',
    );
    await expect(el).to.be.accessible();
    [...confirm.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
    await el.updateComplete;
    expect(names(el)).to.include('age');
    button(row(el, 'age'), 'Delete Age').click();
    await waitUntil(() => confirm.open);
    [...confirm.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
    await waitUntil(() => !names(el).includes('age'));
    expect((await store.listDefinitions()).map((d) => d.name)).not.to.include('age');
    expect(announced(el)).to.equal('Age deleted.');
  });

  it('reorders by keyboard (Alt+Down), announces it and saves the order', async () => {
    const store = new MemoryStore(seed());
    const el = await list(store);
    row(el, 'age').focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(async () => (await store.listDefinitions())[4]!.name === 'age', 'saved in the store');
    expect(names(el).slice(2, 5)).to.deep.equal(['notes', 'class', 'age']);
    expect(announced(el)).to.equal('Age moved to position 3 of 8.');
    expect(el.shadowRoot!.activeElement).to.equal(row(el, 'age'));
  });

  it('reorders by drag and drop', async () => {
    const store = new MemoryStore(seed());
    const el = await list(store);
    const data = new DataTransfer();
    row(el, 'callback').dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
    row(el, 'age').dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    row(el, 'age').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await waitUntil(async () => (await store.listDefinitions())[2]!.name === 'callback', 'saved in the store');
    expect(names(el)[2]).to.equal('callback');
  });

  it('puts the old order back and says so when the store refuses', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('reorderDefinitions', { type: 'fail' });
    const el = await list(store);
    button(row(el, 'age'), 'Move Age down').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"][role="alert"]'));
    expect(names(el)[2]).to.equal('age');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
      'That did not work: the server could not be reached. Try again.',
    );
  });

  it('tells the admin what to do when empty, loading or failing', async () => {
    const empty = await list(new MemoryStore());
    expect(empty.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.equal(
      'No custom properties yet. Add the first with “Add a property”.',
    );
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('listDefinitions', { type: 'fail' });
    const failing = await list(store);
    const alert = failing.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The properties could not be loaded: the server could not be reached');
    await expect(failing).to.be.accessible();
    alert.querySelector('button')!.click();
    await waitUntil(() => names(failing).length === 2 + SEED_DEFINITIONS.length);
  });

  it('speaks German', async () => {
    const el = await list(new MemoryStore(seed()), 'de');
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Kundeneigenschaften');
    expect(row(el, 'age').textContent).to.contain('Zahl');
  });
});

describe('<property-definition-list> for users who do not manage definitions', () => {
  /** The seed, with one property agents may not see and one only supervisors see. */
  function data() {
    const { definitions, customers } = seed();
    for (const def of definitions) {
      if (def.name === 'notes') def.showToAgent = false;
      if (def.name === 'class') def.access = { supervisor: 'view' };
    }
    return { definitions, customers };
  }
  const agent: CustomerPropertiesUser = { id: 'u1', roles: ['agent'] };

  function expectReadOnly(el: PropertyDefinitionList) {
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="add-button"]'), 'no Add button').to.equal(null);
    // Counts, not NodeLists: chai takes minutes to print a list of elements when it fails.
    expect(root.querySelectorAll('button').length, 'no edit, move or delete buttons').to.equal(0);
    expect(root.querySelectorAll('dialog').length, 'no dialogs').to.equal(0);
    expect([...root.querySelectorAll('th')].map((th) => th.textContent)).to.deep.equal([
      'Label',
      'Name',
      'Type',
      'Customer',
      'Agent',
      'Access',
    ]);
    for (const tr of rows(el)) {
      expect(tr.draggable, `${tr.dataset.name} is not draggable`).to.equal(false);
      expect(tr.hasAttribute('tabindex'), `${tr.dataset.name} takes no focus`).to.equal(false);
    }
    expect(root.querySelector('[part~="hint"]'), 'no reorder hint').to.equal(null);
  }

  it('shows an agent the table alone, with only the definitions they may see', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    const el = await list(store, 'en', agent);
    expectReadOnly(el);
    expect(names(el)).to.deep.equal([
      'number',
      'name',
      ...SEED_DEFINITIONS.map((d) => d.name).filter((n) => n !== 'notes' && n !== 'class'),
    ]);
    expect(row(el, 'age').textContent.replace(/\s+/g, ' ')).to.contain('Age').and.contain('Everyone: Edit');
    await expect(el).to.be.accessible();
    // Drag and keys do nothing either.
    const transfer = new DataTransfer();
    row(el, 'callback').dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true }));
    row(el, 'age').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    row(el, 'age').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    await el.updateComplete;
    expect(names(el)[2]).to.equal('age');
    expect(store.calls.map((call) => call.method)).to.deep.equal(['listDefinitions']);
  });

  it('treats no user at all as no admin', async () => {
    const el = await list(new MemoryStore(seed()), 'en', 'nobody');
    expectReadOnly(el);
    expect(names(el)).to.deep.equal(['number', 'name', ...SEED_DEFINITIONS.map((d) => d.name)]);
  });

  it('says there are none yet without asking to add one, in English and German', async () => {
    const english = await list(new MemoryStore(), 'en', agent);
    expect(english.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.equal('No custom properties yet.');
    const german = await list(new MemoryStore(), 'de', agent);
    expect(german.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.equal(
      'Noch keine eigenen Eigenschaften.',
    );
  });

  it('lets the roles named in adminRoles manage, and takes the user from context', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideCustomerProperties(host, { store: new MemoryStore(data()), user: { id: 'o1', roles: ['owner'] } });
    const el = document.createElement('property-definition-list');
    el.locale = 'en';
    host.append(el);
    await waitUntil(() => rows(el).length > 0, 'loaded');
    expectReadOnly(el);
    el.adminRoles = ['owner'];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="add-button"]')).not.to.equal(null);
    expect(button(row(el, 'notes'), 'Edit Notes')).not.to.equal(null);
    expect(names(el), 'an admin sees every definition').to.include('notes');
  });

  it('keeps the focus in the list when the user loses the admin role while on a button', async () => {
    const el = await list(new MemoryStore(data()));
    button(row(el, 'age'), 'Edit Age').focus();
    el.user = agent;
    await el.updateComplete;
    expectReadOnly(el);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part~="title"]'));
  });

  it('closes an open form when the user loses the admin role', async () => {
    const el = await list(new MemoryStore(data()));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
    await waitUntil(() => form(el)?.shadowRoot?.querySelector('#label'));
    el.user = agent;
    await el.updateComplete;
    expectReadOnly(el);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part~="title"]'));
  });
});

describe('<property-definition-list>: nothing hangs', () => {
  const alert = (el: PropertyDefinitionList) => el.shadowRoot!.querySelector('[role="alert"]');
  const retry = (el: PropertyDefinitionList) => alert(el)?.querySelector('button');

  it('a load that never answers ends after `timeout` with a message and Try again, which loads', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const stall = store.inject('listDefinitions', { type: 'stall' });
    const el = await fixture<PropertyDefinitionList>(
      html`<property-definition-list timeout="300" .store=${store} .user=${admin}></property-definition-list>`,
    );
    await stall.arrived;
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.equal('Loading the properties…');
    await waitUntil(() => alert(el), 'the timeout');
    expect(alert(el)!.textContent).to.contain('The properties could not be loaded: the server did not answer in time');
    expect(retry(el)!.textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
    retry(el)!.click();
    await waitUntil(() => names(el).length === 2 + SEED_DEFINITIONS.length, 'loaded on Try again');
    stall.release();
  });

  it('a load whose reply is not a list of definitions says so in words, with Try again, in German too', async () => {
    const broken: unknown[] = [
      null,
      {},
      { definitions: SEED_DEFINITIONS },
      'definitions',
      [null],
      [{ name: 'age', type: 'number' }],
      [{ ...SEED_DEFINITIONS[0], label: 7 }],
      [{ ...SEED_DEFINITIONS[0], access: undefined }],
      [{ ...SEED_DEFINITIONS[0], options: 'red, blue' }],
    ];
    for (const reply of broken) {
      const store = new FaultyStore(new MemoryStore(seed()));
      store.inject('listDefinitions', { type: 'reply', reply: () => reply });
      const el = await fixture<PropertyDefinitionList>(
        html`<property-definition-list locale="de" .store=${store} .user=${admin}></property-definition-list>`,
      );
      await waitUntil(
        () => alert(el),
        () => `an error for ${JSON.stringify(reply)}`,
      );
      expect(alert(el)!.textContent).to.contain(
        'Die Eigenschaften konnten nicht geladen werden: der Server hat eine unbrauchbare Antwort geschickt',
      );
      retry(el)!.click();
      await waitUntil(() => names(el).length === 2 + SEED_DEFINITIONS.length, 'loaded on Try again');
    }
  });

  it('a change pushed with broken definitions is ignored', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    let push: ((event: StoreEvent) => void) | undefined;
    store.subscribe = (listener) => {
      push = listener;
      return () => {};
    };
    const el = await list(store);
    push!({ type: 'definitions-changed', definitions: null as unknown as PropertyDefinition[] });
    push!({ type: 'definitions-changed', definitions: [{ name: 'x' }] as unknown as PropertyDefinition[] });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['number', 'name', ...SEED_DEFINITIONS.map((d) => d.name)]);
  });

  it('a delete that never answers says so after `timeout`, keeps the row, and deletes on the next try', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const el = await list(store);
    el.timeout = 300;
    const stall = store.inject('deleteDefinition', { type: 'stall' });
    const confirm = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm-dialog')!;
    button(row(el, 'age'), 'Delete Age').click();
    await waitUntil(() => confirm.open && confirm.textContent.includes('2 customers'), 'asked');
    [...confirm.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
    await stall.arrived;
    await waitUntil(() => alert(el), 'the timeout');
    expect(alert(el)!.textContent).to.equal('That did not work: the server did not answer in time. Try again.');
    expect(names(el)).to.include('age');
    button(row(el, 'age'), 'Delete Age').click();
    await waitUntil(() => confirm.open, 'asked again');
    [...confirm.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
    await waitUntil(() => !names(el).includes('age'), 'deleted on the next try');
    expect(alert(el)).to.equal(null);
    stall.reject();
  });

  it('a move that never answers is undone after `timeout`, and says so', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const el = await list(store);
    el.timeout = 300;
    const stall = store.inject('reorderDefinitions', { type: 'stall' });
    button(row(el, 'age'), 'Move Age down').click();
    await stall.arrived;
    expect(names(el)[3]).to.equal('age');
    await waitUntil(() => alert(el), 'the timeout');
    expect(names(el)[2]).to.equal('age');
    expect(alert(el)!.textContent).to.equal('That did not work: the server did not answer in time. Try again.');
    stall.reject();
  });
});

describe('<property-definition-list>: translated definitions', () => {
  const germanStore = () => {
    const { definitions, customers } = seed();
    return new MemoryStore({ definitions: withGermanWords(definitions), customers });
  };

  it('lists the labels in the viewer’s language, and edits the stored words', async () => {
    const store = germanStore();
    const el = await list(store, 'de');
    expect(row(el, 'age').cells[0]!.textContent).to.equal('Alter');
    expect(row(el, 'age').getAttribute('aria-label')).to.equal('Alter');
    expect(row(el, 'class').cells[0]!.textContent, 'no translation: the default').to.equal('Class');
    const edit = row(el, 'notes').querySelector<HTMLButtonElement>('button')!;
    expect(edit.getAttribute('aria-label')).to.contain('Notizen');
    edit.click();
    await waitUntil(() => form(el)?.shadowRoot?.querySelector('#label'));
    expect(form(el).shadowRoot!.querySelector<HTMLInputElement>('#label')!.value, 'the default label').to.equal(
      'Notes',
    );
  });

  it('hands its languages to the form, which offers their translations', async () => {
    const store = germanStore();
    const el = await fixture<PropertyDefinitionList>(html`<property-definition-list locale="en" languages="de pt-br"
      .store=${store} .user=${admin}></property-definition-list>`);
    await waitUntil(() => row(el, 'notes'), 'loaded');
    button(row(el, 'notes'), 'Edit Notes').click();
    await waitUntil(() => form(el)?.shadowRoot?.querySelector('fieldset[data-language="de"]'));
    const legends = [...form(el).shadowRoot!.querySelectorAll('fieldset[data-language] legend')].map(
      (l) => l.textContent,
    );
    expect(legends).to.deep.equal(['German (de)', 'Brazilian Portuguese (pt-BR)']);
    const german = form(el).shadowRoot!.querySelector('fieldset[data-language="de"]')!;
    expect(german.querySelector<HTMLInputElement>('#tr-de-label')!.value).to.equal('Notizen');
  });

  it('shows a French viewer the default labels', async () => {
    const el = await list(germanStore(), 'fr');
    expect(row(el, 'age').cells[0]!.textContent).to.equal('Age');
  });
});
