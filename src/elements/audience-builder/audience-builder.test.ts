import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../internal/test/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { FaultyStore } from '../../internal/test/faulty-store.js';
import {
  AUDIENCE_MAX_DEPTH,
  validateAudience,
  type AudienceQuery,
  type Customer,
  type PropertyDefinition,
} from '../../model/index.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { PropertyStore } from '../../storage/property-store.js';
import type { StoreError } from '../../storage/store-error.js';
import type { PropertyEditor } from '../property-editor/property-editor.js';
import { AudienceBuilder, MAX_GROUP_DEPTH } from './audience-builder.js';
import './audience-builder.js';
import '../../i18n/de.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const base = { showToAgent: true, showToCustomer: false, access: { '*': 'edit' as const } };
const colors = ['red', 'blue', 'green', 'cyan'].map((value) => ({
  value,
  label: value[0]!.toUpperCase() + value.slice(1),
}));
const definitions: PropertyDefinition[] = [
  { ...base, order: 0, name: 'favorite_color', label: 'Favorite color', type: 'single-choice', options: colors },
  { ...base, order: 1, name: 'last_visit', label: 'Last visit', type: 'date' },
  { ...base, order: 2, name: 'age', label: 'Age', type: 'number' },
  { ...base, order: 3, name: 'city', label: 'City', type: 'text' },
];
const day = (offset: number) => new Date(NOW.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
const customers: Customer[] = [
  ['c1', 'Ana', 'red', 3, '34'],
  ['c2', 'Ben', 'blue', 29, '19'],
  ['c3', 'Cem', 'blue', 30, '51'],
  ['c4', 'Dana', 'green', 1, '28'],
  ['c5', 'Eli', 'red', 45, '40'],
  ['c6', 'Fay', 'red', 0, '62'],
].map(([id, name, color, ago, age]) => ({
  id: id as string,
  name: name as string,
  number: '123',
  channel: 'telegram',
  revision: 1,
  properties: { favorite_color: color as string, last_visit: day(ago as number), age: age as string },
}));

async function builder(store: PropertyStore, locale = 'en') {
  const el = await fixture<AudienceBuilder>(
    html`<audience-builder locale=${locale} count-delay="10" .store=${store}></audience-builder>`,
  );
  await waitUntil(
    () => /\d/.test(el.shadowRoot!.querySelector('[part~="count"]')?.textContent ?? ''),
    'counted everyone',
  );
  return el;
}

const count = (el: AudienceBuilder) => el.shadowRoot!.querySelector('[part~="count"]')!.textContent.trim();
const conditions = (el: AudienceBuilder) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="condition"]')];
const button = (el: AudienceBuilder, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].filter((b) => b.textContent === text).at(-1)!;

/**
 * Picks an option of a select by keyboard, as a user would: focus it and type the start of its text.
 * Then waits for the pick to be made and rendered, however long that takes.
 */
async function choose(select: HTMLSelectElement, text: string): Promise<void> {
  const builder = (select.getRootNode() as ShadowRoot).host as AudienceBuilder;
  select.focus();
  await sendKeys({ type: text });
  await waitUntil(
    () => select.selectedOptions[0]?.text.toLowerCase().startsWith(text.toLowerCase()),
    () => `typing “${text}” picks its option (picked: ${select.selectedOptions[0]?.text})`,
  );
  await builder.updateComplete;
}

describe('<audience-builder>', () => {
  it('counts “favorite color is red or blue, and last visit within the last 30 days”', async () => {
    const store = new MemoryStore({ definitions, customers, now: () => NOW });
    const el = await builder(store);
    expect(count(el)).to.equal('6 customers match.');
    button(el, 'Add a condition').click();
    await el.updateComplete;
    await choose(conditions(el)[0]!.querySelector<HTMLSelectElement>('select[data-role="property"]')!, 'Fav');
    const operator = conditions(el)[0]!.querySelectorAll('select')[1]!;
    expect([...operator.options].map((o) => o.text)).to.deep.equal(['is one of', 'is none of', 'is set', 'is not set']);
    const editor = conditions(el)[0]!.querySelector('property-editor')!;
    await editor.updateComplete;
    const boxes = editor.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    boxes[0]!.click();
    boxes[1]!.click();
    await waitUntil(
      () => count(el) === '5 customers match.',
      () => `red or blue: ${count(el)}`,
    );
    button(el, 'Add a condition').click();
    await el.updateComplete;
    await choose(conditions(el)[1]!.querySelector<HTMLSelectElement>('select[data-role="property"]')!, 'Last');
    await choose(conditions(el)[1]!.querySelectorAll('select')[1]!, 'is within');
    const days = conditions(el)[1]!.querySelector('property-editor')!;
    await days.updateComplete;
    days.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: '30' });
    await waitUntil(
      () => count(el) === '3 customers match.',
      () => `within 30 days: ${count(el)}`,
    );
    expect(el.shadowRoot!.querySelector('[part~="preview"]')!.textContent).to.equal('For example: Ana, Ben, and Fay');
    expect(el.value).to.deep.equal({
      match: 'all',
      conditions: [
        { property: 'favorite_color', operator: 'in', value: ['red', 'blue'] },
        { property: 'last_visit', operator: 'within-last-days', value: 30 },
      ],
    });
    await expect(el).to.be.accessible();
  });

  it('offers only the operators that fit the type, with the panel’s editor for the value', async () => {
    const el = await builder(new MemoryStore({ definitions, customers }));
    button(el, 'Add a condition').click();
    await el.updateComplete;
    await choose(conditions(el)[0]!.querySelector<HTMLSelectElement>('select[data-role="property"]')!, 'Last');
    const operators = [...conditions(el)[0]!.querySelectorAll('select')[1]!.options].map((o) => o.text);
    expect(operators).to.deep.equal([
      'is on',
      'is before',
      'is after',
      'is between',
      'is within the last … days',
      'is set',
      'is not set',
    ]);
    const editor = conditions(el)[0]!.querySelector<PropertyEditor>('property-editor')!;
    expect(editor.definition!.type).to.equal('date');
  });

  it('does not count from a bad value, and says what is wrong', async () => {
    const store = new FaultyStore(new MemoryStore({ definitions, customers }));
    const el = await builder(store);
    const before = store.callsOf('findCustomers').length;
    button(el, 'Add a condition').click();
    await el.updateComplete;
    await choose(conditions(el)[0]!.querySelector<HTMLSelectElement>('select[data-role="property"]')!, 'Age');
    await choose(conditions(el)[0]!.querySelectorAll('select')[1]!, 'is more');
    const age = conditions(el)[0]!.querySelector('property-editor')!;
    await age.updateComplete;
    // On the way to `1,234.5` the text `1,234` is a valid number (1.234, a decimal comma), so a
    // slow machine would count it between two key presses. The count waits until the typing is done.
    el.countDelay = 600_000;
    age.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: '1,234.5' });
    await sendKeys({ press: 'Tab' });
    const message = 'Complete or correct the conditions to see how many customers match.';
    await waitUntil(
      () => count(el) === message,
      () => `no count from a bad value: ${count(el)}`,
    );
    await waitUntil(() => age.shadowRoot!.querySelector('[part~="error"]'), 'the error is shown');
    expect(count(el)).to.equal(message);
    expect(age.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('thousands separators');
    const asked = store
      .callsOf('findCustomers')
      .slice(before)
      .map((call) => JSON.stringify(call[0]));
    expect(asked.some((query) => query.includes('1.234') || query.includes('1,234'))).to.equal(false);
    el.countDelay = 10;
    age.shadowRoot!.querySelector('input')!.focus();
    age.shadowRoot!.querySelector('input')!.select();
    await sendKeys({ type: '30' });
    await waitUntil(
      () => count(el) === '4 customers match.',
      () => `age > 30: ${count(el)}`,
    );
  });

  it('nests groups: “red, or (blue and older than 40)”', async () => {
    const el = await builder(new MemoryStore({ definitions, customers }));
    el.value = {
      match: 'any',
      conditions: [
        { property: 'favorite_color', operator: 'in', value: ['red'] },
        {
          match: 'all',
          conditions: [
            { property: 'favorite_color', operator: 'in', value: ['blue'] },
            { property: 'age', operator: 'gt', value: '40' },
          ],
        },
      ],
    };
    await waitUntil(
      () => count(el) === '4 customers match.',
      () => `nested: ${count(el)}`,
    );
    expect(el.shadowRoot!.querySelectorAll('fieldset[part~="group"]')).to.have.length(2);
    button(el, 'Remove this group').click();
    await waitUntil(
      () => count(el) === '3 customers match.',
      () => `after removing the group: ${count(el)}`,
    );
    await expect(el).to.be.accessible();
  });

  it('drops a stale answer: only the latest query’s count is shown', async () => {
    const inner = new MemoryStore({ definitions, customers });
    const store = new FaultyStore(inner);
    const el = await builder(store);
    const slow = store.inject('findCustomers', { type: 'stall' });
    el.value = { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }] };
    await slow.arrived;
    el.value = { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['green'] }] };
    await waitUntil(() => count(el) === '1 customer matches.');
    slow.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count(el)).to.equal('1 customer matches.');
  });

  it('says what an empty group matches: everyone with “all”, no one with “any”, as the count does', async () => {
    const el = await builder(new MemoryStore({ definitions, customers, now: () => NOW }));
    const preview = () => el.shadowRoot!.querySelector('[part~="preview"]')?.textContent?.trim();
    expect(preview()).to.equal('No conditions yet: every customer matches.');
    expect(count(el)).to.equal('6 customers match.');
    await choose(el.shadowRoot!.querySelector<HTMLSelectElement>('legend select')!, 'any');
    await waitUntil(
      () => count(el) === '0 customers match.',
      () => `count: ${count(el)}`,
    );
    expect(preview()).to.equal('No conditions yet: with “any”, no customer matches until you add one.');
  });

  it('speaks German', async () => {
    const el = await builder(new MemoryStore({ definitions, customers }), 'de');
    expect(count(el)).to.equal('6 Kunden passen.');
    expect(button(el, 'Bedingung hinzufügen')).to.exist;
  });

  it('words the store’s refusal of a query and a condition’s error in German', async () => {
    // The refusal a real store raises for a query naming a property it does not know: codes only.
    const refusal = (await new MemoryStore({ definitions, customers })
      .findCustomers({ match: 'all', conditions: [{ property: 'shoe_size', operator: 'is-set' }] })
      .catch((error: unknown) => error)) as StoreError;
    expect(refusal.audienceErrors.map((e) => e.code)).to.deep.equal(['audience.property']);
    const store = new FaultyStore(new MemoryStore({ definitions, customers }));
    store.inject('findCustomers', { type: 'fail', error: refusal });
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder locale="de" count-delay="10" .store=${store}></audience-builder>`,
    );
    await waitUntil(() => count(el).startsWith('Die Kunden konnten nicht gezählt werden'), 'the refusal is shown');
    expect(count(el)).to.equal(
      'Die Kunden konnten nicht gezählt werden: Es gibt keine Eigenschaft namens „shoe_size“.',
    );
  });
});

describe('<audience-builder> and access control', () => {
  const restricted: PropertyDefinition[] = [
    ...definitions,
    { ...base, order: 4, name: 'income', label: 'Income', type: 'number', access: { supervisor: 'view' } },
    { ...base, order: 5, name: 'internal_score', label: 'Internal score', type: 'number', showToAgent: false },
  ];
  const agent = { id: 'u1', roles: ['agent'] };
  const supervisor = { id: 'u2', roles: ['supervisor'] };
  const offered = (el: AudienceBuilder, index = 0) =>
    [...conditions(el)[index]!.querySelector<HTMLSelectElement>('select[data-role="property"]')!.options]
      .map((o) => o.value)
      .filter(Boolean);

  async function restrictedBuilder(user: { id: string; roles: string[] }, value?: AudienceQuery, locale = 'en') {
    const store = new FaultyStore(new MemoryStore({ definitions: restricted, customers, now: () => NOW }));
    const el =
      await fixture<AudienceBuilder>(html`<audience-builder locale=${locale} count-delay="10" .store=${store} .user=${user}
      .value=${value ?? { match: 'all', conditions: [] }}></audience-builder>`);
    return { el, store };
  }

  it('offers only the properties the user may view', async () => {
    const { el } = await restrictedBuilder(agent);
    await waitUntil(() => /\d/.test(count(el)), 'counted');
    button(el, 'Add a condition').click();
    await el.updateComplete;
    expect(offered(el)).to.deep.equal(['number', 'name', 'favorite_color', 'last_visit', 'age', 'city']);
    el.user = supervisor;
    await el.updateComplete;
    expect(offered(el)).to.deep.equal(['number', 'name', 'favorite_color', 'last_visit', 'age', 'city', 'income']);
  });

  it('does not count a query naming a property the user may not view, and says why at that condition', async () => {
    const query: AudienceQuery = {
      match: 'all',
      conditions: [
        { property: 'age', operator: 'gt', value: '30' },
        { match: 'any', conditions: [{ property: 'internal_score', operator: 'gt', value: '5' }] },
      ],
    };
    const { el, store } = await restrictedBuilder(agent, query);
    await waitUntil(
      () => count(el) === 'Not counted: a condition uses a property you may not see.',
      () => `not counted: ${count(el)}`,
    );
    expect(store.callsOf('findCustomers')).to.deep.equal([]);
    const hidden = conditions(el)[1]!;
    const why = hidden.querySelector('.condition-error')!;
    expect(why.textContent).to.equal(
      'You may not see the property “internal_score”, so this condition cannot be counted. Remove it or choose another property.',
    );
    expect(hidden.getAttribute('aria-describedby')).to.equal(why.id);
    expect(offered(el, 1)).not.to.include('internal_score');
    expect(conditions(el)[0]!.querySelector('.condition-error')).to.equal(null);
    await expect(el).to.be.accessible();
    // Without it the rest is counted.
    button(el, 'Remove this group').click();
    await waitUntil(() => count(el) === '4 customers match.', 'counted without it');
  });

  it('counts the same query for a user who may view the property', async () => {
    const { el, store } = await restrictedBuilder(supervisor, {
      match: 'all',
      conditions: [{ property: 'income', operator: 'is-not-set' }],
    });
    await waitUntil(
      () => count(el) === '6 customers match.',
      () => `counted: ${count(el)}`,
    );
    expect(store.callsOf('findCustomers')).to.have.length(1);
  });

  it('says why in German', async () => {
    const { el } = await restrictedBuilder(
      agent,
      { match: 'all', conditions: [{ property: 'income', operator: 'is-set' }] },
      'de',
    );
    await waitUntil(
      () => count(el).startsWith('Nicht gezählt'),
      () => `nicht gezählt: ${count(el)}`,
    );
    expect(count(el)).to.equal('Nicht gezählt: Eine Bedingung verwendet eine Eigenschaft, die Sie nicht sehen dürfen.');
    expect(conditions(el)[0]!.querySelector('.condition-error')!.textContent).to.equal(
      'Sie dürfen die Eigenschaft „income“ nicht sehen, daher kann diese Bedingung nicht gezählt werden. Entfernen Sie sie oder wählen Sie eine andere Eigenschaft.',
    );
  });
});

describe('<audience-builder> keeps what the user types', () => {
  const places: PropertyDefinition[] = [
    ...definitions,
    { ...base, order: 4, name: 'home', label: 'Home', type: 'location' },
    { ...base, order: 5, name: 'tier', label: 'Tier', type: 'word' },
  ];
  const located: Customer[] = customers.map((customer, index) => ({
    ...customer,
    properties: {
      ...customer.properties,
      // Ana lives by the Eiffel Tower, the others in Berlin.
      home: index === 0 ? { lat: 48.8584, lng: 2.2945 } : { lat: 52.52, lng: 13.405 },
    },
  }));
  const input = (editor: Element, selector = 'input') => {
    const picker = editor.shadowRoot!.querySelector('location-picker');
    return (picker ?? editor).shadowRoot!.querySelector<HTMLInputElement>(selector)!;
  };
  /** Types into a field as a user would, then leaves it with Tab. */
  async function typeInto(field: HTMLInputElement, text: string) {
    field.focus();
    await sendKeys({ type: text });
    await sendKeys({ press: 'Tab' });
  }
  async function condition(el: AudienceBuilder, property: string, operator: string) {
    button(el, 'Add a condition').click();
    await el.updateComplete;
    const at = conditions(el).length - 1;
    await choose(conditions(el)[at]!.querySelector<HTMLSelectElement>('select[data-role="property"]')!, property);
    await choose(conditions(el)[at]!.querySelectorAll('select')[1]!, operator);
    const editors = [...conditions(el)[at]!.querySelectorAll('property-editor')];
    await Promise.all(editors.map((editor) => editor.updateComplete));
    return editors;
  }

  it('keeps “48.8566” and “2.3522” as typed in “within … km of”, and counts that point', async () => {
    const el = await builder(new MemoryStore({ definitions: places, customers: located }));
    const [point, km] = await condition(el, 'Home', 'is within');
    await typeInto(input(point!, '#lat'), '48.8566');
    await typeInto(input(point!, '#lng'), '2.3522');
    await typeInto(input(km!), '10');
    await waitUntil(
      () => count(el) === '1 customer matches.',
      () => `within 10 km of Paris: ${count(el)}`,
    );
    expect(input(point!, '#lat').value).to.equal('48.8566');
    expect(input(point!, '#lng').value).to.equal('2.3522');
    expect(input(km!).value).to.equal('10');
    expect(el.value.conditions[0]).to.deep.equal({
      property: 'home',
      operator: 'within-km',
      value: { lat: 48.8566, lng: 2.3522, km: 10 },
    });
  });

  it('says a half-typed point is incomplete instead of counting, and keeps the distance typed beside it', async () => {
    const store = new FaultyStore(new MemoryStore({ definitions: places, customers: located }));
    const el = await builder(store);
    const [point, km] = await condition(el, 'Home', 'is within');
    await typeInto(input(km!), '25');
    input(point!, '#lat').focus();
    await sendKeys({ type: '48.8566' });
    // On past the longitude and the address, out of the point.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const asked = store.callsOf('findCustomers').length;
    await waitUntil(
      () => count(el) === 'Complete or correct the conditions to see how many customers match.',
      () => `no count from half a point: ${count(el)}`,
    );
    await waitUntil(() => input(point!, '#lat').getAttribute('aria-invalid') === 'true', 'the point is marked invalid');
    const picker = point!.shadowRoot!.querySelector('location-picker')!;
    expect(picker.shadowRoot!.querySelector('[part~="error"]')!.textContent).not.to.equal('');
    expect(input(km!).value).to.equal('25');
    expect(input(point!, '#lat').value).to.equal('48.8566');
    expect(store.callsOf('findCustomers').length).to.equal(asked);
    await typeInto(input(point!, '#lng'), '2.3522');
    await waitUntil(
      () => count(el) === '1 customer matches.',
      () => `now counted: ${count(el)} ${store.callsOf('findCustomers').length} ${JSON.stringify(el.value)}`,
    );
  });

  it('keeps every other operand as typed while the count follows: numbers, dates, between pairs, days, word lists', async () => {
    const store = new FaultyStore(new MemoryStore({ definitions: places, customers: located, now: () => NOW }));
    const el = await builder(store);
    // Typed into one field after another; each is checked while it still has the focus, after the
    // query it gave was counted and rendered (leaving a field may show its text in canonical form).
    const typeAndCheck = async (field: HTMLInputElement, text: string, { counted = true } = {}) => {
      const asked = store.callsOf('findCustomers').length;
      const before = JSON.stringify(el.value);
      field.focus();
      await sendKeys({ type: text });
      await waitUntil(
        () => JSON.stringify(el.value) !== before,
        () => `“${text}” reaches the query`,
      );
      if (counted)
        await waitUntil(
          () => store.callsOf('findCustomers').length > asked && /\d customers? match/.test(count(el)),
          () => `counted after “${text}”: ${count(el)}`,
        );
      await el.updateComplete;
      expect(field.value).to.equal(text);
    };
    const [more] = await condition(el, 'Age', 'is more');
    await typeAndCheck(input(more!), '18.50');
    const [from, to] = await condition(el, 'Age', 'is between');
    await typeAndCheck(input(from!), '20.0', { counted: false });
    await typeAndCheck(input(to!), '60.00');
    const [since, until] = await condition(el, 'Last', 'is between');
    await typeAndCheck(input(since!), '11/1/2026', { counted: false });
    await typeAndCheck(input(until!), '11/30/2026');
    const [days] = await condition(el, 'Last', 'is within');
    await typeAndCheck(input(days!), '30.0');
    const [words] = await condition(el, 'Tier', 'is one');
    await typeAndCheck(input(words!), 'gold,  silver, ');
  });
});

describe('<audience-builder> and a very deep query', () => {
  const deep = (depth: number): AudienceQuery => {
    let query: AudienceQuery = { match: 'all', conditions: [{ property: 'age', operator: 'gt', value: '30' }] };
    for (let level = 1; level < depth; level++) query = { match: level % 2 ? 'any' : 'all', conditions: [query] };
    return query;
  };
  const levels = (el: AudienceBuilder) => el.shadowRoot!.querySelectorAll('fieldset[part~="group"]').length;
  const codes = (query: AudienceQuery) => validateAudience(query, definitions).map((error) => error.code);

  it('goes exactly as deep as the model: the deepest query it accepts is shown in full and counted', async () => {
    // The model takes AUDIENCE_MAX_DEPTH groups inside the query, and refuses one more.
    expect(MAX_GROUP_DEPTH).to.equal(AUDIENCE_MAX_DEPTH + 1);
    expect(codes(deep(MAX_GROUP_DEPTH))).to.deep.equal([]);
    expect(codes(deep(MAX_GROUP_DEPTH + 1))).to.deep.equal(['audience.depth']);
    const store = new FaultyStore(new MemoryStore({ definitions, customers }));
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder count-delay="10" .store=${store} .value=${deep(MAX_GROUP_DEPTH)}></audience-builder>`,
    );
    await waitUntil(
      () => count(el) === '4 customers match.',
      () => `counted: ${count(el)}`,
    );
    expect(levels(el)).to.equal(MAX_GROUP_DEPTH);
    expect(el.shadowRoot!.querySelector('.too-deep')).to.equal(null);
    expect(store.callsOf('findCustomers')).to.have.length(1);
  });

  it('lets a user add groups down to the deepest level the model accepts, and no further', async () => {
    const el = await builder(new MemoryStore({ definitions, customers }));
    for (let added = 1; added < MAX_GROUP_DEPTH; added++) {
      const deepest = [...el.shadowRoot!.querySelectorAll('fieldset[part~="group"]')].at(-1)!;
      const add = [...deepest.querySelectorAll(':scope > .buttons > button')].find(
        (b) => b.textContent === 'Add a group',
      );
      expect(add, `“Add a group” at level ${added}`).to.exist;
      (add as HTMLButtonElement).click();
      await el.updateComplete;
    }
    expect(levels(el)).to.equal(MAX_GROUP_DEPTH);
    const deepest = [...el.shadowRoot!.querySelectorAll('fieldset[part~="group"]')].at(-1)!;
    const adds = [...deepest.querySelectorAll(':scope > .buttons > button')].filter(
      (b) => b.textContent === 'Add a group',
    );
    expect(adds).to.have.length(0);
    // What the user built is as deep as the model goes: no depth error (only the blank conditions to fill in).
    expect(codes(el.value)).to.not.include('audience.depth');
  });

  it(`shows ${MAX_GROUP_DEPTH} levels of a query 500 deep, says the rest is too deep, and does not count it`, async () => {
    const store = new FaultyStore(new MemoryStore({ definitions, customers }));
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder count-delay="10" .store=${store} .value=${deep(500)}></audience-builder>`,
    );
    const message = `This group is nested more than ${MAX_GROUP_DEPTH} levels deep, too deep to show or count. Remove it, or build the query with fewer levels.`;
    await waitUntil(
      () => count(el) === 'Complete or correct the conditions to see how many customers match.',
      () => `not counted: ${count(el)}`,
    );
    expect(levels(el)).to.equal(MAX_GROUP_DEPTH);
    expect(el.shadowRoot!.querySelector('.too-deep')!.textContent).to.contain(message);
    expect(store.callsOf('findCustomers')).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // Removing the part too deep to show leaves a query the model accepts, and it is counted. Its
    // deepest group is now empty and must match "any": no customer does.
    const remove = el.shadowRoot!.querySelector<HTMLButtonElement>('.too-deep button')!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    expect(codes(el.value)).to.deep.equal([]);
    const { total } = await store.inner.findCustomers(el.value);
    expect(total).to.equal(0);
    await waitUntil(
      () => count(el) === '0 customers match.',
      () => `counted: ${count(el)}`,
    );
    expect(el.shadowRoot!.querySelector('.too-deep')).to.equal(null);
    expect(store.callsOf('findCustomers')).to.have.length(1);
  });

  it('words a store’s refusal of the depth, with Try again, rather than staying on “Counting…”', async () => {
    // A store with a stricter limit (a server of another version) refuses a query the builder accepts.
    const refusal = (await new MemoryStore({ definitions, customers })
      .findCustomers(deep(MAX_GROUP_DEPTH + 1))
      .catch((error: unknown) => error)) as StoreError;
    expect(refusal.audienceErrors.map((e) => e.code)).to.deep.equal(['audience.depth']);
    const store = new FaultyStore(new MemoryStore({ definitions, customers }));
    store.inject('findCustomers', { type: 'fail', error: refusal });
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder count-delay="10" .store=${store} .value=${deep(MAX_GROUP_DEPTH)}></audience-builder>`,
    );
    await waitUntil(
      () => count(el).startsWith('The customers could not be counted'),
      () => `refused: ${count(el)}`,
    );
    expect(count(el)).to.equal('The customers could not be counted: Groups can be nested at most 8 levels deep.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(
      () => count(el) === '4 customers match.',
      () => `counted on Try again: ${count(el)}`,
    );
    expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
  });

  it('offers no “Add a group” at the deepest level it shows, and says so in German', async () => {
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder locale="de" count-delay="10" .store=${new MemoryStore({ definitions, customers })}
        .value=${deep(MAX_GROUP_DEPTH + 1)}></audience-builder>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.too-deep')!.textContent).to.contain('zu tief');
    const groups = [...el.shadowRoot!.querySelectorAll('fieldset[part~="group"]')];
    const adds = (group: Element) =>
      [...group.querySelectorAll(':scope > .buttons > button')].filter((b) => b.textContent === 'Gruppe hinzufügen');
    expect(adds(groups.at(-1)!)).to.have.length(0);
    expect(adds(groups[0]!)).to.have.length(1);
  });
});

describe('<audience-builder>: nothing hangs', () => {
  const query: AudienceQuery = { match: 'all', conditions: [{ property: 'age', operator: 'gt', value: '30' }] };
  const retry = (el: AudienceBuilder) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]');

  it('a count that never answers ends after `timeout` with a message and Try again, which counts', async () => {
    const store = new FaultyStore(new MemoryStore({ definitions, customers }));
    const stall = store.inject('findCustomers', { type: 'stall' });
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder count-delay="10" timeout="300" .store=${store} .value=${query}></audience-builder>`,
    );
    await stall.arrived;
    expect(count(el)).to.equal('Counting…');
    await waitUntil(
      () => retry(el),
      () => `the timeout: ${count(el)}`,
    );
    expect(count(el)).to.equal('The customers could not be counted: the server did not answer in time.');
    await expect(el).to.be.accessible();
    retry(el)!.click();
    await waitUntil(
      () => count(el) === '4 customers match.',
      () => `counted on Try again: ${count(el)}`,
    );
    // The stalled answer, arriving late, changes nothing.
    stall.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count(el)).to.equal('4 customers match.');
  });

  it('a count whose reply is not a page of customers says so, in German too', async () => {
    for (const reply of [null, {}, { customers: null, total: 3 }, { customers: [], total: 'many' }]) {
      const store = new FaultyStore(new MemoryStore({ definitions, customers }));
      store.inject('findCustomers', { type: 'reply', reply: () => reply });
      const el = await fixture<AudienceBuilder>(
        html`<audience-builder locale="de" count-delay="10" .store=${store} .value=${query}></audience-builder>`,
      );
      await waitUntil(
        () => retry(el),
        () => `${JSON.stringify(reply)}: ${count(el)}`,
      );
      expect(count(el)).to.equal(
        'Die Kunden konnten nicht gezählt werden: der Server hat eine unbrauchbare Antwort geschickt.',
      );
      retry(el)!.click();
      await waitUntil(
        () => count(el) === '4 Kunden passen.',
        () => `counted on Try again: ${count(el)}`,
      );
    }
  });

  it('definitions that never come end after `timeout` with a message and Try again, which loads them', async () => {
    const store = new FaultyStore(new MemoryStore({ definitions, customers }));
    const stall = store.inject('listDefinitions', { type: 'stall' });
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder count-delay="10" timeout="300" .store=${store} .value=${query}></audience-builder>`,
    );
    await stall.arrived;
    expect(count(el)).to.equal('Loading the properties…');
    await waitUntil(
      () => retry(el),
      () => `the timeout: ${count(el)}`,
    );
    expect(count(el)).to.equal('The customers could not be counted: the server did not answer in time.');
    retry(el)!.click();
    await waitUntil(
      () => count(el) === '4 customers match.',
      () => `loaded and counted: ${count(el)}`,
    );
    expect(conditions(el)[0]!.querySelector('select')!.selectedOptions[0]!.text).to.equal('Age');
  });

  it('definitions of the wrong shape are a worded error with Try again, never a TypeError', async () => {
    const broken: unknown[] = [
      null,
      {},
      { definitions },
      [{ name: 'age', type: 'number' }],
      [{ ...definitions[0], access: null }],
      [{ ...definitions[0], type: 'colour' }],
    ];
    for (const reply of broken) {
      const store = new FaultyStore(new MemoryStore({ definitions, customers }));
      store.inject('listDefinitions', { type: 'reply', reply: () => reply });
      const el = await fixture<AudienceBuilder>(
        html`<audience-builder count-delay="10" .store=${store} .value=${query}></audience-builder>`,
      );
      await waitUntil(
        () => retry(el),
        () => `${JSON.stringify(reply)}: ${count(el)}`,
      );
      expect(count(el)).to.equal('The customers could not be counted: the server sent an answer that cannot be used.');
      retry(el)!.click();
      await waitUntil(
        () => count(el) === '4 customers match.',
        () => `loaded on Try again: ${count(el)}`,
      );
    }
  });

  it('a store taken away while counting does not leave “Counting…”', async () => {
    const store = new FaultyStore(new MemoryStore({ definitions, customers }));
    const el = await builder(store);
    const stall = store.inject('findCustomers', { type: 'stall' });
    el.value = query;
    await stall.arrived;
    el.store = undefined;
    await el.updateComplete;
    await waitUntil(
      () => count(el) !== 'Counting…',
      () => `left counting: ${count(el)}`,
    );
    stall.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count(el)).to.not.equal('Counting…');
  });
});

describe('<audience-builder> members', () => {
  const rows = (el: AudienceBuilder) =>
    [...el.shadowRoot!.querySelectorAll('[part~="members-table"] tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent.trim()),
    );
  const headers = (el: AudienceBuilder) =>
    [...el.shadowRoot!.querySelectorAll('[part~="members-table"] thead th')].map((th) => th.textContent.trim());
  const caption = (el: AudienceBuilder) => el.shadowRoot!.querySelector('caption')?.textContent.trim();

  async function members(store: PropertyStore, user?: { id: string; roles: string[] }, locale = 'en') {
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder locale=${locale} count-delay="10" page-size="2" .store=${store} .user=${user}></audience-builder>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="members"]'), 'the members are there');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="members"] summary')!.click();
    await el.updateComplete;
    return el;
  }

  it('pages through every matching customer by keyboard, with the columns the user ticks', async () => {
    const store = new MemoryStore({ definitions, customers, now: () => NOW });
    const el = await members(store);
    expect(el.shadowRoot!.querySelector('summary')!.textContent).to.equal('Customers (6)');
    expect(caption(el)).to.equal('Customers 1–2 of 6');
    expect(headers(el)).to.deep.equal(['Name', 'Number']);
    expect(rows(el)).to.deep.equal([
      ['Ana', '123'],
      ['Ben', '123'],
    ]);
    const [previous, next] = [button(el, 'Previous page'), button(el, 'Next page')];
    expect(previous.disabled).to.equal(true);
    next.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => caption(el) === 'Customers 3–4 of 6', 'the second page');
    expect(rows(el).map((row) => row[0])).to.deep.equal(['Cem', 'Dana']);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => caption(el) === 'Customers 5–6 of 6', 'the last page');
    expect(button(el, 'Next page').disabled).to.equal(true);
    button(el, 'Previous page').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => caption(el) === 'Customers 3–4 of 6', 'back to the second page');

    const favorite = [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('.columns label')].find(
      (label) => label.textContent.trim() === 'Favorite color',
    )!;
    favorite.querySelector('input')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.columns).to.deep.equal(['favorite_color']);
    expect(headers(el)).to.deep.equal(['Name', 'Number', 'Favorite color']);
    expect(rows(el)).to.deep.equal([
      ['Cem', '123', 'Blue'],
      ['Dana', '123', 'Green'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('starts again at the first page when the query changes', async () => {
    const store = new MemoryStore({ definitions, customers, now: () => NOW });
    const el = await members(store);
    button(el, 'Next page').click();
    await waitUntil(() => caption(el) === 'Customers 3–4 of 6', 'the second page');
    el.value = { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }] };
    await waitUntil(() => caption(el) === 'Customers 1–2 of 3', 'the first page of the new query');
    expect(rows(el).map((row) => row[0])).to.deep.equal(['Ana', 'Eli']);
  });

  it('offers and shows no column the user may not view, whatever `columns` holds', async () => {
    const secret: PropertyDefinition = { ...definitions[2]!, access: { admin: 'edit' } };
    const store = new MemoryStore({
      definitions: [definitions[0]!, definitions[1]!, secret],
      customers,
      now: () => NOW,
    });
    const el = await members(store, { id: 'u', roles: ['agent'] });
    el.columns = ['age', 'favorite_color'];
    await el.updateComplete;
    expect(headers(el)).to.deep.equal(['Name', 'Number', 'Favorite color']);
    const offered = [...el.shadowRoot!.querySelectorAll('.columns label')].map((l) => l.textContent.trim());
    expect(offered).to.deep.equal(['Favorite color', 'Last visit']);
    expect(el.shadowRoot!.querySelector('[part~="members-table"]')!.textContent).to.not.include('34');
  });

  it('exports the matching customers as CSV by keyboard; Cancel stops an export under way', async () => {
    const store = new MemoryStore({ definitions, customers, now: () => NOW });
    const el = await members(store);
    el.value = { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }] };
    await waitUntil(() => caption(el) === 'Customers 1–2 of 3', 'counted');
    const files: Blob[] = [];
    el.addEventListener('audience-exported', (e) => {
      e.preventDefault();
      files.push(e.detail.file);
    });
    button(el, 'Export CSV').focus();
    await sendKeys({ press: 'Enter' });
    const status = () => el.shadowRoot!.querySelector('[part~="export"] [role="status"]')!.textContent.trim();
    await waitUntil(() => status() === 'Exported 3 customers.', 'exported');
    // UTF-8 with a byte order mark, for spreadsheet apps (text() reads past it).
    expect([...new Uint8Array(await files[0]!.slice(0, 3).arrayBuffer())]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = (await files[0]!.text()).split('\r\n');
    expect(lines[0]).to.equal('id,channel,number,name,favorite_color,last_visit,age,city');
    expect(lines.slice(1, -1).map((line) => line.split(',')[3])).to.deep.equal(['Ana', 'Eli', 'Fay']);

    const slow = new MemoryStore({ definitions, customers, now: () => NOW });
    const exporting = await members(slow);
    slow.findCustomers = async (query, options) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return MemoryStore.prototype.findCustomers.call(slow, query, options);
    };
    const saved: Blob[] = [];
    exporting.addEventListener('audience-exported', (e) => saved.push(e.detail.file));
    button(exporting, 'Export CSV').click();
    await waitUntil(() => exporting.shadowRoot!.querySelector('[part~="export"] progress'), 'a progress bar');
    button(exporting, 'Cancel').click();
    await waitUntil(
      () =>
        exporting.shadowRoot!.querySelector('[part~="export"] [role="status"]')!.textContent.trim() ===
        'Export cancelled; no file was saved.',
      'cancelled',
    );
    expect(saved).to.deep.equal([]);
  });
});

describe('<audience-builder> distribution of a property', () => {
  const chartRows = (el: AudienceBuilder) =>
    [...el.shadowRoot!.querySelectorAll('[part~="chart"] tbody tr')].map((tr) => [
      tr.querySelector('th')!.textContent.trim(),
      tr.querySelector('.count')!.textContent.trim(),
    ]);

  it('counts each option of a choice, in a table with a bar per row, opened and closed by keyboard', async () => {
    const store = new MemoryStore({ definitions, customers, now: () => NOW });
    const el = await builder(store);
    el.value = { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }] };
    await el.updateComplete;
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Distribution of Favorite color"]')!;
    expect(toggle.textContent).to.equal('Distribution');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chartRows(el).length, 'counted');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(chartRows(el)).to.deep.equal([
      ['Red', '3'],
      ['Blue', '2'],
      ['Green', '1'],
      ['Cyan', '0'],
      ['Not set', '0'],
    ]);
    expect(el.shadowRoot!.querySelector('[part~="chart"] p')!.textContent).to.equal(
      '6 of 6 customers have a value for Favorite color.',
    );
    const bars = [...el.shadowRoot!.querySelectorAll('[part~="chart"] svg')];
    expect(bars.every((bar) => bar.getAttribute('aria-hidden') === 'true')).to.equal(true);
    expect(bars.map((bar) => Math.round(Number(bar.querySelector('rect')!.getAttribute('width'))))).to.deep.equal([
      160, 107, 53, 0, 0,
    ]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="chart"]'), 'closed');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('draws numbers as a histogram of equal ranges, in the locale', async () => {
    const store = new MemoryStore({ definitions, customers, now: () => NOW });
    const el = await builder(store, 'de');
    el.value = { match: 'all', conditions: [{ property: 'age', operator: 'gte', value: '30' }] };
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Verteilung von Age"]')!.click();
    await waitUntil(() => chartRows(el).length, 'counted');
    const rows = chartRows(el);
    expect(rows).to.have.length(8);
    expect(rows[0]![0]).to.equal('19 – 24,375');
    expect(rows.at(-1)![0]).to.equal('56,625 – 62');
    expect(rows.map((row) => Number(row[1]))).to.deep.equal([1, 1, 1, 1, 0, 1, 0, 1]);
  });
});

describe('<audience-builder>: translated definitions', () => {
  const german = definitions.map((def) =>
    def.name === 'favorite_color'
      ? { ...def, translations: { de: { label: 'Lieblingsfarbe', options: { red: 'Rot', blue: 'Blau' } } } }
      : def.name === 'age'
        ? { ...def, translations: { de: { label: 'Alter' } } }
        : def,
  );

  it('names properties and options in the viewer’s language, in the condition and the members table', async () => {
    const store = new MemoryStore({ definitions: german, customers, now: () => NOW });
    const el = await builder(store, 'de-AT');
    button(el, 'Bedingung hinzufügen').click();
    await el.updateComplete;
    const property = conditions(el)[0]!.querySelector<HTMLSelectElement>('select[data-role="property"]')!;
    expect([...property.options].map((option) => option.text)).to.include.members(['Lieblingsfarbe', 'Alter', 'City']);
    await choose(property, 'Lieb');
    const editor = conditions(el)[0]!.querySelector('property-editor')!;
    await editor.updateComplete;
    const boxes = [...editor.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent.trim());
    expect(boxes).to.include.members(['Rot', 'Blau', 'Green', 'Cyan']);

    el.columns = ['favorite_color', 'age'];
    el.value = { match: 'all', conditions: [] };
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="members"]'), 'the members are there');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="members"] summary')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="members-table"]'), 'the members table');
    const headers = [...el.shadowRoot!.querySelectorAll('[part~="members-table"] thead th')].map((th) =>
      th.textContent.trim(),
    );
    expect(headers).to.include.members(['Lieblingsfarbe', 'Alter']);
    const cells = [...el.shadowRoot!.querySelectorAll('[part~="members-table"] tbody td')].map((td) =>
      td.textContent.trim(),
    );
    expect(cells).to.include('Rot');
  });

  it('gives a French viewer the default words', async () => {
    const el = await builder(new MemoryStore({ definitions: german, customers, now: () => NOW }), 'fr');
    el.value = { match: 'all', conditions: [{ property: 'favorite_color', operator: 'in', value: ['red'] }] };
    await el.updateComplete;
    const property = conditions(el)[0]!.querySelector<HTMLSelectElement>('select[data-role="property"]')!;
    expect(property.selectedOptions[0]!.text).to.equal('Favorite color');
  });
});
