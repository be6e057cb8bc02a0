/**
 * `npm run bench -- stats [cases]`: public statistics over 1,000,000 recorded cases (5 years,
 * 500 stations: 10 Polda → 40 Polres → 450 Polsek), on SQLite and, when SIAGA_TEST_PG_URL is
 * set, on PostgreSQL. Each dialect runs in its own process (bench/stats/run.ts) and prints the
 * summary's p50/p99 beside a plain count(*) over the same table, then a 100,000-row CSV import
 * beside a bare insert of the same rows.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('./stats/run.ts', import.meta.url));
const dialects = process.env.SIAGA_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (dialects.length === 1) console.log('(set SIAGA_TEST_PG_URL to measure PostgreSQL too)');
for (const dialect of dialects) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', runner, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, SIAGA_TEST_DIALECT: dialect },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
