// The focus never falls to the page: each flow that removes or moves the control in use is done by
// keyboard alone, and the focus is checked to land on the next sensible control.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomerPropertiesUser } from './context.js';
import { definition } from './internal/test/definitions.js';
import { FaultyStore } from './internal/test/faulty-store.js';
import { seed } from './testing/seed.js';
import { waitUntil } from './internal/test/wait.js';
import type { AudienceQuery } from './model/index.js';
import { MemoryStore } from './storage/memory-store.js';
import type { AudienceBuilder } from './elements/audience-builder/audience-builder.js';
import type { CustomerProfileForm } from './elements/customer-profile-form/customer-profile-form.js';
import type { PropertyDefinitionForm } from './elements/property-definition-form/property-definition-form.js';
import type { PropertyDefinitionList } from './elements/property-definition-list/property-definition-list.js';
import type { PropertyEditor } from './elements/property-editor/property-editor.js';
import './index.js';

const admin: CustomerPropertiesUser = { id: 'a1', roles: ['admin'] };
const agent: CustomerPropertiesUser = { id: 'u1', roles: ['agent'] };
const focused = (el: Element) => el.shadowRoot!.activeElement;
const labelled = (root: ParentNode, label: string) =>
  root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;

async function list(store: MemoryStore | FaultyStore) {
  const el = await fixture<PropertyDefinitionList>(
    html`<property-definition-list locale="en" .store=${store} .user=${admin}></property-definition-list>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('tbody tr'), 'loaded');
  return el;
}
const names = (el: PropertyDefinitionList) =>
  [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row) => row.dataset.name);

describe('focus flows by keyboard', () => {
  it('definition list: a move button keeps the focus on the moved row, so Enter again moves it on', async () => {
    const el = await list(new MemoryStore(seed()));
    const before = names(el);
    labelled(el.shadowRoot!, 'Move Age down').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => names(el).indexOf('age') === before.indexOf('age') + 1, 'moved once');
    expect(focused(el)).to.equal(labelled(el.shadowRoot!, 'Move Age down'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => names(el).indexOf('age') === before.indexOf('age') + 2, 'moved twice');
    expect(focused(el)).to.equal(labelled(el.shadowRoot!, 'Move Age down'));
    await waitUntil(() => /Age/.test(el.shadowRoot!.querySelector('[aria-live]')!.textContent), 'announced');
  });

  it('definition list: a move the store refuses is not announced as done', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('reorderDefinitions', { type: 'fail' });
    const el = await list(store);
    const before = names(el);
    labelled(el.shadowRoot!, 'Move Age down').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"][role="alert"]'), 'refused');
    expect(names(el)).to.deep.equal(before);
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).to.not.match(/moved|position/i);
    expect(focused(el)?.closest('tr')?.dataset.name).to.equal('age');
  });

  it('definition list: deleting the last definition puts the focus on Add, not the page', async () => {
    const only = definition('text', { name: 'notes', label: 'Notes' });
    const el = await list(new MemoryStore({ definitions: [only], customers: [] }));
    labelled(el.shadowRoot!, 'Delete Notes').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('dialog[open]'), 'asked');
    // The dialog focuses Cancel; Delete is before it.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)!.textContent).to.equal('Delete');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !names(el).includes('notes'), 'deleted');
    await waitUntil(() => focused(el) === el.shadowRoot!.querySelector('[part~="add-button"]'), 'focus on Add');
  });

  it('definition form: moving an option keeps the focus on its button; removing the last option focuses the one before, then the add box', async () => {
    const el = await fixture<PropertyDefinitionForm>(
      html`<property-definition-form locale="en" .store=${new MemoryStore(seed())}
        .definition=${definition('single-choice', {
          name: 'size',
          label: 'Size',
          options: [
            { value: 's', label: 'Small' },
            { value: 'm', label: 'Medium' },
            { value: 'l', label: 'Large' },
          ],
        })}></property-definition-form>`,
    );
    await el.updateComplete;
    const root = el.shadowRoot!;
    const labels = () => [...root.querySelectorAll<HTMLInputElement>('input[id^="option-"]')].map((i) => i.value);
    labelled(root, 'Move Small down').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => labels()[1] === 'Small', 'moved');
    expect(focused(el)).to.equal(labelled(root, 'Move Small down'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => labels()[2] === 'Small', 'moved again');
    // At the end, Move down is disabled: the focus is on Move up of the same option.
    expect(focused(el)).to.equal(labelled(root, 'Move Small up'));
    labelled(root, 'Remove Small').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => labels().length === 2, 'removed');
    expect(focused(el)).to.equal(labelled(root, 'Remove Large'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => labels().length === 1, 'removed again');
    expect(focused(el)).to.equal(labelled(root, 'Remove Medium'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => labels().length === 0, 'none left');
    expect(focused(el)).to.equal(root.querySelector('#add-options'));
  });

  it('audience builder: Add a condition focuses the new condition; removing a group focuses its parent’s Add a condition', async () => {
    const value = {
      match: 'all',
      conditions: [
        { property: 'age', operator: 'is-set' },
        { match: 'any', conditions: [{ property: 'notes', operator: 'is-set' }] },
      ],
    } as AudienceQuery;
    const el = await fixture<AudienceBuilder>(
      html`<audience-builder locale="en" count-delay="10" .store=${new MemoryStore(seed())} .user=${agent} .value=${value}></audience-builder>`,
    );
    await el.updateComplete;
    const root = el.shadowRoot!;
    const adds = () => [...root.querySelectorAll<HTMLButtonElement>('button[data-add-condition]')];
    // The root group's button is the last in the page (its nested group comes before it).
    const rootAdd = () => adds().find((b) => b.dataset.addCondition === '')!;
    rootAdd().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.matches('select[data-path="2"][data-role="property"]'), 'the new condition');
    root.querySelector<HTMLButtonElement>('[part~="group"] [part~="group"] .buttons button:last-child')!.focus();
    expect(focused(el)!.textContent).to.equal('Remove this group');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === rootAdd(), 'the parent’s Add a condition');
    expect(root.querySelectorAll('[part~="group"] [part~="group"]').length).to.equal(0);
  });

  it('long multiple choice: removing a chip focuses the next chip, and the last one the search box', async () => {
    const options = Array.from({ length: 20 }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));
    const el = await fixture<PropertyEditor>(
      html`<property-editor locale="en" .definition=${definition('multiple-choice', { name: 'many', options })}
        .value=${['o1', 'o2']}></property-editor>`,
    );
    await el.updateComplete;
    const root = el.shadowRoot!;
    labelled(root, 'Remove Option 1').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => JSON.stringify(el.value) === `["o2"]`, 'removed');
    await el.updateComplete;
    expect(focused(el)).to.equal(labelled(root, 'Remove Option 2'));
    await sendKeys({ press: 'Space' });
    await waitUntil(() => el.value === null, 'removed again');
    await el.updateComplete;
    expect(focused(el)).to.equal(root.querySelector('#control'));
  });

  it('profile form: Save keeps the focus while a slow store saves', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const stall = store.inject('updateCustomer', { type: 'stall' });
    const el = await fixture<CustomerProfileForm>(
      html`<customer-profile-form customer-id="ana" locale="en" .store=${store}></customer-profile-form>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'loaded');
    const age = [...el.shadowRoot!.querySelectorAll<PropertyEditor>('property-editor')].find(
      (e) => e.definition?.name === 'age',
    )!;
    age.shadowRoot!.querySelector<HTMLInputElement>('#control')!.select();
    age.focus();
    await sendKeys({ type: '36' });
    const save = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!;
    save.focus();
    await sendKeys({ press: 'Enter' });
    await stall.arrived;
    await el.updateComplete;
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    expect(focused(el)).to.equal(save);
    stall.release();
    await waitUntil(() => save.getAttribute('aria-disabled') === 'false', 'saved');
    expect(focused(el)).to.equal(save);
  });
});
