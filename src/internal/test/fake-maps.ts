/*
 * A fake `google.maps` behind the picker's loader seam: records what the picker asks of it and lets
 * a test fire the events a user would cause on a real map.
 */
type Listener = (event?: unknown) => void;

class Emitter {
  listeners = new Map<string, Listener[]>();
  addListener(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return { remove: () => {} };
  }
  trigger(name: string, event?: unknown) {
    for (const listener of this.listeners.get(name) ?? []) listener(event);
  }
}

export class FakeLatLng {
  constructor(
    private readonly latitude: number,
    private readonly longitude: number,
  ) {}
  lat() {
    return this.latitude;
  }
  lng() {
    return this.longitude;
  }
}

export class FakeMap extends Emitter {
  center: { lat: number; lng: number };
  zoom: number;
  constructor(
    readonly element: HTMLElement,
    readonly options: { center: { lat: number; lng: number }; zoom: number; mapId?: string },
  ) {
    super();
    this.center = options.center;
    this.zoom = options.zoom;
    element.dataset.fakeMap = 'true';
  }
  panTo(position: { lat: number; lng: number }) {
    this.center = position;
  }
  getZoom() {
    return this.zoom;
  }
  getCenter() {
    return new FakeLatLng(this.center.lat, this.center.lng);
  }
  /** What a user's click at a point does. */
  click(lat: number, lng: number) {
    this.trigger('click', { latLng: new FakeLatLng(lat, lng) });
  }
}

export class FakeMarker extends Emitter {
  position: { lat: number; lng: number } | null;
  map: unknown;
  draggable: boolean;
  constructor(options: { map: unknown; position: { lat: number; lng: number }; draggable?: boolean }) {
    super();
    this.position = options.position;
    this.map = options.map;
    this.draggable = options.draggable ?? false;
  }
  setPosition(position: { lat: number; lng: number } | null) {
    this.position = position;
  }
  setMap(map: unknown) {
    this.map = map;
  }
  /** What dropping the pin somewhere else does. */
  drag(lat: number, lng: number) {
    this.position = { lat, lng };
    this.trigger('dragend', { latLng: new FakeLatLng(lat, lng) });
  }
}

export class FakePlaceAutocomplete extends HTMLElement {
  /** What choosing a suggestion does. */
  choose(place: { lat: number; lng: number; formattedAddress: string; id: string }) {
    const event = new Event('gmp-select');
    Object.assign(event, {
      placePrediction: {
        toPlace: () => ({
          fetchFields: async () => {},
          location: new FakeLatLng(place.lat, place.lng),
          formattedAddress: place.formattedAddress,
          id: place.id,
        }),
      },
    });
    this.dispatchEvent(event);
  }
}
if (!customElements.get('fake-place-autocomplete'))
  customElements.define('fake-place-autocomplete', FakePlaceAutocomplete);

export interface FakeMapsOptions {
  /** Reject the core library, as a blocked script or a bad key would. */
  fail?: boolean;
  /** Never answer, as a script that hangs would. */
  hang?: boolean;
  /** Reject only the first this many loads of the core library: a network that comes back. */
  failFirst?: number;
  /** Never answer the first this many loads of the core library, then answer. */
  hangFirst?: number;
  address?: string;
}

export function createFakeMaps({
  fail = false,
  hang = false,
  failFirst = 0,
  hangFirst = 0,
  address = 'Champ de Mars, 75007 Paris, France',
}: FakeMapsOptions = {}) {
  const calls: string[] = [];
  const maps: FakeMap[] = [];
  const markers: FakeMarker[] = [];
  const geocoded: { lat: number; lng: number }[] = [];
  class RecordingMap extends FakeMap {
    constructor(element: HTMLElement, options: ConstructorParameters<typeof FakeMap>[1]) {
      super(element, options);
      maps.push(this);
    }
  }
  class RecordingMarker extends FakeMarker {
    constructor(options: ConstructorParameters<typeof FakeMarker>[0]) {
      super(options);
      markers.push(this);
    }
  }
  class FakeGeocoder {
    async geocode({ location }: { location: { lat: number; lng: number } }) {
      geocoded.push(location);
      return { results: [{ formatted_address: address, place_id: 'place-from-geocoder' }] };
    }
  }
  const importLibrary = async (name: string): Promise<unknown> => {
    calls.push(name);
    const loads = calls.filter((call) => call === 'maps').length;
    if (hang || (name === 'maps' && loads <= hangFirst)) return new Promise(() => {});
    if (fail || (name === 'maps' && loads <= failFirst))
      throw new Error('The Google Maps JavaScript API could not load.');
    switch (name) {
      case 'maps':
        return { Map: RecordingMap };
      case 'marker':
        return { Marker: RecordingMarker };
      case 'places':
        return { PlaceAutocompleteElement: FakePlaceAutocomplete };
      case 'geocoding':
        return { Geocoder: FakeGeocoder };
      default:
        throw new Error(`no library ${name}`);
    }
  };
  return { importLibrary, calls, maps, markers, geocoded };
}
