import { sql } from 'kysely';
import type { FigureSource } from '../../../common/domain/stats.js';
import type { Db, Dialect } from '../../db/database.js';
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

/** The national roll-up's scope; every other scope is a station id. */
export const NATIONAL_SCOPE = '*';

/**
 * Replaces the figures of the station-months given with `figures` (all of those months), and
 * moves the roll-ups of the station, every station above it and the nation by the difference:
 * the old figures come off, the new go on, each in one statement per scope inside the database.
 */
export async function replaceFigures(
  db: Db,
  dialect: Dialect,
  station: { id: string; path: string },
  months: string[],
  figures: CrimeFigureRow[],
): Promise<void> {
  for (let i = 0; i < months.length; i += INSERT_CHUNK) {
    const chunk = months.slice(i, i + INSERT_CHUNK);
    await moveRollups(db, station, chunk, -1);
    await db
      .deleteFrom('crime_figure')
      .where('stationId', '=', station.id)
      .where('month', 'in', chunk)
      .execute();
  }
  await insertFigures(db, dialect, figures);
  for (let i = 0; i < months.length; i += INSERT_CHUNK) {
    await moveRollups(db, station, months.slice(i, i + INSERT_CHUNK), 1);
  }
}

/**
 * A whole import in few statements. PostgreSQL takes the columns as five arrays in one
 * statement (`unnest`), which is several times faster there than multi-row VALUES; SQLite
 * is in-process, so statements of INSERT_CHUNK values cost it nothing extra.
 */
async function insertFigures(db: Db, dialect: Dialect, figures: CrimeFigureRow[]): Promise<void> {
  if (dialect === 'sqlite') {
    await inChunks(figures, (chunk) => db.insertInto('crime_figure').values(chunk).execute());
    return;
  }
  for (let i = 0; i < figures.length; i += UNNEST_CHUNK) {
    const chunk = figures.slice(i, i + UNNEST_CHUNK);
    await sql`
      insert into crime_figure ("stationId", "month", "category", "crimeTotal", "crimeCleared")
      select * from unnest(
        ${chunk.map((f) => f.stationId)}::text[], ${chunk.map((f) => f.month)}::text[],
        ${chunk.map((f) => f.category)}::text[], ${chunk.map((f) => f.crimeTotal)}::integer[],
        ${chunk.map((f) => f.crimeCleared)}::integer[])`.execute(db);
  }
}

/** Rows per `unnest` statement on PostgreSQL: five bound arrays, kept to a few MB each. */
const UNNEST_CHUNK = 50_000;

/** Adds (or with -1 takes off) the station's figures of these months to each roll-up above. */
async function moveRollups(
  db: Db,
  station: { id: string; path: string },
  months: string[],
  sign: 1 | -1,
): Promise<void> {
  // The station's path is `/<polda>/<polres>/<polsek>/`: each of those, and the nation.
  const scopes = [...station.path.split('/').filter(Boolean), NATIONAL_SCOPE];
  for (const scope of scopes) {
    await db
      .insertInto('crime_rollup')
      .columns(['scope', 'month', 'category', 'crimeTotal', 'crimeCleared'])
      .expression(
        db
          .selectFrom('crime_figure')
          .select((eb) => [
            eb.val(scope).as('scope'),
            'month',
            'category',
            eb('crimeTotal', '*', sign).as('crimeTotal'),
            eb('crimeCleared', '*', sign).as('crimeCleared'),
          ])
          .where('stationId', '=', station.id)
          .where('month', 'in', months),
      )
      .onConflict((oc) =>
        oc.columns(['scope', 'month', 'category']).doUpdateSet({
          crimeTotal: (eb) => eb('crime_rollup.crimeTotal', '+', eb.ref('excluded.crimeTotal')),
          crimeCleared: (eb) =>
            eb('crime_rollup.crimeCleared', '+', eb.ref('excluded.crimeCleared')),
        }),
      )
      .execute();
  }
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

/** CT and CC by month and category of a station with everything below it, or the nation. */
export async function sumFigures(
  db: Db,
  scope: string,
  period: Period,
): Promise<Array<{ month: string; category: string; crimeTotal: number; crimeCleared: number }>> {
  const rows = await db
    .selectFrom('crime_rollup')
    .select(['month', 'category', 'crimeTotal', 'crimeCleared'])
    .where('scope', '=', scope)
    .where('month', '>=', period.from)
    .where('month', '<=', period.to)
    .execute();
  return rows.map((row) => ({
    month: row.month,
    category: row.category,
    // PostgreSQL may answer integers as text.
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
