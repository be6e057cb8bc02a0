import { sql } from 'kysely';
import type { FigureSource } from '../../../common/domain/stats.js';
import type { Db } from '../../db/database.js';
import type {
  CrimeCorrectionRow,
  CrimeFigureRow,
  CrimeMonthRow,
  NewCrimeCaseRow,
} from './stats.table.js';

/** Which stations a summary covers: a list of ids, or every station (the national view). */
export type StationFilter = string[] | 'all';

export interface Period {
  from: string;
  to: string;
}

/** Bound values per statement: well under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const INSERT_CHUNK = 6000;

export async function findCrimeMonths(
  db: Db,
  stationId: string,
  months: string[],
): Promise<CrimeMonthRow[]> {
  if (months.length === 0) return [];
  return db
    .selectFrom('crime_month')
    .selectAll()
    .where('stationId', '=', stationId)
    .where('month', 'in', months)
    .execute();
}

export async function listFiguresOfMonth(
  db: Db,
  stationId: string,
  month: string,
): Promise<CrimeFigureRow[]> {
  return db
    .selectFrom('crime_figure')
    .selectAll()
    .where('stationId', '=', stationId)
    .where('month', '=', month)
    .orderBy('category')
    .execute();
}

export async function upsertCrimeMonth(db: Db, row: CrimeMonthRow): Promise<void> {
  await db
    .insertInto('crime_month')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['stationId', 'month']).doUpdateSet({
        source: row.source,
        version: row.version,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** Replaces the figures of the station-months given with `figures` (all of those months). */
export async function replaceFigures(
  db: Db,
  stationId: string,
  months: string[],
  figures: CrimeFigureRow[],
): Promise<void> {
  for (let i = 0; i < months.length; i += INSERT_CHUNK) {
    await db
      .deleteFrom('crime_figure')
      .where('stationId', '=', stationId)
      .where('month', 'in', months.slice(i, i + INSERT_CHUNK))
      .execute();
  }
  await inChunks(figures, (chunk) => db.insertInto('crime_figure').values(chunk).execute());
}

/** Writes many rows in statements of at most INSERT_CHUNK bound values each. */
async function inChunks<R extends object>(
  rows: R[],
  write: (chunk: R[]) => Promise<unknown>,
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const perStatement = Math.floor(INSERT_CHUNK / Object.keys(first).length);
  for (let i = 0; i < rows.length; i += perStatement) {
    await write(rows.slice(i, i + perStatement));
  }
}

export async function insertCorrections(db: Db, rows: CrimeCorrectionRow[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('crime_correction').values(chunk).execute());
}

export async function insertCrimeMonths(db: Db, rows: CrimeMonthRow[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('crime_month').values(chunk).execute());
}

export async function updateCrimeMonthVersion(
  db: Db,
  stationId: string,
  month: string,
  version: number,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('crime_month')
    .set({ version, updatedAt })
    .where('stationId', '=', stationId)
    .where('month', '=', month)
    .execute();
}

/** The station ids a filter names, for `$if`; none for the national view. */
const named = (stations: StationFilter): string[] => (stations === 'all' ? [] : stations);

/** Sums by month and category over the stations, within the period. */
export async function sumFigures(
  db: Db,
  stations: StationFilter,
  period: Period,
): Promise<Array<{ month: string; category: string; crimeTotal: number; crimeCleared: number }>> {
  if (stations !== 'all' && stations.length === 0) return [];
  const rows = await db
    .selectFrom('crime_figure')
    .select(['month', 'category'])
    .select((eb) => [
      eb.fn.sum<number | string>('crimeTotal').as('crimeTotal'),
      eb.fn.sum<number | string>('crimeCleared').as('crimeCleared'),
    ])
    .where('month', '>=', period.from)
    .where('month', '<=', period.to)
    .groupBy(['month', 'category'])
    .$if(stations !== 'all', (qb) => qb.where('stationId', 'in', named(stations)))
    .execute();
  // PostgreSQL answers sums of integers as bigint text.
  return rows.map((row) => ({
    month: row.month,
    category: row.category,
    crimeTotal: Number(row.crimeTotal),
    crimeCleared: Number(row.crimeCleared),
  }));
}

/** How many station-months of each source each month has, for "entered or derived". */
export async function countMonthSources(
  db: Db,
  stations: StationFilter,
  period: Period,
): Promise<Array<{ month: string; source: FigureSource; count: number }>> {
  if (stations !== 'all' && stations.length === 0) return [];
  const rows = await db
    .selectFrom('crime_month')
    .select(['month', 'source'])
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('month', '>=', period.from)
    .where('month', '<=', period.to)
    .groupBy(['month', 'source'])
    .$if(stations !== 'all', (qb) => qb.where('stationId', 'in', named(stations)))
    .execute();
  return rows.map((row) => ({ month: row.month, source: row.source, count: Number(row.count) }));
}

export async function listCorrections(
  db: Db,
  stations: StationFilter,
  period: Period,
): Promise<CrimeCorrectionRow[]> {
  if (stations !== 'all' && stations.length === 0) return [];
  return db
    .selectFrom('crime_correction')
    .selectAll()
    .where('month', '>=', period.from)
    .where('month', '<=', period.to)
    .orderBy('correctedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .$if(stations !== 'all', (qb) => qb.where('stationId', 'in', named(stations)))
    .execute();
}

export async function insertCase(db: Db, row: NewCrimeCaseRow): Promise<void> {
  await db.insertInto('crime_case').values(row).execute();
}

/** The figures of one station-month counted from its cases, by the month they were reported. */
export async function countCasesOfMonth(
  db: Db,
  stationId: string,
  month: string,
): Promise<CrimeFigureRow[]> {
  const rows = await db
    .selectFrom('crime_case')
    .select('category')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('crimeTotal'),
      eb.fn
        .sum<number | string>(
          sql<number>`case when ${sql.ref('status')} = 'cleared' then 1 else 0 end`,
        )
        .as('crimeCleared'),
    ])
    .where('stationId', '=', stationId)
    .where('reportedOn', '>=', `${month}-01`)
    .where('reportedOn', '<=', `${month}-31`)
    .groupBy('category')
    .execute();
  return rows.map((row) => ({
    stationId,
    month,
    category: row.category,
    crimeTotal: Number(row.crimeTotal),
    crimeCleared: Number(row.crimeCleared),
  }));
}
