import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DEFAULT_CRIME_CATEGORIES } from '../../src/common/domain/stats.js';
import { up as buildCrimeRollups } from '../../src/server/features/stats/migrations/20261202T1040-crime-rollup.js';
import { createTestContext, type TestContext } from '../../test/helpers/context.js';
import {
  buildAccount,
  buildStation,
  grantRole,
  sessionCookie,
} from '../../test/helpers/factories.js';
import { percentile } from '../lib/percentile.js';

const CASES = Number(process.argv[2] ?? 1_000_000);
const DAYS = 5 * 365;
const RUNS = 200;
const IMPORT_MONTHS = 100;
const IMPORT_CATEGORIES = 1000;

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 10; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** 10 Polda, 4 Polres each, 11–12 Polsek under each Polres: 500 stations. */
async function buildHierarchy(t: TestContext): Promise<{ poldaSlug: string; polsekIds: string[] }> {
  const polsekIds: string[] = [];
  for (let d = 0; d < 10; d += 1) {
    const polda = await buildStation(t.ctx.db, { slug: `polda-${d}` });
    for (let r = 0; r < 4; r += 1) {
      const polres = await buildStation(t.ctx.db, {
        slug: `polres-${d}-${r}`,
        level: 'polres',
        parentId: polda.id,
      });
      const count = r < 1 ? 12 : 11; // 10 × (12 + 3 × 11) = 450 Polsek
      for (let s = 0; s < count; s += 1) {
        const polsek = await buildStation(t.ctx.db, {
          slug: `polsek-${d}-${r}-${s}`,
          parentId: polres.id,
        });
        polsekIds.push(polsek.id);
      }
    }
  }
  return { poldaSlug: 'polda-0', polsekIds };
}

/**
 * Cases generated inside the database (a numbers series joined to the stations), then the
 * per station-month-category figures and their roll-ups, as recording cases keeps them.
 */
async function seedCases(t: TestContext, polsekIds: string[]): Promise<void> {
  const db = t.ctx.db;
  await sql`create table bench_station (idx integer primary key, id text not null)`.execute(db);
  for (let i = 0; i < polsekIds.length; i += 200) {
    await db
      .withTables<{ bench_station: { idx: number; id: string } }>()
      .insertInto('bench_station')
      .values(polsekIds.slice(i, i + 200).map((id, k) => ({ idx: i + k, id })))
      .execute();
  }
  const categories = DEFAULT_CRIME_CATEGORIES.map((c) => `'${c}'`).join(',');
  const n = polsekIds.length;
  const isPg = t.ctx.database.dialect === 'postgres';
  const series = isPg
    ? sql`select generate_series(0::bigint, ${sql.lit(CASES - 1)}) as i`
    : sql`with recursive s(i) as (select 0 union all select i + 1 from s where i < ${sql.lit(CASES - 1)}) select i from s`;
  const day = isPg
    ? sql`to_char(date '2021-12-01' + ((i * 7919) % ${sql.lit(DAYS)})::int, 'YYYY-MM-DD')`
    : sql`date('2021-12-01', '+' || ((i * 7919) % ${sql.lit(DAYS)}) || ' days')`;
  const category = isPg
    ? sql`(array[${sql.raw(categories)}])[1 + (i % 11)]`
    : sql`json_extract('[${sql.raw(categories.replace(/'/g, '"'))}]', '$[' || (i % 11) || ']')`;
  await sql`
    insert into crime_case (id, "stationId", category, "reportedOn", "areaCode", status, "clearedOn", "createdAt", "updatedAt")
    select 'c' || i, b.id, ${category}, ${day}, null,
      case when i % 5 < 3 then 'cleared' else 'open' end, null, '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z'
    from (${series}) s join bench_station b on b.idx = i % ${sql.lit(n)}`.execute(db);
  await sql`
    insert into crime_month ("stationId", month, source, version, "publishedAt", "updatedAt")
    select "stationId", substr("reportedOn", 1, 7), 'derived', 1, '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z'
    from crime_case group by "stationId", substr("reportedOn", 1, 7)`.execute(db);
  await sql`
    insert into crime_figure ("stationId", month, category, "crimeTotal", "crimeCleared")
    select "stationId", substr("reportedOn", 1, 7), category, count(*),
      sum(case when status = 'cleared' then 1 else 0 end)
    from crime_case group by "stationId", substr("reportedOn", 1, 7), category`.execute(db);
  // The roll-ups as the migration builds them from published figures.
  await db.schema.dropTable('crime_rollup').execute();
  await buildCrimeRollups(db);
  await sql`analyze`.execute(db);
}

async function countRows(t: TestContext, table: 'crime_case' | 'crime_figure'): Promise<number> {
  const row = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function benchSummaries(): Promise<void> {
  const t = await createTestContext();
  try {
    t.clock.set(new Date('2026-11-30T03:00:00Z'));
    const dialect = t.ctx.database.dialect;
    const seedStarted = performance.now();
    const { poldaSlug, polsekIds } = await buildHierarchy(t);
    await seedCases(t, polsekIds);
    const figures = await countRows(t, 'crime_figure');
    console.log(
      `\n[${dialect}] ${await countRows(t, 'crime_case')} cases, 500 stations, ${figures} station-month-category figures (seeded in ${ms(performance.now() - seedStarted)})`,
    );
    const countCases = await measure(() => countRows(t, 'crime_case'));
    const countFigures = await measure(() => countRows(t, 'crime_figure'));
    const period = 'from=2025-12&to=2026-11';
    for (const [label, url] of [
      ['Polda (12 months)', `/api/stats/stations/${poldaSlug}?${period}`],
      ['national (12 months)', `/api/stats/national?${period}`],
    ] as const) {
      const response = await t.app.inject(url);
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.body}`);
      const { crimeTotal } = response.json<{ crimeTotal: number }>();
      const timing = await measure(() => t.app.inject(url));
      console.log(
        `summary ${label.padEnd(22)} CT=${String(crimeTotal).padStart(7)}  p50 ${ms(timing.p50)}  p99 ${ms(timing.p99)}` +
          `   baseline count(*) crime_case: p50 ${ms(countCases.p50)} p99 ${ms(countCases.p99)}; crime_figure: p50 ${ms(countFigures.p50)}`,
      );
    }
  } finally {
    await t.close();
  }
}

async function benchImport(): Promise<void> {
  const categories = Array.from(
    { length: IMPORT_CATEGORIES },
    (_, i) => `c${String(i).padStart(4, '0')}`,
  );
  const t = await createTestContext({ env: { SIAGA_CRIME_CATEGORIES: categories.join(',') } });
  try {
    t.clock.set(new Date('2026-11-30T03:00:00Z'));
    const station = await buildStation(t.ctx.db, { slug: 'polres-impor' });
    const other = await buildStation(t.ctx.db, { slug: 'polres-dasar' });
    const editor = await buildAccount(t.ctx.db);
    await grantRole(t.ctx.db, editor.id, station.id, 'editor');
    const cookie = await sessionCookie(t, editor.id);
    const months = Array.from({ length: IMPORT_MONTHS }, (_, i) => {
      const index = 2026 * 12 + 10 - i;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    });
    const rows = months.flatMap((month) =>
      categories.map((category, k) => ({ month, category, total: k % 50, cleared: k % 20 })),
    );
    const csv = [
      'month,category,crime_total,crime_cleared',
      ...rows.map((r) => `${r.month},${r.category},${r.total},${r.cleared}`),
    ].join('\n');

    const started = performance.now();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/stations/${station.id}/crime-figures/import`,
      headers: { cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
    const importMs = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`import: ${response.body.slice(0, 500)}`);

    // Baseline: the same rows straight into the tables, one transaction, in statements of the
    // repository's size, without parsing or checks.
    const bareStarted = performance.now();
    await t.ctx.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('crime_month')
        .values(
          months.map((month) => ({
            stationId: other.id,
            month,
            source: 'entered' as const,
            version: 1,
            publishedAt: '2026-11-30T00:00:00Z',
            updatedAt: '2026-11-30T00:00:00Z',
          })),
        )
        .execute();
      for (let i = 0; i < rows.length; i += 1200) {
        await tx
          .insertInto('crime_figure')
          .values(
            rows.slice(i, i + 1200).map((r) => ({
              stationId: other.id,
              month: r.month,
              category: r.category,
              crimeTotal: r.total,
              crimeCleared: r.cleared,
            })),
          )
          .execute();
      }
    });
    const bareMs = performance.now() - bareStarted;
    console.log(
      `[${t.ctx.database.dialect}] CSV import of ${response.json<{ imported: number }>().imported} rows (${(csv.length / 1e6).toFixed(1)} MB): ${ms(importMs)}   baseline bare insert of the same rows: ${ms(bareMs)}`,
    );
  } finally {
    await t.close();
  }
}

await benchSummaries();
await benchImport();
