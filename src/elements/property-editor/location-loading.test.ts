// <location-picker> on demand, in a page of its own: nothing here imports the picker, so it is not
// defined until a location field (or a preload) asks for it.
import { expect } from '@open-wc/testing';
import type { PropertyDefinition } from '../../model/types.js';
import { preloadLocationPicker, setPickerImportForTests } from '../../internal/location-picker-loader.js';
import type { PropertyEditor } from './property-editor.js';
import './property-editor.js';

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const }, order: 0 };
const home: PropertyDefinition = { ...base, name: 'home', label: 'Home', type: 'location' };
const notes: PropertyDefinition = { ...base, name: 'notes', label: 'Notes', type: 'text' };
const eiffel = { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' };
const realImport = () => import('../location-picker/location-picker.js');
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

function place(definition: PropertyDefinition, value: unknown): PropertyEditor {
  const el = document.createElement('property-editor');
  el.locale = 'en';
  el.definition = definition;
  el.value = value as PropertyEditor['value'];
  document.body.append(el);
  return el;
}

describe('<property-editor>: the location picker on demand', () => {
  it('is not loaded for definitions without a location', async () => {
    let imports = 0;
    setPickerImportForTests(() => {
      imports++;
      return realImport();
    });
    preloadLocationPicker([notes]);
    const el = place(notes, 'Prefers mornings');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('textarea')!.value).to.equal('Prefers mornings');
    expect(imports).to.equal(0);
    expect(customElements.get('location-picker')).to.equal(undefined);
    el.remove();
  });

  it('says so when the picker cannot be loaded, shows nothing half-made while it loads, then the picker with the value', async () => {
    setPickerImportForTests(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const el = place(home, eiffel);
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.equal(
      'The location field could not be loaded. Check the connection and reload the page.',
    );
    expect(el.shadowRoot!.textContent).to.contain('Home');
    expect(el.shadowRoot!.querySelector('location-picker')).to.equal(null);

    // The next try: a slow import. Until it is in, the field keeps what it showed; no empty picker.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    setPickerImportForTests(() => released.then(realImport));
    el.value = { ...eiffel, address: 'Eiffel Tower' };
    await tick();
    expect(el.shadowRoot!.querySelector('location-picker')).to.equal(null);
    expect(customElements.get('location-picker')).to.equal(undefined);

    release();
    await el.updateComplete;
    const picker = el.shadowRoot!.querySelector('location-picker')!;
    expect(customElements.get('location-picker')).to.not.equal(undefined);
    expect(picker).to.be.instanceOf(customElements.get('location-picker')!);
    expect(picker.value).to.deep.equal({ ...eiffel, address: 'Eiffel Tower' });
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    el.remove();
  });
});
