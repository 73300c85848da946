// This page imports the panel and nothing that defines <property-editor>: the panel loads the
// editor itself, when the browser is idle or an edit needs it (see property-editor-loader.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setEditorImportForTests } from '../../internal/property-editor-loader.js';
import { waitUntil } from '../../internal/test/wait.js';
import { seed } from '../../testing/seed.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { CustomerDetailsPanel } from './customer-details-panel.js';
import './customer-details-panel.js';

const row = (el: CustomerDetailsPanel, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-property="${name}"]`)!;
const readText = (el: CustomerDetailsPanel, name: string) =>
  row(el, name).querySelector('.read-value')?.textContent?.replace(/\s+/g, ' ').trim();
const editorIn = (el: CustomerDetailsPanel, name: string) => row(el, name).querySelector('property-editor');

describe('<customer-details-panel> loads its editor on demand', () => {
  it('renders without <property-editor>, preloads it when idle, and an edit started before it loaded keeps what was typed', async () => {
    // The editor's module arrives when the test lets it: a slow connection.
    let asked = 0;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    setEditorImportForTests(async () => {
      asked++;
      await arrived;
      return import('../property-editor/property-editor.js');
    });
    const store = new MemoryStore(seed());
    const el = await fixture<CustomerDetailsPanel>(
      html`<customer-details-panel customer-id="ana" locale="en" .store=${store} .user=${{ id: 'u1', roles: ['agent'] }}></customer-details-panel>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="header"]'), 'the panel loaded');
    expect(customElements.get('property-editor'), 'the panel does not bring the editor with it').to.equal(undefined);
    expect(readText(el, 'age')).to.equal('34');
    // Nobody asked for an edit: the idle browser starts the load.
    await waitUntil(() => asked === 1, 'the editor is preloaded when the browser is idle');

    // The agent starts typing on the value before the editor is there.
    row(el, 'age').querySelector<HTMLButtonElement>('button.read-value')!.focus();
    await sendKeys({ type: '42' });
    await el.updateComplete;
    expect(editorIn(el, 'age'), 'no editor before its module arrived').to.equal(null);
    expect(readText(el, 'age'), 'the row shows the value meanwhile').to.equal('34');
    expect(asked, 'one load, not one per key').to.equal(1);

    release();
    await waitUntil(() => editorIn(el, 'age'), 'the editor takes the row’s place');
    const editor = editorIn(el, 'age')!;
    await waitUntil(() => el.shadowRoot!.activeElement === editor, 'the editor has the focus');
    const input = editor.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
    expect(input.value, 'the keys typed while it loaded').to.equal('42');
    await sendKeys({ press: 'Tab' });
    await waitUntil(
      () => /Saved/.test(row(el, 'age').querySelector('[part~="status"]')?.textContent ?? ''),
      () => `saved; the row says ${row(el, 'age').textContent?.replace(/\s+/g, ' ')}`,
    );
    expect((await store.getCustomer('ana')).properties.age).to.equal('42');
    await waitUntil(() => readText(el, 'age') === '42', 'back to text, with the new value');
  });
});
