// In a page of its own (each test file is): a page without a location field loads no
// <location-picker>, and the first location field loads it.
import { expect, fixture, html } from '@open-wc/testing';
import type { PropertyDefinition } from '../../model/index.js';
import type { PropertyEditor } from './property-editor.js';
import './property-editor.js';

const base = { order: 0, showToAgent: true, showToCustomer: true, access: { '*': 'edit' } } as const;
const age: PropertyDefinition = { ...base, name: 'age', label: 'Age', type: 'number' };
const home: PropertyDefinition = { ...base, name: 'home', label: 'Home', type: 'location' };

describe('<property-editor> and <location-picker>', () => {
  it('loads the picker only with the first location field, and that field works at once', async () => {
    const number = await fixture<PropertyEditor>(html`<property-editor .definition=${age} .value=${'42'} locale="en"></property-editor>`);
    await number.updateComplete;
    expect(customElements.get('location-picker')).to.equal(undefined);

    const location = await fixture<PropertyEditor>(html`<property-editor .definition=${home} .value=${{ lat: 48.8584, lng: 2.2945 }} locale="en"></property-editor>`);
    await location.updateComplete;
    expect(customElements.get('location-picker')).to.not.equal(undefined);
    const picker = location.shadowRoot!.querySelector('location-picker')!;
    expect(picker.shadowRoot!.querySelector<HTMLInputElement>('#lat')!.value).to.equal('48.8584');
    expect(location.checkValidity()).to.equal(true);
  });
});
