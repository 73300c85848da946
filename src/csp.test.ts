import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './internal/test/wait.js';
import { seed } from './testing/seed.js';
import { MemoryStore } from './storage/memory-store.js';
import './index.js';
import './i18n/de.js';

/*
 * Every element under a strict Content-Security-Policy for styles: no `style` attribute, no
 * inline <style>. (Scripts are left alone here: the test runner itself needs them.)
 */
const violations: string[] = [];
const canaries = new Set<EventTarget>();
document.addEventListener('securitypolicyviolation', (event) => {
  if (!canaries.has(event.target!)) violations.push(`${event.violatedDirective}: ${event.sample}`);
});
const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
meta.content = "style-src 'self'";
document.head.append(meta);

/**
 * The violations `render` causes. They are reported later, in order; so after it, one more is made
 * on purpose, and once that one is reported, every earlier one is in, however slow the machine.
 */
async function violationsAfter(render: () => Promise<unknown>): Promise<string[]> {
  violations.length = 0;
  await render();
  const canary = document.createElement('div');
  canaries.add(canary);
  const reported = new Promise((resolve) =>
    canary.addEventListener('securitypolicyviolation', resolve, { once: true }),
  );
  document.body.append(canary);
  canary.setAttribute('style', `--canary: ${canaries.size}`);
  await reported;
  canary.remove();
  return [...violations];
}

describe('under a strict Content-Security-Policy', () => {
  it('the policy is in force (an inline style attribute is reported)', async () => {
    const found = await violationsAfter(async () => {
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
      div.remove();
    });
    expect(found.length).to.be.greaterThan(0);
  });

  it('every element renders every type, long lists included, without a violation', async () => {
    const options = Array.from({ length: 40 }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));
    const definitions = seed().definitions.map((def) => (def.options ? { ...def, options } : def));
    const found = await violationsAfter(async () => {
      const store = new MemoryStore({
        definitions,
        customers: seed().customers.map((c) => ({ ...c, properties: {} })),
      });
      const el = await fixture(html`<div>
        <customer-details-panel customer-id="ana" locale="en" .store=${store}></customer-details-panel>
        <customer-profile-form customer-id="ana" locale="de" .store=${store}></customer-profile-form>
        ${definitions.map((definition) => html`<property-editor .definition=${definition}></property-editor>`)}
        <location-picker readonly .value=${{ lat: 1, lng: 2 }}></location-picker>
      </div>`);
      await waitUntil(() => el.querySelector('customer-details-panel')!.shadowRoot!.querySelector('[part~="fields"]'));
      const combobox = el.querySelectorAll('property-editor')[3]!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
      combobox.focus();
      combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    });
    expect(found).to.deep.equal([]);
  });
});
