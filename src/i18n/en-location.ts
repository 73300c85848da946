/** The English words of `<location-picker>` (see `en.ts`). */
import type { Catalog } from './catalog.js';
import { addEnglish } from './locales.js';

addEnglish({
  locationPicker: {
    label: 'Location',
    latitude: 'Latitude',
    longitude: 'Longitude',
    address: 'Address',
    coordinatesHint: (example) => `Degrees, for example ${example}.`,
    search: 'Search for a place',
    useMyLocation: 'Use my location',
    locating: 'Finding your location…',
    locationDenied: 'Your browser did not share your location. Type the coordinates or pick a point on the map.',
    openInMaps: 'Open in Google Maps',
    openInMapsLabel: (place) => `Open in Google Maps: ${place} (opens a new tab)`,
    map: 'Map. Click to place the pin; with the map focused, the arrow keys move it.',
    mapLoading: 'Loading the map…',
    noKey: 'The map is not shown because no Google Maps key was given. Type the coordinates instead.',
    loadFailed: 'The map could not be loaded. Type the coordinates instead.',
    loadTimeout: 'The map is taking too long to load. Type the coordinates instead.',
    retryMap: 'Try again',
    pinMoved: (place) => `Pin moved to ${place}.`,
  },
} satisfies Partial<Catalog>);
