// axe with the WCAG 2.2 AA rules (target-size runs only with the 'wcag22aa' tag) over every element
// in its states, in three themes: light, dark by `color-scheme` on an ancestor (the OS stays light),
// and forced colours. Each state is built as a user or host gets it; the element and everything in
// its shadow roots (nested editors and pickers too) is checked.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { definitions as demoDefinitions, seedCustomers } from '../demo/seed.js';
import type { CustomerPropertiesUser } from './context.js';
import { definition } from './internal/test/definitions.js';
import { FaultyStore } from './internal/test/faulty-store.js';
import { seed } from './testing/seed.js';
import { waitUntil } from './internal/test/wait.js';
import type { AudienceQuery, PropertyDefinition, PropertyType, PropertyValue } from './model/index.js';
import { MemoryStore } from './storage/memory-store.js';
import type { PropertyEditor } from './elements/property-editor/property-editor.js';
import './index.js';

type Theme = 'light' | 'dark' | 'forced';
const THEMES: Theme[] = ['light', 'dark', 'forced'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const agent: CustomerPropertiesUser = { id: 'u1', roles: ['agent'], name: 'Ana' };
const admin: CustomerPropertiesUser = { id: 'a1', roles: ['admin'], name: 'Ada' };

/** The page in a theme: dark is the host's `color-scheme` on an ancestor, forced colours the emulated media feature. */
async function page(theme: Theme, content: TemplateResult): Promise<HTMLElement> {
  await executeServerCommand('emulate-forced-colors', { active: theme === 'forced' });
  // One page at a time, at the top: rows far down are skipped by content-visibility and axe would measure nothing.
  fixtureCleanup();
  const scheme = theme === 'dark' ? 'dark' : 'light';
  return fixture<HTMLElement>(
    html`<div style="color-scheme: ${scheme}; background: Canvas; color: CanvasText; padding: 8px; width: 360px">${content}</div>`,
  );
}

async function violations(root: Element): Promise<string[]> {
  await expect(root).to.be.accessible();
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const { violations } = await axe.run(root, { runOnly: { type: 'tag', values: TAGS } });
  return violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .slice(0, 3)
        .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join('; ')}`,
  );
}

const shadow = (el: Element) => el.shadowRoot!;

interface State {
  name: string;
  /** Renders the element and brings it into the state; returns the element checked. */
  build: (theme: Theme) => Promise<Element>;
}

async function panel(
  theme: Theme,
  store: unknown,
  {
    id = 'ana',
    user = agent,
    layout = 'compact',
  }: { id?: string; user?: CustomerPropertiesUser; layout?: string } = {},
) {
  const root = await page(
    theme,
    html`<customer-details-panel customer-id=${id} locale="en" layout=${layout} .store=${store} .user=${user}></customer-details-panel>`,
  );
  const el = root.querySelector('customer-details-panel')!;
  await el.updateComplete;
  return el;
}
const loaded = (el: Element) => waitUntil(() => shadow(el).querySelector('[part~="header"]'), 'loaded');
const rowOf = (el: Element, name: string) => shadow(el).querySelector(`[data-property="${name}"]`)!;

/** Starts an edit in a compact row and types `text` (selecting what was there), then leaves it when `leave`. */
async function editRow(el: Element, name: string, text?: string, leave = false) {
  rowOf(el, name).querySelector<HTMLButtonElement>('button.read-value')!.click();
  await waitUntil(() => rowOf(el, name).querySelector('property-editor'), 'editing');
  const editor = rowOf(el, name).querySelector<PropertyEditor>('property-editor')!;
  await editor.updateComplete;
  if (text !== undefined) {
    editor.shadowRoot!.querySelector<HTMLInputElement>('#control')!.select();
    await sendKeys({ type: text });
  }
  if (leave) await sendKeys({ press: 'Tab' });
  return editor;
}

function chloe() {
  const her = seedCustomers().find((c) => c.name === 'Chloé Martin')!;
  return new MemoryStore({
    definitions: demoDefinitions,
    customers: [
      {
        ...her,
        properties: {
          favorite_color: 'blue',
          shoe_size: '38.5',
          birthday: '1991-04-12',
          best_time: '17:30',
          delivery: { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 75007 Paris' },
          interests: ['cycling', 'jazz'],
          bike: 'sku-1042',
          loyalty_code: 'GO2024',
          agent_notes: 'Asked about the warranty twice.',
        },
      },
    ],
  });
}
const chloeId = seedCustomers().find((c) => c.name === 'Chloé Martin')!.id;

const panelStates: State[] = [
  {
    name: 'panel: loading (skeleton)',
    build: async (theme) => {
      const store = new FaultyStore(new MemoryStore(seed()));
      const stall = store.inject('getCustomer', { type: 'stall' });
      const el = await panel(theme, store);
      await stall.arrived;
      return el;
    },
  },
  {
    name: 'panel: load error',
    build: async (theme) => {
      const store = new FaultyStore(new MemoryStore(seed()));
      store.inject('getCustomer', { type: 'fail' });
      const el = await panel(theme, store);
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'error');
      return el;
    },
  },
  { name: 'panel: no customer', build: (theme) => panel(theme, new MemoryStore(seed()), { id: '' }) },
  {
    name: 'panel: filled, empty ones folded and opened, history open',
    build: async (theme) => {
      const el = await panel(theme, new MemoryStore(seed()), { id: 'ben' });
      await loaded(el);
      shadow(el).querySelector<HTMLDetailsElement>('details')!.open = true;
      shadow(el).querySelector<HTMLButtonElement>('button[aria-label="History of Age"]')!.click();
      await waitUntil(
        () => /No changes yet|changed/.test(shadow(el).querySelector('#history-age')?.textContent ?? ''),
        'history',
      );
      return el;
    },
  },
  {
    name: 'panel: ten filled, read-only ones, the long choice open in the top layer',
    build: async (theme) => {
      const el = await panel(theme, chloe(), { id: chloeId });
      await loaded(el);
      const editor = await editRow(el, 'bike');
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => editor.shadowRoot!.querySelector('[role="listbox"]:popover-open'), 'open');
      return el;
    },
  },
  {
    name: 'panel: invalid',
    build: async (theme) => {
      const el = await panel(theme, new MemoryStore(seed()));
      await loaded(el);
      await editRow(el, 'age', 'abc', true);
      await waitUntil(() => /not saved/.test(shadow(el).querySelector('[aria-live]')!.textContent), 'invalid');
      return el;
    },
  },
  {
    name: 'panel: saving',
    build: async (theme) => {
      const store = new FaultyStore(new MemoryStore(seed()));
      const stall = store.inject('updateCustomer', { type: 'stall' });
      const el = await panel(theme, store);
      await loaded(el);
      await editRow(el, 'age', '40', true);
      await stall.arrived;
      return el;
    },
  },
  {
    name: 'panel: failed',
    build: async (theme) => {
      const store = new FaultyStore(new MemoryStore(seed()));
      store.inject('updateCustomer', { type: 'fail' });
      const el = await panel(theme, store);
      await loaded(el);
      await editRow(el, 'age', '40', true);
      await waitUntil(() => shadow(el).querySelector('[part~="status"].failed'), 'failed');
      return el;
    },
  },
  {
    name: 'panel: conflict',
    build: async (theme) => {
      const store = new FaultyStore(new MemoryStore(seed()));
      store.inject('updateCustomer', { type: 'conflict', changes: { age: '77' }, author: 'Ben' });
      const el = await panel(theme, store);
      await loaded(el);
      await editRow(el, 'age', '40', true);
      await waitUntil(() => shadow(el).querySelector('[part~="conflict"]'), 'conflict');
      return el;
    },
  },
  {
    name: 'panel: form layout, every editor',
    build: async (theme) => {
      const el = await panel(theme, new MemoryStore(seed()), { layout: 'form' });
      await loaded(el);
      return el;
    },
  },
];

const long = Array.from({ length: 60 }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));
const editorSamples: [PropertyType, Partial<PropertyDefinition>, PropertyValue, string][] = [
  ['number', {}, '3.5', '1,2,3'],
  ['text', { description: 'Anything' }, 'Hello', ''],
  ['word', {}, 'Class2023', 'two words'],
  ['single-choice', { options: long.slice(0, 5) }, 'o1', ''],
  ['single-choice', { options: long }, 'o5', 'nothing'],
  ['multiple-choice', { options: long.slice(0, 5) }, ['o1', 'o3'], ''],
  ['multiple-choice', { options: long }, ['o1'], ''],
  ['location', {}, { lat: 48.8584, lng: 2.2945, address: 'Paris' }, ''],
  ['date', {}, '2024-12-31', '2023-02-29'],
  ['time', {}, '21:05', '25:00'],
];

const editorStates: State[] = editorSamples.map(([type, extra, value, bad], i) => ({
  name: `property-editor ${type}${extra.options ? ` (${extra.options.length} options)` : ''}: empty, filled, invalid, read-only, disabled`,
  build: async (theme) => {
    const def = definition(type, { name: `f${i}`, label: `Field ${i}`, required: true, ...extra });
    const root = await page(
      theme,
      html`<form>
        <property-editor locale="en" .definition=${def}></property-editor>
        <property-editor locale="en" .definition=${def} .value=${value}></property-editor>
        <property-editor locale="en" .definition=${def} class="bad"></property-editor>
        <property-editor locale="en" .definition=${def} .value=${value} readonly></property-editor>
        <property-editor locale="en" .definition=${def} .value=${value} disabled></property-editor>
      </form>`,
    );
    const invalid = root.querySelector<PropertyEditor>('.bad')!;
    await invalid.updateComplete;
    const control = invalid.shadowRoot!.querySelector<HTMLInputElement>('input#control');
    if (bad && control) {
      control.focus();
      await sendKeys({ type: bad });
    }
    invalid.reportValidity();
    for (const editor of root.querySelectorAll('property-editor')) await editor.updateComplete;
    return root;
  },
}));

const otherStates: State[] = [
  {
    name: 'property-editor multiple-choice (60 options): the list open in the top layer, two chosen',
    build: async (theme) => {
      const def = definition('multiple-choice', { name: 'many', label: 'Many', options: long });
      const root = await page(
        theme,
        html`<property-editor locale="en" .definition=${def} .value=${['o1', 'o3']}></property-editor>`,
      );
      const editor = root.querySelector<PropertyEditor>('property-editor')!;
      await editor.updateComplete;
      editor.shadowRoot!.querySelector<HTMLInputElement>('#control')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => editor.shadowRoot!.querySelector('[role="listbox"]:popover-open'), 'open');
      return root;
    },
  },
  {
    name: 'location-picker: empty and required, filled, read-only',
    build: (theme) =>
      page(
        theme,
        html`<location-picker label="Home" required locale="en"></location-picker>
          <location-picker label="Home" locale="en" .value=${{ lat: 1, lng: 2, address: 'Somewhere' }}></location-picker>
          <location-picker label="Home" locale="en" readonly .value=${{ lat: 1, lng: 2 }}></location-picker>`,
      ),
  },
  {
    name: 'customer-profile-form: filled',
    build: async (theme) => {
      const root = await page(
        theme,
        html`<customer-profile-form customer-id="ana" locale="en" .store=${new MemoryStore(seed())}></customer-profile-form>`,
      );
      const el = root.querySelector('customer-profile-form')!;
      await waitUntil(() => shadow(el).querySelector('form'), 'loaded');
      return el;
    },
  },
  {
    name: 'customer-profile-form: saving, then failed',
    build: async (theme) => {
      const store = new FaultyStore(new MemoryStore(seed()));
      store.inject('updateCustomer', { type: 'fail' });
      const root = await page(
        theme,
        html`<customer-profile-form customer-id="ana" locale="en" .store=${store}></customer-profile-form>`,
      );
      const el = root.querySelector('customer-profile-form')!;
      await waitUntil(() => shadow(el).querySelector('form'), 'loaded');
      const age = [...shadow(el).querySelectorAll<PropertyEditor>('property-editor')].find(
        (e) => e.definition?.name === 'age',
      )!;
      age.shadowRoot!.querySelector<HTMLInputElement>('#control')!.select();
      await sendKeys({ type: '36' });
      shadow(el).querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'failed');
      return el;
    },
  },
  {
    name: 'property-definition-list: filled, the form dialog open',
    build: async (theme) => {
      const root = await page(
        theme,
        html`<property-definition-list locale="en" .store=${new MemoryStore(seed())} .user=${admin}></property-definition-list>`,
      );
      const el = root.querySelector('property-definition-list')!;
      await waitUntil(() => shadow(el).querySelector('tbody tr'), 'loaded');
      shadow(el).querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
      await waitUntil(() => shadow(el).querySelector('dialog[open]'), 'dialog');
      return el;
    },
  },
  {
    name: 'property-definition-list: the delete dialog open',
    build: async (theme) => {
      const root = await page(
        theme,
        html`<property-definition-list locale="en" .store=${new MemoryStore(seed())} .user=${admin}></property-definition-list>`,
      );
      const el = root.querySelector('property-definition-list')!;
      await waitUntil(() => shadow(el).querySelector('tbody tr'), 'loaded');
      shadow(el).querySelector<HTMLButtonElement>('button[aria-label^="Delete"]')!.click();
      await waitUntil(() => shadow(el).querySelector('dialog[open]'), 'dialog');
      return el;
    },
  },
  {
    name: 'property-definition-form: a choice with options, errors after Save',
    build: async (theme) => {
      const root = await page(
        theme,
        html`<property-definition-form locale="en" .store=${new MemoryStore(seed())}></property-definition-form>`,
      );
      const el = root.querySelector('property-definition-form')!;
      await el.updateComplete;
      shadow(el).querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
      await waitUntil(() => shadow(el).querySelector('[part~="message"]'), 'errors');
      return el;
    },
  },
  {
    name: 'property-definition-form: editing a single choice',
    build: async (theme) => {
      const root = await page(
        theme,
        html`<property-definition-form locale="en" .store=${new MemoryStore(seed())}
          .definition=${seed().definitions.find((d) => d.name === 'favorite_color')}></property-definition-form>`,
      );
      const el = root.querySelector('property-definition-form')!;
      await el.updateComplete;
      return el;
    },
  },
  {
    name: 'audience-builder: between, within km, an unfinished condition',
    build: async (theme) => {
      const value: AudienceQuery = {
        match: 'all',
        conditions: [
          { property: 'age', operator: 'between', value: ['18', '30'] },
          { property: 'home', operator: 'within-km', value: { lat: 48.8, lng: 2.3, km: 10 } },
          { match: 'any', conditions: [{ property: '', operator: 'is-set' }] },
        ],
      } as unknown as AudienceQuery;
      const root = await page(
        theme,
        html`<audience-builder locale="en" count-delay="10" .store=${new MemoryStore(seed())} .user=${agent} .value=${value}></audience-builder>`,
      );
      const el = root.querySelector('audience-builder')!;
      await waitUntil(
        () => /^(?!Loading|Counting)\S/.test(shadow(el).querySelector('[part~="count"]')?.textContent?.trim() ?? ''),
        () => `counted: ${shadow(el).querySelector('[part~="count"]')?.textContent}`,
      );
      return el;
    },
  },
];

describe('axe, WCAG 2.2 AA: every element in every state, light, dark and forced colours', () => {
  after(async () => {
    await executeServerCommand('emulate-forced-colors', { active: false });
  });

  for (const state of [...panelStates, ...editorStates, ...otherStates]) {
    it(state.name, async () => {
      const found: string[] = [];
      for (const theme of THEMES) {
        const el = await state.build(theme);
        found.push(...(await violations(el)).map((v) => `${theme}: ${v}`));
      }
      expect(found).to.deep.equal([]);
    });
  }

  it('forced colours are really emulated for the runs above', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    await executeServerCommand('emulate-forced-colors', { active: false });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
  });

  it('dark by color-scheme alone: the colours follow the ancestor, not the OS', async () => {
    const root = await page(
      'dark',
      html`<customer-details-panel customer-id="ana" locale="en" .store=${new MemoryStore(seed())}></customer-details-panel>`,
    );
    const el = root.querySelector('customer-details-panel')!;
    await loaded(el);
    expect(matchMedia('(prefers-color-scheme: dark)').matches, 'the OS is light').to.equal(false);
    const color = getComputedStyle(shadow(el).querySelector('.read-value')!).color;
    expect(color, 'light text on the dark canvas').to.not.equal('rgb(0, 0, 0)');
  });
});
