// The harness drives the real elements as a host's test would: find by label, type, commit.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { PropertySavedEvent } from '../events.js';
import { MemoryStore } from '../storage/memory-store.js';
import '../elements/customer-details-panel/customer-details-panel.js';
import '../elements/property-editor/property-editor.js';
import { commit, findField, typeInto } from './harness.js';
import { seed } from './seed.js';
import { waitUntil } from '../internal/test/wait.js';

describe('customer-properties/testing: findField, typeInto, commit', () => {
  it('saves a value typed into the panel, as a user would', async () => {
    const store = new MemoryStore(seed());
    // The form layout: every row an editor (the compact layout shows text until a row is opened).
    const panel = await fixture(html`<customer-details-panel layout="form" customer-id="ana" locale="en" .store=${store}
      .user=${{ id: 'u1', roles: ['agent'] }}></customer-details-panel>`);
    const found = () => {
      try {
        return findField(panel.shadowRoot!, 'Age');
      } catch {
        return null;
      }
    };
    await waitUntil(found, 'the Age field');
    const age = found()!;
    typeInto(age, '35');
    const saved = oneEvent<PropertySavedEvent>(panel, 'property-saved');
    commit(age);
    expect((await saved).detail).to.include({ customerId: 'ana', name: 'age', value: '35' });
    expect((await store.getCustomer('ana')).properties.age).to.equal('35');
  });

  it('finds a required field by its label, and names the labels when none matches', async () => {
    const el = await fixture(html`<property-editor locale="en" required
      .definition=${seed().definitions[0]}></property-editor>`);
    const field = findField(el.shadowRoot!, 'Age');
    expect(field.localName).to.equal('input');
    typeInto(field, 'abc');
    commit(field);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect((el as HTMLElement & { validity: ValidityState }).validity.valid).to.equal(false);
    expect(() => findField(el.shadowRoot!, 'Height')).to.throw(
      /no field labelled “Height”; the labels are: “Age ?\(required\)”/,
    );
  });
});
