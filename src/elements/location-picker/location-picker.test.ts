import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../internal/test/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { provideCustomerProperties } from '../../context.js';
import { createFakeMaps } from '../../internal/test/fake-maps.js';
import { runFormControlTests } from '../../testing/form-control-suite.js';
import { LocationPicker } from './location-picker.js';
import './location-picker.js';
import '../../i18n/de.js';

const eiffel = { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' };

function input(picker: LocationPicker, label: RegExp): HTMLInputElement {
  const labels = [...picker.shadowRoot!.querySelectorAll('label')];
  const found = labels.find((l) => label.test(l.textContent ?? ''))?.querySelector('input');
  if (!found) throw new Error(`no input labelled ${label}`);
  return found;
}

async function type(field: HTMLInputElement, text: string): Promise<void> {
  field.focus();
  field.select();
  await sendKeys({ type: text });
}

async function settle(picker: LocationPicker): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await picker.updateComplete;
  }
}

function text(picker: LocationPicker, part: string): string {
  return picker.shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent?.trim() ?? '';
}

describe('<location-picker> without a map key (the fallback, for real)', () => {
  it('says why there is no map, and takes typed coordinates in en', async () => {
    const picker = await fixture<LocationPicker>(html`<location-picker name="home" locale="en"></location-picker>`);
    expect(text(picker, 'notice')).to.contain('no Google Maps key');
    const inputs: string[] = [];
    picker.addEventListener('input', () => inputs.push('input'));
    await type(input(picker, /Latitude/), '48.8584');
    await type(input(picker, /Longitude/), '2.2945');
    await type(input(picker, /Address/), 'Eiffel Tower');
    expect(picker.value).to.deep.equal({ lat: 48.8584, lng: 2.2945, address: 'Eiffel Tower' });
    expect(inputs.length, 'one input event per keystroke').to.equal(
      '48.8584'.length + '2.2945'.length + 'Eiffel Tower'.length,
    );
    expect(picker.checkValidity()).to.equal(true);
  });

  it('takes the German decimal comma and shows values with it', async () => {
    const picker = await fixture<LocationPicker>(html`<location-picker locale="de"></location-picker>`);
    expect(input(picker, /Breitengrad/)).to.exist;
    await type(input(picker, /Breitengrad/), '48,8584');
    await type(input(picker, /Längengrad/), '2,2945');
    expect(picker.value).to.deep.equal({ lat: 48.8584, lng: 2.2945 });
    picker.value = { lat: -33.8568, lng: 151.2153 };
    await picker.updateComplete;
    expect(input(picker, /Breitengrad/).value).to.equal('-33,8568');
    picker.locale = 'en';
    await picker.updateComplete;
    expect(input(picker, /Latitude/).value).to.equal('-33.8568');
  });

  it('rejects an out-of-range latitude with the model’s message once the user leaves the field', async () => {
    const picker = await fixture<LocationPicker>(html`<location-picker label="Home" locale="en"></location-picker>`);
    await type(input(picker, /Latitude/), '91');
    await type(input(picker, /Longitude/), '2');
    expect(picker.checkValidity()).to.equal(false);
    expect(picker.validity.rangeOverflow).to.equal(true);
    expect(picker.validationMessage).to.equal('The latitude of Home must be between -90 and 90.');
    (document.activeElement as HTMLElement)?.blur();
    picker.blur();
    await settle(picker);
    expect(text(picker, 'error')).to.equal('The latitude of Home must be between -90 and 90.');
    expect(input(picker, /Latitude/).getAttribute('aria-invalid')).to.equal('true');
    expect(input(picker, /Latitude/).value, 'what the user typed stays').to.equal('91');
    expect(picker.matches(':state(user-invalid)')).to.equal(true);
  });

  it('drops the old address when the user types other coordinates', async () => {
    const picker = await fixture<LocationPicker>(
      html`<location-picker locale="en" .value=${eiffel}></location-picker>`,
    );
    await type(input(picker, /Latitude/), '48.86');
    expect(input(picker, /Address/).value).to.equal('');
    expect(picker.value).to.deep.equal({ lat: 48.86, lng: 2.2945 });
    await type(input(picker, /Address/), 'Near the tower');
    await type(input(picker, /Longitude/), '2.29');
    expect(picker.value).to.deep.equal({ lat: 48.86, lng: 2.29, address: 'Near the tower' });
  });

  it('keeps unparseable text in the field, marked invalid, and not as the value', async () => {
    const picker = await fixture<LocationPicker>(
      html`<location-picker locale="en" .value=${eiffel}></location-picker>`,
    );
    await type(input(picker, /Latitude/), 'north');
    expect(input(picker, /Latitude/).value).to.equal('north');
    expect(picker.validity.badInput).to.equal(true);
    expect(picker.value).to.deep.equal(eiffel);
  });

  it('keeps what the user is typing when the host passes a new object with the same place', async () => {
    const picker = await fixture<LocationPicker>(
      html`<location-picker locale="en" .value=${eiffel}></location-picker>`,
    );
    // A southern latitude, its first keystroke typed: it does not parse yet.
    await type(input(picker, /Latitude/), '-');
    expect(picker.value, 'nothing parses yet').to.deep.equal(eiffel);
    // The same place, as a new object with its keys in another order (a host's copy, a store's echo).
    const { address, lng, lat } = eiffel;
    picker.value = { address, lng, lat };
    await picker.updateComplete;
    expect(input(picker, /Latitude/).value).to.equal('-');
    expect(input(picker, /Address/).value, 'cleared by the typing, not brought back').to.equal('');
    await type(input(picker, /Latitude/), '-33.8568');
    expect(picker.value).to.deep.equal({ lat: -33.8568, lng: 2.2945 });
    // Another place is the host's word: it is shown.
    picker.value = { lat: -33.8568, lng: 151.2153 };
    await picker.updateComplete;
    expect(input(picker, /Latitude/).value).to.equal('-33.8568');
    expect(input(picker, /Longitude/).value).to.equal('151.2153');
  });

  it('is valueMissing when required and empty', async () => {
    const picker = await fixture<LocationPicker>(html`<location-picker required locale="en"></location-picker>`);
    expect(picker.validity.valueMissing).to.equal(true);
    expect(picker.validationMessage).to.equal('Location is required.');
  });

  it('submits JSON in FormData, and form.reset() brings back the host’s value', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><location-picker name="home" locale="en" .value=${eiffel}></location-picker></form>`,
    );
    const picker = form.querySelector('location-picker')!;
    expect(JSON.parse(new FormData(form).get('home') as string)).to.deep.equal(eiffel);
    await type(input(picker, /Latitude/), '10');
    expect(JSON.parse(new FormData(form).get('home') as string).lat).to.equal(10);
    form.reset();
    await picker.updateComplete;
    expect(picker.value).to.deep.equal(eiffel);
    expect(input(picker, /Latitude/).value).to.equal('48.8584');
    picker.value = null;
    await picker.updateComplete;
    expect(new FormData(form).has('home')).to.equal(false);
  });

  it('fires no event when the value is set from code', async () => {
    const picker = await fixture<LocationPicker>(html`<location-picker></location-picker>`);
    let events = 0;
    picker.addEventListener('input', () => events++);
    picker.addEventListener('change', () => events++);
    picker.value = eiffel;
    await picker.updateComplete;
    expect(events).to.equal(0);
  });

  it('is disabled by a disabled fieldset around it', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><fieldset disabled><location-picker required></location-picker></fieldset></form>`,
    );
    const picker = form.querySelector('location-picker')!;
    await picker.updateComplete;
    expect(input(picker, /Latitude/).matches(':disabled')).to.equal(true);
    expect(form.checkValidity(), 'a disabled field is not validated').to.equal(true);
  });

  it('reads "use my location" from the browser', async () => {
    const picker = await fixture<LocationPicker>(html`<location-picker locale="en"></location-picker>`);
    const original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (success) =>
      success({ coords: { latitude: 52.520008, longitude: 13.404954 } } as GeolocationPosition);
    try {
      const change = oneEvent(picker, 'change');
      (picker.shadowRoot!.querySelector('[part~="locate-button"]') as HTMLButtonElement).click();
      await change;
      expect(picker.value).to.deep.equal({ lat: 52.520008, lng: 13.404954 });
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });

  it('says so when the browser does not share the location', async () => {
    const picker = await fixture<LocationPicker>(html`<location-picker locale="en"></location-picker>`);
    const original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (_success, error) => error?.({ code: 1 } as GeolocationPositionError);
    try {
      (picker.shadowRoot!.querySelector('[part~="locate-button"]') as HTMLButtonElement).click();
      await picker.updateComplete;
      expect(picker.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('did not share');
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });

  it('is accessible (axe), empty and invalid', async () => {
    const picker = await fixture<LocationPicker>(html`<location-picker locale="en" required></location-picker>`);
    await expect(picker).to.be.accessible();
    picker.reportValidity();
    await picker.updateComplete;
    await expect(picker).to.be.accessible();
  });
});

describe('<location-picker> read-only', () => {
  it('shows the address and a link that opens the point in Google Maps in a new tab', async () => {
    const maps = createFakeMaps();
    const picker = await fixture<LocationPicker>(
      html`<location-picker readonly locale="en" .maps=${{ importLibrary: maps.importLibrary }} .value=${{ ...eiffel, placeId: 'abc' }}></location-picker>`,
    );
    expect(text(picker, 'value')).to.equal(eiffel.address);
    const link = picker.shadowRoot!.querySelector('a')!;
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(link.href).to.equal('https://www.google.com/maps/search/?api=1&query=48.8584%2C2.2945&query_place_id=abc');
    expect(picker.shadowRoot!.querySelector('input')).to.equal(null);
    expect(maps.calls, 'a read-only picker loads no map').to.deep.equal([]);
    await expect(picker).to.be.accessible();
  });

  it('shows the coordinates in the locale when there is no address', async () => {
    const picker = await fixture<LocationPicker>(
      html`<location-picker readonly locale="de" .value=${{ lat: 48.8584, lng: 2.2945 }}></location-picker>`,
    );
    expect(text(picker, 'value')).to.equal('48,8584; 2,2945');
  });
});

describe('<location-picker> with a (fake) Google map', () => {
  async function withMap(options: Parameters<typeof createFakeMaps>[0] = {}, value: unknown = null) {
    const maps = createFakeMaps(options);
    const picker = await fixture<LocationPicker>(
      html`<location-picker label="Home" locale="en" .maps=${{ importLibrary: maps.importLibrary }} .value=${value}></location-picker>`,
    );
    await waitUntil(() => maps.calls.length > 0, 'the loader was called');
    await settle(picker);
    return { maps, picker };
  }

  it('loads the libraries once it is shown and puts the map in place', async () => {
    const { maps, picker } = await withMap({}, eiffel);
    expect(maps.calls).to.have.members(['maps', 'marker', 'places', 'geocoding']);
    expect(maps.maps).to.have.length(1);
    expect(maps.maps[0]!.element.getAttribute('aria-label')).to.contain('arrow keys');
    expect(maps.markers[0]!.position).to.deep.equal({ lat: eiffel.lat, lng: eiffel.lng });
    expect(text(picker, 'notice')).to.equal('');
  });

  it('sets the point where the user clicks, and fills the address by reverse geocoding', async () => {
    const { maps, picker } = await withMap();
    const change = oneEvent(picker, 'change');
    maps.maps[0]!.click(48.85837009999999, 2.2944813);
    await change;
    await settle(picker);
    expect(picker.value).to.deep.equal({
      lat: 48.8583701,
      lng: 2.2944813,
      address: 'Champ de Mars, 75007 Paris, France',
      placeId: 'place-from-geocoder',
    });
    expect(maps.geocoded).to.deep.equal([{ lat: 48.8583701, lng: 2.2944813 }]);
    expect(input(picker, /Latitude/).value).to.equal('48.8583701');
    expect(picker.shadowRoot!.querySelector('[aria-live="polite"]')?.textContent).to.contain('Pin moved to');
  });

  it('moves the point when the pin is dragged', async () => {
    const { maps, picker } = await withMap({}, eiffel);
    const change = oneEvent(picker, 'change');
    maps.markers[0]!.drag(48.86, 2.3);
    await change;
    expect(picker.value).to.include({ lat: 48.86, lng: 2.3 });
  });

  it('takes point, address and place id from a place search', async () => {
    const { picker } = await withMap();
    const search = picker.shadowRoot!.querySelector('fake-place-autocomplete') as HTMLElement & {
      choose: (p: object) => void;
    };
    expect(search.getAttribute('aria-label')).to.equal('Search for a place');
    const change = oneEvent(picker, 'change');
    search.choose({
      lat: 40.6892,
      lng: -74.0445,
      formattedAddress: 'Liberty Island, New York, NY 10004, USA',
      id: 'liberty',
    });
    await change;
    expect(picker.value).to.deep.equal({
      lat: 40.6892,
      lng: -74.0445,
      address: 'Liberty Island, New York, NY 10004, USA',
      placeId: 'liberty',
    });
  });

  it('moves the pin with the arrow keys when the map has focus', async () => {
    const { maps, picker } = await withMap({}, { lat: 10, lng: 20 });
    maps.maps[0]!.element.focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowRight' });
    expect(picker.value!.lat).to.be.greaterThan(10);
    expect(picker.value!.lng).to.be.greaterThan(20);
  });

  it('falls back to the inputs when the script fails to load', async () => {
    const { picker } = await withMap({ fail: true });
    await waitUntil(() => text(picker, 'notice').includes('could not be loaded'), 'the fallback notice');
    await type(input(picker, /Latitude/), '1');
    await type(input(picker, /Longitude/), '2');
    expect(picker.value).to.deep.equal({ lat: 1, lng: 2 });
  });

  it('falls back when loading takes too long', async () => {
    const before = LocationPicker.mapLoadTimeout;
    LocationPicker.mapLoadTimeout = 50;
    try {
      const { picker } = await withMap({ hang: true });
      await waitUntil(() => text(picker, 'notice').includes('too long'), 'the timeout notice');
    } finally {
      LocationPicker.mapLoadTimeout = before;
    }
  });

  it('offers Try again when the map failed to load, and shows the map once a retry loads it', async () => {
    const { maps, picker } = await withMap({ failFirst: 1 }, eiffel);
    await waitUntil(() => text(picker, 'notice').includes('could not be loaded'), 'the fallback notice');
    expect(maps.maps).to.have.length(0);
    const retry = picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.textContent).to.equal('Try again');
    await expect(picker).to.be.accessible();
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => maps.maps.length === 1, 'the map is made on the retry');
    await settle(picker);
    expect(text(picker, 'notice')).to.equal('');
    expect(picker.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
    expect(maps.markers[0]!.position).to.deep.equal({ lat: eiffel.lat, lng: eiffel.lng });
    // Focus is not dropped on the page: it moves to the map the user asked for.
    await waitUntil(() => document.activeElement === maps.maps[0]!.element, 'focus on the map');
  });

  it('offers Try again after a load that took too long, in German too', async () => {
    const before = LocationPicker.mapLoadTimeout;
    LocationPicker.mapLoadTimeout = 50;
    try {
      const maps = createFakeMaps({ hangFirst: 1 });
      const picker = await fixture<LocationPicker>(
        html`<location-picker label="Zuhause" locale="de" required .maps=${{ importLibrary: maps.importLibrary }}></location-picker>`,
      );
      await waitUntil(() => text(picker, 'notice').includes('zu lange'), 'the timeout notice');
      const retry = picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
      expect(retry.textContent).to.equal('Erneut versuchen');
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => maps.maps.length === 1, 'the map is made on the retry');
      await waitUntil(() => text(picker, 'notice') === '', 'no notice once the map is there');
      // Trying again is not leaving the field: an empty required picker shows no error for it.
      await waitUntil(() => document.activeElement === maps.maps[0]!.element, 'focus on the map');
      expect(text(picker, 'error')).to.equal('');
    } finally {
      LocationPicker.mapLoadTimeout = before;
    }
  });

  it('keeps offering Try again while the map still fails', async () => {
    const { maps, picker } = await withMap({ failFirst: 2 });
    await waitUntil(() => text(picker, 'notice').includes('could not be loaded'), 'the fallback notice');
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => maps.calls.filter((call) => call === 'maps').length === 2, 'a second load');
    await waitUntil(
      () => picker.shadowRoot!.querySelector('[part~="retry-button"]')?.getAttribute('aria-disabled') === 'false',
      'Try again is offered again',
    );
    expect(text(picker, 'notice')).to.contain('could not be loaded');
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => maps.maps.length === 1, 'the third load makes the map');
  });

  it('is accessible (axe) with the map', async () => {
    const { picker } = await withMap({}, eiffel);
    await expect(picker).to.be.accessible();
  });
});

describe('Google Maps is loaded only for a picker', () => {
  it('never calls the loader when no picker is on the page, and adds no Google script', async () => {
    const maps = createFakeMaps();
    const host = await fixture<HTMLDivElement>(html`<div><p>No location here.</p></div>`);
    provideCustomerProperties(host, { maps: { apiKey: 'key', importLibrary: maps.importLibrary } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(maps.calls).to.deep.equal([]);
    expect(document.querySelector('script[src*="maps.googleapis.com"]')).to.equal(null);
  });

  it('a picker takes the key and the loader from the context', async () => {
    const maps = createFakeMaps();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideCustomerProperties(host, { maps: { apiKey: 'key', importLibrary: maps.importLibrary } });
    const picker = document.createElement('location-picker');
    host.append(picker);
    // The picker loads the map once it is shown: an IntersectionObserver callback, not a fixed number of tasks away.
    await waitUntil(() => maps.calls.includes('maps'), 'the loader from the context was called');
    expect(maps.calls).to.include('maps');
  });
});

runFormControlTests([
  {
    name: '<location-picker>',
    render: ({ name, required }) =>
      html`<location-picker name=${name} ?required=${required} locale="en"></location-picker>`,
    sample: eiffel,
    submitted: JSON.stringify(eiffel),
    edit: async (control) => type(input(control as LocationPicker, /Latitude/), '12'),
  },
]);
