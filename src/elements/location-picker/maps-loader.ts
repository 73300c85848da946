import type { MapsOptions } from '../../context.js';

/** The parts of Google Maps the picker uses; each may be missing (a library not enabled). */
export interface MapsLibraries {
  Map: typeof google.maps.Map;
  Marker?: typeof google.maps.Marker | undefined;
  AdvancedMarkerElement?: typeof google.maps.marker.AdvancedMarkerElement | undefined;
  PlaceAutocompleteElement?: typeof google.maps.places.PlaceAutocompleteElement | undefined;
  Geocoder?: typeof google.maps.Geocoder | undefined;
}

export type ImportLibrary = (name: string) => Promise<unknown>;

let pageImport: ImportLibrary | undefined;
let pageKey: string | undefined;

/**
 * The loader's `importLibrary`, configured once per page. `@googlemaps/js-api-loader` is imported
 * only here, when a picker first needs a map, so a page without one loads no Maps code.
 */
async function googleImport(options: MapsOptions, language: string): Promise<ImportLibrary> {
  if (!pageImport) {
    const loader = await import('@googlemaps/js-api-loader');
    loader.setOptions({
      key: options.apiKey!,
      v: 'weekly',
      language: options.language ?? language,
      ...(options.mapId ? { mapIds: [options.mapId] } : {}),
    });
    pageKey = options.apiKey;
    pageImport = loader.importLibrary as ImportLibrary;
  } else if (pageKey !== options.apiKey) {
    // Google's script takes one key per page; the first picker's key stays.
    console.warn('customer-properties: Google Maps is already loaded with another key on this page.');
  }
  return pageImport;
}

/**
 * Loads the libraries the picker uses. `options.importLibrary` replaces the loader (tests inject a
 * fake `google.maps` there). Rejects when the core `maps` library cannot load; the optional ones
 * (marker, places, geocoding) are simply missing when they fail.
 */
export async function loadMapsLibraries(options: MapsOptions, language: string): Promise<MapsLibraries> {
  const importLibrary = options.importLibrary ?? (await googleImport(options, language));
  const optional = <T>(name: string) => (importLibrary(name) as Promise<T>).catch(() => undefined);
  const [maps, marker, places, geocoding] = await Promise.all([
    importLibrary('maps') as Promise<google.maps.MapsLibrary>,
    optional<google.maps.MarkerLibrary>('marker'),
    optional<google.maps.PlacesLibrary>('places'),
    optional<google.maps.GeocodingLibrary>('geocoding'),
  ]);
  return {
    Map: maps.Map,
    Marker: marker?.Marker ?? (maps as unknown as { Marker?: typeof google.maps.Marker }).Marker,
    AdvancedMarkerElement: marker?.AdvancedMarkerElement,
    PlaceAutocompleteElement: places?.PlaceAutocompleteElement,
    Geocoder: geocoding?.Geocoder,
  };
}

/** A link that opens the point in Google Maps (no key needed). */
export function googleMapsUrl(value: { lat: number; lng: number; placeId?: string }): string {
  const url = new URL('https://www.google.com/maps/search/');
  url.searchParams.set('api', '1');
  url.searchParams.set('query', `${value.lat},${value.lng}`);
  if (value.placeId) url.searchParams.set('query_place_id', value.placeId);
  return url.href;
}
