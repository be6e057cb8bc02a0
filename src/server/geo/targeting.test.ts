import { describe, expect, it } from 'vitest';
import { cellsToKeys, circleToCells, polygonToFineCells, subscriberKeys } from './targeting.js';

const reaches = (targetKeys: string[], subscriber: string[]) =>
  subscriber.some((k) => targetKeys.includes(k));

describe('geo targeting keys', () => {
  it('gives a subscriber its area codes with every ancestor', () => {
    expect(subscriberKeys(['31.74.07.1001'])).toEqual([
      'a:31.74.07.1001',
      'a:31.74.07',
      'a:31.74',
      'a:31',
    ]);
  });

  it('reaches a point inside a circle and not one 2 km outside it', () => {
    const monas = { lat: -6.1754, lng: 106.8272 };
    const keys = cellsToKeys(circleToCells(monas, 1000));
    expect(reaches(keys, subscriberKeys([], { lat: -6.1794, lng: 106.8302 }))).toBe(true);
    expect(reaches(keys, subscriberKeys([], { lat: -6.2054, lng: 106.8272 }))).toBe(false);
  });

  it('still targets the centre cell of a circle smaller than a cell', () => {
    const point = { lat: -6.2, lng: 106.8 };
    expect(reaches(cellsToKeys(circleToCells(point, 10)), subscriberKeys([], point))).toBe(true);
  });

  it('compacts a large polygon into few keys that still reach points inside', () => {
    const square = [
      [
        [106.7, -6.3],
        [106.9, -6.3],
        [106.9, -6.1],
        [106.7, -6.1],
        [106.7, -6.3],
      ],
    ];
    const cells = polygonToFineCells(square);
    const keys = cellsToKeys(cells);
    expect(keys.length).toBeLessThan(cells.length / 5);
    expect(reaches(keys, subscriberKeys([], { lat: -6.2, lng: 106.8 }))).toBe(true);
    expect(reaches(keys, subscriberKeys([], { lat: -6.2, lng: 107.1 }))).toBe(false);
  });
});
