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
    byCategory.set(report.category, [...(byCategory.get(report.category) ?? []), report]);
  }
  const clusters: PlacedReport[][] = [];
  for (const members of byCategory.values()) {
    const parent = members.map((_, i) => i);
    const root = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        if (close(members[i]!, members[j]!, rules)) parent[root(i)] = root(j);
      }
    }
    const groups = new Map<number, PlacedReport[]>();
    members.forEach((member, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), member]));
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
