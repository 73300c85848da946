// This page imports the panel and nothing that defines <property-editor>, and the editor's module
// cannot be loaded until the last test lets it (see property-editor-loader.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setEditorImportForTests } from '../../internal/property-editor-loader.js';
import { waitUntil } from '../../internal/test/wait.js';
import '../../i18n/de.js';
import { seed } from '../../testing/seed.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { CustomerDetailsPanel } from './customer-details-panel.js';
import './customer-details-panel.js';

const row = (el: CustomerDetailsPanel, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-property="${name}"]`)!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const announced = (el: CustomerDetailsPanel) => text(el.shadowRoot!.querySelector('[role="status"][aria-live]'));
const editorIn = (el: CustomerDetailsPanel, name: string) => row(el, name).querySelector('property-editor');

function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

let attempts = 0;
const offline = async () => {
  attempts++;
  throw new TypeError('Failed to fetch dynamically imported module');
};

async function panel(layout: 'compact' | 'form', locale: string) {
  const store = new MemoryStore(seed());
  const el = await fixture<CustomerDetailsPanel>(
    html`<customer-details-panel layout=${layout} customer-id="ana" locale=${locale} .store=${store}
      .user=${{ id: 'u1', roles: ['agent'] }}></customer-details-panel>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="header"]'), 'the panel loaded');
  return { el, store };
}

describe('<customer-details-panel> when its editor cannot be loaded', () => {
  beforeEach(() => setEditorImportForTests(offline));

  it('form layout: says so above the rows (and reads it out, here in German), shows the values, is not left busy', async () => {
    expect(customElements.get('property-editor')).to.equal(undefined);
    const { el } = await panel('form', 'de');
    const error = () => el.shadowRoot!.querySelector('[part~="error"]');
    await waitUntil(() => error(), 'the failure is shown');
    expect(text(error())).to.equal(
      'Dieses Feld kann nicht bearbeitet werden: Sein Eingabefeld konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut. Erneut versuchen',
    );
    await waitUntil(() => /Eingabefeld konnte nicht geladen werden/.test(announced(el)), 'read out');
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'nothing hangs').to.equal(null);
    expect(text(row(el, 'age').querySelector('.pending-value')), 'the value is shown').to.equal('34');
    const before = attempts;
    button(el.shadowRoot!, 'Erneut versuchen').click();
    await waitUntil(() => attempts > before, 'tried again');
    await el.updateComplete;
    expect(error(), 'and failed again, saying so').to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
  });

  it('compact: an edit says so in its row and reads it out; the typed keys are kept, and Try again edits with them', async () => {
    expect(customElements.get('property-editor')).to.equal(undefined);
    const { el, store } = await panel('compact', 'en');
    row(el, 'age').querySelector<HTMLButtonElement>('button.read-value')!.focus();
    await sendKeys({ type: '5' });
    const status = () => text(row(el, 'age').querySelector('[part~="status"]'));
    await waitUntil(() => /could not be loaded/.test(status()), 'the row says the editor could not be loaded');
    expect(status()).to.equal(
      'This field cannot be edited: its editor could not be loaded. Check the connection and try again. Try again',
    );
    await waitUntil(
      () =>
        announced(el) === 'Age cannot be edited: its editor could not be loaded. Check the connection and try again.',
      () => `read out: ${announced(el)}`,
    );
    expect(editorIn(el, 'age')).to.equal(null);
    expect(text(row(el, 'age').querySelector('.read-value')), 'the value is still shown').to.equal('34');

    // The connection is back.
    setEditorImportForTests(() => import('../property-editor/property-editor.js'));
    const retry = button(row(el, 'age'), 'Try again');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => editorIn(el, 'age'), 'the editor is there');
    const editor = editorIn(el, 'age')!;
    await waitUntil(
      () => editor.value === '5',
      () => `the key typed before holds: ${JSON.stringify(editor.value)}`,
    );
    expect(row(el, 'age').querySelector('[part~="status"]'), 'the failure is gone').to.equal(null);
    await sendKeys({ type: '6' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await store.getCustomer('ana')).properties.age === '56', 'saved');
  });
});
