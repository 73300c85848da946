import '../src/elements/location-picker/location-picker.js';
import type { LocationPicker } from '../src/elements/location-picker/location-picker.js';

const KEY = 'customer-properties-demo:maps';
const settings = document.querySelector<HTMLFormElement>('#maps-settings')!;
const form = document.querySelector<HTMLFormElement>('#location-form')!;
const output = document.querySelector('#location-output')!;
const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { key?: string; mapId?: string; locale?: string };

(settings.elements.namedItem('key') as HTMLInputElement).value = saved.key ?? '';
(settings.elements.namedItem('mapId') as HTMLInputElement).value = saved.mapId ?? '';
(settings.elements.namedItem('locale') as HTMLSelectElement).value = saved.locale ?? 'en';

const eiffel = { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' };

function mountPicker(): void {
  const picker = document.createElement('location-picker') as LocationPicker;
  picker.name = 'place';
  picker.label = 'Meeting point';
  picker.required = true;
  picker.locale = saved.locale ?? 'en';
  if (saved.key) picker.apiKey = saved.key;
  if (saved.mapId) picker.mapId = saved.mapId;
  picker.value = eiffel;
  document.querySelector('#picker-host')!.replaceChildren(picker);
  const readonly = document.querySelector<LocationPicker>('location-picker[readonly]')!;
  readonly.locale = picker.locale;
  readonly.value = eiffel;
}

settings.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(settings);
  Object.assign(saved, { key: String(data.get('key')).trim(), mapId: String(data.get('mapId')).trim(), locale: String(data.get('locale')) });
  localStorage.setItem(KEY, JSON.stringify(saved));
  // Google's script takes one key per page: a new key needs a reload.
  location.reload();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  output.textContent = `Submitted place = ${String(new FormData(form).get('place'))}`;
});
form.addEventListener('change', () => {
  output.textContent = `change: ${JSON.stringify(form.querySelector<LocationPicker>('location-picker')?.value)}`;
});

mountPicker();
