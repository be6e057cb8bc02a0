import { Type, type Static } from 'typebox';
import {
  CASE_STATUSES,
  CORRECTION_REASON_MAX,
  CRIME_CATEGORY_PATTERN,
  FIGURE_SOURCES,
  MONTH_PATTERN,
} from '../domain/stats.js';
import { StationRef } from './stations.js';

const Month = Type.String({ pattern: MONTH_PATTERN, description: '`YYYY-MM`' });
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Rate = Type.Union([Type.Number(), Type.Null()], {
  description: 'crimeCleared / crimeTotal; null when crimeTotal is 0',
});

export const FigureInput = Type.Object(
  {
    category: Type.String({ pattern: CRIME_CATEGORY_PATTERN }),
    crimeTotal: Count,
    crimeCleared: Count,
  },
  { additionalProperties: false },
);
export type FigureInput = Static<typeof FigureInput>;

export const PutFiguresBody = Type.Object(
  {
    figures: Type.Array(FigureInput, { maxItems: 200 }),
    /** Needed when the month is already published: the correction shows it publicly. */
    reason: Type.Optional(Type.String({ minLength: 3, maxLength: CORRECTION_REASON_MAX })),
  },
  { additionalProperties: false },
);
export type PutFiguresBody = Static<typeof PutFiguresBody>;

export const FiguresParams = Type.Object({ id: Type.String(), month: Month });

export const MonthFigures = Type.Object({
  station: StationRef,
  month: Month,
  source: Type.Enum(FIGURE_SOURCES),
  version: Type.Integer(),
  publishedAt: Type.String(),
  figures: Type.Array(
    Type.Object({ category: Type.String(), crimeTotal: Count, crimeCleared: Count }),
  ),
});
export type MonthFigures = Static<typeof MonthFigures>;

export const ImportQuery = Type.Object(
  {
    reason: Type.Optional(Type.String({ minLength: 3, maxLength: CORRECTION_REASON_MAX })),
  },
  { additionalProperties: false },
);
export const ImportResult = Type.Object({ imported: Type.Integer() });
export type ImportResult = Static<typeof ImportResult>;

/** One wrong CSV cell: `details.errors` of `stats.csv_invalid`. */
export interface CsvProblem {
  line: number;
  field: string;
  message: string;
}

export const SummaryQuery = Type.Object(
  {
    from: Type.Optional(Month),
    to: Type.Optional(Month),
    format: Type.Optional(Type.Enum(['json', 'csv'])),
  },
  { additionalProperties: false },
);
export type SummaryQuery = Static<typeof SummaryQuery>;
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 80 }) });

const Duration = Type.Union([Type.Number(), Type.Null()], {
  description: 'median hours; null when nothing to measure',
});

/** Only the figures of features this deployment has; each block is absent otherwise. */
export const Responsiveness = Type.Object({
  reports: Type.Object({
    received: Type.Integer(),
    medianHoursToFirstResponse: Duration,
    medianHoursToResolution: Duration,
    resolvedShare: Type.Union([Type.Number(), Type.Null()]),
  }),
  alerts: Type.Object({ issued: Type.Integer() }),
});
export type Responsiveness = Static<typeof Responsiveness>;

export const StatsSummary = Type.Object({
  /** Null for the national view. */
  station: Type.Union([StationRef, Type.Null()]),
  from: Month,
  to: Month,
  crimeTotal: Type.Integer(),
  crimeCleared: Type.Integer(),
  clearanceRate: Rate,
  byCategory: Type.Array(
    Type.Object({
      category: Type.String(),
      crimeTotal: Type.Integer(),
      crimeCleared: Type.Integer(),
      clearanceRate: Rate,
    }),
  ),
  byMonth: Type.Array(
    Type.Object({
      month: Month,
      crimeTotal: Type.Integer(),
      crimeCleared: Type.Integer(),
      /** Over a roll-up a month may be entered by some stations and derived by others. */
      source: Type.Enum([...FIGURE_SOURCES, 'mixed', 'none']),
    }),
  ),
  responsiveness: Responsiveness,
  corrections: Type.Array(
    Type.Object({
      month: Month,
      correctedAt: Type.String(),
      reason: Type.String(),
      station: StationRef,
    }),
  ),
});
export type StatsSummary = Static<typeof StatsSummary>;

export const RecordCaseBody = Type.Object(
  {
    category: Type.String({ pattern: CRIME_CATEGORY_PATTERN }),
    reportedOn: Type.String({ format: 'date' }),
    areaCode: Type.Optional(Type.String({ maxLength: 20 })),
    status: Type.Enum(CASE_STATUSES),
    clearedOn: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type RecordCaseBody = Static<typeof RecordCaseBody>;

export const CaseView = Type.Object({
  id: Type.String(),
  category: Type.String(),
  reportedOn: Type.String(),
  areaCode: Type.Union([Type.String(), Type.Null()]),
  status: Type.Enum(CASE_STATUSES),
  clearedOn: Type.Union([Type.String(), Type.Null()]),
});
export type CaseView = Static<typeof CaseView>;
