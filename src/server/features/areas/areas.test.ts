import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { grantRole } from '../../../../test/helpers/factories.js';
import { buildStationWorld } from '../../../../test/helpers/station-world.js';
import { importBoundaries } from './areas.service.js';

/** A closed [lng, lat] square ring. */
const square = (west: number, south: number, east: number, north: number) => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

describe('areas', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
  });
  afterAll(() => t.close());

  const search = async (query: string) => {
    const res = await t.app.inject(`/api/areas?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().items as Array<{ code: string; label: string; level: string }>;
  };

  describe('search', () => {
    it('ranks exact, then prefix, then word prefix, then substring', async () => {
      const items = await search('q=sukamaju');
      expect(items.map((i) => i.code)).toEqual([
        '32.01.01.1001', // Sukamaju
        '32.01.01.1002', // Sukamaju Baru
        '32.01.01.1003', // Pasir Sukamaju
        '32.01.01.1004', // Cisukamaju
      ]);
    });

    it('ignores case and accents in both the query and the names', async () => {
      const items = await search(`q=${encodeURIComponent('BOJONG GÉDÉ')}`);
      // Both are exact matches: the district comes before the village.
      expect(items.map((i) => [i.code, i.level])).toEqual([
        ['32.01.02', 'district'],
        ['32.01.02.1001', 'village'],
      ]);
      expect((await search('q=gede')).map((i) => i.code)).toEqual(['32.01.02', '32.01.02.1001']);
    });

    it('labels each result with its parents', async () => {
      const [first] = await search('q=kebayoran%20lama%20utara');
      expect(first).toMatchObject({
        code: '31.74.05.1001',
        label:
          'Kebayoran Lama Utara, Kebayoran Lama, Kota Administrasi Jakarta Selatan, DKI Jakarta',
        parents: [
          { code: '31.74.05', name: 'Kebayoran Lama', level: 'district' },
          { code: '31.74', name: 'Kota Administrasi Jakarta Selatan', level: 'regency' },
          { code: '31', name: 'DKI Jakarta', level: 'province' },
        ],
      });
    });

    it('filters by level and by parent, and limits', async () => {
      expect((await search('q=kebayoran&level=district')).map((i) => i.code)).toEqual([
        '31.74.07',
        '31.74.05',
      ]);
      expect((await search('q=gambir&parent=31.71.01')).map((i) => i.code)).toEqual([
        '31.71.01.1001',
      ]);
      expect(await search('q=kebayoran&limit=1')).toHaveLength(1);
      expect(await search('q=tidakada')).toEqual([]);
    });

    it('rejects a bad level or parent with the field named', async () => {
      const res = await t.app.inject('/api/areas?q=a&level=kampung');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields[0].field).toBe('querystring.level');
      const missing = await t.app.inject('/api/areas');
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details.fields[0].field).toBe('querystring.q');
    });
  });

  describe('detail', () => {
    it('gives the area with its parents and children', async () => {
      const res = await t.app.inject('/api/areas/31.74.05');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        code: '31.74.05',
        name: 'Kebayoran Lama',
        level: 'district',
        parentCode: '31.74',
        parents: [{ code: '31.74' }, { code: '31' }],
        children: [
          { code: '31.74.05.1006', name: 'Kebayoran Lama Selatan', level: 'village' },
          { code: '31.74.05.1001', name: 'Kebayoran Lama Utara', level: 'village' },
        ],
      });
    });

    it('answers 404 for an unknown code and 400 for a malformed one', async () => {
      const unknown = await t.app.inject('/api/areas/99.99');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('area.not_found');
      expect((await t.app.inject('/api/areas/abc')).statusCode).toBe(400);
    });
  });

  describe('boundaries and locate', () => {
    // Kebayoran Lama Utara: a square with a square hole in the middle.
    const village = {
      type: 'Feature',
      properties: { code: '31.74.05.1001' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          square(106.76, -6.22, 106.78, -6.2),
          square(106.765, -6.215, 106.775, -6.205),
        ],
      },
    };
    const locate = (lat: number, lng: number) =>
      t.app.inject(`/api/areas/locate?lat=${lat}&lng=${lng}`);

    it('imports outlines, reporting unknown codes and invalid features', async () => {
      const result = await importBoundaries(t.ctx, {
        type: 'FeatureCollection',
        features: [
          village,
          { type: 'Feature', properties: { kode: '9999' }, geometry: village.geometry },
          { type: 'Feature', properties: { code: '31.74.07' }, geometry: { type: 'Point' } },
          { type: 'Feature', properties: {}, geometry: village.geometry },
        ],
      });
      expect(result).toEqual({ imported: 1, unknownCodes: ['99.99'], invalid: 2 });
      const row = await t.ctx.db
        .selectFrom('area_boundary')
        .selectAll()
        .where('code', '=', '31.74.05.1001')
        .executeTakeFirstOrThrow();
      expect([row.minLat, row.minLng, row.maxLat, row.maxLng]).toEqual([
        -6.22, 106.76, -6.2, 106.78,
      ]);
    });

    it('serves an outline for maps, 404 where none was imported or the area is unknown', async () => {
      const res = await t.app.inject('/api/areas/31.74.05.1001/boundary');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ code: '31.74.05.1001', geometry: village.geometry });
      const none = await t.app.inject({
        url: '/api/areas/31.74.07/boundary',
        headers: { 'accept-language': 'en' },
      });
      expect(none.statusCode).toBe(404);
      expect(none.json().error).toEqual({
        code: 'area.no_boundary',
        message: 'The outline of this area has not been imported.',
      });
      const unknown = await t.app.inject('/api/areas/99.99/boundary');
      expect(unknown.json().error.code).toBe('area.not_found');
    });

    it('locates a point inside the village with its parents', async () => {
      const res = await locate(-6.218, 106.762);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        code: '31.74.05.1001',
        label:
          'Kebayoran Lama Utara, Kebayoran Lama, Kota Administrasi Jakarta Selatan, DKI Jakarta',
      });
    });

    it('does not locate a point outside every outline or inside a hole', async () => {
      const outside = await locate(-6.1, 106.7);
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.code).toBe('area.not_located');
      expect((await locate(-6.21, 106.77)).statusCode).toBe(404);
    });

    it('falls back to the district when its outline covers the hole (undotted kode)', async () => {
      const result = await importBoundaries(t.ctx, {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kode_wilayah: '317405' },
            geometry: {
              type: 'MultiPolygon',
              coordinates: [[square(106.75, -6.23, 106.79, -6.19)], [square(107, -6, 107.1, -5.9)]],
            },
          },
        ],
      });
      expect(result.imported).toBe(1);
      expect((await locate(-6.21, 106.77)).json().code).toBe('31.74.05');
      expect((await locate(-6.218, 106.762)).json().code).toBe('31.74.05.1001');
      expect((await locate(-5.95, 107.05)).json().code).toBe('31.74.05');
    });
  });

  describe('my areas', () => {
    const put = (cookie: string | undefined, payload: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/me/areas',
        payload: payload as Record<string, unknown>,
        ...(cookie ? { headers: { cookie } } : {}),
      });
    const get = (cookie: string) => t.app.inject({ url: '/api/me/areas', headers: { cookie } });

    it('needs a logged-in account', async () => {
      expect((await put(undefined, { areas: [] })).statusCode).toBe(401);
      expect((await t.app.inject('/api/me/areas')).statusCode).toBe(401);
    });

    it('stores areas and shows the responsible station and the village liaison', async () => {
      const { citizen, polsekAdmin, officer } = world.people;
      const assign = await t.app.inject({
        method: 'PUT',
        url: `/api/stations/${world.stations.polsek.id}/liaisons/31.74.05.1001`,
        headers: { cookie: polsekAdmin.cookie },
        payload: { accountId: officer.id },
      });
      expect(assign.statusCode).toBe(200);

      const res = await put(citizen.cookie, {
        areas: [
          { code: '31.74.07.1001', kind: 'interest' },
          { code: '31.74.05.1001', kind: 'home' },
          { code: '32.01.01.1001', kind: 'interest' },
          { code: '31.71', kind: 'interest' },
        ],
      });
      expect(res.statusCode).toBe(200);
      const areas = (await get(citizen.cookie)).json().areas;
      expect(areas).toEqual(res.json().areas);
      const byCode = Object.fromEntries(areas.map((a: { code: string }) => [a.code, a]));

      expect(areas[0].code).toBe('31.74.05.1001');
      expect(byCode['31.74.05.1001']).toMatchObject({
        kind: 'home',
        label:
          'Kebayoran Lama Utara, Kebayoran Lama, Kota Administrasi Jakarta Selatan, DKI Jakarta',
        station: { slug: 'polsek-kebayoran-lama', name: 'Polsek Kebayoran Lama', phones: [] },
        liaison: {
          name: 'Bripka Sari',
          phone: '+6281234567890',
          whatsappUrl: 'https://wa.me/6281234567890',
        },
      });
      // Selong is in Kebayoran Baru: no Polsek there, so the Polres answers; no liaison.
      expect(byCode['31.74.07.1001']).toMatchObject({
        kind: 'interest',
        station: { slug: 'polres-jakarta-selatan' },
        liaison: null,
      });
      expect(byCode['32.01.01.1001'].station.slug).toBe('polda-jawa-barat');
      expect(byCode['31.71'].station.slug).toBe('polda-metro-jaya');
    });

    it('says so when no station covers an area', async () => {
      await t.ctx.db
        .insertInto('area')
        .values({
          code: '51',
          name: 'Bali',
          level: 'province',
          parentCode: null,
          searchName: 'bali',
        })
        .execute();
      const res = await put(world.people.officer.cookie, { areas: [{ code: '51', kind: 'home' }] });
      expect(res.json().areas[0]).toMatchObject({ code: '51', station: null, liaison: null });
    });

    it('rejects bad input with the field named and keeps the stored areas', async () => {
      const { citizen } = world.people;
      const before = (await get(citizen.cookie)).json();
      const cases: Array<[unknown, string, string]> = [
        [{ areas: [{ code: '31.74.05.9999', kind: 'home' }] }, 'area.unknown', 'areas.0.code'],
        [
          {
            areas: [
              { code: '31.74.05.1001', kind: 'home' },
              { code: '31.74.07.1001', kind: 'home' },
            ],
          },
          'area.multiple_homes',
          'areas',
        ],
        [
          {
            areas: [
              { code: '31.74.05.1001', kind: 'interest' },
              { code: '31.74.05.1001', kind: 'home' },
            ],
          },
          'area.duplicate',
          'areas.1',
        ],
        [{ areas: [{ code: '31', kind: 'work' }] }, 'validation.failed', 'areas.0.kind'],
        [{ areas: [], extra: 1 }, 'validation.failed', 'extra'],
        [
          {
            areas: Array.from({ length: 11 }, (_, i) => ({ code: `3${i % 2}`, kind: 'interest' })),
          },
          'validation.failed',
          'areas',
        ],
      ];
      for (const [payload, code, field] of cases) {
        const res = await put(citizen.cookie, payload);
        expect(res.statusCode, code).toBe(400);
        expect(res.json().error.code).toBe(code);
        const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
        expect(
          fields.some((f: string) => f.startsWith(field)),
          `${code}: ${fields}`,
        ).toBe(true);
      }
      expect((await get(citizen.cookie)).json()).toEqual(before);
    });

    it('replaces the list, and an empty list clears it', async () => {
      const { citizen } = world.people;
      await grantRole(t.ctx.db, citizen.id, null, 'citizen');
      await put(citizen.cookie, { areas: [{ code: '32.01', kind: 'interest' }] });
      expect((await get(citizen.cookie)).json().areas.map((a: { code: string }) => a.code)).toEqual(
        ['32.01'],
      );
      await put(citizen.cookie, { areas: [] });
      expect((await get(citizen.cookie)).json().areas).toEqual([]);
    });
  });
});
