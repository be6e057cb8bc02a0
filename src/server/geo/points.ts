import { AppError } from '../errors.js';
import type { LatLng } from './targeting.js';

/** A request schema's optional `lat`/`lng` fields. */
export interface OptionalLatLng {
  lat?: number | undefined;
  lng?: number | undefined;
}

/** The schema-style 400 for a half pair, naming the missing field. */
function halfPairError(missing: 'lat' | 'lng'): AppError {
  return new AppError(
    'validation.failed',
    400,
    { fields: missing },
    { fields: [{ field: missing, problem: 'lat and lng go together' }] },
  );
}

/**
 * The point of an optional lat/lng pair, undefined when neither is given. One without the
 * other is an error naming the missing field: `halfPairError` unless the caller has its own.
 */
export function optionalPoint(
  input: OptionalLatLng,
  onHalfPair: (missing: 'lat' | 'lng') => AppError = halfPairError,
): LatLng | undefined {
  if (input.lat !== undefined && input.lng !== undefined) return { lat: input.lat, lng: input.lng };
  if (input.lat === undefined && input.lng === undefined) return undefined;
  throw onHalfPair(input.lat === undefined ? 'lat' : 'lng');
}
