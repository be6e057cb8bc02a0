import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import type { AlertDraftView } from '../../../common/api/alerts.js';
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

  it('finds, through its grid, the clusters that comparing every pair finds', () => {
    // A seeded walk: the same reports on every run.
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const areas = ['31.74.07.1001', '31.74.07.1002', null, null, null, null, null, null];
    const reports = Array.from({ length: 400 }, () => {
      const withPoint = random() < 0.95;
      return placed({
        category: random() < 0.7 ? 'pencurian' : 'begal',
        // About 13 × 13 km around Tebet, near the equator and far from it alike.
        ...(withPoint
          ? {
              lat: (random() < 0.5 ? -6.24 : -10.5) + random() * 0.05,
              lng: 106.8 + random() * 0.05,
            }
          : {}),
        areaCode: areas[Math.floor(random() * areas.length)] ?? null,
        createdAt: at(random() * 20),
      });
    });
    const pairwise = (all: PlacedReport[]) => {
      const parent = all.map((_, i) => i);
      const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
      all.forEach((a, i) =>
        all.forEach((b, j) => {
          const inWindow = Math.abs(Date.parse(a.createdAt) - Date.parse(b.createdAt)) <= 7 * DAY;
          const near =
            a.lat !== null && a.lng !== null && b.lat !== null && b.lng !== null
              ? distanceM({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng }) <= 1000
              : a.areaCode !== null && a.areaCode === b.areaCode;
          if (j > i && a.category === b.category && inWindow && near) parent[root(i)] = root(j);
        }),
      );
      const groups = new Map<number, string[]>();
      all.forEach((r, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), r.id]));
      return [...groups.values()].filter((g) => g.length >= 3).map((g) => g.sort().join(','));
    };
    const found = findClusters(reports, rules).map((c) =>
      c
        .map((r) => r.id)
        .sort()
        .join(','),
    );
    expect(found.length).toBeGreaterThan(3);
    expect(found.sort()).toEqual(pairwise(reports).sort());
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
  let polresId = '';
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
    let sibling: TestStation;
    let mapped: TestStation;
    const world = await buildSouthJakartaWorld(t);
    ({ polsek, sibling, mapped } = world);
    const polres = world.polres;
    polresId = polres.id;
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

  it('stores one alert draft per cluster through the alerts service; a second click opens it', async () => {
    const [cluster] = await clusters('officer');
    expect(cluster!.draft).toBeNull();
    const alertsBefore = await t.ctx.db.selectFrom('alert').select('id').execute();
    const response = await draft('officer', cluster!.key as string);
    expect(response.statusCode).toBe(201);
    const made = response.json<AlertDraftView>();
    expect(made).toMatchObject({
      state: 'open',
      alertId: null,
      stationId: polsek.id,
      areas: [{ code: TEBET_BARAT, name: 'Tebet Barat' }],
      source: { type: 'report' },
      content: {
        category: 'pencurian',
        target: { areas: [TEBET_BARAT] },
        title: 'Waspada pencurian di Kel. Tebet Barat',
        titleEn: 'Beware of theft in Tebet Barat village',
      },
    });
    expect(made.content.body).toContain('3 laporan pencurian di Kel. Tebet Barat');
    expect([...made.source.ids].sort()).toEqual(
      (cluster!.reports as Array<{ id: string }>).map((r) => r.id).sort(),
    );
    // A draft is not an alert: nothing went out.
    expect(await t.ctx.db.selectFrom('alert').select('id').execute()).toEqual(alertsBefore);

    const again = await draft('officer', cluster!.key as string);
    expect(again.statusCode).toBe(200);
    expect(again.json<AlertDraftView>().id).toBe(made.id);
    expect((await clusters('officer'))[0]!.draft).toEqual({
      id: made.id,
      state: 'open',
      alertId: null,
    });
    expect(await t.ctx.db.selectFrom('alert_draft').select('id').execute()).toHaveLength(1);

    // Another station's officer does not see the cluster, so cannot draft from it.
    expect((await draft('siblingOfficer', cluster!.key as string)).statusCode).toBe(404);
    expect((await draft('officer', 'no-such-cluster')).statusCode).toBe(404);
  });

  it("lists the draft in the station's composer, to edit, issue or discard, audited", async () => {
    const call = (who: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, payload });
    const listed = await call('officer', 'GET', `/api/alerts/drafts?station=${polsek.id}`);
    expect(listed.statusCode).toBe(200);
    const [open] = listed.json<{ drafts: AlertDraftView[] }>().drafts;
    expect(open?.state).toBe('open');
    // The Polres sees the drafts of the stations below it; a sibling, a citizen do not.
    const polres = await call('polresAdmin', 'GET', `/api/alerts/drafts?station=${polresId}`);
    expect(polres.json<{ drafts: AlertDraftView[] }>().drafts.map((d) => d.id)).toEqual([open!.id]);
    expect((await call('siblingOfficer', 'GET', `/api/alerts/drafts/${open!.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call('siblingOfficer', 'GET', `/api/alerts/drafts?station=${polsek.id}`)).statusCode,
    ).toBe(403);
    expect((await call('citizen', 'GET', `/api/alerts/drafts/${open!.id}`)).statusCode).toBe(404);

    const edited = { ...open!.content, title: 'Waspada pencurian motor di Tebet Barat' };
    const saved = await call('officer', 'PUT', `/api/alerts/drafts/${open!.id}`, edited);
    expect(saved.statusCode).toBe(200);
    expect(saved.json<AlertDraftView>().content.title).toBe(edited.title);
    const bad = await call('officer', 'PUT', `/api/alerts/drafts/${open!.id}`, { title: '' });
    expect(bad.statusCode).toBe(400);
    const outside = await call('officer', 'PUT', `/api/alerts/drafts/${open!.id}`, {
      ...edited,
      target: { areas: ['31.74.08'] },
    });
    expect(outside.statusCode).toBe(403);
    expect(
      (await call('siblingOfficer', 'POST', `/api/alerts/drafts/${open!.id}/issue`, edited))
        .statusCode,
    ).toBe(404);

    const issued = await call('officer', 'POST', `/api/alerts/drafts/${open!.id}/issue`, edited);
    expect(issued.statusCode).toBe(201);
    const alert = issued.json<{ id: string; title: string; state: string; station: object }>();
    expect(alert).toMatchObject({ title: edited.title, state: 'published' });
    const closed = await call('officer', 'GET', `/api/alerts/drafts/${open!.id}`);
    expect(closed.json<AlertDraftView>()).toMatchObject({ state: 'issued', alertId: alert.id });
    const twice = await call('officer', 'POST', `/api/alerts/drafts/${open!.id}/issue`, edited);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('alert.draft_closed');
    expect(
      (await call('officer', 'POST', `/api/alerts/drafts/${open!.id}/discard`)).statusCode,
    ).toBe(409);
    expect((await clusters('officer'))[0]!.draft).toEqual({
      id: open!.id,
      state: 'issued',
      alertId: alert.id,
    });
    const listedAfter = await call('officer', 'GET', `/api/alerts/drafts?station=${polsek.id}`);
    expect(listedAfter.json<{ drafts: AlertDraftView[] }>().drafts).toEqual([]);

    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', 'like', 'alert.%')
      .orderBy('seq')
      .execute();
    expect(audited.map((row) => row.action)).toEqual([
      'alert.draft_created',
      'alert.draft_saved',
      'alert.issued',
    ]);
  });

  it('discards a draft; the pattern may then be drafted anew', async () => {
    const [, mampang] = await clusters('polresAdmin');
    const first = await draft('polresAdmin', mampang!.key as string);
    expect(first.statusCode).toBe(201);
    const id = first.json<AlertDraftView>().id;
    const discarded = await t.app.inject({
      method: 'POST',
      url: `/api/alerts/drafts/${id}/discard`,
      headers: { cookie: cookies.mampangOfficer! },
    });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json<AlertDraftView>().state).toBe('discarded');
    expect((await clusters('mampangOfficer'))[0]!.draft).toBeNull();
    const second = await draft('mampangOfficer', mampang!.key as string);
    expect(second.statusCode).toBe(201);
    expect(second.json<AlertDraftView>().id).not.toBe(id);
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
