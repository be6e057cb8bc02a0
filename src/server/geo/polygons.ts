/** GeoJSON polygons as [lng, lat] rings: the outer ring first, holes after it. */
export type PolygonRings = number[][][];

export type AreaGeometry =
  | { type: 'Polygon'; coordinates: PolygonRings }
  | { type: 'MultiPolygon'; coordinates: PolygonRings[] };

export interface BoundingBox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

const isPosition = (p: unknown): p is number[] =>
  Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
const isRing = (r: unknown): r is number[][] =>
  Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygon = (p: unknown): p is PolygonRings =>
  Array.isArray(p) && p.length >= 1 && p.every(isRing);

/** The geometry when it is a well-formed Polygon or MultiPolygon, else undefined. */
export function parseAreaGeometry(value: unknown): AreaGeometry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon' && isPolygon(coordinates)) return { type, coordinates };
  if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.every(isPolygon)) {
    return { type, coordinates };
  }
  return undefined;
}

const polygonsOf = (geometry: AreaGeometry): PolygonRings[] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

export function boundingBox(geometry: AreaGeometry): BoundingBox {
  const box = { minLat: Infinity, minLng: Infinity, maxLat: -Infinity, maxLng: -Infinity };
  for (const polygon of polygonsOf(geometry)) {
    // The outer ring bounds its holes.
    for (const [lng = 0, lat = 0] of polygon[0] ?? []) {
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
      box.minLng = Math.min(box.minLng, lng);
      box.maxLng = Math.max(box.maxLng, lng);
    }
  }
  return box;
}

/** Even-odd ray casting: whether the point lies inside the ring. */
function ringContains(ring: number[][], lat: number, lng: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside an outer ring and outside all its holes, for any of the polygons. */
export function geometryContains(geometry: AreaGeometry, lat: number, lng: number): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) =>
      outer !== undefined &&
      ringContains(outer, lat, lng) &&
      !holes.some((hole) => ringContains(hole, lat, lng)),
  );
}
