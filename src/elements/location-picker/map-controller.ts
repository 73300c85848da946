import type { ReactiveController, ReactiveElement } from 'lit';
import type { MapsOptions } from '../../context.js';
import type { Catalog } from '../../i18n/catalog.js';
import type { LocationValue } from '../../model/types.js';
import { loadMapsLibraries, type MapsLibraries } from './maps-loader.js';

export type MapStatus = 'idle' | 'loading' | 'ready' | 'failed' | 'timeout';
type Marker = google.maps.Marker | google.maps.marker.AdvancedMarkerElement;

const round = (n: number) => Math.round(n * 1e7) / 1e7;

/** The `<location-picker>` as its map sees it: the map lives in its light DOM and follows its value. */
export interface MapHost extends ReactiveElement {
  readonly value: LocationValue | null;
  readonly readonly: boolean;
  readonly isDisabled: boolean;
  readonly effectiveLocale: string;
}

/**
 * What the map reads from the picker's private state and asks of it: the map changes the value
 * only through `choose`.
 */
export interface MapPicker {
  readonly options: MapsOptions;
  readonly messages: Catalog['locationPicker'];
  /** How long the map may take (ms) before the picker stays with typed coordinates. */
  readonly loadTimeout: number;
  /** A point the user chose: kept, shown and announced with `input`, and with `change` when `done`. */
  choose(value: LocationValue, done: boolean): void;
  emit(type: 'change'): void;
}

/**
 * The Google map of a `<location-picker>`: loads the libraries when the picker is first on screen,
 * then owns the map (in the picker's light DOM), the pin, the place search and reverse geocoding.
 */
export class MapController implements ReactiveController {
  #host: MapHost;
  #picker: MapPicker;
  #status: MapStatus = 'idle';
  #libraries: MapsLibraries | undefined;
  #map: google.maps.Map | undefined;
  #marker: Marker | undefined;
  #mapHost: HTMLDivElement | undefined;
  #visibility: IntersectionObserver | undefined;

  constructor(host: MapHost, picker: MapPicker) {
    this.#host = host;
    this.#picker = picker;
    host.addController(this);
  }

  get status(): MapStatus {
    return this.#status;
  }

  #setStatus(status: MapStatus): void {
    this.#status = status;
    this.#host.requestUpdate();
  }

  get hasKey(): boolean {
    const options = this.#picker.options;
    return Boolean(options.apiKey || options.importLibrary);
  }

  hostDisconnected(): void {
    if (this.#status === 'idle') {
      this.#visibility?.disconnect();
      this.#visibility = undefined;
    }
  }

  /** Google's script is requested only when a picker with a key is first on screen. */
  hostUpdated(): void {
    if (this.#visibility || this.#host.readonly || !this.hasKey) return;
    this.#visibility = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        this.#visibility?.disconnect();
        void this.#loadMap();
      }
    });
    this.#visibility.observe(this.#host);
  }

  /** Loads the map again after it failed or timed out: a flaky network need not cost a new picker. */
  retry(): Promise<void> {
    if (this.#status !== 'failed' && this.#status !== 'timeout') return Promise.resolve();
    return this.#loadMap();
  }

  async #loadMap(): Promise<void> {
    this.#setStatus('loading');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), this.#picker.loadTimeout)),
    );
    try {
      const result = await Promise.race([loadMapsLibraries(this.#picker.options, this.#host.effectiveLocale), timeout]);
      if (result === 'timeout') {
        this.#setStatus('timeout');
        return;
      }
      this.#libraries = result;
      this.#setStatus('ready');
      await this.#host.updateComplete;
      this.#createMap();
    } catch {
      this.#setStatus('failed');
    } finally {
      clearTimeout(timer);
    }
  }

  #createMap(): void {
    const libraries = this.#libraries!;
    const messages = this.#picker.messages;
    this.#mapHost = document.createElement('div');
    this.#mapHost.slot = 'map';
    this.#mapHost.tabIndex = 0;
    this.#mapHost.setAttribute('role', 'application');
    this.#mapHost.setAttribute('aria-label', messages.map);
    this.#mapHost.addEventListener('keydown', (event) => this.#onMapKey(event));
    this.#mapHost.addEventListener('keyup', (event) => {
      if (event.key.startsWith('Arrow')) this.#picker.emit('change');
    });
    this.#host.append(this.#mapHost);
    const value = this.#host.value;
    this.#map = new libraries.Map(this.#mapHost, {
      center: value ? { lat: value.lat, lng: value.lng } : { lat: 20, lng: 0 },
      zoom: value ? 15 : 2,
      ...(this.#picker.options.mapId ? { mapId: this.#picker.options.mapId } : {}),
      clickableIcons: false,
      keyboardShortcuts: false,
    });
    this.#map.addListener('click', (event: google.maps.MapMouseEvent) => {
      if (!event.latLng || this.#host.isDisabled) return;
      void this.setPoint(event.latLng.lat(), event.latLng.lng(), { reverse: true });
    });
    this.#createSearch();
    this.placeMarker();
  }

  #createSearch(): void {
    const { PlaceAutocompleteElement } = this.#libraries!;
    const container = this.#host.renderRoot.querySelector('[part~="search"]');
    if (!PlaceAutocompleteElement || !container) return;
    const search = new PlaceAutocompleteElement({});
    search.setAttribute('aria-label', this.#picker.messages.search);
    const select = async (event: Event) => {
      const prediction = (event as Event & { placePrediction?: google.maps.places.PlacePrediction }).placePrediction;
      const place = prediction?.toPlace() ?? (event as Event & { place?: google.maps.places.Place }).place;
      if (!place) return;
      await place.fetchFields({ fields: ['location', 'formattedAddress', 'id'] });
      if (!place.location) return;
      await this.setPoint(place.location.lat(), place.location.lng(), {
        ...(place.formattedAddress ? { address: place.formattedAddress } : {}),
        ...(place.id ? { placeId: place.id } : {}),
      });
    };
    search.addEventListener('gmp-select', (event) => void select(event));
    search.addEventListener('gmp-placeselect', (event) => void select(event));
    container.replaceChildren(search);
  }

  /** Puts the pin at the value (or removes it) and keeps it in view. */
  placeMarker(): void {
    const map = this.#map;
    const { Marker, AdvancedMarkerElement } = this.#libraries ?? {};
    if (!map) return;
    const value = this.#host.value;
    const position = value ? { lat: value.lat, lng: value.lng } : null;
    const draggable = !this.#host.readonly && !this.#host.isDisabled;
    if (!this.#marker && position) {
      if (AdvancedMarkerElement && this.#picker.options.mapId) {
        const marker = new AdvancedMarkerElement({ map, position, gmpDraggable: draggable });
        marker.addListener('dragend', () => {
          const at = marker.position;
          if (!at) return;
          const lat = typeof at.lat === 'function' ? at.lat() : at.lat;
          const lng = typeof at.lng === 'function' ? at.lng() : at.lng;
          void this.setPoint(lat, lng, { reverse: true });
        });
        this.#marker = marker;
      } else if (Marker) {
        const marker = new Marker({ map, position, draggable });
        marker.addListener('dragend', (event: google.maps.MapMouseEvent) => {
          if (event.latLng) void this.setPoint(event.latLng.lat(), event.latLng.lng(), { reverse: true });
        });
        this.#marker = marker;
      }
      return;
    }
    const marker = this.#marker;
    if (!marker) return;
    if ('setPosition' in marker) {
      marker.setPosition(position);
      marker.setMap(position ? map : null);
    } else {
      marker.position = position;
      marker.map = position ? map : null;
    }
    if (position) map.panTo(position);
  }

  /** A point chosen on the map, by search, or by the browser: the texts follow, the address too. */
  async setPoint(
    lat: number,
    lng: number,
    { address, placeId, reverse = false }: { address?: string; placeId?: string; reverse?: boolean } = {},
  ): Promise<void> {
    const value: LocationValue = { lat: round(lat), lng: round(lng) };
    if (address) value.address = address;
    if (placeId) value.placeId = placeId;
    this.#picker.choose(value, true);
    if (reverse && this.#libraries?.Geocoder) {
      try {
        const { results } = await new this.#libraries.Geocoder().geocode({
          location: { lat: value.lat, lng: value.lng },
        });
        const found = results[0];
        // Only if the user has not moved on in the meantime.
        if (found && this.#host.value === value) {
          this.#picker.choose(
            { ...value, address: found.formatted_address, ...(found.place_id ? { placeId: found.place_id } : {}) },
            true,
          );
        }
      } catch {
        // No address for this point (or geocoding is not enabled): the coordinates stand alone.
      }
    }
  }

  #onMapKey(event: KeyboardEvent): void {
    const directions: Record<string, [number, number]> = {
      ArrowUp: [1, 0],
      ArrowDown: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const direction = directions[event.key];
    if (!direction || this.#host.isDisabled || this.#host.readonly) return;
    event.preventDefault();
    const zoom = this.#map?.getZoom() ?? 15;
    // About ten screen pixels at this zoom, fifty with Shift.
    const step = ((event.shiftKey ? 50 : 10) * 360) / (256 * 2 ** zoom);
    const center = this.#map?.getCenter();
    const from = this.#host.value ?? { lat: center?.lat() ?? 0, lng: center?.lng() ?? 0 };
    const lat = Math.max(-90, Math.min(90, from.lat + direction[0] * step));
    const lng = ((from.lng + direction[1] * step + 540) % 360) - 180;
    // `change` follows when the key is let go.
    this.#picker.choose({ lat: round(lat), lng: round(lng) }, false);
  }
}
