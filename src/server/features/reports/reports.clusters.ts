import type { ReportCategory } from '../../../common/domain/reports.js';

/** What clustering needs of a report: its category, where and when. */
export interface PlacedReport {
  id: string;
  category: ReportCategory;
  stationId: string;
  lat: number | null;
  lng: number | null;
  areaCode: string | null;
  createdAt: string;
}

export interface ClusterRules {
  radiusM: number;
  windowDays: number;
  threshold: number;
}

const EARTH_RADIUS_M = 6_371_000;
const DAY_MS = 24 * 3_600_000;

/** Great-circle distance in metres. */
export function distanceM(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Two reports of one category are close when both have a point within the radius, or (one of
 * them placed only by its area) when they name the same area; and when they were made within
 * the window of each other.
 */
function close(a: PlacedReport, b: PlacedReport, rules: ClusterRules): boolean {
  if (Math.abs(Date.parse(a.createdAt) - Date.parse(b.createdAt)) > rules.windowDays * DAY_MS) {
    return false;
  }
  if (a.lat !== null && a.lng !== null && b.lat !== null && b.lng !== null) {
    return distanceM({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng }) <= rules.radiusM;
  }
  return a.areaCode !== null && a.areaCode === b.areaCode;
}

const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;

const hasPoint = (r: PlacedReport): r is PlacedReport & { lat: number; lng: number } =>
  r.lat !== null && r.lng !== null;

/**
 * For each report, the others that may be close to it, so that not every pair is compared: by
 * a grid of cells one radius wide (the 3×3 cells around a point hold every point within the
 * radius: a degree of longitude is narrowest at the largest latitude present, and the cells are
 * sized for it), and by area code for the reports placed only by their area.
 */
function candidatesOf(members: readonly PlacedReport[], radiusM: number): (i: number) => number[] {
  const maxAbsLat = Math.max(0, ...members.filter(hasPoint).map((r) => Math.abs(r.lat)));
  const latStep = (radiusM / METRES_PER_DEGREE) * 1.01;
  const lngStep = latStep / Math.max(Math.cos((Math.min(maxAbsLat + 1, 89) * Math.PI) / 180), 1e-6);
  const cellOf = (r: { lat: number; lng: number }): [number, number] => [
    Math.floor(r.lat / latStep),
    Math.floor(r.lng / lngStep),
  ];
  const grid = new Map<string, number[]>();
  /** Every report naming the area, and those placed by the area only. */
  const byArea = new Map<string, number[]>();
  const byAreaOnly = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const bucket = map.get(key);
    if (bucket) bucket.push(i);
    else map.set(key, [i]);
  };
  members.forEach((member, i) => {
    if (hasPoint(member)) {
      const [row, col] = cellOf(member);
      push(grid, `${row}:${col}`, i);
    }
    if (member.areaCode === null) return;
    push(byArea, member.areaCode, i);
    if (!hasPoint(member)) push(byAreaOnly, member.areaCode, i);
  });
  return (i) => {
    const member = members[i]!;
    const found: number[] = [];
    // The same area joins two reports when one of them has no point (close() decides).
    if (member.areaCode !== null) {
      found.push(...((hasPoint(member) ? byAreaOnly : byArea).get(member.areaCode) ?? []));
    }
    if (hasPoint(member)) {
      const [row, col] = cellOf(member);
      for (let dr = -1; dr <= 1; dr += 1) {
        for (let dc = -1; dc <= 1; dc += 1)
          found.push(...(grid.get(`${row + dr}:${col + dc}`) ?? []));
      }
    }
    return found;
  };
}

/**
 * Groups reports into clusters: per category, the reports joined by chains of close pairs
 * (single linkage); only groups of at least `threshold` reports are returned, largest first,
 * each oldest report first.
 */
export function findClusters(
  reports: readonly PlacedReport[],
  rules: ClusterRules,
): PlacedReport[][] {
  const byCategory = new Map<ReportCategory, PlacedReport[]>();
  for (const report of reports) {
    const members = byCategory.get(report.category);
    if (members) members.push(report);
    else byCategory.set(report.category, [report]);
  }
  const clusters: PlacedReport[][] = [];
  for (const members of byCategory.values()) {
    const parent = members.map((_, i) => i);
    const root = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const candidates = candidatesOf(members, rules.radiusM);
    for (let i = 0; i < members.length; i += 1) {
      for (const j of candidates(i)) {
        if (j > i && close(members[i]!, members[j]!, rules)) parent[root(i)] = root(j);
      }
    }
    const groups = new Map<number, PlacedReport[]>();
    members.forEach((member, i) => {
      const group = groups.get(root(i));
      if (group) group.push(member);
      else groups.set(root(i), [member]);
    });
    for (const group of groups.values()) {
      if (group.length >= rules.threshold) {
        clusters.push(
          group.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
        );
      }
    }
  }
  return clusters.sort(
    (a, b) => b.length - a.length || a[0]!.createdAt.localeCompare(b[0]!.createdAt),
  );
}

/** The value found most often (the first of equals), or null for none. */
export function mostCommon<T>(values: readonly (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}
