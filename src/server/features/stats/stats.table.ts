import type { Insertable, Selectable } from 'kysely';
import type { CaseStatus, FigureSource } from '../../../common/domain/stats.js';

/** A station's month with figures: published at once, corrected with a new version. */
export interface CrimeMonthTable {
  stationId: string;
  /** `YYYY-MM` */
  month: string;
  /** Entered (console, CSV) or derived from recorded cases: never both for one month. */
  source: FigureSource;
  version: number;
  publishedAt: string;
  updatedAt: string;
}

/** Crime total (CT) and crime clearance (CC) of one station, month and category. */
export interface CrimeFigureTable {
  stationId: string;
  month: string;
  category: string;
  crimeTotal: number;
  crimeCleared: number;
}

/** CT and CC summed over a station and every station below it (`*`: the nation). */
export interface CrimeRollupTable {
  scope: string;
  month: string;
  category: string;
  crimeTotal: number;
  crimeCleared: number;
}

/** A correction to a published month, shown publicly with its date and reason. */
export interface CrimeCorrectionTable {
  id: string;
  stationId: string;
  month: string;
  /** The version the correction produced. */
  version: number;
  reason: string;
  /** JSON: the figures as they stood before. */
  previous: string;
  correctedAt: string;
}

/** One recorded case; a month with cases has figures derived from them. */
export interface CrimeCaseTable {
  id: string;
  stationId: string;
  category: string;
  /** `YYYY-MM-DD` */
  reportedOn: string;
  areaCode: string | null;
  status: CaseStatus;
  clearedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CrimeMonthRow = Selectable<CrimeMonthTable>;
export type CrimeFigureRow = Selectable<CrimeFigureTable>;
export type CrimeCorrectionRow = Selectable<CrimeCorrectionTable>;
export type CrimeCaseRow = Selectable<CrimeCaseTable>;
export type NewCrimeCaseRow = Insertable<CrimeCaseTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    crime_month: CrimeMonthTable;
    crime_figure: CrimeFigureTable;
    crime_rollup: CrimeRollupTable;
    crime_correction: CrimeCorrectionTable;
    crime_case: CrimeCaseTable;
  }
}
