import { describe, expect, it } from 'vitest';
import type { StationListItem } from '../api/stations.js';
import { countStations, directoryTree, telUri, type DirectoryNode } from './stations.js';

function station(
  id: string,
  parent: StationListItem | null,
  more: Partial<StationListItem> = {},
): StationListItem {
  return {
    id,
    slug: id,
    name: id,
    level: parent ? (parent.parent ? 'polsek' : 'polres') : 'polda',
    isDemo: false,
    parent: parent
      ? { id: parent.id, slug: parent.slug, name: parent.name, level: parent.level }
      : null,
    address: '',
    phones: [],
    timezone: 'Asia/Jakarta',
    areaNames: [],
    ...more,
  };
}

const names = (nodes: DirectoryNode[]): unknown[] =>
  nodes.map((node) =>
    node.children.length ? [node.station.name, names(node.children)] : node.station.name,
  );

const polda = station('Polda Metro Jaya', null);
const selatan = station('Polres Jakarta Selatan', polda, { areaNames: ['Kota Jakarta Selatan'] });
const cilandak = station('Polsek Cilandak', selatan, { address: 'Jl. Ampera Raya No. 9' });
const timur = station('Polres Jakarta Timur', polda);
const jatinegara = station('Polsek Jatinegara', timur, { areaNames: ['Jatinegara'] });
const all = [polda, selatan, cilandak, timur, jatinegara];

describe('the station directory tree', () => {
  it('nests Polda → Polres → Polsek in the order given', () => {
    const tree = directoryTree(all);
    expect(names(tree)).toEqual([
      [
        'Polda Metro Jaya',
        [
          ['Polres Jakarta Selatan', ['Polsek Cilandak']],
          ['Polres Jakarta Timur', ['Polsek Jatinegara']],
        ],
      ],
    ]);
    expect(countStations(tree)).toBe(5);
  });

  it('keeps a match with the stations above it, and below it', () => {
    expect(names(directoryTree(all, 'ampera'))).toEqual([
      ['Polda Metro Jaya', [['Polres Jakarta Selatan', ['Polsek Cilandak']]]],
    ]);
    // Every word must be found, in any case, across name, address and areas.
    expect(names(directoryTree(all, 'JAKARTA selatan'))).toEqual([
      ['Polda Metro Jaya', [['Polres Jakarta Selatan', ['Polsek Cilandak']]]],
    ]);
    expect(names(directoryTree(all, 'jatinegara timur'))).toEqual([
      ['Polda Metro Jaya', [['Polres Jakarta Timur', ['Polsek Jatinegara']]]],
    ]);
    expect(directoryTree(all, 'bandung')).toEqual([]);
  });

  it('shows a station whose parent is not listed at the top', () => {
    expect(names(directoryTree([cilandak, jatinegara], 'cilandak'))).toEqual(['Polsek Cilandak']);
  });

  it('links numbers for tapping to call', () => {
    expect(telUri('+62 21 722-1111')).toBe('tel:+62217221111');
    expect(telUri('110')).toBe('tel:110');
  });
});
