import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { type TestStation } from '../../../../test/helpers/factories.js';
import { buildPeople, buildSouthJakartaWorld } from '../../../../test/helpers/station-world.js';
import { distanceM, findClusters, type PlacedReport } from './reports.clusters.js';

const DAY = 24 * 3_600_000;
const rules = { radiusM: 1000, windowDays: 7, threshold: 3 };
const at = (days: number) => new Date(Date.UTC(2026, 11, 1) + days * DAY).toISOString();
let n = 0;
const placed = (overrides: Partial<PlacedReport>): PlacedReport => ({
  id: `r${String((n += 1)).padStart(3, '0')}`,
  category: 'pencurian',
  stationId: 's1',
  lat: null,
  lng: null,
  areaCode: null,
  createdAt: at(0),
  ...overrides,
});

describe('finding clusters', () => {
  // 0.005° of latitude is about 556 m.
  const point = (steps: number) => ({ lat: -6.24 + steps * 0.005, lng: 106.8 });

  it('chains reports of one category within the radius and the window, from the threshold', () => {
    expect(distanceM(point(0), point(1))).toBeGreaterThan(500);
    expect(distanceM(point(0), point(1))).toBeLessThan(600);
    const chain = [placed(point(0)), placed(point(1)), placed({ ...point(2), createdAt: at(3) })];
    const far = placed(point(10));
    const otherKind = placed({ ...point(0), category: 'begal' });
    const clusters = findClusters([far, ...chain, otherKind], rules);
    // The chain holds although its ends are 1.1 km apart: each link is within 1 km.
    expect(clusters.map((c) => c.map((r) => r.id))).toEqual([chain.map((r) => r.id)]);
  });

  it('leaves out reports outside the window or below the threshold', () => {
    const spread = [
      placed({ ...point(0), createdAt: at(0) }),
      placed({ ...point(0), createdAt: at(8) }),
      placed({ ...point(0), createdAt: at(16) }),
    ];
    expect(findClusters(spread, rules)).toEqual([]);
    expect(findClusters(spread.slice(0, 2), { ...rules, windowDays: 30 })).toEqual([]);
    expect(findClusters(spread, { ...rules, windowDays: 8 })).toHaveLength(1);
  });

  it('joins reports placed only by an area with the others of that area', () => {
    const village = '31.74.07.1001';
    const reports = [
      placed({ areaCode: village }),
      placed({ areaCode: village, ...point(0) }),
      placed({ areaCode: village, ...point(5) }),
      placed({ areaCode: '31.74.07.1002' }),
    ];
    expect(findClusters(reports, rules)[0]?.map((r) => r.id)).toEqual(
      reports.slice(0, 3).map((r) => r.id),
    );
  });

  it('reads its rules from SIAGA_REPORT_CLUSTER_* (defaults 1 km, 7 days, 3 reports)', () => {
    expect(loadConfig({}).reportClusters).toEqual(rules);
    expect(
      loadConfig({
        SIAGA_REPORT_CLUSTER_RADIUS_M: '500',
        SIAGA_REPORT_CLUSTER_DAYS: '3',
        SIAGA_REPORT_CLUSTER_THRESHOLD: '5',
      }).reportClusters,
    ).toEqual({ radiusM: 500, windowDays: 3, threshold: 5 });
    expect(() => loadConfig({ SIAGA_REPORT_CLUSTER_THRESHOLD: '1' })).toThrow(ConfigError);
    expect(() => loadConfig({ SIAGA_REPORT_CLUSTER_RADIUS_M: 'dekat' })).toThrow(ConfigError);
  });
});

describe('report clusters over HTTP', () => {
  let t: TestContext;
  let polsek: TestStation;
  const cookies: Record<string, string> = {};
  const TEBET_BARAT = '31.74.07.1001';

  const submit = (payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { description: 'Motor warga hilang dari depan rumah malam tadi.', ...payload },
      // Each report from its own address: the intake's rate limit counts per address.
      remoteAddress: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
    });
  const clusters = async (who: string, language = 'id') => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/reports/clusters',
      headers: { cookie: cookies[who] ?? '', 'accept-language': language },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Array<Record<string, unknown>> }>().items;
  };
  const draft = (who: string, key: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/reports/clusters/${key}/alert-draft`,
      headers: { cookie: cookies[who] ?? '' },
    });

  beforeAll(async () => {
    t = await createTestContext();
    let polres: TestStation;
    let sibling: TestStation;
    let mapped: TestStation;
    ({ polsek, polres, sibling, mapped } = await buildSouthJakartaWorld(t));
    const people = await buildPeople(t, {
      officer: { stationId: polsek.id, role: 'officer' },
      siblingOfficer: { stationId: sibling.id, role: 'officer' },
      mampangOfficer: { stationId: mapped.id, role: 'officer' },
      polresAdmin: { stationId: polres.id, role: 'station_admin' },
      citizen: null,
    });
    for (const [key, person] of Object.entries(people)) cookies[key] = person.cookie;

    // Three thefts in Tebet Barat (by area), two robberies there: one cluster for Polsek Tebet.
    for (let i = 0; i < 3; i += 1) {
      expect((await submit({ category: 'pencurian', areaCode: TEBET_BARAT })).statusCode).toBe(201);
    }
    for (let i = 0; i < 2; i += 1) {
      expect((await submit({ category: 'begal', areaCode: TEBET_BARAT })).statusCode).toBe(201);
    }
    // Three thefts within a few hundred metres in Mampang (by point), and one 3 km away.
    for (const [lat, lng] of [
      [-6.24, 106.81],
      [-6.243, 106.812],
      [-6.238, 106.807],
      [-6.225, 106.835],
    ] as const) {
      expect((await submit({ category: 'pencurian', lat, lng })).statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('shows a station its clusters, "3 laporan pencurian di Kel. X dalam 7 hari"', async () => {
    const items = await clusters('officer');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      category: 'pencurian',
      count: 3,
      station: { id: polsek.id },
      area: { code: TEBET_BARAT, name: 'Tebet Barat', level: 'village' },
      areaCodes: [TEBET_BARAT],
      summary: '3 laporan pencurian di Kel. Tebet Barat dalam 7 hari',
    });
    expect(items[0]!.reports).toHaveLength(3);
    expect((await clusters('officer', 'en'))[0]!.summary).toBe(
      '3 reports of theft in Tebet Barat village within 7 days',
    );
  });

  it('covers the stations below, never a sibling, and no citizen', async () => {
    const polresView = await clusters('polresAdmin');
    expect(polresView.map((c) => [c.category, c.count])).toEqual([
      ['pencurian', 3],
      ['pencurian', 3],
    ]);
    expect((await clusters('mampangOfficer')).map((c) => c.count)).toEqual([3]);
    expect(await clusters('siblingOfficer')).toEqual([]);
    const citizen = await t.app.inject({
      method: 'GET',
      url: '/api/reports/clusters',
      headers: { cookie: cookies.citizen! },
    });
    expect(citizen.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/reports/clusters' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('opens an alert draft pre-filled through the alerts service, storing nothing', async () => {
    const [cluster] = await clusters('officer');
    const alertsBefore = await t.ctx.db.selectFrom('alert').select('id').execute();
    const response = await draft('officer', cluster!.key as string);
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      stationId: polsek.id,
      category: 'pencurian',
      target: { areas: [TEBET_BARAT] },
      title: 'Waspada pencurian di Kel. Tebet Barat',
      titleEn: 'Beware of theft in Tebet Barat village',
    });
    expect(body.body).toContain('3 laporan pencurian di Kel. Tebet Barat');
    expect(await t.ctx.db.selectFrom('alert').select('id').execute()).toEqual(alertsBefore);

    // As it comes, the draft is an alert the officer may send.
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/alerts',
      headers: { cookie: cookies.officer! },
      payload: body,
    });
    expect(issued.statusCode).toBe(201);

    // Another station's officer does not see the cluster, so cannot draft from it.
    expect((await draft('siblingOfficer', cluster!.key as string)).statusCode).toBe(404);
    expect((await draft('officer', 'no-such-cluster')).statusCode).toBe(404);
  });

  it('leaves out rejected reports, and reports older than the window', async () => {
    const [cluster] = await clusters('mampangOfficer');
    const first = (cluster!.reports as Array<{ id: string }>)[0]!;
    const rejected = await t.app.inject({
      method: 'PATCH',
      url: `/api/reports/${first.id}`,
      headers: { cookie: cookies.mampangOfficer! },
      payload: { status: 'ditolak', reason: 'Laporan tidak benar.' },
    });
    expect(rejected.statusCode).toBe(200);
    expect(await clusters('mampangOfficer')).toEqual([]);

    t.clock.advance(8 * DAY);
    expect(await clusters('officer')).toEqual([]);
  });
});
