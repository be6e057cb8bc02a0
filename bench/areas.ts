/**
 * `npm run bench -- areas`: the national area import and name search through the real app,
 * each beside a same-run baseline — a bare better-sqlite3 prepared insert of the same rows, and
 * a trivial route (`/healthz`) through the same app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { importAreas, loadNationalAreas } from '../src/server/features/areas/areas.service.js';
import { createTestContext } from '../test/helpers/context.js';

async function timeRequests(run: () => Promise<unknown>, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await run();
  return (performance.now() - started) / count;
}

function bareSqliteInsertMs(rows: Awaited<ReturnType<typeof loadNationalAreas>>): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-'));
  const db = new SqliteDatabase(path.join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'create table area (code text primary key, name text, level text, parentCode text, searchName text)',
  );
  const insert = db.prepare('insert into area values (?, ?, ?, ?, ?)');
  const started = performance.now();
  db.transaction(() => {
    for (const r of rows) insert.run(r.code, r.name, r.level, r.parentCode, r.searchName);
  })();
  const ms = performance.now() - started;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

const t = await createTestContext();
try {
  const rows = await loadNationalAreas();
  const first = await importAreas(t.ctx);
  const baseline = bareSqliteInsertMs(rows);
  console.log(`dialect: ${t.ctx.database.dialect}`);
  console.log(
    `import ${first.total} areas: ${first.ms} ms (incl. reading the package)   baseline bare SQLite insert: ${baseline.toFixed(0)} ms`,
  );
  const again = await importAreas(t.ctx);
  console.log(`import again (skipped=${again.skipped}): ${again.ms} ms`);

  const runs = 50;
  const healthz = await timeRequests(() => t.app.inject('/healthz'), runs);
  for (const q of ['kebayoran', 'sukamaju', 'a']) {
    const search = await timeRequests(() => t.app.inject(`/api/areas?q=${q}`), runs);
    console.log(
      `search "${q}": ${search.toFixed(2)} ms/request   baseline /healthz: ${healthz.toFixed(2)} ms/request`,
    );
  }
} finally {
  await t.close();
}
