/**
 * National area import and name search, on SQLite or (with SIAGA_TEST_PG_URL and
 * SIAGA_TEST_DIALECT=postgres) PostgreSQL: `npx tsx bench/areas.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { createTestContext } from '../test/helpers/context.js';
import { importAreas } from '../src/server/features/areas/areas.service.js';

const t = await createTestContext();
try {
  const first = await importAreas(t.ctx);
  console.log(`import: ${first.total} areas in ${first.ms} ms`);
  const again = await importAreas(t.ctx);
  console.log(`import again (skipped=${again.skipped}): ${again.ms} ms`);
  for (const q of ['kebayoran', 'sukamaju', 'a']) {
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) await t.app.inject(`/api/areas?q=${q}`);
    console.log(`search "${q}": ${((performance.now() - started) / runs).toFixed(1)} ms/request`);
  }
} finally {
  await t.close();
}
