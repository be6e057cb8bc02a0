import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  testDialect,
  type TestContext,
} from '../../../../test/helpers/context.js';
import { buildAccount, buildAreas, buildStation } from '../../../../test/helpers/factories.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logging.js';

/** Every row of every table of the app's database, as JSON text, by table. */
async function dumpDatabase(t: TestContext): Promise<Map<string, string[]>> {
  const tables =
    testDialect === 'postgres'
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.ctx.db)
        ).rows
      : (
          await sql<{ name: string }>`select name from sqlite_master
            where type = 'table' and name not like 'sqlite_%'`.execute(t.ctx.db)
        ).rows;
  const dump = new Map<string, string[]>();
  for (const { name } of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      t.ctx.db,
    );
    dump.set(
      name,
      rows.rows.map((row) => JSON.stringify(row)),
    );
  }
  return dump;
}

describe('an anonymous report from a logged-in citizen', () => {
  const address = '198.51.100.77';
  const lines: string[] = [];
  let t: TestContext;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The production logger, at its most talkative level that still runs in production.
    const log = createLogger(loadConfig({ SIAGA_LOG_LEVEL: 'info' }), sink);
    t = await createTestContext({ log });
    await buildAreas(t.ctx.db, [
      { code: '31', name: 'DKI Jakarta' },
      { code: '31.74', name: 'Kota Jakarta Selatan' },
      { code: '31.74.07', name: 'Tebet' },
      { code: '31.74.07.1001', name: 'Tebet Barat' },
    ]);
    await buildStation(t.ctx.db, { slug: 'polsek-tebet', areaCodes: ['31.74.07'] });
  });
  afterAll(() => t.close());

  it('leaves nothing in the logs or any table that joins it to the account', async () => {
    const citizen = await buildAccount(t.ctx.db);
    const userAgent = 'Mozilla/5.0 (Linux; Android 9; Distinctive-Phone-4242)';
    const loggedIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: citizen.email, password: citizen.password },
      remoteAddress: address,
      headers: { 'user-agent': userAgent },
    });
    expect(loggedIn.statusCode).toBe(200);
    const cookie = String(loggedIn.headers['set-cookie']).split(';')[0]!;
    // Long enough after login that an ordinary request would refresh the session.
    t.clock.advance(2 * 60 * 60 * 1000);
    const sessionBefore = await t.ctx.db
      .selectFrom('session')
      .selectAll()
      .where('accountId', '=', citizen.id)
      .executeTakeFirstOrThrow();

    const logLinesBefore = lines.length;
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: {
        description: 'Ada orang mencurigakan membawa linggis di gang belakang pasar.',
        areaCode: '31.74.07.1001',
        isAnonymous: true,
      },
      remoteAddress: address,
      headers: { cookie, 'user-agent': userAgent },
    });
    expect(submitted.statusCode).toBe(201);
    const {
      id: reportId,
      trackingCode,
      secret,
    } = submitted.json<{ id: string; trackingCode: string; secret: string }>();
    const tracked = await t.app.inject({
      url: `/api/reports/track/${trackingCode}`,
      remoteAddress: address,
      headers: { cookie, 'user-agent': userAgent, 'x-tracking-secret': secret },
    });
    expect(tracked.statusCode).toBe(200);

    // The logs: the report's requests were logged (so the check can fail), without anything
    // that points at the person or the report.
    const reportLines = lines.slice(logLinesBefore).join('');
    expect(reportLines).toContain('/api/reports');
    for (const trace of [
      address,
      '198.51.100.0/24',
      userAgent,
      'Distinctive',
      trackingCode,
      reportId,
      secret,
    ]) {
      expect(reportLines).not.toContain(trace);
    }
    const allLogs = lines.join('');
    expect(allLogs).not.toContain(address);
    expect(allLogs).not.toContain(trackingCode);

    // Every table: the report row says nothing of the account, and no row that knows the
    // account was written or touched at the time of the report.
    const sessionAfter = await t.ctx.db
      .selectFrom('session')
      .selectAll()
      .where('accountId', '=', citizen.id)
      .executeTakeFirstOrThrow();
    expect(sessionAfter).toEqual(sessionBefore);
    const reportTime = t.clock.now().toISOString().slice(0, 16);
    const dump = await dumpDatabase(t);
    expect(dump.get('report')?.length).toBe(1);
    for (const [table, rows] of dump) {
      for (const row of rows) {
        const knowsPerson =
          row.includes(citizen.id) || row.includes(address) || row.includes(userAgent);
        const knowsReport =
          row.includes(reportId) || row.includes(trackingCode) || row.includes(reportTime);
        expect(knowsPerson && knowsReport, `${table}: ${row}`).toBe(false);
      }
    }
  });
});
