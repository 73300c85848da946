import '../src/elements/location-picker/location-picker.js';
import type { LocationPicker } from '../src/elements/location-picker/location-picker.js';
import { onLanguage, words } from './language.js';

// The key and the map id come from the maps context the app provides.
const form = document.querySelector<HTMLFormElement>('#location-form')!;
const output = document.querySelector('#location-output')!;
const eiffel = { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' };

const picker = document.createElement('location-picker');
picker.name = 'place';
picker.required = true;
picker.value = eiffel;
document.querySelector('#picker-host')!.replaceChildren(picker);
const readonly = document.querySelector<LocationPicker>('location-picker[readonly]')!;
readonly.value = eiffel;
onLanguage((words) => {
  picker.label = words.playground.meetingPoint;
  readonly.label = words.playground.headOffice;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  output.textContent = words().playground.submittedPlace(new FormData(form).get('place') as string);
});
form.addEventListener('change', () => {
  output.textContent = words().playground.changed(JSON.stringify(picker.value));
});
