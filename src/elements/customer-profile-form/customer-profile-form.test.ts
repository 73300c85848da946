import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../internal/test/wait.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PendingEditsChangedEvent, ProfileSavedEvent } from '../../events.js';
import { FaultyStore } from '../../internal/test/faulty-store.js';
import { SEED_DEFINITIONS, seed } from '../../testing/seed.js';
import { withGermanWords } from '../../internal/test/definitions.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { PropertyStore } from '../../storage/property-store.js';
import { RestStore } from '../../storage/rest-store.js';
import { StoreError } from '../../storage/store-error.js';
import type { PropertyEditor } from '../property-editor/property-editor.js';
import { CustomerProfileForm } from './customer-profile-form.js';
import './customer-profile-form.js';
import '../../i18n/de.js';

/** Two of the seed's properties are for agents only. */
function data() {
  const { definitions, customers } = seed();
  for (const def of definitions) if (def.name === 'notes' || def.name === 'class') def.showToCustomer = false;
  return { definitions, customers };
}

// Unsaved changes wait in sessionStorage: every test starts without any.
beforeEach(() => sessionStorage.clear());

async function profile(store: PropertyStore, locale = 'en', timeout = 15_000) {
  const el = await fixture<CustomerProfileForm>(
    html`<customer-profile-form customer-id="ana" locale=${locale} timeout=${timeout} .store=${store}></customer-profile-form>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the profile loaded');
  await el.updateComplete;
  return el;
}

const editors = (el: CustomerProfileForm) => [...el.shadowRoot!.querySelectorAll('property-editor')];
const editorFor = (el: CustomerProfileForm, name: string) => editors(el).find((e) => e.definition?.name === name)!;
/** What the form says now: its status line and any alert. */
const message = (el: CustomerProfileForm) =>
  [...el.shadowRoot!.querySelectorAll('[part~="message"]')]
    .map((part) => part.textContent.trim())
    .filter(Boolean)
    .join(' ');
const save = (el: CustomerProfileForm) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!;

async function typeInto(editor: PropertyEditor, text: string): Promise<void> {
  await editor.updateComplete;
  const input = editor.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

describe('<customer-profile-form>', () => {
  it('shows the name and only the properties shown to customers', async () => {
    const el = await profile(new MemoryStore(data()));
    expect(editors(el).map((e) => e.definition!.name)).to.deep.equal([
      'name',
      ...SEED_DEFINITIONS.map((d) => d.name).filter((n) => n !== 'notes' && n !== 'class'),
    ]);
    expect(el.shadowRoot!.innerHTML).not.to.contain('Prefers mornings');
    await expect(el).to.be.accessible();
  });

  it('lists the fields of a group under its name, after the ones without a group', async () => {
    const { definitions, customers } = data();
    for (const def of definitions) if (def.name === 'age' || def.name === 'birthday') def.group = 'About you';
    const el = await profile(new MemoryStore({ definitions, customers }));
    const group = el.shadowRoot!.querySelector('fieldset[part~="group"]')!;
    expect(group.querySelector('legend')!.textContent).to.equal('About you');
    expect([...group.querySelectorAll('property-editor')].map((e) => e.definition!.name)).to.deep.equal([
      'age',
      'birthday',
    ]);
    expect(
      editors(el)
        .map((e) => e.definition!.name)
        .slice(-2),
    ).to.deep.equal(['age', 'birthday']);
    await expect(el).to.be.accessible();
  });

  it('saves every change with one Save, and says so', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    const el = await profile(store);
    await typeInto(editorFor(el, 'name'), 'Ana María');
    await typeInto(editorFor(el, 'age'), '35');
    const saved = oneEvent<ProfileSavedEvent>(el, 'profile-saved');
    save(el).click();
    const event = await saved;
    expect(event.detail.changed).to.deep.equal(['name', 'age']);
    expect(store.callsOf('updateCustomer')).to.deep.equal([['ana', { name: 'Ana María', age: '35' }, { revision: 1 }]]);
    await el.updateComplete;
    expect(message(el)).to.equal('Your details are saved.');
    expect((await store.getCustomer('ana')).name).to.equal('Ana María');
  });

  it('checks everything before sending and moves the focus to the first field that needs it', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    const el = await profile(store);
    await typeInto(editorFor(el, 'birthday'), '2023-02-29');
    await typeInto(editorFor(el, 'age'), '1,234.5');
    save(el).click();
    await el.updateComplete;
    expect(store.callsOf('updateCustomer')).to.deep.equal([]);
    expect(message(el)).to.equal('2 fields need your attention before saving.');
    expect(el.shadowRoot!.activeElement).to.equal(editorFor(el, 'age'));
    await editorFor(el, 'birthday').updateComplete;
    expect(editorFor(el, 'birthday').shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain(
      'not a day in the calendar',
    );
    expect(editorFor(el, 'age').shadowRoot!.querySelector('input')!.value, 'what the customer typed stays').to.equal(
      '1,234.5',
    );
    await expect(el).to.be.accessible();
  });

  it('keeps the changes when the save fails, and saves them on the next try', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    store.inject('updateCustomer', { type: 'fail' });
    const el = await profile(store);
    await typeInto(editorFor(el, 'age'), '36');
    save(el).click();
    await waitUntil(() => message(el).includes('not saved yet'), 'the failure message');
    expect(message(el)).to.equal(
      'Your changes are not saved yet (the server could not be reached). They are still here: try again in a moment.',
    );
    expect(editorFor(el, 'age').value).to.equal('36');
    save(el).click();
    await waitUntil(() => message(el) === 'Your details are saved.', 'saved on the second try');
    expect((await store.getCustomer('ana')).properties.age).to.equal('36');
  });

  it('names the fields changed elsewhere meanwhile, keeps the customer’s values, and saves them when asked again', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    store.inject('updateCustomer', { type: 'conflict', changes: { age: '50' }, author: 'Agent Ben' });
    const el = await profile(store);
    await typeInto(editorFor(el, 'age'), '37');
    save(el).click();
    await waitUntil(() => message(el).includes('changed elsewhere'), 'the conflict message');
    expect(message(el)).to.equal(
      'Age changed elsewhere while you were editing. Your changes are still here: check them and save again.',
    );
    expect(editorFor(el, 'age').value).to.equal('37');
    save(el).click();
    await waitUntil(() => message(el) === 'Your details are saved.', 'saved');
    expect((await store.getCustomer('ana')).properties.age).to.equal('37');
  });

  it('says each outcome in one status line that stays on the page, so a screen reader hears it', async () => {
    const el = await profile(new MemoryStore(data()));
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent.trim()).to.equal('');
    await typeInto(editorFor(el, 'age'), '35');
    save(el).click();
    await waitUntil(() => message(el) === 'Your details are saved.', 'saved');
    save(el).click();
    await waitUntil(() => message(el).startsWith('Nothing has changed'), 'nothing to save');
    expect(el.shadowRoot!.querySelector('[role="status"]'), 'the same element, its text changed').to.equal(status);
  });

  it('says when there was nothing to save', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    const el = await profile(store);
    save(el).click();
    await el.updateComplete;
    expect(message(el)).to.equal('Nothing has changed, so there was nothing to save.');
    expect(store.callsOf('updateCustomer')).to.deep.equal([]);
  });

  it('works by keyboard alone: Tab through, type, Enter saves', async () => {
    const store = new MemoryStore(data());
    const el = await profile(store);
    const name = editorFor(el, 'name').shadowRoot!.querySelector('input')!;
    name.focus();
    name.select();
    await sendKeys({ type: 'Ana Lopez' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '41' });
    const saved = oneEvent(el, 'profile-saved');
    await sendKeys({ press: 'Enter' });
    await saved;
    expect(await store.getCustomer('ana')).to.deep.include({ name: 'Ana Lopez' });
    expect((await store.getCustomer('ana')).properties.age).to.equal('41');
  });

  it('fits a 320 px phone screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await profile(new MemoryStore(data()));
      const form = el.shadowRoot!.querySelector('form')!;
      expect(form.scrollWidth).to.be.at.most(320);
      expect(save(el).getBoundingClientRect().width).to.be.greaterThan(200);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('speaks German', async () => {
    const el = await profile(new MemoryStore(data()), 'de');
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Ihre Angaben');
    expect(save(el).textContent).to.equal('Speichern');
  });
});

describe('<customer-profile-form> shows and sends only what the customer may see', () => {
  it('profile-saved carries the customer as they see themselves: no agents’ properties, no number', async () => {
    const store = new MemoryStore(data());
    const el = await profile(store);
    await typeInto(editorFor(el, 'age'), '35');
    const saved = oneEvent<ProfileSavedEvent>(el, 'profile-saved');
    save(el).click();
    const { detail } = await saved;
    expect(detail.customerId).to.equal('ana');
    expect(detail.changed).to.deep.equal(['age']);
    expect(detail.customer.properties).to.include({ age: '35' });
    expect(detail.customer.properties).not.to.have.any.keys('notes', 'class');
    expect(detail.customer).not.to.have.property('number');
    expect(Object.keys(detail.customer.changed ?? {})).to.deep.equal(['age']);
    expect(JSON.stringify(detail)).not.to.contain('Prefers mornings').and.not.to.contain('ClassOf2023');
  });

  it('its form data holds only the customer’s fields', async () => {
    const el = await profile(new MemoryStore(data()));
    const entries = [...new FormData(el.shadowRoot!.querySelector('form')!).entries()];
    const names = new Set(entries.map(([name]) => name));
    expect(names.has('notes') || names.has('class') || names.has('number')).to.equal(false);
    expect(JSON.stringify(entries)).not.to.contain('Prefers mornings').and.not.to.contain('+4915123456789');
  });

  it('never saves a property the customer may not edit, even from an editor a script put in the form', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    const el = await profile(store);
    const notes = (await store.listDefinitions()).find((def) => def.name === 'notes')!;
    const planted = document.createElement('property-editor');
    planted.definition = notes;
    planted.value = 'planted';
    el.shadowRoot!.querySelector('form')!.prepend(planted);
    await typeInto(editorFor(el, 'age'), '36');
    const saved = oneEvent(el, 'profile-saved');
    save(el).click();
    await saved;
    expect(store.callsOf('updateCustomer')).to.deep.equal([['ana', { age: '36' }, { revision: 1 }]]);
    expect((await store.inner.getCustomer('ana')).properties.notes).to.equal('Prefers mornings');
  });
});

/** A namespace of the real server half (createPropertyServer) that the test run serves; see property-test-server.ts. */
async function propertyServer(): Promise<string> {
  const response = await fetch('/server-test/stores', { method: 'POST', body: JSON.stringify(data()) });
  return ((await response.json()) as { base: string }).base;
}

async function profileToken(base: string, customerId: string): Promise<string> {
  const response = await fetch(`${base}/__token`, { method: 'POST', body: JSON.stringify({ customerId }) });
  return ((await response.json()) as { token: string }).token;
}

/** The store as an admin of the host reads it. */
const asAdmin = (base: string) =>
  new RestStore({
    baseUrl: base,
    headers: () => ({ 'X-Test-User': JSON.stringify({ id: 'admin1', roles: ['admin'] }) }),
  });

/** A token of the right shape for Ana (`{"c":"ana","e":9999999999}`), with no valid signature: the browser does not verify. */
const ANA_TOKEN = 'cp1.eyJjIjoiYW5hIiwiZSI6OTk5OTk5OTk5OX0.x';

async function loaded(el: CustomerProfileForm): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('form, [role="alert"]'), 'the profile loaded or failed');
  await el.updateComplete;
}

describe('<customer-profile-form> opened with a profile link, against the real server', () => {
  it('loads the token’s customer through RestStore, shows only their properties, and saves as the customer', async () => {
    const base = await propertyServer();
    const token = await profileToken(base, 'ana');
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form locale="en" .token=${token} .store=${new RestStore({ baseUrl: base })}></customer-profile-form>`,
    );
    await loaded(el);
    expect(editors(el).map((e) => e.definition!.name)).to.deep.equal([
      'name',
      ...SEED_DEFINITIONS.map((d) => d.name).filter((n) => n !== 'notes' && n !== 'class'),
    ]);
    expect(editorFor(el, 'name').value).to.equal('Ana');
    expect(el.shadowRoot!.innerHTML).not.to.contain('Prefers mornings');
    await typeInto(editorFor(el, 'age'), '35');
    const saved = oneEvent<ProfileSavedEvent>(el, 'profile-saved');
    save(el).click();
    const { detail } = await saved;
    expect(detail.customerId).to.equal('ana');
    expect(detail.customer.properties).not.to.have.any.keys('notes', 'class');
    await waitUntil(() => message(el) === 'Your details are saved.', 'saved');
    const stored = await asAdmin(base).getCustomer('ana');
    expect(stored.properties.age).to.equal('35');
    expect(stored.changed!.age!.by, 'the customer is recorded as the author').to.equal('customer:ana');
  });

  it('refuses an altered link on screen: the link does not work, no Try again', async () => {
    const base = await propertyServer();
    const [prefix, , signature] = (await profileToken(base, 'ana')).split('.');
    // Ben's id in the payload, under the signature made for Ana.
    const payload = btoa(JSON.stringify({ c: 'ben', e: Math.floor(Date.now() / 1000) + 3600 }))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    const altered = `${prefix}.${payload}.${signature}`;
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form locale="en" .token=${altered} .store=${new RestStore({ baseUrl: base })}></customer-profile-form>`,
    );
    await loaded(el);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent.trim()).to.equal(
      'This link does not work any more. Send “profile” in the chat to get a new one.',
    );
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.innerHTML).not.to.contain('Ben');
    await expect(el).to.be.accessible();
  });

  it('says so in German too', async () => {
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form locale="de" .token=${'cp1.not-a-payload.x'} .store=${new RestStore({ baseUrl: await propertyServer() })}></customer-profile-form>`,
    );
    await loaded(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent.trim()).to.equal(
      'Dieser Link funktioniert nicht mehr. Senden Sie „profile“ im Chat, um einen neuen zu bekommen.',
    );
  });

  it('token-from-fragment reads #token=… and takes it out of the address bar, keeping the rest of the URL', async () => {
    const base = await propertyServer();
    const token = await profileToken(base, 'ana');
    const original = location.href;
    const { pathname, search } = location;
    history.replaceState(history.state, '', `${pathname}${search}#section=details&token=${token}`);
    try {
      const el = await fixture<CustomerProfileForm>(
        html`<customer-profile-form locale="en" token-from-fragment .store=${new RestStore({ baseUrl: base })}></customer-profile-form>`,
      );
      expect(location.hash).to.equal('#section=details');
      expect(location.pathname + location.search).to.equal(pathname + search);
      expect(location.href).not.to.contain(token);
      expect(el.token).to.equal(token);
      await loaded(el);
      expect(editorFor(el, 'name').value).to.equal('Ana');
    } finally {
      history.replaceState(history.state, '', original);
    }
  });

  it('a second link opened in the same tab (only the fragment changes) shows its own customer', async () => {
    const base = await propertyServer();
    const original = location.href;
    const { pathname, search } = location;
    history.replaceState(history.state, '', `${pathname}${search}#token=${await profileToken(base, 'ana')}`);
    try {
      const el = await fixture<CustomerProfileForm>(
        html`<customer-profile-form locale="en" token-from-fragment .store=${new RestStore({ baseUrl: base })}></customer-profile-form>`,
      );
      await loaded(el);
      expect(editorFor(el, 'name').value).to.equal('Ana');
      const ben = await profileToken(base, 'ben');
      location.hash = `token=${ben}`; // as following a link does: a hashchange, no reload
      await waitUntil(() => el.token === ben, 'the new token is read');
      await waitUntil(() => editors(el).length > 0 && editorFor(el, 'name').value === 'Ben', 'Ben’s page');
      expect(location.href).not.to.contain(ben);
    } finally {
      history.replaceState(history.state, '', original);
    }
  });

  it('told to read a link and given none (a reload after the token left the address bar): asks for a new link', async () => {
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form locale="en" token-from-fragment .store=${new RestStore({ baseUrl: await propertyServer() })}></customer-profile-form>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent.trim()).to.equal(
      'This link does not work any more. Send “profile” in the chat to get a new one.',
    );
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('with a token and a store that cannot send it, says so and calls nothing', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form locale="en" .token=${ANA_TOKEN} .store=${store}></customer-profile-form>`,
    );
    await loaded(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent.trim()).to.equal(
      'This page cannot open profile links. Please tell the business that sent you the link.',
    );
    expect(store.calls).to.deep.equal([]);
  });

  it('a link that stops working while the customer edits: Save says so, and the changes stay', async () => {
    const inner = new FaultyStore(new MemoryStore(data()));
    inner.inject('updateCustomer', {
      type: 'fail',
      error: new StoreError('unauthenticated', 'Expired.', { code: 'access.unauthenticated' }),
    });
    const asked: string[] = [];
    const store = Object.assign(new MemoryStore(data()), {
      withAuthorization: (authorization: string) => {
        asked.push(authorization);
        return inner;
      },
    });
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form locale="en" .token=${ANA_TOKEN} .store=${store}></customer-profile-form>`,
    );
    await loaded(el);
    expect(asked).to.deep.equal([`Bearer ${ANA_TOKEN}`]);
    await typeInto(editorFor(el, 'age'), '37');
    save(el).click();
    await waitUntil(() => message(el).startsWith('This link does not work'), 'the link message');
    expect(message(el)).to.equal('This link does not work any more. Send “profile” in the chat to get a new one.');
    expect(editorFor(el, 'age').value).to.equal('37');
  });
});

describe('<customer-profile-form>: nothing hangs, nothing typed is lost', () => {
  it('a save that never answers fails after `timeout`: Save works again, the changes stay, and the next Save saves them', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    const stall = store.inject('updateCustomer', { type: 'stall' });
    const el = await profile(store, 'en', 300);
    await typeInto(editorFor(el, 'age'), '36');
    save(el).click();
    await stall.arrived;
    await waitUntil(() => message(el).includes('not saved yet'), 'the timeout message');
    expect(message(el)).to.equal(
      'Your changes are not saved yet (the server did not answer in time). They are still here: try again in a moment.',
    );
    expect(save(el).disabled).to.equal(false);
    expect(editorFor(el, 'age').value).to.equal('36');
    save(el).click();
    await waitUntil(() => message(el) === 'Your details are saved.', 'saved on the second try');
    expect(store.callsOf('updateCustomer').at(-1)).to.deep.equal(['ana', { age: '36' }, { revision: 1 }]);
    stall.reject();
  });

  it('a load whose reply is broken says so, with Try again', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    store.inject('getCustomer', { type: 'reply', reply: (answer) => ({ ...(answer as object), properties: null }) });
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form customer-id="ana" locale="en" .store=${store}></customer-profile-form>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error');
    expect(message(el)).to.contain('the server sent an answer that cannot be used');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'loaded on retry');
  });

  it('keeps unsaved changes across a reload of the page, lists them in pendingEdits, and forgets them once saved', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    store.inject('updateCustomer', { type: 'fail' });
    const first = await profile(store);
    const changes: PendingEditsChangedEvent[] = [];
    first.addEventListener('pending-edits-changed', (event) => changes.push(event));
    await typeInto(editorFor(first, 'age'), '36');
    expect(first.pendingEdits).to.deep.equal([{ customerId: 'ana', name: 'age', value: '36', status: 'unsaved' }]);
    expect(changes.at(-1)!.detail.pendingEdits).to.deep.equal(first.pendingEdits);
    save(first).click();
    await waitUntil(() => message(first).includes('not saved yet'), 'the failure');
    expect(first.pendingEdits[0]!.status).to.equal('failed');
    // The page is reloaded: a new form on the same tab.
    first.remove();
    const second = await profile(store);
    expect(editorFor(second, 'age').value, 'the change is back').to.equal('36');
    expect(second.pendingEdits).to.deep.equal([{ customerId: 'ana', name: 'age', value: '36', status: 'unsaved' }]);
    save(second).click();
    await waitUntil(() => message(second) === 'Your details are saved.', 'saved');
    expect(second.pendingEdits).to.deep.equal([]);
    second.remove();
    const third = await profile(store);
    expect(editorFor(third, 'age').value).to.equal('36');
    expect(third.pendingEdits, 'nothing comes back once saved').to.deep.equal([]);
    expect(Object.keys(sessionStorage)).to.deep.equal([]);
  });

  it('keeps each customer’s changes apart', async () => {
    const store = new MemoryStore(data());
    const el = await profile(store);
    await typeInto(editorFor(el, 'age'), '36');
    el.customerId = 'ben';
    await waitUntil(() => editorFor(el, 'name')?.value === 'Ben', 'Ben shown');
    expect(editorFor(el, 'age').value).to.not.equal('36');
    el.customerId = 'ana';
    await waitUntil(() => editorFor(el, 'name')?.value === 'Ana', 'Ana shown');
    expect(editorFor(el, 'age').value).to.equal('36');
  });

  it('given a customer id but no store, says that the store is missing, in English and German', async () => {
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form customer-id="ana" locale="en"></customer-profile-form>`,
    );
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
      'Your details cannot be shown: this page has no store to load them from. Please tell the business that sent you the link.',
    );
    el.locale = 'de';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(
      'Diese Seite hat keinen Speicher, aus dem sie geladen werden.',
    );
    // Given the store later, it loads.
    el.store = new MemoryStore(data());
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'loaded once the store is there');
    const none = await fixture<CustomerProfileForm>(html`<customer-profile-form locale="en"></customer-profile-form>`);
    expect(none.shadowRoot!.querySelector('[part~="intro"]')!.textContent).to.equal('No customer selected.');
    expect(none.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });
});

describe('<customer-profile-form>: translated definitions', () => {
  const germanStore = () => {
    const { definitions, customers } = data();
    const grouped = withGermanWords(definitions).map((def) =>
      def.name === 'favorite_color'
        ? { ...def, group: 'Taste', translations: { de: { ...def.translations!.de, group: 'Geschmack' } } }
        : def,
    );
    return new MemoryStore({ definitions: grouped, customers });
  };
  const labelOf = (editor: PropertyEditor) => editor.shadowRoot!.querySelector('[part~="label"]')!.textContent.trim();

  it('shows the customer the words of their language, with the group heading', async () => {
    const el = await profile(germanStore(), 'de');
    expect(labelOf(editorFor(el, 'age'))).to.contain('Alter');
    expect(labelOf(editorFor(el, 'favorite_color'))).to.contain('Lieblingsfarbe');
    const options = [...editorFor(el, 'favorite_color').shadowRoot!.querySelectorAll('option')].map((o) => o.text);
    expect(options).to.include.members(['Rot', 'Blau', 'green']);
    expect(el.shadowRoot!.querySelector('[part~="group-heading"]')!.textContent).to.equal('Geschmack');
  });

  it('shows a French customer the default words', async () => {
    const el = await profile(germanStore(), 'fr');
    expect(labelOf(editorFor(el, 'age'))).to.contain('Age');
    expect(el.shadowRoot!.querySelector('[part~="group-heading"]')!.textContent).to.equal('Taste');
  });
});
