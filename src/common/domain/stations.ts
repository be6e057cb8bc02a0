import type { StationListItem } from '../api/stations.js';

/** A station of the directory with the stations below it that are shown. */
export interface DirectoryNode {
  station: StationListItem;
  children: DirectoryNode[];
}

/** Lower case without diacritics, so "cilandak" finds "Cilandak" and "Ciliwung" no "Cìliwung". */
function fold(text: string): string {
  return text.toLocaleLowerCase('id').normalize('NFD').replace(/\p{M}/gu, '');
}

function matches(station: StationListItem, words: string[]): boolean {
  // The parent's name too: "jatinegara timur" finds the Polsek under Polres Jakarta Timur.
  const text = fold(
    [station.name, station.parent?.name ?? '', station.address, ...station.areaNames].join(' '),
  );
  return words.every((word) => text.includes(word));
}

/**
 * The directory as a tree, Polda → Polres → Polsek in the order given. With a query, a station
 * is kept when every word of it is in its name, its parent's, its address or areas; so are the stations above it
 * (a match is always shown under its Polres and Polda) and below it (whoever serves part of a
 * city that matched). The server renders the same tree for a page without JavaScript as the
 * PWA does while one types.
 */
export function directoryTree(items: readonly StationListItem[], query = ''): DirectoryNode[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const byId = new Map(items.map((item) => [item.id, item]));
  const parentOf = (item: StationListItem) => (item.parent ? byId.get(item.parent.id) : undefined);
  const below = new Map<string, StationListItem[]>();
  for (const item of items) {
    if (item.parent) below.set(item.parent.id, [...(below.get(item.parent.id) ?? []), item]);
  }
  const kept = new Set<string>();
  const keepBelow = (item: StationListItem): void => {
    kept.add(item.id);
    for (const child of below.get(item.id) ?? []) keepBelow(child);
  };
  for (const item of items) {
    if (kept.has(item.id) || !matches(item, words)) continue;
    keepBelow(item);
    for (let up = parentOf(item); up; up = parentOf(up)) kept.add(up.id);
  }
  const nodes = new Map<string, DirectoryNode>();
  const roots: DirectoryNode[] = [];
  // In the order of `items`: siblings keep the server's order, and parents come first (by path).
  for (const item of items) {
    if (!kept.has(item.id)) continue;
    const node: DirectoryNode = { station: item, children: [] };
    nodes.set(item.id, node);
    const parent = item.parent ? nodes.get(item.parent.id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** How many stations a tree shows. */
export function countStations(nodes: readonly DirectoryNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countStations(node.children), 0);
}

/** A `tel:` link for a number as stored (`+62 21 7221111`, `110`). */
export function telUri(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}
