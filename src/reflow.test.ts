// Reflow at 320 CSS px (WCAG 1.4.10): no element makes the page scroll sideways, and fields set side
// by side keep visible labels (WCAG 3.3.2).
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { CustomerPropertiesUser } from './context.js';
import type { PropertyEditor } from './elements/property-editor/property-editor.js';
import type { AudienceQuery } from './model/index.js';
import { MemoryStore } from './storage/memory-store.js';
import { seed } from './testing/seed.js';
import { waitUntil } from './internal/test/wait.js';
import './index.js';
import './elements/customer-import/customer-import.js';

const admin: CustomerPropertiesUser = { id: 'a1', roles: ['admin'], name: 'Ada' };
const WIDTH = 320;

/** The elements, in every shadow root, whose box ends right of the viewport, or starts left of it. */
function outside(root: ParentNode, found: string[] = []): string[] {
  for (const el of root.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > WIDTH + 0.5 || box.left < -0.5)) {
      found.push(
        `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}: ${Math.round(box.left)}–${Math.round(box.right)}`,
      );
    }
    if (el.shadowRoot) outside(el.shadowRoot, found);
  }
  return found;
}

async function at320(content: TemplateResult, ready: (el: HTMLElement) => unknown): Promise<HTMLElement> {
  await setViewport({ width: WIDTH, height: 640 });
  const el = (await fixture<HTMLElement>(content)) as HTMLElement & { updateComplete?: Promise<unknown> };
  await el.updateComplete;
  await waitUntil(() => ready(el), `${el.localName} ready`);
  return el;
}

const between: AudienceQuery = {
  match: 'all',
  conditions: [
    { property: 'age', operator: 'between', value: ['18', '30'] },
    { property: 'home', operator: 'within-km', value: { lat: 48.8584, lng: 2.2945, km: 5 } },
  ],
};

describe('reflow at 320 CSS px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  const cases: [string, TemplateResult, (el: HTMLElement) => unknown][] = [
    [
      'customer-details-panel',
      html`<customer-details-panel customer-id="ana" locale="en" .store=${new MemoryStore(seed())} .user=${admin}></customer-details-panel>`,
      (el) => el.shadowRoot!.querySelector('[part~="header"]'),
    ],
    [
      'customer-profile-form',
      html`<customer-profile-form customer-id="ana" locale="en" .store=${new MemoryStore(seed())}></customer-profile-form>`,
      (el) => el.shadowRoot!.querySelector('form'),
    ],
    [
      'property-definition-form with its access grid',
      html`<property-definition-form locale="en" .store=${new MemoryStore(seed())}
        .definition=${seed().definitions.find((d) => d.name === 'favorite_color')}></property-definition-form>`,
      (el) => el.shadowRoot!.querySelector('form'),
    ],
    [
      'audience-builder: between, within km',
      html`<audience-builder locale="en" count-delay="10" .store=${new MemoryStore(seed())} .user=${admin} .value=${between}></audience-builder>`,
      (el) => el.shadowRoot!.querySelectorAll('property-editor').length >= 3,
    ],
    [
      'audience-list',
      html`<audience-list locale="en" .store=${new MemoryStore(seed())} .user=${admin}></audience-list>`,
      (el) => el.shadowRoot!.childElementCount > 0,
    ],
    [
      'customer-import',
      html`<customer-import locale="en" .store=${new MemoryStore(seed())} .user=${admin}></customer-import>`,
      (el) => el.shadowRoot!.childElementCount > 0,
    ],
  ];
  for (const [name, content, ready] of cases) {
    it(`${name}: nothing sticks out sideways`, async () => {
      const el = await at320(content, ready);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(outside(el.shadowRoot!)).to.deep.equal([]);
      expect(document.scrollingElement!.scrollWidth, 'the page does not scroll sideways').to.be.at.most(WIDTH);
    });
  }

  it('audience-builder: From, To and the kilometres show their labels', async () => {
    const el = await at320(cases[3]![1], cases[3]![2]);
    const labels = [...el.shadowRoot!.querySelectorAll<PropertyEditor>('property-editor')].flatMap((editor) => {
      const label = editor.shadowRoot!.querySelector<HTMLElement>('[part~="label"]');
      const box = label?.getBoundingClientRect();
      return label && box && box.width > 1 && box.height > 1 ? [label.textContent.trim()] : [];
    });
    expect(labels).to.include.members(['Age: From', 'Age: To', 'Home: Kilometres']);
  });
});
