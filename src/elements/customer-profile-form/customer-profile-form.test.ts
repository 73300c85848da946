import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../internal/test/wait.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ProfileSavedEvent } from '../../events.js';
import { FaultyStore } from '../../internal/test/faulty-store.js';
import { SEED_DEFINITIONS, seed } from '../../internal/test/seed.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { PropertyStore } from '../../storage/property-store.js';
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

async function profile(store: PropertyStore, locale = 'en') {
  const el = await fixture<CustomerProfileForm>(html`<customer-profile-form customer-id="ana" locale=${locale} .store=${store}></customer-profile-form>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the profile loaded');
  await el.updateComplete;
  return el;
}

const editors = (el: CustomerProfileForm) => [...el.shadowRoot!.querySelectorAll('property-editor')];
const editorFor = (el: CustomerProfileForm, name: string) => editors(el).find((e) => e.definition?.name === name)!;
const message = (el: CustomerProfileForm) => el.shadowRoot!.querySelector('[part~="message"]')!.textContent!.trim();
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
    expect(editors(el).map((e) => e.definition!.name)).to.deep.equal(['name', ...SEED_DEFINITIONS.map((d) => d.name).filter((n) => n !== 'notes' && n !== 'class')]);
    expect(el.shadowRoot!.innerHTML).not.to.contain('Prefers mornings');
    await expect(el).to.be.accessible();
  });

  it('saves every change with one Save, and says so', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    const el = await profile(store);
    await typeInto(editorFor(el, 'name'), 'Ana María');
    await typeInto(editorFor(el, 'age'), '35');
    const saved = oneEvent(el, 'profile-saved') as Promise<ProfileSavedEvent>;
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
    expect(editorFor(el, 'birthday').shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('not a day in the calendar');
    expect(editorFor(el, 'age').shadowRoot!.querySelector('input')!.value, 'what the customer typed stays').to.equal('1,234.5');
    await expect(el).to.be.accessible();
  });

  it('keeps the changes when the save fails, and saves them on the next try', async () => {
    const store = new FaultyStore(new MemoryStore(data()));
    store.inject('updateCustomer', { type: 'fail' });
    const el = await profile(store);
    await typeInto(editorFor(el, 'age'), '36');
    save(el).click();
    await waitUntil(() => message(el).includes('not saved yet'), 'the failure message');
    expect(message(el)).to.equal('Your changes are not saved yet (the server could not be reached). They are still here: try again in a moment.');
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
    expect(message(el)).to.equal('Age changed elsewhere while you were editing. Your changes are still here: check them and save again.');
    expect(editorFor(el, 'age').value).to.equal('37');
    save(el).click();
    await waitUntil(() => message(el) === 'Your details are saved.', 'saved');
    expect((await store.getCustomer('ana')).properties.age).to.equal('37');
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
    expect((await store.getCustomer('ana'))).to.deep.include({ name: 'Ana Lopez' });
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
