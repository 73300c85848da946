import type { ValueProblem } from '../errors.js';
import type { LocationInput, LocationValue } from '../types.js';
import type { Parsed, PropertyTypeSpec } from './spec.js';
import { characterCount, fail, ok } from './spec.js';
import { canonicalDecimal, foldNumber } from './number.js';
import { locationDisplay } from './display.js';

export { formatCoordinates } from './display.js';

export const ADDRESS_MAX_LENGTH = 1_000;
export const PLACE_ID_MAX_LENGTH = 1_000;
const KEYS = new Set(['lat', 'lng', 'address', 'placeId']);

const RANGES = { lat: 90, lng: 180 } as const;

function coordinate(input: number | string | undefined): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const canonical = canonicalDecimal(foldNumber(input));
  return canonical === undefined ? undefined : Number(canonical);
}

/** JSON has no -0; a stored coordinate is never one. */
function unsigned(n: number): number {
  return n === 0 ? 0 : n;
}

function checkRanges(value: { lat: number; lng: number }): ValueProblem | null {
  for (const axis of ['lat', 'lng'] as const) {
    const limit = RANGES[axis];
    if (!(Math.abs(value[axis]) <= limit)) {
      return { code: 'location.range', params: { axis, min: -limit, max: limit } };
    }
  }
  return null;
}

/**
 * `48.8584, 2.2945` or, where the comma is the decimal separator, `48,8584; 2,2945`: two typed
 * coordinates in one string. The Arabic comma and semicolon (`،`, `؛`) separate them too.
 */
function locationFromText(typed: string): LocationInput | undefined {
  const text = typed.replace(/\u060c/g, ',').replace(/\u061b/g, ';');
  const parts = text.includes(';')
    ? text.split(';')
    : text.split(/,\s+|\s+/).length === 2
      ? text.split(/,\s+|\s+/)
      : text.split(',');
  if (parts.length !== 2) return undefined;
  return { lat: parts[0]!.trim(), lng: parts[1]!.trim() };
}

function parseLocation(input: LocationInput): Parsed {
  const lat = coordinate(input.lat);
  const lng = coordinate(input.lng);
  const address = typeof input.address === 'string' ? input.address.trim() : '';
  const placeId = typeof input.placeId === 'string' ? input.placeId.trim() : '';
  const blank = (part: unknown) => part === undefined || (typeof part === 'string' && part.trim() === '');
  if (blank(input.lat) && blank(input.lng) && !address) return ok(null);
  if (lat === undefined || lng === undefined) return fail({ code: 'location.format', params: {} });
  const value: LocationValue = { lat: unsigned(lat), lng: unsigned(lng) };
  if (address) value.address = address;
  if (placeId) value.placeId = placeId;
  const problem = checkRanges(value) ?? checkText(value);
  return problem ? fail(problem) : ok(value);
}

/** The limits on the texts of a location, the same for what is typed (`parse`) and stored (`validate`). */
function checkText(value: LocationValue): ValueProblem | null {
  if (value.address !== undefined && characterCount(value.address) > ADDRESS_MAX_LENGTH) {
    return { code: 'location.address', params: { max: ADDRESS_MAX_LENGTH } };
  }
  if (value.placeId !== undefined && value.placeId.length > PLACE_ID_MAX_LENGTH) {
    return { code: 'location.placeId', params: { max: PLACE_ID_MAX_LENGTH } };
  }
  return null;
}

export const locationType: PropertyTypeSpec = {
  ...locationDisplay,
  parse(_def, input) {
    if (input === null || input === undefined) return ok(null);
    if (typeof input === 'string') {
      if (input.trim() === '') return ok(null);
      // Digits of any script and the Arabic decimal sign, as `formatCoordinates` shows them in `fa`.
      const typed = locationFromText(foldNumber(input).trim());
      return typed ? parseLocation(typed) : fail({ code: 'location.format', params: {} });
    }
    if (typeof input !== 'object' || Array.isArray(input)) {
      return fail({ code: 'value.type', params: { expected: 'location' } });
    }
    return parseLocation(input as LocationInput);
  },
  validate(_def, value) {
    const wrong = { code: 'value.type', params: { expected: 'location' } } as const;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong;
    const location = value as Record<string, unknown>;
    if (Object.keys(location).some((key) => !KEYS.has(key))) return wrong;
    const { lat, lng, address, placeId } = location;
    if (typeof lat !== 'number' || typeof lng !== 'number') return wrong;
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) return wrong;
    if (address !== undefined && (typeof address !== 'string' || address.trim() === '')) return wrong;
    if (placeId !== undefined && (typeof placeId !== 'string' || placeId === '')) return wrong;
    return checkRanges({ lat, lng }) ?? checkText(location as unknown as LocationValue);
  },
  operators: {
    'within-km': {
      operand: 'circle',
      test: (operand) => {
        const circle = operand as { lat: number; lng: number; km: number };
        return (v) => typeof v === 'object' && !Array.isArray(v) && distanceKm(v, circle) <= circle.km;
      },
    },
  },
  example: () => ({ lat: 48.8584, lng: 2.2945 }),
  formValue: 'json',
};

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
