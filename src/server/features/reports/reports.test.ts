import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACKING_CODE_PATTERN } from '../../../common/domain/reports.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { type TestStation } from '../../../../test/helpers/factories.js';
import { buildPeople, buildSouthJakartaWorld } from '../../../../test/helpers/station-world.js';

// Rate limits count per address, in Redis across runs on PostgreSQL: each run its own address.
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe('reports', () => {
  let t: TestContext;
  let polres: TestStation;
  let polsek: TestStation;
  let sibling: TestStation;
  let mapped: TestStation;
  let alertId: string;
  const ip = randomIp();
  const cookies: Record<string, string> = {};
  const accounts: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestContext();
    ({ polres, polsek, sibling, mapped } = await buildSouthJakartaWorld(t));
    const people = await buildPeople(t, {
      officer: { stationId: polsek.id, role: 'officer' },
      siblingOfficer: { stationId: sibling.id, role: 'officer' },
      polresAdmin: { stationId: polres.id, role: 'station_admin' },
      citizen: null,
    });
    for (const [key, person] of Object.entries(people)) {
      accounts[key] = person.id;
      cookies[key] = person.cookie;
    }
    const alert = await t.app.inject({
      method: 'POST',
      url: '/api/alerts',
      headers: { cookie: cookies.officer! },
      payload: {
        stationId: polsek.id,
        title: 'Begal di Tebet Barat',
        body: 'Waspada begal motor di sekitar Tebet Barat pada malam hari.',
        category: 'begal',
        severity: 'Moderate',
        urgency: 'Expected',
        certainty: 'Observed',
        target: { areas: ['31.74.07.1001'] },
      },
    });
    expect(alert.statusCode).toBe(201);
    alertId = alert.json().id;
  });
  afterAll(() => t.close());

  const description = 'Ada dua orang mondar-mandir di depan gang sejak sore.';
  const submit = (payload: Record<string, unknown>, who?: string, from = ip) =>
    t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload,
      remoteAddress: from,
      headers: who ? { cookie: cookies[who] ?? '' } : {},
    });
  const request = (method: 'GET' | 'PATCH', url: string, who?: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: who ? { cookie: cookies[who] ?? '' } : {},
    });
  const rowOf = (id: string) =>
    t.ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const reportCount = async () =>
    (await t.ctx.db.selectFrom('report').select('id').execute()).length;
  const listed = async (stationId: string, who: string, query = '') =>
    (await request('GET', `/api/stations/${stationId}/reports${query}`, who)).json().items as Array<
      Record<string, unknown>
    >;

  describe('submitting', () => {
    it('takes an anonymous report from a logged-out visitor, keeping no account and no address', async () => {
      const res = await submit({ description, areaCode: '31.74.07.1001', category: 'pencurian' });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.trackingCode).toMatch(new RegExp(TRACKING_CODE_PATTERN));
      expect(body).toMatchObject({ status: 'diterima', station: { slug: 'polsek-tebet' } });
      const row = await rowOf(body.id);
      expect(row).toMatchObject({
        isAnonymous: 1,
        reporterAccountId: null,
        stationId: polsek.id,
        areaCode: '31.74.07.1001',
        category: 'pencurian',
      });
      expect(JSON.stringify(row)).not.toContain(ip);
    });

    it('keeps the account of a logged-in reporter who is not anonymous', async () => {
      const res = await submit(
        { description, areaCode: '31.74.08.1001', contact: '0812 3456 7890' },
        'citizen',
      );
      expect(res.statusCode).toBe(201);
      const row = await rowOf(res.json().id);
      expect(row).toMatchObject({
        isAnonymous: 0,
        reporterAccountId: accounts.citizen,
        stationId: sibling.id,
        contact: '0812 3456 7890',
      });
    });

    it('never stores the account of a logged-in reporter who asks for anonymity', async () => {
      const res = await submit({ description, areaCode: '31.74.08', isAnonymous: true }, 'citizen');
      expect(res.statusCode).toBe(201);
      const row = await rowOf(res.json().id);
      expect(row).toMatchObject({ isAnonymous: 1, reporterAccountId: null });
      const view = (await listed(sibling.id, 'siblingOfficer')).find((r) => r.id === row.id);
      expect(view).toMatchObject({ isAnonymous: true, reporter: null });
    });

    it("sends a report linked to an alert to the alert's station, with its category", async () => {
      // The area lies in Setiabudi, but the alert came from Tebet: Tebet follows it up.
      const res = await submit({ description, alertId, areaCode: '31.74.08.1001' });
      expect(res.statusCode).toBe(201);
      expect(res.json().station.slug).toBe('polsek-tebet');
      const row = await rowOf(res.json().id);
      expect(row).toMatchObject({ alertId, category: 'begal', areaCode: '31.74.08.1001' });
      const view = (await listed(polsek.id, 'officer')).find((r) => r.id === row.id);
      expect(view).toMatchObject({
        alert: { id: alertId, title: 'Begal di Tebet Barat' },
        area: { code: '31.74.08.1001', name: 'Karet & <Kuningan>' },
      });
    });

    it('finds the area and station of a shared location', async () => {
      const res = await submit({ description, lat: -6.24, lng: 106.82 });
      expect(res.statusCode).toBe(201);
      expect(res.json().station.id).toBe(mapped.id);
      expect(await rowOf(res.json().id)).toMatchObject({
        areaCode: '31.74.09',
        lat: -6.24,
        lng: 106.82,
      });
    });

    it.each([
      [{ description: 'pendek' }, 'description', 'validation.failed'],
      [{ description, areaCode: '31.74', category: 'alien' }, 'category', 'validation.failed'],
      [{ description, lat: 91, lng: 106 }, 'lat', 'validation.failed'],
      [
        { description, areaCode: '31.74', reporterIp: '1.2.3.4' },
        'reporterIp',
        'validation.failed',
      ],
      [{ description, alertId: 'nope' }, 'alertId', 'report.alert_not_found'],
      [{ description, areaCode: '31.99' }, 'areaCode', 'report.area_not_found'],
      [{ description, areaCode: '32' }, 'areaCode', 'report.no_station'],
      [{ description }, 'areaCode', 'report.location_required'],
      [{ description, lat: -6.24 }, 'lng', 'report.location_incomplete'],
      [{ description, lat: 1, lng: 1 }, 'lat', 'report.outside_indonesia'],
      [{ description, lat: 48.85, lng: 2.35 }, 'lng', 'report.outside_indonesia'],
      [{ description, lat: -2, lng: 120 }, 'lat', 'report.location_unknown'],
      [{ description: 'x'.repeat(20_000), areaCode: '31.74' }, 'description', 'validation.failed'],
    ])('refuses %j naming %s, writing nothing', async (payload, field, code) => {
      const before = await reportCount();
      const res = await submit(payload, undefined, randomIp());
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe(code);
      const fields = (res.json().error.details.fields as Array<{ field: string }>).map(
        (f) => f.field,
      );
      expect(fields).toContain(field);
      expect(await reportCount()).toBe(before);
    });

    it('limits how many reports one address sends', async () => {
      const from = randomIp();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        statuses.push(
          (await submit({ description, areaCode: '31.74.07' }, undefined, from)).statusCode,
        );
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
    });
  });

  describe('tracking', () => {
    it('opens the timeline only with the secret, however the code is typed', async () => {
      const { trackingCode, secret } = (
        await submit({ description, areaCode: '31.74.07' }, 'citizen')
      ).json();
      const typed = encodeURIComponent(trackingCode.toLowerCase().replace(/-/g, ' '));
      const track = (headers: Record<string, string>) =>
        t.app.inject({ url: `/api/reports/track/${typed}`, headers, remoteAddress: randomIp() });
      const res = await track({ 'x-tracking-secret': secret });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        trackingCode,
        status: 'diterima',
        description,
        station: { id: polsek.id, slug: 'polsek-tebet', level: 'polsek' },
        timeline: [{ status: 'diterima', reason: null }],
        messages: [],
        photos: [],
      });
      for (const headers of [{}, { 'x-tracking-secret': `${secret}x` }] as Array<
        Record<string, string>
      >) {
        const refused = await track(headers);
        expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'report.not_found']);
      }
      // The stored hash is not the secret.
      const row = await t.ctx.db
        .selectFrom('report')
        .selectAll()
        .where('trackingCode', '=', trackingCode)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(secret);
    });

    it('limits attempts to guess a secret', async () => {
      const from = randomIp();
      let last = 0;
      for (let i = 0; i < 31; i += 1) {
        last = (
          await t.app.inject({
            url: '/api/reports/track/SGA-2222-2222',
            headers: { 'x-tracking-secret': `guess-${i}` },
            remoteAddress: from,
          })
        ).statusCode;
      }
      expect(last).toBe(429);
    });

    it('answers 404 for an unknown code', async () => {
      const res = await request('GET', '/api/reports/track/SGA-2222-2222');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('report.not_found');
    });
  });

  describe('officers', () => {
    it("lists a station's reports to its officers and to ancestors' admins, newest first", async () => {
      t.clock.advance(1000);
      const { id } = (await submit({ description, areaCode: '31.74.07' }, 'citizen')).json();
      const own = await listed(polsek.id, 'officer');
      // The list never names the reporter; the detail does, and that view is audited.
      expect(own[0]).toMatchObject({
        id,
        description,
        reporter: null,
        station: { slug: 'polsek-tebet' },
      });
      expect(own.every((r) => (r.station as { slug: string }).slug === 'polsek-tebet')).toBe(true);
      const fromAbove = await listed(polres.id, 'polresAdmin');
      expect(fromAbove.map((r) => r.id)).toContain(id);
      expect(
        fromAbove.some((r) => (r.station as { slug: string }).slug === 'polsek-setiabudi'),
      ).toBe(true);
    });

    it('refuses other stations, citizens and visitors', async () => {
      expect(
        (await request('GET', `/api/stations/${polsek.id}/reports`, 'siblingOfficer')).statusCode,
      ).toBe(403);
      expect(
        (await request('GET', `/api/stations/${polsek.id}/reports`, 'citizen')).statusCode,
      ).toBe(403);
      expect((await request('GET', `/api/stations/${polsek.id}/reports`)).statusCode).toBe(401);
      expect(
        (await request('GET', `/api/stations/${polres.id}/reports`, 'officer')).statusCode,
      ).toBe(403);
    });

    it('moves a report on, stamps the first response once and audits each change', async () => {
      const { id, trackingCode, secret } = (
        await submit({ description, areaCode: '31.74.07' })
      ).json();
      t.clock.advance(60_000);
      const first = await request('PATCH', `/api/reports/${id}`, 'officer', {
        status: 'diverifikasi',
        note: 'Patroli dikirim',
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ status: 'diverifikasi', note: 'Patroli dikirim' });
      const firstResponseAt = first.json().firstResponseAt;
      expect(firstResponseAt).toBe(t.clock.now().toISOString());
      t.clock.advance(60_000);
      const second = await request('PATCH', `/api/reports/${id}`, 'polresAdmin', {
        status: 'selesai',
      });
      expect(second.json()).toMatchObject({ status: 'selesai', firstResponseAt });
      const idsWith = async (status: string) =>
        (await listed(polsek.id, 'officer', `?status=${status}`)).map((r) => r.id);
      expect(await idsWith('selesai')).toContain(id);
      expect(await idsWith('diterima')).not.toContain(id);
      const tracked = await t.app.inject({
        url: `/api/reports/track/${trackingCode}`,
        headers: { 'x-tracking-secret': secret },
      });
      expect(tracked.json().status).toBe('selesai');
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['action', 'actorName', 'stationId', 'summary'])
        .where('targetId', '=', id)
        .orderBy('seq')
        .execute();
      expect(
        audit.map((a) => [a.action, a.actorName, a.stationId, JSON.parse(a.summary) as unknown]),
      ).toEqual([
        [
          'report.status_changed',
          'Uji officer',
          polsek.id,
          { from: 'diterima', to: 'diverifikasi', note: 'Patroli dikirim' },
        ],
        [
          'report.status_changed',
          'Uji polresAdmin',
          polsek.id,
          { from: 'diverifikasi', to: 'selesai', note: null },
        ],
      ]);
    });

    it('refuses other stations, citizens, bad statuses and impossible moves, changing nothing', async () => {
      const { id } = (await submit({ description, areaCode: '31.74.07' })).json();
      const attempts: Array<[string | undefined, object, number, string]> = [
        ['siblingOfficer', { status: 'diverifikasi' }, 403, 'auth.forbidden'],
        ['citizen', { status: 'diverifikasi' }, 403, 'auth.forbidden'],
        [undefined, { status: 'diverifikasi' }, 401, 'auth.required'],
        ['officer', { status: 'closed' }, 400, 'validation.failed'],
        ['officer', { status: 'diterima' }, 409, 'report.invalid_transition'],
      ];
      for (const [who, payload, status, code] of attempts) {
        const res = await request('PATCH', `/api/reports/${id}`, who, payload);
        expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      }
      expect(await rowOf(id)).toMatchObject({ status: 'diterima', firstResponseAt: null });
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('targetId', '=', id)
        .execute();
      expect(audit).toEqual([]);
      expect(
        (await request('PATCH', '/api/reports/nope', 'officer', { status: 'diverifikasi' }))
          .statusCode,
      ).toBe(404);
    });
  });
});
