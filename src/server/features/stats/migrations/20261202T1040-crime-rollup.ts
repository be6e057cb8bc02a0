import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  // The figures summed per station over itself and everything below it ('*': the nation),
  // kept on every write, so a Polda's or the country's summary reads a dozen rows a month.
  await db.schema
    .createTable('crime_rollup')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('crimeTotal', 'integer', (c) => c.notNull())
    .addColumn('crimeCleared', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('crime_rollup_pk', ['scope', 'month', 'category'])
    .execute();
  // Figures already published: every station on a figure's path gets them, and the nation.
  // (A one-off read of station paths; the running code asks the stations service.)
  await sql`
    insert into crime_rollup (scope, month, category, "crimeTotal", "crimeCleared")
    select a.id, f.month, f.category, sum(f."crimeTotal"), sum(f."crimeCleared")
    from crime_figure f
    join station s on s.id = f."stationId"
    join station a on substr(s.path, 1, length(a.path)) = a.path
    group by a.id, f.month, f.category
    union all
    select '*', f.month, f.category, sum(f."crimeTotal"), sum(f."crimeCleared")
    from crime_figure f
    group by f.month, f.category
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('crime_rollup').execute();
}
