import { randomInt } from 'node:crypto';
import { getResolution } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { type TestStation } from '../../../../test/helpers/factories.js';
import { buildPeople, buildSouthJakartaWorld } from '../../../../test/helpers/station-world.js';
import {
  listReportResponsivenessByStationMonth,
  summariseReportPlaces,
  summariseReportResponsiveness,
} from './reports.service.js';

const HOUR = 3_600_000;

describe('report figures: coarse places, response times, live push', () => {
  let t: TestContext;
  let polsek: TestStation;
  let mapped: TestStation;
  const cookies: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  const period = () => {
    const now = t.clock.now().getTime();
    return {
      fromIso: new Date(now - 90 * 24 * HOUR).toISOString(),
      toIso: new Date(now + 24 * HOUR).toISOString(),
    };
  };

  const submit = async (payload: Record<string, unknown>, who?: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { description: 'Ada kejadian yang perlu dilaporkan ke polisi.', ...payload },
      remoteAddress: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
      headers: who ? { cookie: cookies[who]! } : {},
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; trackingCode: string }>();
  };
  const officer = (method: 'PATCH' | 'POST', url: string, payload: object, who = 'officer') =>
    t.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });

  beforeAll(async () => {
    t = await createTestContext();
    ({ polsek, mapped } = await buildSouthJakartaWorld(t));
    const people = await buildPeople(t, {
      officer: { stationId: polsek.id, role: 'officer' },
      mampangOfficer: { stationId: mapped.id, role: 'officer' },
      citizen: null,
    });
    for (const [key, person] of Object.entries(people)) {
      cookies[key] = person.cookie;
      accounts[key] = person.id;
    }
  });
  afterAll(() => t.close());

  it('counts public places by coarse H3 cell or kelurahan and month, never a point', async () => {
    const point = { lat: -6.2412345, lng: 106.8123456 };
    await submit({ category: 'pencurian', ...point });
    await submit({ category: 'pencurian', ...point });
    await submit({ category: 'narkoba', ...point });
    await submit({ category: 'pencurian', areaCode: '31.74.07.1001' });

    const places = await summariseReportPlaces(t.ctx, 'all', period());
    const month = t.clock.now().toISOString().slice(0, 7);
    const theft = places.find((p) => p.category === 'pencurian' && p.cell);
    expect(theft).toMatchObject({ month, areaCode: null, count: 2 });
    expect(getResolution(theft!.cell!)).toBe(7);
    // A sensitive category is shown in a coarser cell.
    const drugs = places.find((p) => p.category === 'narkoba');
    expect(getResolution(drugs!.cell!)).toBe(6);
    expect(places).toContainEqual({
      month,
      category: 'pencurian',
      cell: null,
      areaCode: '31.74.07.1001',
      count: 1,
    });
    const text = JSON.stringify(places);
    expect(text).not.toContain('6.241');
    expect(text).not.toContain('106.812');
    expect(text).not.toMatch(/T\d\d:\d\d/);
  });

  it('keeps the time to first response and to resolution, with medians per station and month', async () => {
    const quick = await submit({ category: 'begal', areaCode: '31.74.07.1001' });
    const slow = await submit({ category: 'begal', areaCode: '31.74.07.1002' });
    t.clock.advance(2 * HOUR);
    expect(
      (await officer('POST', `/api/reports/${quick.id}/replies`, { body: 'Kami cek.' })).statusCode,
    ).toBe(201);
    t.clock.advance(2 * HOUR);
    expect(
      (await officer('PATCH', `/api/reports/${slow.id}`, { status: 'diverifikasi' })).statusCode,
    ).toBe(200);
    t.clock.advance(6 * HOUR);
    expect(
      (await officer('PATCH', `/api/reports/${quick.id}`, { status: 'selesai' })).statusCode,
    ).toBe(200);

    const view = (
      await t.app.inject({
        url: `/api/reports/${quick.id}`,
        headers: { cookie: cookies.officer! },
      })
    ).json<{ report: { firstResponseAt: string; resolvedAt: string; createdAt: string } }>();
    const hours = (iso: string) => (Date.parse(iso) - Date.parse(view.report.createdAt)) / HOUR;
    expect(hours(view.report.firstResponseAt)).toBe(2);
    expect(hours(view.report.resolvedAt)).toBe(10);

    const rows = await listReportResponsivenessByStationMonth(t.ctx, [polsek.id], period());
    expect(rows).toEqual([
      {
        stationId: polsek.id,
        month: view.report.createdAt.slice(0, 7),
        // The area-only theft of the test before went to Polsek Tebet too.
        received: 3,
        medianHoursToFirstResponse: 3,
        medianHoursToResolution: 10,
        resolvedShare: 1 / 3,
      },
    ]);
    // The stats feature's summary over a set of stations agrees.
    expect(await summariseReportResponsiveness(t.ctx, [polsek.id], period())).toEqual({
      received: 3,
      medianHoursToFirstResponse: 3,
      medianHoursToResolution: 10,
      resolvedShare: 1 / 3,
    });
  });

  it('pushes every reply and status change live to a named reporter, nothing for an anonymous one', async () => {
    const named = await submit(
      { category: 'penipuan', areaCode: '31.74.07.1001', anonymous: false },
      'citizen',
    );
    const anonymous = await submit(
      { category: 'penipuan', areaCode: '31.74.07.1001', anonymous: true },
      'citizen',
    );
    for (const { id } of [named, anonymous]) {
      expect(
        (await officer('POST', `/api/reports/${id}/replies`, { body: 'Terima kasih.' })).statusCode,
      ).toBe(201);
      expect(
        (await officer('PATCH', `/api/reports/${id}`, { status: 'diverifikasi' })).statusCode,
      ).toBe(200);
    }
    const key = JSON.stringify([`u:${accounts.citizen}`]);
    const events = await t.ctx.db
      .selectFrom('stream_event')
      .select(['keys', 'data'])
      .where('type', '=', 'report.updated')
      .execute();
    const about = (id: string) => events.filter((e) => e.data.includes(id));
    expect(about(named.id)).toHaveLength(2);
    expect(about(named.id).every((e) => e.keys === key)).toBe(true);
    expect(about(anonymous.id)).toEqual([]);
    const pushes = await t.ctx.db
      .selectFrom('job')
      .select('payload')
      .where('name', '=', 'push.fanout')
      .execute();
    expect(pushes.filter((j) => j.payload.includes(named.id))).toHaveLength(2);
    expect(pushes.filter((j) => j.payload.includes(anonymous.id))).toEqual([]);
  });
});
