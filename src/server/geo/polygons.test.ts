import { describe, expect, it } from 'vitest';
import { geometryContains } from './polygons.js';
import { cellKeysOverlap, cellsToKeys, circleToCells, polygonToFineCells } from './targeting.js';

const square = (minLng: number, minLat: number, size: number) => [
  [minLng, minLat],
  [minLng + size, minLat],
  [minLng + size, minLat + size],
  [minLng, minLat + size],
  [minLng, minLat],
];

describe('polygons and cell overlap', () => {
  it('finds points inside a polygon and outside its hole', () => {
    const withHole = [square(106.8, -6.3, 0.1), square(106.84, -6.26, 0.02)];
    const polygon = { type: 'Polygon', coordinates: withHole };
    expect(geometryContains(polygon, { lat: -6.29, lng: 106.81 })).toBe(true);
    expect(geometryContains(polygon, { lat: -6.25, lng: 106.85 })).toBe(false);
    expect(geometryContains(polygon, { lat: -6.1, lng: 106.81 })).toBe(false);
  });

  it('reads MultiPolygon geometries', () => {
    const geometry = {
      type: 'MultiPolygon',
      coordinates: [[square(106.8, -6.3, 0.01)], [square(107, -6.3, 0.01)]],
    };
    expect(geometryContains(geometry, { lat: -6.295, lng: 107.005 })).toBe(true);
    expect(geometryContains(geometry, { lat: -6.295, lng: 106.9 })).toBe(false);
    expect(geometryContains({ type: 'Point', coordinates: [0, 0] }, { lat: 0, lng: 0 })).toBe(
      false,
    );
  });

  it('sees overlap between compacted cell sets of different resolutions', () => {
    const district = cellsToKeys(polygonToFineCells([square(106.8, -6.3, 0.1)]));
    const inside = cellsToKeys(circleToCells({ lat: -6.25, lng: 106.85 }, 300));
    const outside = cellsToKeys(circleToCells({ lat: -6.0, lng: 106.5 }, 300));
    expect(cellKeysOverlap(district, inside)).toBe(true);
    expect(cellKeysOverlap(inside, district)).toBe(true);
    expect(cellKeysOverlap(district, outside)).toBe(false);
    expect(cellKeysOverlap(district, ['a:31.74'])).toBe(false);
  });
});
