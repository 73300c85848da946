import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../internal/test/wait.js';
import type { DefinitionSavedEvent } from '../../events.js';
import { FaultyStore } from '../../internal/test/faulty-store.js';
import { seed } from '../../testing/seed.js';
import { PROPERTY_TYPES, propertyAccess, type AccessLevel, type PropertyDefinition } from '../../model/index.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { PropertyStore } from '../../storage/property-store.js';
import { StoreError } from '../../storage/store-error.js';
import { PropertyDefinitionForm } from './property-definition-form.js';
import './property-definition-form.js';
import '../../i18n/de.js';

async function form(store: PropertyStore, definition?: PropertyDefinition, locale = 'en') {
  const el = await fixture<PropertyDefinitionForm>(
    html`<property-definition-form locale=${locale} .store=${store} .definition=${definition}></property-definition-form>`,
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
  return el;
}

const $ = <T extends HTMLElement = HTMLInputElement>(el: PropertyDefinitionForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;

async function type(field: HTMLElement, text: string): Promise<void> {
  field.focus();
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select();
  await sendKeys({ type: text });
}

const errorsShown = (el: PropertyDefinitionForm) =>
  [...el.shadowRoot!.querySelectorAll('[part~="error"]')].map((e) => e.textContent.trim());

async function submit(el: PropertyDefinitionForm): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="save-button"]').click();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
}

describe('<property-definition-form> creating', () => {
  it('puts a property in a group, offering the groups already in use', async () => {
    const data = seed();
    data.definitions[0]!.group = 'Shopping';
    const store = new MemoryStore(data);
    const el = await form(store);
    await waitUntil(() => el.shadowRoot!.querySelector('#groups option'), 'the groups in use are offered');
    expect([...el.shadowRoot!.querySelectorAll('#groups option')].map((o) => o.getAttribute('value'))).to.deep.equal([
      'Shopping',
    ]);
    await type($(el, '#label'), 'Shoe size');
    await type($(el, '#group'), ' Shopping ');
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    await submit(el);
    expect((await saved).detail.definition.group).to.equal('Shopping');
    expect((await store.listDefinitions()).find((d) => d.name === 'shoe_size')!.group).to.equal('Shopping');
  });

  for (const propertyType of PROPERTY_TYPES) {
    it(`creates a ${propertyType} property through the form, by keyboard`, async () => {
      const store = new MemoryStore();
      const el = await form(store);
      await type($(el, '#label'), 'Favorite thing');
      expect($(el, '#name').value).to.equal('favorite_thing');
      const radio = $(el, `#type-${propertyType}`);
      radio.focus();
      radio.click();
      await el.updateComplete;
      if (propertyType.endsWith('choice')) {
        await type($<HTMLTextAreaElement>(el, '#add-options'), 'Red');
        await sendKeys({ press: 'Enter' });
        await sendKeys({ type: 'Blue' });
        await sendKeys({ press: 'Enter' });
      }
      const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
      $<HTMLButtonElement>(el, '[part~="save-button"]').focus();
      await sendKeys({ press: 'Enter' });
      const { definition } = (await saved).detail;
      expect(definition).to.include({
        name: 'favorite_thing',
        label: 'Favorite thing',
        type: propertyType,
        showToAgent: true,
        showToCustomer: false,
      });
      expect(definition.access).to.deep.equal({ '*': 'edit' });
      if (propertyType.endsWith('choice'))
        expect(definition.options).to.deep.equal([
          { value: 'red', label: 'Red' },
          { value: 'blue', label: 'Blue' },
        ]);
      expect((await store.listDefinitions()).at(-1)).to.deep.equal(definition);
    });
  }

  it('suggests the name from the label until the admin writes one', async () => {
    const el = await form(new MemoryStore(seed()));
    await type($(el, '#label'), 'Größe (cm)');
    expect($(el, '#name').value).to.equal('grosse_cm');
    await type($(el, '#name'), 'size_cm');
    await type($(el, '#label'), 'Shoe size');
    expect($(el, '#name').value).to.equal('size_cm');
  });

  it('describes every type with a sentence and an example from the help page', async () => {
    const el = await form(new MemoryStore());
    const text = $(el, '.types').textContent.replace(/\s+/g, ' ');
    expect(text).to.contain(
      'Number A series of digits that can include a decimal separator. For example: 3.1415926 or 65535',
    );
    expect(text).to.contain('Word A series of letters and digits, no spaces allowed. For example: ClassOf2023');
    expect(text).to.contain('Time Hours and minutes, no seconds.');
  });

  it('says in words who will see and who will edit the property', async () => {
    const el = await form(new MemoryStore());
    const summary = () => $(el, '[part~="summary"]').textContent.replace(/\s+/g, ' ').trim();
    expect(summary()).to.equal('Everyone can see it. Everyone can edit it.');
    const radio = (name: string, level: number) =>
      el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[name="access-${name}"]`)[level]!;
    radio('*', 1).click();
    await el.updateComplete;
    expect(summary()).to.equal('Everyone can see it. No user can edit it.');
    radio('*', 0).click();
    // The role rows offer None again once everyone's level is None.
    await el.updateComplete;
    radio('supervisor', 2).click();
    radio('admin', 1).click();
    await el.updateComplete;
    expect(summary()).to.equal('Supervisors and Admins can see it. Supervisors can edit it.');
  });
});

describe('<property-definition-form> bad input', () => {
  it('gives each mistake its own message and refuses Save without losing anything', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const el = await form(store);
    await type($(el, '#name'), 'favorite color');
    expect(errorsShown(el)).to.include(
      'The name must start with a letter and have only letters, digits and underscores, no spaces, at most 64 characters.',
    );
    await type($(el, '#name'), 'Number');
    expect(errorsShown(el)).to.include('“Number” is the name of a default property.');
    await type($(el, '#name'), 'AGE');
    expect(errorsShown(el)).to.include('A property named “age” already exists.');
    await type($(el, '#name'), 'shoe_size');
    $(el, '#type-single-choice').click();
    await el.updateComplete;
    await submit(el);
    expect(errorsShown(el)).to.include('The label must have 1 to 100 characters.');
    expect(errorsShown(el)).to.include('A choice property needs 1 to 10,000 options.');
    expect($(el, '[part~="message"]').textContent).to.contain('need attention before saving');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#label'));
    await type($<HTMLTextAreaElement>(el, '#add-options'), 'Small');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Large' });
    await sendKeys({ press: 'Enter' });
    $(el, '#option-1').focus();
    $(el, '#option-1').select();
    await sendKeys({ press: 'Backspace' });
    await submit(el);
    expect(errorsShown(el)).to.include('Option 2: the label must have 1 to 200 characters.');
    expect(store.callsOf('createDefinition')).to.deep.equal([]);
    expect($(el, '#name').value).to.equal('shoe_size');
  });

  it('adds pasted lines as options, and rejects a duplicate on the offending row', async () => {
    const el = await form(new MemoryStore());
    $(el, '#type-multiple-choice').click();
    await el.updateComplete;
    const area = $<HTMLTextAreaElement>(el, '#add-options');
    area.focus();
    const paste = new DataTransfer();
    paste.setData('text/plain', 'Red\nBlue\nred');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.option input')].map((i) => i.value)).to.deep.equal([
      'Red',
      'Blue',
      'red',
    ]);
    expect(el.shadowRoot!.querySelector('#option-2-value')!.textContent).to.equal('stored as red_2');
    await submit(el);
    expect(el.shadowRoot!.querySelector('#option-2-error')!.textContent).to.equal(
      'Option 3: “red” is already in the list.',
    );
    expect($(el, '#option-2').getAttribute('aria-invalid')).to.equal('true');
  });

  it('checks the pattern, and tries a sample value against it', async () => {
    const el = await form(new MemoryStore());
    $(el, '#type-text').click();
    await type($(el, '#label'), 'Order id');
    await type($(el, '#pattern'), '([A-Z');
    // Checked by RE2, which the form fetches once the type takes a pattern.
    await waitUntil(
      () => errorsShown(el).join(' ').includes('The pattern is not a valid regular expression in RE2 syntax'),
      () => `pattern errors: ${errorsShown(el).join(' ')}`,
    );
    await type($(el, '#pattern'), '^[A-Z]{2}\\d{6}$');
    await type($(el, '#pattern-hint-text'), 'Two capital letters and six digits.');
    await type($(el, '#sample'), 'AB12345');
    expect($(el, '#sample-result').textContent.trim()).to.equal('Two capital letters and six digits.');
    await type($(el, '#sample'), 'AB123456');
    expect($(el, '#sample-result').textContent.trim()).to.equal('This value matches.');
  });

  it('shows a store failure at the top, keeps the form, and saves once the store is back', async () => {
    const store = new FaultyStore(new MemoryStore());
    store.inject('createDefinition', { type: 'fail' });
    const el = await form(store);
    await type($(el, '#label'), 'VIP level');
    await submit(el);
    expect($(el, '[part~="message"]').textContent).to.equal(
      'Not saved: the server could not be reached. Everything you entered is still here.',
    );
    expect($(el, '#label').value).to.equal('VIP level');
    const saved = oneEvent(el, 'definition-saved');
    await submit(el);
    await saved;
    expect((await store.listDefinitions()).map((d) => d.name)).to.include('vip_level');
  });

  it('shows the store’s verdict beside the right field (a name taken meanwhile)', async () => {
    const store = new FaultyStore(new MemoryStore());
    store.inject('createDefinition', {
      type: 'fail',
      error: new StoreError('conflict', 'taken', {
        definitionErrors: [{ code: 'definition.name.taken', params: { name: 'vip' }, field: 'name' }],
      }),
    });
    const el = await form(store);
    await type($(el, '#label'), 'VIP');
    await submit(el);
    expect($(el, '#name-error').textContent).to.equal('A property named “vip” already exists.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#name'));
  });

  it('words the store’s own refusal in the form’s language (German “name taken”)', async () => {
    // The error a real store raises, codes and no sentence, handed to a German form.
    const vip: PropertyDefinition = {
      name: 'vip',
      label: 'VIP',
      type: 'text',
      showToAgent: true,
      showToCustomer: false,
      access: { '*': 'edit' },
      order: 0,
    };
    const other = new MemoryStore({ definitions: [vip] });
    const refusal = await other.createDefinition(vip).catch((error: unknown) => error);
    expect(refusal).to.be.instanceOf(StoreError);
    expect(JSON.stringify(refusal)).to.not.contain('already exists');
    const store = new FaultyStore(new MemoryStore());
    store.inject('createDefinition', { type: 'fail', error: refusal as StoreError });
    const el = await form(store, undefined, 'de');
    await type($(el, '#label'), 'VIP');
    await submit(el);
    expect($(el, '#name-error').textContent).to.equal('Eine Eigenschaft namens „vip“ gibt es bereits.');
  });
});

describe('<property-definition-form> editing', () => {
  it('keeps the name, renames option labels while values stay, and reorders by keyboard', async () => {
    const store = new MemoryStore(seed());
    const favorite = (await store.listDefinitions()).find((d) => d.name === 'favorite_color')!;
    const el = await form(store, favorite);
    expect($(el, '#name').readOnly).to.equal(true);
    await type($(el, '#option-0'), 'Crimson');
    $(el, '#option-0').focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent).to.equal(
      'Crimson moved to position 2 of 3.',
    );
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    await submit(el);
    expect((await saved).detail.definition.options).to.deep.equal([
      { value: 'blue', label: 'blue' },
      { value: 'red', label: 'Crimson' },
      { value: 'green', label: 'green' },
    ]);
    expect((await store.getCustomer('ana')).properties.favorite_color).to.equal('red');
  });

  it('reorders options by drag and drop, and removes one', async () => {
    const store = new MemoryStore(seed());
    const favorite = (await store.listDefinitions()).find((d) => d.name === 'favorite_color')!;
    const el = await form(store, favorite);
    const items = () => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('.option')];
    const data = new DataTransfer();
    items()[2]!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
    items()[0]!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.option input')].map((i) => i.value)).to.deep.equal([
      'green',
      'red',
      'blue',
    ]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Remove red"]')!.click();
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.option input')].map((i) => i.value)).to.deep.equal([
      'green',
      'blue',
    ]);
  });

  it('says the type cannot change once customers hold values', async () => {
    const store = new MemoryStore(seed());
    const age = (await store.listDefinitions()).find((d) => d.name === 'age')!;
    const el = await form(store, age);
    expect(el.shadowRoot!.textContent).to.contain(
      '2 customers have a value for this property, so its type cannot change.',
    );
    expect($(el, '#type-text').disabled).to.equal(true);
  });

  it('shows the store’s refusal of a type change when the store cannot count', async () => {
    const inner = new MemoryStore(seed());
    const store: PropertyStore = { ...bind(inner), countValues: undefined as never };
    const age = (await inner.listDefinitions()).find((d) => d.name === 'age')!;
    const el = await form(store, age);
    $(el, '#type-text').click();
    await submit(el);
    expect($(el, '#type-error').textContent).to.contain('customers have a value');
  });

  it('is accessible (axe), empty, filled and with errors, in German too', async () => {
    const store = new MemoryStore(seed());
    const el = await form(store);
    await expect(el).to.be.accessible();
    $(el, '#type-multiple-choice').click();
    await submit(el);
    await expect(el).to.be.accessible();
    const favorite = (await store.listDefinitions()).find((d) => d.name === 'favorite_color')!;
    const german = await form(store, favorite, 'de');
    expect($(german, '[part~="title"]').textContent).to.equal('„Favorite color“ bearbeiten');
    await expect(german).to.be.accessible();
  });
});

function bind(store: MemoryStore): PropertyStore {
  return {
    listDefinitions: (o) => store.listDefinitions(o),
    createDefinition: (d) => store.createDefinition(d),
    updateDefinition: (d) => store.updateDefinition(d),
    deleteDefinition: (n) => store.deleteDefinition(n),
    getCustomer: (id, o) => store.getCustomer(id, o),
    updateCustomer: (id, c, o) => store.updateCustomer(id, c, o),
    findCustomers: (q, o) => store.findCustomers(q, o),
  };
}

describe('<property-definition-form> access control', () => {
  type Level = AccessLevel | 'none';
  const LEVELS: Level[] = ['none', 'view', 'edit'];
  const ROLES = ['agent', 'supervisor', 'admin'];
  const ROLE_NAMES: Record<string, string> = { agent: 'Agents', supervisor: 'Supervisors', admin: 'Admins' };
  const summary = (el: PropertyDefinitionForm) => $(el, '[part~="summary"]').textContent.replace(/\s+/g, ' ').trim();
  const rowLevels = (el: PropertyDefinitionForm, role: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[name="access-${role}"]`)].map((input) => ({
      input,
      level: input.parentElement!.textContent.trim().toLowerCase() as Level,
    }));
  const user = (roles: string[]) => ({ kind: 'user' as const, id: 'someone', roles });

  /** The summary as it must read for `def`, from propertyAccess alone. */
  function truth(def: PropertyDefinition): string {
    const names = (minimum: Level) => {
      const rank = (level: Level) => LEVELS.indexOf(level);
      if (rank(propertyAccess(user([]), def)) >= rank(minimum)) return 'Everyone';
      const named = ROLES.filter((role) => rank(propertyAccess(user([role]), def)) >= rank(minimum)).map(
        (role) => ROLE_NAMES[role]!,
      );
      return named.length ? new Intl.ListFormat('en').format(named) : '';
    };
    const sees = names('view');
    const edits = names('edit');
    return [
      sees ? `${sees} can see it.` : 'No user can see it.',
      edits ? `${edits} can edit it.` : 'No user can edit it.',
      ...(def.showToCustomer ? ['The customer can see and edit it on their profile page.'] : []),
    ].join(' ');
  }

  it('says who sees and who edits truly, for every combination of levels and visibility, and offers no choice without effect', async () => {
    const el = await form(new MemoryStore());
    let checked = 0;
    for (const showToAgent of [true, false]) {
      for (const showToCustomer of [false, true]) {
        for (const everyone of LEVELS) {
          for (let combination = 0; combination < 27; combination++) {
            const access: PropertyDefinition['access'] = {};
            if (everyone !== 'none') access['*'] = everyone;
            ROLES.forEach((role, index) => {
              const level = LEVELS[Math.floor(combination / 3 ** index) % 3]!;
              if (level !== 'none') access[role] = level;
            });
            const def: PropertyDefinition = {
              name: 'p',
              label: 'P',
              type: 'text',
              showToAgent,
              showToCustomer,
              access,
              order: 0,
            };
            el.definition = def;
            await el.updateComplete;
            const context = JSON.stringify({ showToAgent, showToCustomer, access });
            expect(summary(el), context).to.equal(truth(def));
            for (const role of ['*', ...ROLES]) {
              const choices = rowLevels(el, role);
              if (!showToAgent) {
                expect(
                  choices.every(({ input }) => input.disabled),
                  `${context}: ${role} disabled`,
                ).to.equal(true);
                continue;
              }
              if (role !== '*' && everyone === 'edit') {
                expect(choices, `${context}: no row for ${role}`).to.have.length(0);
                continue;
              }
              // Each choice offered gives the role (or everyone) a different level than the others …
              const outcomes = choices.map(({ level }) => {
                const next = { ...def, access: { ...def.access, [role]: level } };
                return propertyAccess(user(role === '*' ? [] : [role]), next as PropertyDefinition);
              });
              expect(
                new Set(outcomes).size,
                `${context}: ${role} offers ${choices.map((c) => c.level).join(', ')}`,
              ).to.equal(choices.length);
              // … and the one checked is the level it has now.
              const shown = choices.find(({ input }) => input.checked)?.level;
              expect(shown, `${context}: ${role}`).to.equal(propertyAccess(user(role === '*' ? [] : [role]), def));
            }
            checked++;
          }
        }
      }
    }
    expect(checked).to.equal(2 * 2 * 3 * 27);
  });

  it('with “Everyone: View” a role may only be given Edit; with “Everyone: Edit” the role rows give way to a sentence, and the focus stays', async () => {
    const store = new MemoryStore();
    const el = await form(store);
    await type($(el, '#label'), 'Shoe size');
    const radio = (role: string, level: Level) => rowLevels(el, role).find((choice) => choice.level === level)?.input;
    expect(rowLevels(el, 'agent'), 'everyone edits already: no row per role').to.have.length(0);
    radio('*', 'none')!.click();
    await el.updateComplete;
    radio('agent', 'view')!.click();
    radio('supervisor', 'edit')!.click();
    await el.updateComplete;
    expect(rowLevels(el, 'agent').map((c) => c.level)).to.deep.equal(['none', 'view', 'edit']);
    radio('*', 'view')!.focus();
    radio('*', 'view')!.click();
    await el.updateComplete;
    expect(
      rowLevels(el, 'agent').map((c) => c.level),
      'None would change nothing',
    ).to.deep.equal(['view', 'edit']);
    expect(radio('agent', 'view')!.checked).to.equal(true);
    expect(radio('supervisor', 'edit')!.checked).to.equal(true);
    expect($(el, '#access-note').textContent).to.equal(
      'Everyone can see it, so a role can only be allowed to edit it too.',
    );
    expect(summary(el)).to.equal('Everyone can see it. Supervisors can edit it.');
    radio('*', 'edit')!.focus();
    radio('*', 'edit')!.click();
    await el.updateComplete;
    for (const role of ROLES) expect(rowLevels(el, role), role).to.have.length(0);
    expect($(el, '#access-note').textContent).to.equal(
      'Everyone can edit it, so there is nothing more to give a role.',
    );
    expect(el.shadowRoot!.activeElement).to.equal(radio('*', 'edit'));
    await expect(el).to.be.accessible();
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    $<HTMLButtonElement>(el, '[part~="save-button"]').click();
    expect((await saved).detail.definition.access, 'no level the rows did not show').to.deep.equal({ '*': 'edit' });
  });

  it('disables the levels while the property is not shown to agents, and says why, in German too', async () => {
    const el = await form(new MemoryStore(), undefined, 'de');
    const agents = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1]!;
    agents.click();
    await el.updateComplete;
    expect(rowLevels(el, '*').every(({ input }) => input.disabled)).to.equal(true);
    expect($(el, '#access-note').textContent).to.equal(
      'Sie wird Agenten nicht gezeigt, daher sieht kein Benutzer sie: Diese Stufen gelten, sobald „Agenten zeigen“ an ist.',
    );
    expect(summary(el)).to.equal('Kein Benutzer kann sie sehen. Kein Benutzer kann sie bearbeiten.');
    await expect(el).to.be.accessible();
  });
});

describe('<property-definition-form> asks before a change that makes stored values invalid', () => {
  const base = { showToAgent: true, showToCustomer: false, access: { '*': 'edit' as const } };
  const color: PropertyDefinition = {
    ...base,
    order: 0,
    name: 'favorite_color',
    label: 'Favorite color',
    type: 'single-choice',
    options: [
      { value: 'red', label: 'Red' },
      { value: 'blue', label: 'Blue' },
      { value: 'green', label: 'Green' },
    ],
  };
  const tier: PropertyDefinition = { ...base, order: 1, name: 'tier', label: 'Tier', type: 'word' };
  const people = ['ana', 'ben', 'cem', 'dana', 'eli', 'fay'].map((id, index) => ({
    id,
    name: id,
    number: String(index),
    channel: 'telegram',
    revision: 1,
    properties: {
      favorite_color: index === 0 ? 'red' : 'green',
      ...(index < 3 ? { tier: ['A1', 'B2', 'gold'][index] } : {}),
    },
  }));
  const store = () => new FaultyStore(new MemoryStore({ definitions: [color, tier], customers: people }));
  const dialog = (el: PropertyDefinitionForm) =>
    el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm-dialog');
  async function save(el: PropertyDefinitionForm) {
    $<HTMLButtonElement>(el, '[part~="save-button"]').focus();
    await sendKeys({ press: 'Enter' });
  }

  it('says how many customers hold a removed option; Escape saves nothing, “Save anyway” saves', async () => {
    const faulty = store();
    const el = await form(faulty, color);
    $<HTMLButtonElement>(el, 'button[aria-label="Remove Green"]').click();
    await el.updateComplete;
    await save(el);
    await waitUntil(() => dialog(el)?.open, 'the question is asked');
    expect(dialog(el)!.textContent).to.contain(
      '5 customers hold an option you removed (Green). Those values will no longer be valid.',
    );
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('Go back');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el), 'the question is gone');
    expect(faulty.callsOf('updateDefinition')).to.deep.equal([]);
    expect((await faulty.listDefinitions()).find((d) => d.name === 'favorite_color')!.options).to.have.length(3);
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.option input')].map((i) => i.value)).to.deep.equal([
      'Red',
      'Blue',
    ]);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'save-button', 'focus back on Save');
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    await save(el);
    await waitUntil(() => dialog(el)?.open, 'asked again');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('Save anyway');
    await sendKeys({ press: 'Enter' });
    expect((await saved).detail.definition.options!.map((o) => o.value)).to.deep.equal(['red', 'blue']);
  });

  it('saves without asking when no customer holds the removed option', async () => {
    const faulty = store();
    const el = await form(faulty, color);
    $<HTMLButtonElement>(el, 'button[aria-label="Remove Blue"]').click();
    await el.updateComplete;
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    await save(el);
    await saved;
    expect(dialog(el)).to.equal(null);
  });

  it('counts the values a new pattern rejects, in German', async () => {
    const faulty = store();
    const el = await form(faulty, tier, 'de');
    await type($(el, '#pattern'), '[A-Z][0-9]');
    await save(el);
    await waitUntil(() => dialog(el)?.open, 'the question is asked');
    expect(dialog(el)!.textContent).to.contain('1 Kunde hat einen Wert, der nicht zum neuen Muster passt.');
    expect(dialog(el)!.textContent).to.contain('Trotzdem speichern');
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button')!.click();
    await waitUntil(() => !dialog(el), 'the question is gone');
    expect(faulty.callsOf('updateDefinition')).to.deep.equal([]);
  });

  it('says “up to” when there are too many holders to try each value', async () => {
    const many = Array.from({ length: 501 }, (_, index) => ({
      ...people[0]!,
      id: `c${index}`,
      number: String(index),
      properties: { tier: index % 2 ? 'A1' : 'gold' },
    }));
    const el = await form(new MemoryStore({ definitions: [color, tier], customers: many }), tier);
    await type($(el, '#pattern'), '[A-Z][0-9]');
    await save(el);
    await waitUntil(() => dialog(el)?.open, 'the question is asked');
    expect(dialog(el)!.textContent).to.contain(
      'Up to 501 customers may hold values that no longer match the new pattern.',
    );
  });

  it('says how many customers have no value when “Required” is switched on, in English and German', async () => {
    const faulty = store();
    const el = await form(faulty, tier);
    $(el, 'input[aria-describedby="required-hint"]').click();
    await el.updateComplete;
    await save(el);
    await waitUntil(() => dialog(el)?.open, 'the question is asked');
    expect(dialog(el)!.textContent).to.contain(
      '3 customers have no value for it. Once it is required, it shows as missing for them until someone fills it in.',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el), 'the question is gone');
    expect(faulty.callsOf('updateDefinition')).to.deep.equal([]);
    expect($(el, 'input[aria-describedby="required-hint"]').checked, 'the choice stays').to.equal(true);

    const german = await form(store(), tier, 'de');
    $(german, 'input[aria-describedby="required-hint"]').click();
    await german.updateComplete;
    await save(german);
    await waitUntil(() => dialog(german)?.open, 'asked in German');
    expect(dialog(german)!.textContent).to.contain(
      '3 Kunden haben keinen Wert dafür. Als Pflichtfeld wird sie bei ihnen als fehlend angezeigt, bis jemand sie ausfüllt.',
    );
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog(german), 'saved anyway');
    const saved = (await german.store!.listDefinitions()).find((d) => d.name === 'tier')!;
    expect(saved.required).to.equal(true);
  });

  it('does not ask when every customer has a value, nor for a property that was required already', async () => {
    const faulty = store();
    const el = await form(faulty, color);
    $(el, 'input[aria-describedby="required-hint"]').click();
    await el.updateComplete;
    let saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    await save(el);
    expect((await saved).detail.definition.required).to.equal(true);
    expect(dialog(el)).to.equal(null);
    const again = await form(faulty, { ...tier, required: true });
    await type($(again, '#label'), 'Customer tier');
    saved = oneEvent<DefinitionSavedEvent>(again, 'definition-saved');
    await save(again);
    expect((await saved).detail.definition.label).to.equal('Customer tier');
    expect(dialog(again)).to.equal(null);
  });

  it('asks, too, when the store cannot count', async () => {
    const faulty = store();
    const el = await form(faulty, color);
    faulty.inject('findCustomers', { type: 'fail' });
    $<HTMLButtonElement>(el, 'button[aria-label="Remove Green"]').click();
    await el.updateComplete;
    await save(el);
    await waitUntil(() => dialog(el)?.open, 'the question is asked');
    expect(dialog(el)!.textContent).to.contain('It could not be checked whether customers hold values');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el), 'the question is gone');
    expect(faulty.callsOf('updateDefinition')).to.deep.equal([]);
  });
});

describe('<property-definition-form>: nothing hangs', () => {
  const saveButton = (el: PropertyDefinitionForm) => $<HTMLButtonElement>(el, '[part~="save-button"]');
  const loadError = (el: PropertyDefinitionForm) => el.shadowRoot!.querySelector('[part~="load-error"]');

  it('a save that never answers ends after `timeout`: “Saving…” goes, everything typed stays, and Save saves', async () => {
    const store = new FaultyStore(new MemoryStore());
    const stall = store.inject('createDefinition', { type: 'stall' });
    const el = await form(store);
    el.timeout = 300;
    await type($(el, '#label'), 'VIP level');
    saveButton(el).click();
    await stall.arrived;
    await el.updateComplete;
    expect(saveButton(el).textContent).to.equal('Saving…');
    // aria-disabled, not disabled: the focus stays on Save instead of falling to the page.
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => saveButton(el).getAttribute('aria-disabled') === 'false', 'Save works again');
    expect(saveButton(el).textContent).to.equal('Create');
    expect($(el, '[part~="message"]').textContent).to.equal(
      'Not saved: the server did not answer in time. Everything you entered is still here.',
    );
    expect($(el, '#label').value).to.equal('VIP level');
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    saveButton(el).click();
    expect((await saved).detail.definition.name).to.equal('vip_level');
    stall.reject();
  });

  it('a save whose reply is not a definition says so instead of handing it on', async () => {
    const store = new FaultyStore(new MemoryStore());
    store.inject('createDefinition', { type: 'reply', reply: () => ({}) });
    const el = await form(store, undefined, 'de');
    let fired = false;
    el.addEventListener('definition-saved', () => (fired = true));
    await type($(el, '#label'), 'VIP level');
    await submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="message"]'), 'the message');
    expect($(el, '[part~="message"]').textContent).to.equal(
      'Nicht gespeichert: der Server hat eine unbrauchbare Antwort geschickt. Alle Ihre Eingaben sind noch da.',
    );
    expect(fired).to.equal(false);
  });

  it('other definitions that do not load say so, with Try again, and a new one is still appended at the end', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const stall = store.inject('listDefinitions', { type: 'stall' });
    const el = await fixture<PropertyDefinitionForm>(
      html`<property-definition-form locale="en" timeout="300" .store=${store}></property-definition-form>`,
    );
    await stall.arrived;
    await waitUntil(() => loadError(el), 'the timeout');
    expect(loadError(el)!.textContent).to.contain(
      'The other properties could not be loaded: the server did not answer in time. Until they are, the name is checked against theirs only when you save.',
    );
    expect(loadError(el)!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    // Saving works meanwhile; the store puts the new property after the others.
    await type($(el, '#label'), 'VIP level');
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    saveButton(el).click();
    const definition = (await saved).detail.definition;
    const others = (await store.inner.listDefinitions()).filter((d) => !d.builtIn && d.name !== 'vip_level');
    expect(definition.order).to.be.greaterThan(Math.max(...others.map((d) => d.order)));
    // Try again loads them: a taken name is then caught as it is typed.
    store.inject('listDefinitions', { type: 'reply', reply: () => null });
    loadError(el)!.querySelector('button')!.click();
    await waitUntil(() => loadError(el)?.textContent.includes('cannot be used'), 'a broken reply is worded too');
    loadError(el)!.querySelector('button')!.click();
    await waitUntil(() => !loadError(el), 'loaded on Try again');
    await type($(el, '#name'), 'age');
    $(el, '#name').blur();
    await el.updateComplete;
    expect(errorsShown(el)).to.include('A property named “age” already exists.');
    stall.release();
  });

  it('a check of stored values that never answers ends after `timeout` and still asks', async () => {
    const color: PropertyDefinition = {
      ...seed().definitions.find((d) => d.name === 'favorite_color')!,
    };
    const store = new FaultyStore(new MemoryStore(seed()));
    const el = await form(store, color);
    el.timeout = 300;
    const stall = store.inject('findCustomers', { type: 'stall' });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.option button[aria-label^="Remove"]')!.click();
    await el.updateComplete;
    saveButton(el).click();
    await stall.arrived;
    const dialog = () => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm-dialog');
    await waitUntil(() => dialog()?.open, 'the question is asked');
    expect(dialog()!.textContent).to.contain(
      'It could not be checked whether customers hold values this change makes invalid: the server did not answer in time',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(), 'the question is gone');
    expect(store.callsOf('updateDefinition')).to.deep.equal([]);
    expect(saveButton(el).disabled).to.equal(false);
    stall.release();
  });
});

describe('<property-definition-form> translations', () => {
  async function withLanguages(
    store: PropertyStore,
    languages: string,
    definition?: PropertyDefinition,
    locale = 'en',
  ) {
    const el = await fixture<PropertyDefinitionForm>(
      html`<property-definition-form locale=${locale} languages=${languages} .store=${store} .definition=${definition}></property-definition-form>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
    return el;
  }
  const byLabel = (root: ParentNode, text: string) =>
    [...root.querySelectorAll('label')]
      .find((label) => label.querySelector('span')?.textContent === text)!
      .querySelector<HTMLInputElement>('input, textarea')!;
  const language = (el: PropertyDefinitionForm, tag: string) =>
    el.shadowRoot!.querySelector<HTMLFieldSetElement>(`fieldset[data-language="${tag}"]`)!;

  it('saves a German label and option labels typed in the Translations section, omitting empty fields', async () => {
    const store = new MemoryStore();
    const el = await withLanguages(store, 'de fr');
    expect(el.languages).to.deep.equal(['de', 'fr']);
    await type($(el, '#label'), 'Favorite color');
    $(el, '#type-single-choice').click();
    await el.updateComplete;
    await type($<HTMLTextAreaElement>(el, '#add-options'), 'Red');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Blue' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const german = language(el, 'de');
    expect(german.querySelector('legend')!.textContent).to.equal('German (de)');
    expect(language(el, 'fr').querySelector('legend')!.textContent).to.equal('French (fr)');
    await type(byLabel(german, 'Label'), 'Lieblingsfarbe');
    await type(byLabel(german, 'Option “Red”'), 'Rot');
    await type(byLabel(german, 'Option “Blue”'), ' Blau ');
    await expect(el).to.be.accessible();
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    await submit(el);
    await saved;
    const stored = (await store.listDefinitions()).find((d) => d.name === 'favorite_color')!;
    expect(stored.label).to.equal('Favorite color');
    expect(stored.translations).to.deep.equal({
      de: { label: 'Lieblingsfarbe', options: { red: 'Rot', blue: 'Blau' } },
    });
  });

  it('shows an error beside a translated option label that repeats another, and saves nothing', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const color = (await store.listDefinitions()).find((d) => d.name === 'favorite_color')!;
    const el = await withLanguages(store, 'de', color, 'de');
    const german = language(el, 'de');
    expect(german.querySelector('legend')!.textContent).to.equal('Deutsch (de)');
    await type(byLabel(german, 'Option „red“'), 'Blau');
    await type(byLabel(german, 'Option „blue“'), 'Blau');
    await submit(el);
    const field = byLabel(german, 'Option „blue“');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Deutsch (de): „Blau“ ist schon die Bezeichnung einer anderen Option.',
    );
    expect(el.shadowRoot!.activeElement).to.equal(field);
    expect(store.callsOf('updateDefinition')).to.deep.equal([]);
  });

  it('keeps languages set from JavaScript in canonical form, once, without tags that are not BCP 47', async () => {
    const store = new MemoryStore(seed());
    const notes = (await store.listDefinitions()).find((d) => d.name === 'notes')!;
    const el = await withLanguages(store, '', notes);
    el.languages = ['de-at', 'DE-AT', 'de_AT', '', 'pt-br'];
    await el.updateComplete;
    expect(el.languages).to.deep.equal(['de-AT', 'pt-BR']);
    expect(
      [...el.shadowRoot!.querySelectorAll<HTMLFieldSetElement>('fieldset[data-language]')].map(
        (fieldset) => fieldset.dataset.language,
      ),
    ).to.deep.equal(['de-AT', 'pt-BR']);
    await type(byLabel(language(el, 'de-AT'), 'Label'), 'Vermerke');
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    await submit(el);
    await saved;
    expect((await store.listDefinitions()).find((d) => d.name === 'notes')!.translations).to.deep.equal({
      'de-AT': { label: 'Vermerke' },
    });
  });

  it('keeps the words of languages the host does not list, and drops a language emptied', async () => {
    const store = new MemoryStore(seed());
    const notes = (await store.listDefinitions()).find((d) => d.name === 'notes')!;
    await store.updateDefinition({
      ...notes,
      translations: { de: { label: 'Notizen' }, it: { label: 'Note', description: 'Da sapere' } },
    });
    const current = (await store.listDefinitions()).find((d) => d.name === 'notes')!;
    const el = await withLanguages(store, 'de', current);
    const german = language(el, 'de');
    expect(byLabel(german, 'Label').value).to.equal('Notizen');
    expect(el.shadowRoot!.querySelector('fieldset[data-language="it"]')).to.equal(null);
    byLabel(german, 'Label').focus();
    byLabel(german, 'Label').select();
    await sendKeys({ press: 'Backspace' });
    await type(byLabel(german, 'Group (optional)'), 'Notizen');
    const saved = oneEvent<DefinitionSavedEvent>(el, 'definition-saved');
    await submit(el);
    await saved;
    expect((await store.listDefinitions()).find((d) => d.name === 'notes')!.translations).to.deep.equal({
      de: { group: 'Notizen' },
      it: { label: 'Note', description: 'Da sapere' },
    });
  });
});
