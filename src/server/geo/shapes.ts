import { cellToParent, getResolution } from 'h3-js';
import { COARSE_RESOLUTION, type LatLng } from './targeting.js';

/** The polygons ([lng, lat] rings, outer first) of a GeoJSON Polygon or MultiPolygon geometry. */
export function geometryPolygons(geometry: unknown): number[][][][] {
  if (typeof geometry !== 'object' || geometry === null) return [];
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return [];
  if (type === 'Polygon') return [coordinates as number[][][]];
  if (type === 'MultiPolygon') return coordinates as number[][][][];
  return [];
}

function ringContains(ring: number[][], point: LatLng): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    const crosses =
      yi > point.lat !== yj > point.lat &&
      point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi;
    if (crosses) inside = !inside;
  }
  return inside;
}

/** Whether the point lies inside the polygon (inside the outer ring and outside every hole). */
export function polygonContains(rings: number[][][], point: LatLng): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !ringContains(outer, point)) return false;
  return !holes.some((hole) => ringContains(hole, point));
}

export function geometryContains(geometry: unknown, point: LatLng): boolean {
  return geometryPolygons(geometry).some((rings) => polygonContains(rings, point));
}

const cellOf = (key: string) => (key.startsWith('c:') ? key.slice(2) : undefined);

/** The cell and its parents down to the coarsest targeting resolution. */
function selfAndParents(cell: string): string[] {
  const chain = [cell];
  for (let res = getResolution(cell) - 1; res >= COARSE_RESOLUTION; res -= 1) {
    chain.push(cellToParent(cell, res));
  }
  return chain;
}

/**
 * Whether two sets of compacted cell keys cover a common place: some cell of one equals, or
 * contains, some cell of the other.
 */
export function cellKeysOverlap(a: readonly string[], b: readonly string[]): boolean {
  const aCells = a.map(cellOf).filter((cell): cell is string => cell !== undefined);
  const aWithParents = new Set(aCells.flatMap(selfAndParents));
  const aExact = new Set(aCells);
  return b.some((key) => {
    const cell = cellOf(key);
    if (cell === undefined) return false;
    // b's cell contains (or is) one of a's cells, or one of b's ancestors is one of a's cells.
    return aWithParents.has(cell) || selfAndParents(cell).some((c) => aExact.has(c));
  });
}
