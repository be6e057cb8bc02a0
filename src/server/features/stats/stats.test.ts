import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSummary } from '../../../common/api/stats.js';
import type { ReportStatus } from '../../../common/domain/reports.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { up } from './migrations/20261202T1040-crime-rollup.js';
import {
  buildAccount,
  buildStation,
  grantRole,
  sessionCookie,
  type TestStation,
} from '../../../../test/helpers/factories.js';

describe('stats', () => {
  let t: TestContext;
  let polda: TestStation;
  let polres: TestStation;
  let polsek: TestStation;
  let sibling: TestStation;
  let otherPolda: TestStation;
  const cookies: Record<string, string> = {};

  const put = (who: string, stationId: string, month: string, payload: object, lang = 'id') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/stations/${stationId}/crime-figures/${month}`,
      headers: { cookie: cookies[who] ?? '', 'accept-language': lang },
      payload,
    });
  const importCsv = (who: string, stationId: string, csv: string, query = '', lang = 'id') =>
    t.app.inject({
      method: 'POST',
      url: `/api/stations/${stationId}/crime-figures/import${query}`,
      headers: { cookie: cookies[who] ?? '', 'content-type': 'text/csv', 'accept-language': lang },
      payload: csv,
    });
  const summary = async (url: string): Promise<StatsSummary> => {
    const response = await t.app.inject(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<StatsSummary>();
  };
  const figures = (...rows: Array<[string, number, number]>) =>
    rows.map(([category, crimeTotal, crimeCleared]) => ({ category, crimeTotal, crimeCleared }));

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set(new Date('2026-06-15T03:00:00.000Z'));
    const db = t.ctx.db;
    polda = await buildStation(db, { slug: 'polda-uji' });
    polres = await buildStation(db, { slug: 'polres-uji', level: 'polres', parentId: polda.id });
    polsek = await buildStation(db, { slug: 'polsek-uji', parentId: polres.id });
    sibling = await buildStation(db, { slug: 'polsek-tetangga', parentId: polres.id });
    otherPolda = await buildStation(db, { slug: 'polda-lain' });
    const people: Array<
      [string, string | null, 'editor' | 'station_admin' | 'officer' | 'platform_admin' | null]
    > = [
      ['polsekEditor', polsek.id, 'editor'],
      ['polsekOfficer', polsek.id, 'officer'],
      ['siblingAdmin', sibling.id, 'station_admin'],
      ['polresAdmin', polres.id, 'station_admin'],
      ['otherPoldaAdmin', otherPolda.id, 'station_admin'],
      ['platformAdmin', null, 'platform_admin'],
      ['citizen', null, null],
    ];
    for (const [key, stationId, role] of people) {
      const account = await buildAccount(db, { name: `Uji ${key}` });
      if (role) await grantRole(db, account.id, stationId, role);
      cookies[key] = await sessionCookie(t, account.id);
    }
  });
  afterAll(() => t.close());

  describe('permissions', () => {
    it('lets only the station itself (and platform admins) publish its figures', async () => {
      const body = { figures: figures(['curat', 1, 0]) };
      expect((await put('', polsek.id, '2026-01', body)).statusCode).toBe(401);
      expect((await put('citizen', polsek.id, '2026-01', body)).statusCode).toBe(403);
      expect((await put('polsekOfficer', polsek.id, '2026-01', body)).statusCode).toBe(403);
      const bySibling = await put('siblingAdmin', polsek.id, '2026-01', body);
      expect(bySibling.statusCode).toBe(403);
      // A parent's admin reaches most of a Polsek's business, but not its public account.
      const byParent = await put('polresAdmin', polsek.id, '2026-01', body, 'en');
      expect(byParent.statusCode).toBe(403);
      expect(byParent.json().error).toMatchObject({
        code: 'stats.not_own_station',
        message: "Only this station's editors or admins may enter its crime figures.",
      });
      const csv = 'month,category,crime_total,crime_cleared\n2026-01,curat,1,0\n';
      expect((await importCsv('siblingAdmin', polsek.id, csv)).statusCode).toBe(403);
      expect(
        (await summary('/api/stats/stations/polsek-uji?from=2026-01&to=2026-01')).crimeTotal,
      ).toBe(0);
      expect((await put('platformAdmin', otherPolda.id, '2026-01', body)).statusCode).toBe(200);
    });
  });

  describe('arithmetic', () => {
    beforeAll(async () => {
      // Polsek: March CT 10 / CC 4 (curat 6/3, narkoba 4/1); April CT 0.
      expect(
        (
          await put('polsekEditor', polsek.id, '2026-03', {
            figures: figures(['curat', 6, 3], ['narkoba', 4, 1]),
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await put('polsekEditor', polsek.id, '2026-04', { figures: figures(['curat', 0, 0]) }))
          .statusCode,
      ).toBe(200);
      // Polres itself: March curat 5 / 5. Sibling Polsek: March narkoba 1 / 0.
      expect(
        (await put('polresAdmin', polres.id, '2026-03', { figures: figures(['curat', 5, 5]) }))
          .statusCode,
      ).toBe(200);
      expect(
        (await put('siblingAdmin', sibling.id, '2026-03', { figures: figures(['narkoba', 1, 0]) }))
          .statusCode,
      ).toBe(200);
    });

    it('gives a station its own figures with CC/CT, and null for CT = 0', async () => {
      const view = await summary('/api/stats/stations/polsek-uji?from=2026-03&to=2026-04');
      expect(view).toMatchObject({
        from: '2026-03',
        to: '2026-04',
        crimeTotal: 10,
        crimeCleared: 4,
        clearanceRate: 0.4,
      });
      expect(view.byCategory.find((c) => c.category === 'curat')).toEqual({
        category: 'curat',
        crimeTotal: 6,
        crimeCleared: 3,
        clearanceRate: 0.5,
      });
      expect(view.byCategory.find((c) => c.category === 'narkoba')?.clearanceRate).toBe(0.25);
      expect(view.byCategory.find((c) => c.category === 'judi')).toEqual({
        category: 'judi',
        crimeTotal: 0,
        crimeCleared: 0,
        clearanceRate: null,
      });
      expect(view.byMonth).toEqual([
        { month: '2026-03', crimeTotal: 10, crimeCleared: 4, source: 'entered' },
        { month: '2026-04', crimeTotal: 0, crimeCleared: 0, source: 'entered' },
      ]);
      const april = await summary('/api/stats/stations/polsek-uji?from=2026-04&to=2026-04');
      expect(april.clearanceRate).toBeNull();
    });

    it('rolls a Polres up over its Polsek, a Polda over its Polres, the nation over all', async () => {
      // Polres: 5/5 own + 10/4 Polsek + 1/0 sibling = 16/9.
      const polresView = await summary('/api/stats/stations/polres-uji?from=2026-03&to=2026-03');
      expect(polresView).toMatchObject({ crimeTotal: 16, crimeCleared: 9, clearanceRate: 9 / 16 });
      expect(polresView.byCategory.find((c) => c.category === 'curat')).toMatchObject({
        crimeTotal: 11,
        crimeCleared: 8,
      });
      expect(polresView.byCategory.find((c) => c.category === 'narkoba')).toMatchObject({
        crimeTotal: 5,
        crimeCleared: 1,
      });
      const poldaView = await summary('/api/stats/stations/polda-uji?from=2026-03&to=2026-03');
      expect(poldaView).toMatchObject({ crimeTotal: 16, crimeCleared: 9 });
      expect(poldaView.station?.slug).toBe('polda-uji');
      // The nation adds the other Polda's January (1/0) when the period holds it.
      const nation = await summary('/api/stats/national?from=2026-01&to=2026-04');
      expect(nation).toMatchObject({ station: null, crimeTotal: 17, crimeCleared: 9 });
      expect(nation.byMonth.map((m) => m.crimeTotal)).toEqual([1, 0, 16, 0]);
      expect(nation.byMonth[1]?.source).toBe('none');
    });

    it('gives the same view as CSV', async () => {
      const response = await t.app.inject(
        '/api/stats/stations/polsek-uji?from=2026-03&to=2026-04&format=csv',
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.body.trim().split('\n');
      expect(lines[0]).toBe('month,category,crime_total,crime_cleared,clearance_rate,source');
      expect(lines[1]).toBe('2026-03,,10,4,0.4,entered');
      expect(lines[2]).toBe('2026-04,,0,0,,entered');
      expect(lines).toContain('2026-03..2026-04,curat,6,3,0.5,');
      expect(lines.at(-1)).toBe('2026-03..2026-04,,10,4,0.4,');
    });

    it('refuses a reversed or overlong period with a stable code', async () => {
      const reversed = await t.app.inject('/api/stats/national?from=2026-05&to=2026-01');
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error.code).toBe('stats.invalid_period');
      expect(
        (await t.app.inject('/api/stats/national?from=2010-01&to=2026-01')).json().error.code,
      ).toBe('stats.period_too_long');
      expect((await t.app.inject('/api/stats/stations/tidak-ada')).statusCode).toBe(404);
    });
  });

  describe('input checks', () => {
    it('refuses unknown or repeated categories and future months, changing nothing', async () => {
      const unknown = await put('polsekEditor', polsek.id, '2026-02', {
        figures: figures(['begal', 1, 0]),
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.code).toBe('stats.unknown_category');
      const twice = await put('polsekEditor', polsek.id, '2026-02', {
        figures: figures(['curat', 1, 0], ['curat', 2, 0]),
      });
      expect(twice.json().error).toMatchObject({
        code: 'stats.duplicate_category',
        details: { fields: [{ field: 'figures.1.category' }] },
      });
      expect(
        (await put('polsekEditor', polsek.id, '2026-07', { figures: [] })).json().error.code,
      ).toBe('stats.future_month');
      expect((await put('polsekEditor', polsek.id, '2026-13', { figures: [] })).statusCode).toBe(
        400,
      );
      const view = await summary('/api/stats/stations/polsek-uji?from=2026-02&to=2026-02');
      expect(view.byMonth[0]).toMatchObject({ crimeTotal: 0, source: 'none' });
    });
  });

  describe('corrections', () => {
    it('needs a reason to change a published month, keeps it public and audited', async () => {
      const first = await put('polsekEditor', polsek.id, '2026-05', {
        figures: figures(['curanmor', 3, 1]),
      });
      expect(first.json()).toMatchObject({ month: '2026-05', version: 1, source: 'entered' });
      const bare = await put('polsekEditor', polsek.id, '2026-05', {
        figures: figures(['curanmor', 4, 1]),
      });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().error.code).toBe('stats.reason_required');
      t.clock.advance(60_000);
      const corrected = await put('polsekEditor', polsek.id, '2026-05', {
        figures: figures(['curanmor', 4, 2]),
        reason: 'Satu laporan masuk terlambat',
      });
      expect(corrected.json()).toMatchObject({
        version: 2,
        figures: [{ category: 'curanmor', crimeTotal: 4, crimeCleared: 2 }],
      });

      const view = await summary('/api/stats/stations/polres-uji?from=2026-05&to=2026-05');
      expect(view.crimeTotal).toBe(4);
      expect(view.corrections).toEqual([
        {
          month: '2026-05',
          correctedAt: t.clock.now().toISOString(),
          reason: 'Satu laporan masuk terlambat',
          station: expect.objectContaining({ slug: 'polsek-uji' }),
        },
      ]);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('stationId', '=', polsek.id)
        .where('action', 'like', 'stats.%')
        .execute();
      expect(audit.map((a) => a.action)).toContain('stats.figures_corrected');
      const page = await t.app.inject({ url: '/statistik/polsek-uji?from=2026-05&to=2026-05' });
      expect(page.body).toContain('Satu laporan masuk terlambat');
    });
  });

  describe('CSV import', () => {
    const header = 'month,category,crime_total,crime_cleared';

    it('names every wrong cell by line and field, in the caller language, writing nothing', async () => {
      const csv = [
        header,
        '2025-01,curat,3,1',
        '2025-13,curat,3,1',
        '2025-02,begal,x,1',
        '2025-01,curat,2,2',
        '2025-03,curat,1',
        '',
      ].join('\n');
      const response = await importCsv('polsekEditor', polsek.id, csv, '', 'en');
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('stats.csv_invalid');
      expect(error.message).toBe('The CSV file has 5 errors; nothing was saved.');
      expect(error.details.errors).toEqual([
        { line: 3, field: 'month', message: 'The month must be YYYY-MM, e.g. 2026-03.' },
        { line: 4, field: 'category', message: 'Unknown crime category "begal".' },
        { line: 4, field: 'crime_total', message: 'Must be a whole number, zero or more.' },
        {
          line: 5,
          field: 'category',
          message: 'This month and category already appear on line 2.',
        },
        { line: 6, field: 'row', message: 'Every row must have 4 columns.' },
      ]);
      const view = await summary('/api/stats/stations/polsek-uji?from=2025-01&to=2025-03');
      expect(view.crimeTotal).toBe(0);
      expect(view.byMonth.every((m) => m.source === 'none')).toBe(true);
    });

    it('refuses a wrong header', async () => {
      const response = await importCsv(
        'polsekEditor',
        polsek.id,
        'bulan,jenis,ct,cc\n2025-01,curat,1,1',
      );
      expect(response.json().error.details.errors).toEqual([
        { line: 1, field: 'header', message: `Baris judul harus tepat: ${header}` },
      ]);
    });

    it('imports a valid file at once, and re-importing a published month needs a reason', async () => {
      const csv = `${header}\r\n2025-01,curat,3,1\r\n2025-01,judi,2,2\r\n2025-02,curat,1,0\r\n`;
      const response = await importCsv('polsekEditor', polsek.id, csv);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ imported: 3 });
      const view = await summary('/api/stats/stations/polsek-uji?from=2025-01&to=2025-02');
      expect(view).toMatchObject({ crimeTotal: 6, crimeCleared: 3 });

      const again = await importCsv('polsekEditor', polsek.id, `${header}\n2025-02,curat,2,0\n`);
      expect(again.json().error.details.errors).toEqual([
        expect.objectContaining({ line: 2, field: 'month' }),
      ]);
      const withReason = await importCsv(
        'polsekEditor',
        polsek.id,
        `${header}\n2025-02,curat,2,0\n`,
        '?reason=Data%20rekap%20ulang',
      );
      expect(withReason.json()).toEqual({ imported: 1 });
      const after = await summary('/api/stats/stations/polsek-uji?from=2025-01&to=2025-02');
      expect(after.crimeTotal).toBe(7);
      expect(after.corrections.map((c) => c.reason)).toEqual(['Data rekap ulang']);
    });

    it('offers a template with the header the import reads', async () => {
      const response = await t.app.inject('/api/stats/import-template.csv');
      expect(response.body.split('\n')[0]).toBe(header);
      expect(response.body).toContain('2026-06,pencurian_biasa,0,0');
    });
  });

  describe('recorded cases', () => {
    it('derives a month from its cases, and never mixes entered and derived months', async () => {
      const record = (payload: object) =>
        t.app.inject({
          method: 'POST',
          url: `/api/stations/${sibling.id}/crime-cases`,
          headers: { cookie: cookies.siblingAdmin! },
          payload,
        });
      expect(
        (await record({ category: 'curat', reportedOn: '2026-02-03', status: 'open' })).statusCode,
      ).toBe(201);
      expect(
        (
          await record({
            category: 'curat',
            reportedOn: '2026-02-10',
            status: 'cleared',
            clearedOn: '2026-02-20',
            areaCode: '31.74.08',
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await record({
            category: 'judi',
            reportedOn: '2026-02-28',
            status: 'cleared',
            clearedOn: '2026-03-02',
          })
        ).statusCode,
      ).toBe(201);
      const bad = await record({ category: 'judi', reportedOn: '2026-02-28', status: 'cleared' });
      expect(bad.json().error.code).toBe('stats.cleared_date');

      const view = await summary('/api/stats/stations/polsek-tetangga?from=2026-02&to=2026-02');
      expect(view).toMatchObject({ crimeTotal: 3, crimeCleared: 2 });
      expect(view.byMonth[0]?.source).toBe('derived');
      expect(view.byCategory.find((c) => c.category === 'curat')).toMatchObject({
        crimeTotal: 2,
        crimeCleared: 1,
      });

      const entering = await put('siblingAdmin', sibling.id, '2026-02', {
        figures: figures(['curat', 9, 9]),
        reason: 'coba',
      });
      expect(entering.statusCode).toBe(409);
      expect(entering.json().error.code).toBe('stats.month_derived');
      // March was entered: its cases cannot be recorded too.
      const intoEntered = await record({
        category: 'curat',
        reportedOn: '2026-03-05',
        status: 'open',
      });
      expect(intoEntered.statusCode).toBe(409);
      expect(intoEntered.json().error.code).toBe('stats.month_entered');
      // Over the Polres, February is derived (sibling) only; March entered everywhere.
      const polresView = await summary('/api/stats/stations/polres-uji?from=2026-02&to=2026-03');
      expect(polresView.byMonth.map((m) => m.source)).toEqual(['derived', 'entered']);
    });
  });

  describe('roll-ups', () => {
    /** The roll-ups as the figures say they must be: summed over each station's subtree. */
    const expectedRollups = async () => {
      const paths = new Map(
        (await t.ctx.db.selectFrom('station').select(['id', 'path']).execute()).map((s) => [
          s.id,
          s.path,
        ]),
      );
      const sums = new Map<string, [number, number]>();
      for (const f of await t.ctx.db.selectFrom('crime_figure').selectAll().execute()) {
        const scopes = [...(paths.get(f.stationId) ?? '').split('/').filter(Boolean), '*'];
        for (const scope of scopes) {
          const key = `${scope}|${f.month}|${f.category}`;
          const [ct, cc] = sums.get(key) ?? [0, 0];
          sums.set(key, [ct + f.crimeTotal, cc + f.crimeCleared]);
        }
      }
      return new Map([...sums].filter(([, [ct, cc]]) => ct !== 0 || cc !== 0));
    };
    const storedRollups = async () =>
      new Map(
        (await t.ctx.db.selectFrom('crime_rollup').selectAll().execute())
          .filter((r) => Number(r.crimeTotal) !== 0 || Number(r.crimeCleared) !== 0)
          .map((r) => [
            `${r.scope}|${r.month}|${r.category}`,
            [Number(r.crimeTotal), Number(r.crimeCleared)] as [number, number],
          ]),
      );

    it('stay equal to the figures summed over every subtree, and the migration builds the same', async () => {
      const expected = await expectedRollups();
      expect(expected.size).toBeGreaterThan(0);
      expect(await storedRollups()).toEqual(expected);

      await t.ctx.db.schema.dropTable('crime_rollup').execute();
      await up(t.ctx.db);
      expect(await storedRollups()).toEqual(expected);
    });
  });

  describe('responsiveness', () => {
    const HOUR = 3_600_000;
    const at = (base: string, hours: number) =>
      new Date(Date.parse(base) + hours * HOUR).toISOString();

    beforeAll(async () => {
      const db = t.ctx.db;
      // Three reports to the Polsek in January 2026 (WIB): answered after 2 h and 4 h, one not
      // yet; one resolved 10 h after it came. One report in December 2025 lies outside.
      const base = '2026-01-10T02:00:00.000Z';
      const reports: Array<[string, string, string | null, ReportStatus, string]> = [
        ['a', base, at(base, 2), 'selesai', at(base, 10)],
        ['b', base, at(base, 4), 'diverifikasi', at(base, 4)],
        ['c', base, null, 'diterima', base],
        ['d', '2025-12-31T16:59:00.000Z', at(base, 1), 'selesai', at(base, 1)],
      ];
      for (const [key, createdAt, firstResponseAt, status, updatedAt] of reports) {
        await db
          .insertInto('report')
          .values({
            id: `rep-${key}`,
            trackingCode: `SGA-TEST-000${key.toUpperCase()}`,
            stationId: polsek.id,
            alertId: null,
            areaCode: null,
            lat: null,
            lng: null,
            category: null,
            description: 'Laporan uji statistik',
            isAnonymous: 1,
            reporterAccountId: null,
            contact: null,
            status,
            note: null,
            createdAt,
            updatedAt,
            firstResponseAt,
          })
          .execute();
      }
      // Two real alerts and one exercise from the Polsek in January; one real from the other Polda.
      const alerts: Array<[string, string, 'Actual' | 'Exercise']> = [
        ['a1', polsek.id, 'Actual'],
        ['a2', polsek.id, 'Actual'],
        ['a3', polsek.id, 'Exercise'],
        ['a4', otherPolda.id, 'Actual'],
      ];
      for (const [id, stationId, status] of alerts) {
        await db
          .insertInto('alert')
          .values({
            id,
            threadId: id,
            stationId,
            msgType: 'Alert',
            status,
            state: 'published',
            isSuperseded: 0,
            category: 'pencurian',
            severity: 'Moderate',
            urgency: 'Expected',
            certainty: 'Likely',
            title: 'Waspada',
            body: 'Uji',
            instruction: null,
            titleEn: null,
            bodyEn: null,
            instructionEn: null,
            describesSuspect: 0,
            hasPersonPhoto: 0,
            target: '{}',
            areaCodes: '[]',
            keys: '[]',
            effectiveAt: base,
            expiresAt: at(base, 24),
            sentAt: base,
            authorId: 'x',
            authorName: 'x',
            reviewerId: null,
            reviewerName: null,
            reviewedAt: null,
            note: null,
            createdAt: base,
            updatedAt: base,
          })
          .execute();
      }
    });

    it('gives medians and shares of citizen reports and the alerts issued, rolled up', async () => {
      const view = await summary('/api/stats/stations/polres-uji?from=2026-01&to=2026-01');
      expect(view.responsiveness).toEqual({
        reports: {
          received: 3,
          medianHoursToFirstResponse: 3,
          medianHoursToResolution: 10,
          resolvedShare: 1 / 3,
        },
        alerts: { issued: 2 },
      });
      const nation = await summary('/api/stats/national?from=2025-12&to=2026-01');
      expect(nation.responsiveness.reports.received).toBe(4);
      expect(nation.responsiveness.alerts.issued).toBe(3);
      const sibling = await summary('/api/stats/stations/polsek-tetangga?from=2026-01&to=2026-01');
      expect(sibling.responsiveness.reports).toMatchObject({ received: 0, resolvedShare: null });
    });
  });

  describe('public page', () => {
    it('serves the numbers, tables, note and preview tags without scripts', async () => {
      const page = await t.app.inject({
        url: '/statistik/polsek-uji?from=2026-03&to=2026-04',
        headers: { accept: 'text/html' },
      });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<title>Statistik kriminalitas Polisi polsek-uji</title>');
      expect(page.body).toContain('property="og:description"');
      expect(page.body).toContain('tingkat penyelesaian 40%');
      expect(page.body).toContain('Kejahatan yang dilaporkan bukan seluruh kejahatan');
      expect(page.body).toContain('<table class="stats-table">');
      expect(page.body).toContain(
        'href="/api/stats/stations/polsek-uji?from=2026-03&amp;to=2026-04&amp;format=csv"',
      );
      const national = await t.app.inject({
        url: '/statistik',
        headers: { 'accept-language': 'en' },
      });
      expect(national.body).toContain('Crime statistics of Indonesia');
      expect(national.body).toContain('href="/statistik/polda-uji');
      const fragment = await t.app.inject('/statistik/polsek-uji?fragment=1');
      expect(fragment.body.startsWith('<article class="stats-page">')).toBe(true);
    });

    it('lets any https site frame the widget, and only the widget', async () => {
      const embed = await t.app.inject('/embed/statistik/polsek-uji');
      expect(embed.statusCode).toBe(200);
      expect(embed.headers['content-security-policy']).toContain("frame-ancestors 'self' https:");
      expect(embed.headers['x-frame-options']).toBeUndefined();
      expect(embed.body).not.toContain('<script src');
      const page = await t.app.inject('/statistik/polsek-uji');
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(String(page.headers['content-security-policy'])).not.toContain(
        'frame-ancestors https:',
      );
    });
  });
});
