import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildAccount, grantRole } from '../../../../test/helpers/factories.js';
import { buildStationWorld } from '../../../../test/helpers/station-world.js';
import { createStation } from './stations.service.js';

describe('stations', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
  });
  afterAll(() => t.close());

  const send = (
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
      ...(cookie ? { headers: { cookie } } : {}),
    });
  const countStations = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('station')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countAudit = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fieldsOf = (body: { error: { details?: { fields?: Array<{ field: string }> } } }) =>
    (body.error.details?.fields ?? []).map((f) => f.field);

  describe('public directory', () => {
    it('lists stations with their parent, filtered by level, parent and text', async () => {
      const all = (await t.app.inject('/api/stations')).json().items;
      expect(all.map((s: { slug: string }) => s.slug)).toEqual(
        expect.arrayContaining([
          'polda-metro-jaya',
          'polres-jakarta-selatan',
          'polsek-kebayoran-lama',
          'polda-jawa-barat',
        ]),
      );
      const poldas = (await t.app.inject('/api/stations?level=polda')).json().items;
      expect(
        poldas.every(
          (s: { level: string; parent: null }) => s.level === 'polda' && s.parent === null,
        ),
      ).toBe(true);
      const children = (await t.app.inject('/api/stations?parent=polres-jakarta-selatan')).json()
        .items;
      expect(children).toEqual([
        {
          id: world.stations.polsek.id,
          slug: 'polsek-kebayoran-lama',
          name: 'Polsek Kebayoran Lama',
          level: 'polsek',
          isDemo: false,
          parent: {
            id: world.stations.polres.id,
            slug: 'polres-jakarta-selatan',
            name: 'Polres Metro Jakarta Selatan',
            level: 'polres',
          },
          address: 'Jl. Uji No. 1',
          phones: [],
          timezone: 'Asia/Jakarta',
          areaNames: ['Kebayoran Lama'],
        },
      ]);
      const found = (await t.app.inject('/api/stations?q=KEBAYORAN')).json().items;
      expect(found.map((s: { slug: string }) => s.slug)).toEqual(['polsek-kebayoran-lama']);
      expect((await t.app.inject('/api/stations?q=100%25')).json().items).toEqual([]);
      expect((await t.app.inject('/api/stations?parent=nowhere')).json().items).toEqual([]);
    });

    it('shows one station by slug with children and jurisdiction names', async () => {
      const res = await t.app.inject('/api/stations/polres-jakarta-selatan');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        slug: 'polres-jakarta-selatan',
        level: 'polres',
        parent: { slug: 'polda-metro-jaya', name: 'Polda Metro Jaya' },
        children: [{ slug: 'polsek-kebayoran-lama' }],
        address: 'Jl. Uji No. 1',
        phones: [],
        socialLinks: {},
        jurisdiction: [
          { code: '31.74', name: 'Kota Administrasi Jakarta Selatan', level: 'regency' },
        ],
      });
      const missing = await t.app.inject('/api/stations/tidak-ada');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('station.not_found');
    });
  });

  describe('creating stations', () => {
    const polda = {
      name: 'Polda Banten',
      slug: 'polda-banten',
      level: 'polda',
      address: 'Jl. Syech Nawawi Al Bantani, Serang',
      phones: [{ label: 'Darurat', number: '110' }],
      socialLinks: { instagram: 'https://instagram.com/poldabanten' },
    };

    it('lets only a platform admin create a Polda', async () => {
      const before = await countStations();
      expect((await send('POST', '/api/stations', undefined, polda)).statusCode).toBe(401);
      for (const who of ['citizen', 'poldaAdmin', 'officer'] as const) {
        const res = await send('POST', '/api/stations', world.people[who].cookie, polda);
        expect(res.statusCode, who).toBe(403);
      }
      expect(await countStations()).toBe(before);

      const res = await send('POST', '/api/stations', world.people.platformAdmin.cookie, polda);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        slug: 'polda-banten',
        level: 'polda',
        parent: null,
        children: [],
        phones: [{ label: 'Darurat', number: '110' }],
        socialLinks: { instagram: 'https://instagram.com/poldabanten' },
        jurisdiction: [],
      });
      const detail = await t.app.inject('/api/stations/polda-banten');
      expect(detail.json()).toEqual(res.json());
    });

    it('lets the admin of the parent create a child one level down', async () => {
      const child = {
        name: 'Polsek Kebayoran Baru',
        slug: 'polsek-kebayoran-baru',
        level: 'polsek',
        parentId: world.stations.polres.id,
        areaCodes: ['31.74.07'],
      };
      for (const who of ['siblingAdmin', 'polsekAdmin', 'officer', 'citizen'] as const) {
        const res = await send('POST', '/api/stations', world.people[who].cookie, child);
        expect(res.statusCode, who).toBe(403);
      }
      // The Polda's admin reaches the Polres below it.
      const res = await send('POST', '/api/stations', world.people.poldaAdmin.cookie, child);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        level: 'polsek',
        parent: { slug: 'polres-jakarta-selatan' },
        jurisdiction: [{ code: '31.74.07', name: 'Kebayoran Baru' }],
      });
      const parent = (await t.app.inject('/api/stations/polres-jakarta-selatan')).json();
      expect(parent.children.map((c: { slug: string }) => c.slug)).toContain(
        'polsek-kebayoran-baru',
      );
    });

    it('rejects bad input with the field named and writes nothing', async () => {
      const admin = world.people.polresAdmin.cookie;
      const base = {
        name: 'Polsek Uji',
        slug: 'polsek-uji',
        level: 'polsek',
        parentId: world.stations.polres.id,
      };
      const cases: Array<[Record<string, unknown>, number, string, string]> = [
        [{ ...base, level: 'polres' }, 400, 'station.invalid_level', 'level'],
        [{ ...base, slug: 'Polsek Uji' }, 400, 'validation.failed', 'slug'],
        [{ ...base, name: '' }, 400, 'validation.failed', 'name'],
        [{ ...base, colour: 'blue' }, 400, 'validation.failed', 'colour'],
        [{ ...base, parentId: 'nope' }, 400, 'station.parent_not_found', 'parentId'],
        [
          { ...base, areaCodes: ['31.71'] },
          400,
          'station.outside_parent_jurisdiction',
          'areaCodes.0',
        ],
        [{ ...base, areaCodes: ['31.74.99'] }, 400, 'area.unknown', 'areaCodes.0'],
        [
          { ...base, socialLinks: { myspace: 'https://x.id' } },
          400,
          'validation.failed',
          'socialLinks.myspace',
        ],
        [
          { ...base, phones: [{ label: 'SPKT', number: 'call us' }] },
          400,
          'validation.failed',
          'phones.0.number',
        ],
      ];
      const stations = await countStations();
      const audits = await countAudit();
      for (const [payload, status, code, field] of cases) {
        const res = await send('POST', '/api/stations', admin, payload);
        expect(res.statusCode, code).toBe(status);
        expect(res.json().error.code).toBe(code);
        expect(fieldsOf(res.json()), code).toContain(field);
      }
      // A Polsek has no children.
      const under = await send('POST', '/api/stations', world.people.polsekAdmin.cookie, {
        ...base,
        parentId: world.stations.polsek.id,
      });
      expect(under.json().error.code).toBe('station.invalid_level');
      expect(await countStations()).toBe(stations);
      expect(await countAudit()).toBe(audits);
    });

    it('refuses a slug that is taken with 409', async () => {
      const res = await send('POST', '/api/stations', world.people.platformAdmin.cookie, {
        name: 'Polda Lain',
        slug: 'polda-metro-jaya',
        level: 'polda',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('station.slug_taken');
    });

    it('answers 409 to the loser of a race for a slug', async () => {
      const input = { name: 'Polda Riau', slug: 'polda-riau', level: 'polda' as const };
      const results = await Promise.allSettled([
        createStation(t.ctx, 'system', input),
        createStation(t.ctx, 'system', input),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r) => r.status === 'rejected');
      expect(lost?.reason).toMatchObject({ code: 'station.slug_taken', statusCode: 409 });
    });

    it('lets the CLI create stations as system, with the same rules', async () => {
      const view = await createStation(t.ctx, 'system', {
        name: 'Polda Bali',
        slug: 'polda-bali',
        level: 'polda',
      });
      expect(view.slug).toBe('polda-bali');
      await expect(
        createStation(t.ctx, 'system', {
          name: 'Polres X',
          slug: 'polres-x',
          level: 'polda',
          parentId: view.id,
        }),
      ).rejects.toMatchObject({ code: 'station.invalid_level' });
      const entry = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('targetId', '=', view.id)
        .executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ actorName: 'system', action: 'station.created' });
    });
  });

  describe('updating stations', () => {
    it('lets the station admin and the admins above it update it, nobody else', async () => {
      const url = `/api/stations/${world.stations.polsek.id}`;
      for (const who of ['siblingAdmin', 'officer', 'citizen'] as const) {
        const res = await send('PATCH', url, world.people[who].cookie, { address: 'x' });
        expect(res.statusCode, who).toBe(403);
      }
      const own = await send('PATCH', url, world.people.polsekAdmin.cookie, {
        address: 'Jl. Kebayoran Lama No. 2',
        phones: [{ label: 'SPKT', number: '+62 21 7290001' }],
      });
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({
        address: 'Jl. Kebayoran Lama No. 2',
        phones: [{ label: 'SPKT', number: '+62 21 7290001' }],
      });
      const parent = await send('PATCH', url, world.people.polresAdmin.cookie, {
        socialLinks: { x: 'https://x.com/polsekkeblam', website: 'https://polsek.example.id' },
      });
      expect(parent.json().socialLinks).toEqual({
        x: 'https://x.com/polsekkeblam',
        website: 'https://polsek.example.id',
      });
      // A child's admin cannot edit the parent.
      const up = await send(
        'PATCH',
        `/api/stations/${world.stations.polres.id}`,
        world.people.polsekAdmin.cookie,
        {
          name: 'Polres Baru',
        },
      );
      expect(up.statusCode).toBe(403);
    });

    it('rejects an empty change, a taken slug and unknown stations', async () => {
      const url = `/api/stations/${world.stations.polsek.id}`;
      const admin = world.people.polsekAdmin.cookie;
      expect((await send('PATCH', url, admin, {})).statusCode).toBe(400);
      const taken = await send('PATCH', url, admin, { slug: 'polda-jawa-barat' });
      expect(taken.statusCode).toBe(409);
      const unknown = await send('PATCH', '/api/stations/nope', admin, { name: 'Apa Saja' });
      expect(unknown.statusCode).toBe(404);
      expect((await t.app.inject('/api/stations/polsek-kebayoran-lama')).statusCode).toBe(200);
    });
  });

  describe('jurisdiction', () => {
    const url = () => `/api/stations/${world.stations.polsek.id}/jurisdiction`;

    it('is set by the admin of the parent, inside the parent jurisdiction', async () => {
      for (const who of ['polsekAdmin', 'siblingAdmin', 'officer', 'citizen'] as const) {
        const res = await send('PUT', url(), world.people[who].cookie, { areaCodes: ['31.74.05'] });
        expect(res.statusCode, who).toBe(403);
      }
      const res = await send('PUT', url(), world.people.polresAdmin.cookie, {
        areaCodes: ['31.74.05.1001', '31.74.05.1006'],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().jurisdiction.map((a: { code: string }) => a.code)).toEqual([
        '31.74.05.1001',
        '31.74.05.1006',
      ]);
      const entry = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'station.jurisdiction_set')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.summary)).toEqual({
        added: ['31.74.05.1001', '31.74.05.1006'],
        removed: ['31.74.05'],
      });
    });

    it('refuses areas outside the parent and unknown codes, changing nothing', async () => {
      const before = (await t.app.inject('/api/stations/polsek-kebayoran-lama')).json()
        .jurisdiction;
      const outside = await send('PUT', url(), world.people.poldaAdmin.cookie, {
        areaCodes: ['31.74.05', '32.01'],
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.code).toBe('station.outside_parent_jurisdiction');
      expect(fieldsOf(outside.json())).toEqual(['areaCodes.1']);
      const dup = await send('PUT', url(), world.people.poldaAdmin.cookie, {
        areaCodes: ['31.74.05', '31.74.05'],
      });
      expect(dup.json().error.code).toBe('area.duplicate');
      const bad = await send('PUT', url(), world.people.poldaAdmin.cookie, { areaCodes: ['31.7'] });
      expect(fieldsOf(bad.json())).toEqual(['areaCodes.0']);
      expect(
        (await t.app.inject('/api/stations/polsek-kebayoran-lama')).json().jurisdiction,
      ).toEqual(before);
    });

    it('for a Polda is set by a platform admin only', async () => {
      const poldaUrl = `/api/stations/${world.stations.polda.id}/jurisdiction`;
      expect(
        (await send('PUT', poldaUrl, world.people.poldaAdmin.cookie, { areaCodes: ['31'] }))
          .statusCode,
      ).toBe(403);
      const res = await send('PUT', poldaUrl, world.people.platformAdmin.cookie, {
        areaCodes: ['31'],
      });
      expect(res.statusCode).toBe(200);
    });
  });

  describe('liaisons', () => {
    const base = () => `/api/stations/${world.stations.polsek.id}/liaisons`;

    it('assigns an officer of the station to a village in its jurisdiction', async () => {
      const { polsekAdmin, officer } = world.people;
      for (const who of ['officer', 'siblingAdmin', 'citizen'] as const) {
        const res = await send('PUT', `${base()}/31.74.05.1006`, world.people[who].cookie, {
          accountId: officer.id,
        });
        expect(res.statusCode, who).toBe(403);
      }
      const res = await send('PUT', `${base()}/31.74.05.1006`, polsekAdmin.cookie, {
        accountId: officer.id,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        village: { code: '31.74.05.1006', name: 'Kebayoran Lama Selatan', level: 'village' },
        account: { id: officer.id, name: 'Bripka Sari', phone: '+6281234567890' },
      });
      const list = await t.app.inject({ url: base(), headers: { cookie: officer.cookie } });
      expect(list.json().items.map((l: { village: { code: string } }) => l.village.code)).toContain(
        '31.74.05.1006',
      );
      expect(
        (await t.app.inject({ url: base(), headers: { cookie: world.people.citizen.cookie } }))
          .statusCode,
      ).toBe(403);
    });

    it('refuses villages outside the jurisdiction, non-villages and non-members', async () => {
      const { polsekAdmin, officer } = world.people;
      const outsider = await buildAccount(t.ctx.db, { name: 'Orang Luar' });
      const siblingOfficer = await buildAccount(t.ctx.db, { name: 'Petugas Jabar' });
      await grantRole(t.ctx.db, siblingOfficer.id, world.stations.sibling.id, 'officer');
      const cases: Array<[string, string, string, string]> = [
        ['31.74.07.1001', officer.id, 'station.area_outside_jurisdiction', 'villageCode'],
        ['31.74.05', officer.id, 'station.liaison_not_village', 'villageCode'],
        ['31.74.05.9999', officer.id, 'area.unknown', 'villageCode'],
        ['31.74.05.1001', outsider.id, 'station.liaison_not_member', 'accountId'],
        ['31.74.05.1001', siblingOfficer.id, 'station.liaison_not_member', 'accountId'],
      ];
      const audits = await countAudit();
      for (const [village, accountId, code, field] of cases) {
        const res = await send('PUT', `${base()}/${village}`, polsekAdmin.cookie, { accountId });
        expect(res.statusCode, code).toBe(400);
        expect(res.json().error.code).toBe(code);
        expect(fieldsOf(res.json())).toEqual([field]);
      }
      const empty = await send('PUT', `${base()}/31.74.05.1001`, polsekAdmin.cookie, {});
      expect(fieldsOf(empty.json())).toEqual(['accountId']);
      expect(await countAudit()).toBe(audits);
      const liaison = await t.ctx.db
        .selectFrom('village_liaison')
        .selectAll()
        .where('villageCode', '=', '31.74.05.1001')
        .executeTakeFirst();
      expect(liaison).toBeUndefined();
    });

    it('removes a liaison, and 404s when there is none', async () => {
      const { polsekAdmin, siblingAdmin } = world.people;
      expect(
        (await send('DELETE', `${base()}/31.74.05.1006`, siblingAdmin.cookie)).statusCode,
      ).toBe(403);
      const res = await send('DELETE', `${base()}/31.74.05.1006`, polsekAdmin.cookie);
      expect(res.statusCode).toBe(200);
      const again = await send('DELETE', `${base()}/31.74.05.1006`, polsekAdmin.cookie);
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe('station.liaison_not_found');
      const actions = await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('targetId', '=', '31.74.05.1006')
        .orderBy('seq')
        .execute();
      expect(actions.map((a) => a.action)).toEqual([
        'station.liaison_assigned',
        'station.liaison_removed',
      ]);
    });
  });
});
