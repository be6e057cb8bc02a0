import {
  cellToParent,
  compactCells,
  getResolution,
  latLngToCell,
  polygonToCells,
  uncompactCells,
} from 'h3-js';
import { parentAreaCode } from '../../common/domain/areas.js';

/**
 * Geo-targeting by keys. A subscriber (an SSE connection, a push subscription) holds a few
 * keys: its area codes with all their ancestors (`a:31.74.07.1001`, `a:31.74.07`, …) and the
 * H3 cell of its location at every resolution from fine to coarse (`c:89…`). A target is a set
 * of keys too: the area codes it names and its shape's cells, compacted. A subscriber is
 * reached when the two sets share a key, so matching is a hash lookup per target key.
 */

/** ~200 m hexagon edge: fine enough for a circle around a street. */
export const FINE_RESOLUTION = 9;
/** ~8 km edge: compacted target cells never go coarser, so subscribers hold 5 cell keys. */
export const COARSE_RESOLUTION = 5;

export interface LatLng {
  lat: number;
  lng: number;
}

export const areaKey = (code: string) => `a:${code}`;
export const cellKey = (cell: string) => `c:${cell}`;
/** Reaches one account's open tabs (reminders for what it follows). */
export const accountKey = (accountId: string) => `u:${accountId}`;

/** The keys a subscriber at these areas and/or this point is reachable by. */
export function subscriberKeys(areaCodes: readonly string[], point?: LatLng): string[] {
  const keys = new Set<string>();
  for (const code of areaCodes) {
    for (let c: string | null = code; c !== null; c = parentAreaCode(c)) keys.add(areaKey(c));
  }
  if (point) {
    const fine = latLngToCell(point.lat, point.lng, FINE_RESOLUTION);
    for (let res = FINE_RESOLUTION; res >= COARSE_RESOLUTION; res -= 1) {
      keys.add(cellKey(res === FINE_RESOLUTION ? fine : cellToParent(fine, res)));
    }
  }
  return [...keys];
}

/** Compacts fine cells into the fewest keys no coarser than COARSE_RESOLUTION. */
export function cellsToKeys(fineCells: readonly string[]): string[] {
  const compacted = compactCells([...new Set(fineCells)]);
  const keys: string[] = [];
  for (const cell of compacted) {
    if (getResolution(cell) >= COARSE_RESOLUTION) keys.push(cellKey(cell));
    else for (const child of uncompactCells([cell], COARSE_RESOLUTION)) keys.push(cellKey(child));
  }
  return keys;
}

/** Fine cells covering a circle: cells whose centre lies inside, and always the centre's cell. */
export function circleToCells(center: LatLng, radiusM: number): string[] {
  const ring = circleRing(center, radiusM, 48);
  const cells = polygonToCells([ring], FINE_RESOLUTION, true);
  cells.push(latLngToCell(center.lat, center.lng, FINE_RESOLUTION));
  return cells;
}

/** Fine cells covering a GeoJSON polygon ([lng, lat] rings, holes after the outer ring). */
export function polygonToFineCells(rings: number[][][]): string[] {
  const cells = polygonToCells(rings, FINE_RESOLUTION, true);
  // A polygon smaller than one cell still targets the cell it lies in.
  const first = rings[0]?.[0];
  if (cells.length === 0 && first && first.length >= 2) {
    cells.push(latLngToCell(first[1]!, first[0]!, FINE_RESOLUTION));
  }
  return cells;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** A closed [lng, lat] ring approximating a circle on the sphere. */
export function circleRing(center: LatLng, radiusM: number, segments: number): number[][] {
  const lat1 = (center.lat * Math.PI) / 180;
  const lng1 = (center.lng * Math.PI) / 180;
  const angular = radiusM / EARTH_RADIUS_M;
  const ring: number[][] = [];
  for (let i = 0; i < segments; i += 1) {
    const bearing = (2 * Math.PI * i) / segments;
    const lat2 = Math.asin(
      Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
    );
    const lng2 =
      lng1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
        Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([(lng2 * 180) / Math.PI, (lat2 * 180) / Math.PI]);
  }
  ring.push(ring[0]!);
  return ring;
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
