import type { StationRef } from '../../../common/api/stations.js';
import type {
  CaseView,
  MonthFigures,
  Responsiveness,
  StatsSummary,
} from '../../../common/api/stats.js';
import { clearanceRate, monthsBetween } from '../../../common/domain/stats.js';
import { csvCell } from '../../text/csv.js';
import type { Period } from './stats.repository.js';
import type {
  CrimeCaseRow,
  CrimeCorrectionRow,
  CrimeFigureRow,
  CrimeMonthRow,
} from './stats.table.js';

export function toMonthFigures(
  station: StationRef,
  month: CrimeMonthRow,
  figures: CrimeFigureRow[],
): MonthFigures {
  return {
    station,
    month: month.month,
    source: month.source,
    version: month.version,
    publishedAt: month.publishedAt,
    figures: figures.map(({ category, crimeTotal, crimeCleared }) => ({
      category,
      crimeTotal,
      crimeCleared,
    })),
  };
}

export function toCaseView(row: CrimeCaseRow): CaseView {
  return {
    id: row.id,
    category: row.category,
    reportedOn: row.reportedOn,
    areaCode: row.areaCode,
    status: row.status,
    clearedOn: row.clearedOn,
  };
}

export interface SummaryParts {
  station: StationRef | null;
  period: Period;
  /** The deployment's categories, in display order; stored ones outside it follow. */
  categories: readonly string[];
  sums: Array<{ month: string; category: string; crimeTotal: number; crimeCleared: number }>;
  sources: Array<{ month: string; source: 'entered' | 'derived'; count: number }>;
  corrections: CrimeCorrectionRow[];
  correctedStations: Map<string, StationRef>;
  responsiveness: Responsiveness;
}

type Totals = { crimeTotal: number; crimeCleared: number };

function add(map: Map<string, Totals>, key: string, row: Totals): void {
  const totals = map.get(key) ?? { crimeTotal: 0, crimeCleared: 0 };
  totals.crimeTotal += row.crimeTotal;
  totals.crimeCleared += row.crimeCleared;
  map.set(key, totals);
}

/** Month and category sums → the public summary: every month and category, zeros included. */
export function toSummary(parts: SummaryParts): StatsSummary {
  const byCategory = new Map<string, Totals>();
  const byMonth = new Map<string, Totals>();
  for (const row of parts.sums) {
    add(byCategory, row.category, row);
    add(byMonth, row.month, row);
  }
  const sourcesOf = new Map<string, Set<string>>();
  for (const { month, source } of parts.sources) {
    sourcesOf.set(month, (sourcesOf.get(month) ?? new Set()).add(source));
  }
  const categories = [
    ...parts.categories,
    ...[...byCategory.keys()].filter((c) => !parts.categories.includes(c)).sort(),
  ];
  const crimeTotal = parts.sums.reduce((sum, row) => sum + row.crimeTotal, 0);
  const crimeCleared = parts.sums.reduce((sum, row) => sum + row.crimeCleared, 0);
  return {
    station: parts.station,
    from: parts.period.from,
    to: parts.period.to,
    crimeTotal,
    crimeCleared,
    clearanceRate: clearanceRate(crimeTotal, crimeCleared),
    byCategory: categories.map((category) => {
      const totals = byCategory.get(category) ?? { crimeTotal: 0, crimeCleared: 0 };
      return {
        category,
        ...totals,
        clearanceRate: clearanceRate(totals.crimeTotal, totals.crimeCleared),
      };
    }),
    byMonth: monthsBetween(parts.period.from, parts.period.to).map((month) => {
      const totals = byMonth.get(month) ?? { crimeTotal: 0, crimeCleared: 0 };
      const sources = [...(sourcesOf.get(month) ?? [])];
      const source =
        sources.length === 0 ? 'none' : sources.length > 1 ? 'mixed' : (sources[0] as 'entered');
      return { month, ...totals, source };
    }),
    responsiveness: parts.responsiveness,
    corrections: parts.corrections.flatMap((row) => {
      const station = parts.correctedStations.get(row.stationId);
      return station
        ? [{ month: row.month, correctedAt: row.correctedAt, reason: row.reason, station }]
        : [];
    }),
  };
}

/**
 * The same view as CSV: one row per month and category (the shape the import reads, plus
 * the rate), then the totals per category with an empty month.
 */
export function toSummaryCsv(summary: StatsSummary): string {
  const header = 'month,category,crime_total,crime_cleared,clearance_rate,source';
  const sourceOf = new Map(summary.byMonth.map((m) => [m.month, m.source]));
  const rows = summary.byMonth.map((m) =>
    [
      m.month,
      '',
      m.crimeTotal,
      m.crimeCleared,
      clearanceRate(m.crimeTotal, m.crimeCleared),
      sourceOf.get(m.month) ?? 'none',
    ]
      .map(csvCell)
      .join(','),
  );
  const categories = summary.byCategory.map((c) =>
    [
      `${summary.from}..${summary.to}`,
      c.category,
      c.crimeTotal,
      c.crimeCleared,
      c.clearanceRate,
      '',
    ]
      .map(csvCell)
      .join(','),
  );
  const total = [
    `${summary.from}..${summary.to}`,
    '',
    summary.crimeTotal,
    summary.crimeCleared,
    summary.clearanceRate,
    '',
  ]
    .map(csvCell)
    .join(',');
  return [header, ...rows, ...categories, total].join('\n') + '\n';
}
