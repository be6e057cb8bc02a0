import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { type TestStation } from '../../../../test/helpers/factories.js';
import { buildPeople, buildSouthJakartaWorld } from '../../../../test/helpers/station-world.js';
import { requireInCI } from '../../../../test/helpers/ci.js';

const CAP_XSD = path.resolve(process.cwd(), '../shared/data/cap12.xsd');
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const canValidateCap = requireInCI(
  requireInCI(hasXmllint, 'xmllint (libxml2-utils)') && fs.existsSync(CAP_XSD),
  `the CAP schema ${CAP_XSD}`,
);
if (!canValidateCap) {
  console.warn(`CAP schema checks skipped: xmllint or ${CAP_XSD} is missing`);
}

/** Runs xmllint; returns its complaints (empty when the document is fine). */
function xmllint(xml: string, schema?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-xml-'));
  const file = path.join(dir, 'doc.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', ...(schema ? ['--schema', schema] : []), file], {
      stdio: 'pipe',
    });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A square around part of South Jakarta, as a GeoJSON ring.
const square = (minLng: number, minLat: number, size: number) => [
  [
    [minLng, minLat],
    [minLng + size, minLat],
    [minLng + size, minLat + size],
    [minLng, minLat + size],
    [minLng, minLat],
  ],
];

describe('alerts', () => {
  let t: TestContext;
  let polda: TestStation;
  let polsek: TestStation;
  let sibling: TestStation;
  let mapped: TestStation;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestContext();
    ({ polda, polsek, sibling, mapped } = await buildSouthJakartaWorld(t));
    const people = await buildPeople(t, {
      author: { stationId: polsek.id, role: 'officer' },
      second: { stationId: polsek.id, role: 'officer' },
      siblingOfficer: { stationId: sibling.id, role: 'officer' },
      mappedOfficer: { stationId: mapped.id, role: 'officer' },
      poldaAdmin: { stationId: polda.id, role: 'station_admin' },
      citizen: null,
    });
    for (const [key, person] of Object.entries(people)) cookies[key] = person.cookie;
  });
  afterAll(() => t.close());

  const base = (overrides: Record<string, unknown> = {}) => ({
    stationId: polsek.id,
    title: 'Pencurian motor di Tebet Barat',
    body: 'Beberapa pencurian motor dilaporkan malam ini. Tetap waspada & laporkan hal mencurigakan.',
    category: 'pencurian',
    severity: 'Moderate',
    urgency: 'Expected',
    certainty: 'Observed',
    target: { areas: ['31.74.07.1001'] },
    ...overrides,
  });
  const post = (url: string, payload: object, who = 'author') =>
    t.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[who] ?? '' } });
  const issue = (overrides: Record<string, unknown> = {}, who = 'author') =>
    post('/api/alerts', base(overrides), who);
  const listIds = async (query: string) =>
    ((await t.app.inject(`/api/alerts?${query}`)).json().alerts as Array<{ id: string }>).map(
      (a) => a.id,
    );
  const streamEventsOf = async (alertId: string) => {
    const rows = await t.ctx.db.selectFrom('stream_event').selectAll().execute();
    return rows
      .map((row) => ({ ...row, data: JSON.parse(row.data), keys: JSON.parse(row.keys) }))
      .filter((row) => row.data.id === alertId);
  };
  const auditOf = (alertId: string) =>
    t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'stationId', 'summary', 'actorName'])
      .where('targetId', '=', alertId)
      .orderBy('seq')
      .execute();
  const counts = async () => ({
    alerts: (await t.ctx.db.selectFrom('alert').select('id').execute()).length,
    events: (await t.ctx.db.selectFrom('stream_event').select('id').execute()).length,
    audit: (await t.ctx.db.selectFrom('audit_log').select('id').execute()).length,
  });

  describe('targeting', () => {
    it('reaches a village, its district and its ancestors, and not the neighbours', async () => {
      const res = await issue();
      expect(res.statusCode).toBe(201);
      const alert = res.json();
      expect(alert).toMatchObject({
        msgType: 'Alert',
        references: null,
        status: 'Actual',
        state: 'published',
        station: { slug: 'polsek-tebet' },
        target: { areas: [{ code: '31.74.07.1001', name: 'Tebet Barat' }] },
        author: { name: 'Uji author' },
      });
      expect(await listIds(`active=1&area=31.74.07.1001`)).toContain(alert.id);
      expect(await listIds(`active=1&area=31.74.07`)).toContain(alert.id);
      expect(await listIds(`active=1&area=31`)).toContain(alert.id);
      expect(await listIds(`active=1&area=31.74.07.1002`)).not.toContain(alert.id);
      expect(await listIds(`active=1&area=31.74.08.1001`)).not.toContain(alert.id);
      expect(await listIds(`active=1&station=${polsek.id}`)).toContain(alert.id);
      expect(await listIds(`active=1&station=${sibling.id}`)).not.toContain(alert.id);
    });

    it('reaches every village of a district alert', async () => {
      const alert = (await issue({ target: { areas: ['31.74.07'] } })).json();
      expect(await listIds('active=1&area=31.74.07.1002')).toContain(alert.id);
      expect(await listIds('active=1&area=31.74.08.1001')).not.toContain(alert.id);
    });

    it('writes the stream event with the resolved keys, public view and no author', async () => {
      const alert = (await issue()).json();
      const [event, ...more] = await streamEventsOf(alert.id);
      expect(more).toEqual([]);
      expect(event).toMatchObject({ type: 'alert', keys: ['a:31.74.07.1001'], isDrill: 0 });
      expect(event!.data).toMatchObject({ id: alert.id, msgType: 'Alert', title: alert.title });
      expect(event!.data.author).toBeUndefined();
    });

    it('targets circles and polygons by cells inside a mapped jurisdiction', async () => {
      const circle = await issue(
        { stationId: mapped.id, target: { circles: [{ lat: -6.24, lng: 106.82, radiusM: 500 }] } },
        'mappedOfficer',
      );
      expect(circle.statusCode).toBe(201);
      const [event] = await streamEventsOf(circle.json().id);
      expect(event!.keys.length).toBeGreaterThan(0);
      expect(event!.keys.every((k: string) => k.startsWith('c:'))).toBe(true);
      // Listed for the area whose boundary it overlaps, not for an unrelated one.
      expect(await listIds('active=1&area=31.74.09')).toContain(circle.json().id);
      expect(await listIds('active=1&area=31.74.08')).not.toContain(circle.json().id);

      const polygon = await issue(
        {
          stationId: mapped.id,
          target: { polygons: [{ type: 'Polygon', coordinates: square(106.81, -6.25, 0.005) }] },
        },
        'mappedOfficer',
      );
      expect(polygon.statusCode).toBe(201);
      expect(await listIds('active=1&area=31.74.09')).toContain(polygon.json().id);

      const outside = await issue(
        { stationId: mapped.id, target: { circles: [{ lat: -6.4, lng: 106.7, radiusM: 500 }] } },
        'mappedOfficer',
      );
      expect(outside.statusCode).toBe(403);
      expect(outside.json().error.code).toBe('alert.outside_jurisdiction');
    });

    it('needs an area code with a shape where the jurisdiction has no boundaries', async () => {
      const shapeOnly = await issue({
        target: { circles: [{ lat: -6.23, lng: 106.85, radiusM: 300 }] },
      });
      expect(shapeOnly.statusCode).toBe(403);
      expect(shapeOnly.json().error.code).toBe('alert.shape_needs_area');
      const withArea = await issue({
        target: { areas: ['31.74.07'], circles: [{ lat: -6.23, lng: 106.85, radiusM: 300 }] },
      });
      expect(withArea.statusCode).toBe(201);
      const [event] = await streamEventsOf(withArea.json().id);
      expect(event!.keys).toContain('a:31.74.07');
      expect(event!.keys.some((k: string) => k.startsWith('c:'))).toBe(true);
    });

    it('previews a target without storing it', async () => {
      const before = await counts();
      const res = await post('/api/alerts/preview', {
        stationId: polsek.id,
        target: { areas: ['31.74.07'], circles: [{ lat: -6.23, lng: 106.85, radiusM: 300 }] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().areas).toEqual([{ code: '31.74.07', name: 'Tebet' }]);
      expect(res.json().cells).toBeGreaterThan(0);
      expect(res.json().keys).toBeGreaterThan(1);
      expect(await counts()).toEqual(before);
      const citizen = await post(
        '/api/alerts/preview',
        { stationId: polsek.id, target: { areas: ['31.74.07'] } },
        'citizen',
      );
      expect(citizen.statusCode).toBe(403);
    });
  });

  describe('permissions', () => {
    it('refuses citizens, anonymous callers and officers of another station', async () => {
      const before = await counts();
      expect((await issue({}, 'citizen')).statusCode).toBe(403);
      expect((await issue({}, 'nobody')).statusCode).toBe(401);
      expect((await issue({}, 'siblingOfficer')).statusCode).toBe(403);
      expect(await counts()).toEqual(before);
    });

    it('refuses a target outside the jurisdiction', async () => {
      const res = await issue({ target: { areas: ['31.74.08.1001'] } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('alert.outside_jurisdiction');
    });

    it('lets an admin of the parent issue for a child station', async () => {
      const res = await issue({}, 'poldaAdmin');
      expect(res.statusCode).toBe(201);
      expect(res.json().stationId).toBe(polsek.id);
    });
  });

  describe('suspect approval', () => {
    it('holds a suspect alert until another officer approves it', async () => {
      const res = await issue({ describesSuspect: true, title: 'Ciri-ciri pelaku jambret' });
      expect(res.statusCode).toBe(201);
      const alert = res.json();
      expect(alert.state).toBe('pending_approval');
      expect(alert.sentAt).toBeNull();
      expect(await streamEventsOf(alert.id)).toEqual([]);
      expect(await listIds('active=1&area=31.74.07.1001')).not.toContain(alert.id);
      expect((await t.app.inject(`/api/alerts/${alert.id}`)).statusCode).toBe(404);

      const self = await post(`/api/alerts/${alert.id}/approve`, {});
      expect(self.statusCode).toBe(403);
      expect(self.json().error.code).toBe('alert.self_approval');
      expect((await post(`/api/alerts/${alert.id}/approve`, {}, 'siblingOfficer')).statusCode).toBe(
        403,
      );
      expect(await streamEventsOf(alert.id)).toEqual([]);

      const queue = (who: string) =>
        t.app.inject({
          url: `/api/alerts?pending=1&station=${polsek.id}`,
          headers: { cookie: cookies[who] ?? '' },
        });
      expect((await queue('second')).json().alerts.map((a: { id: string }) => a.id)).toContain(
        alert.id,
      );
      expect((await queue('citizen')).statusCode).toBe(403);
      expect((await queue('siblingOfficer')).statusCode).toBe(403);

      const approved = await post(`/api/alerts/${alert.id}/approve`, {}, 'second');
      expect(approved.statusCode).toBe(200);
      expect((await queue('second')).json().alerts.map((a: { id: string }) => a.id)).not.toContain(
        alert.id,
      );
      expect(approved.json()).toMatchObject({
        state: 'published',
        approvals: [{ decision: 'approved', by: { name: 'Uji second' } }],
      });
      expect(await streamEventsOf(alert.id)).toHaveLength(1);
      expect(await listIds('active=1&area=31.74.07.1001')).toContain(alert.id);
      // The public sees that it was approved, not by whom.
      const publicView = (await t.app.inject(`/api/alerts/${alert.id}`)).json();
      expect(publicView.approvals[0].by).toBeUndefined();
      expect(publicView.author).toBeUndefined();
      expect((await auditOf(alert.id)).map((a) => a.action)).toEqual([
        'alert.issued',
        'alert.approved',
      ]);
      expect((await post(`/api/alerts/${alert.id}/approve`, {}, 'second')).statusCode).toBe(409);
    });

    it('rejects with a reason and never publishes', async () => {
      const alert = (await issue({ hasPersonPhoto: true })).json();
      const missing = await post(`/api/alerts/${alert.id}/reject`, {}, 'second');
      expect(missing.statusCode).toBe(400);
      const res = await post(`/api/alerts/${alert.id}/reject`, { reason: 'Foto buram' }, 'second');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ state: 'rejected', note: 'Foto buram' });
      expect(await streamEventsOf(alert.id)).toEqual([]);
      expect((await auditOf(alert.id)).map((a) => a.action)).toEqual([
        'alert.issued',
        'alert.rejected',
      ]);
    });

    it('asks for approval again when a suspect alert is updated', async () => {
      const alert = (await issue({ describesSuspect: true })).json();
      await post(`/api/alerts/${alert.id}/approve`, {}, 'second');
      const update = await post(`/api/alerts/${alert.id}/update`, {
        body: 'Pelaku memakai jaket hitam.',
      });
      expect(update.statusCode).toBe(201);
      expect(update.json().state).toBe('pending_approval');
      expect(await streamEventsOf(update.json().id)).toEqual([]);
      // The approved original stays what residents see until the update is approved.
      expect(await listIds('active=1&area=31.74.07.1001')).toContain(alert.id);
      const approved = await post(`/api/alerts/${update.json().id}/approve`, {}, 'second');
      expect(approved.statusCode).toBe(200);
      const ids = await listIds('active=1&area=31.74.07.1001');
      expect(ids).toContain(update.json().id);
      expect(ids).not.toContain(alert.id);
    });
  });

  describe('update, cancel and expiry', () => {
    it('updates and cancels by new messages that reference the original and keep its keys', async () => {
      const alert = (await issue({ target: { areas: ['31.74.07.1001', '31.74.07.1002'] } })).json();
      const update = await post(`/api/alerts/${alert.id}/update`, {
        title: 'Pelaku pencurian motor sudah diamankan',
        severity: 'Minor',
      });
      expect(update.statusCode).toBe(201);
      expect(update.json()).toMatchObject({
        msgType: 'Update',
        references: alert.id,
        title: 'Pelaku pencurian motor sudah diamankan',
        severity: 'Minor',
        body: alert.body,
        state: 'published',
      });
      const [original] = await streamEventsOf(alert.id);
      const [updated] = await streamEventsOf(update.json().id);
      expect(updated!.keys.sort()).toEqual(original!.keys.sort());
      const active = await listIds('active=1&area=31.74.07.1002');
      expect(active).toContain(update.json().id);
      expect(active).not.toContain(alert.id);

      const cancel = await post(`/api/alerts/${update.json().id}/cancel`, { reason: 'Selesai' });
      expect(cancel.statusCode).toBe(201);
      expect(cancel.json()).toMatchObject({
        msgType: 'Cancel',
        references: alert.id,
        state: 'cancelled',
        note: 'Selesai',
      });
      const [cancelled] = await streamEventsOf(cancel.json().id);
      expect(cancelled!.keys.sort()).toEqual(original!.keys.sort());
      expect(await listIds('active=1&area=31.74.07.1002')).not.toContain(update.json().id);
      expect((await t.app.inject(`/api/alerts/${alert.id}`)).json().state).toBe('cancelled');

      const again = await post(`/api/alerts/${alert.id}/update`, { title: 'Lagi' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('alert.cancelled');
      expect((await auditOf(update.json().id)).map((a) => a.action)).toEqual(['alert.updated']);
      expect((await auditOf(cancel.json().id)).map((a) => a.action)).toEqual(['alert.cancelled']);
    });

    it('sends an Update that moves the target to old and new recipients', async () => {
      const alert = (await issue()).json();
      const update = await post(`/api/alerts/${alert.id}/update`, {
        target: { areas: ['31.74.07.1002'] },
      });
      expect(update.statusCode).toBe(201);
      const [event] = await streamEventsOf(update.json().id);
      expect(event!.keys.sort()).toEqual(['a:31.74.07.1001', 'a:31.74.07.1002']);
      expect(await listIds('active=1&area=31.74.07.1002')).toContain(update.json().id);
      expect(await listIds('active=1&area=31.74.07.1001')).not.toContain(update.json().id);
      const outside = await post(`/api/alerts/${alert.id}/update`, {
        target: { areas: ['31.74.08.1001'] },
      });
      expect(outside.statusCode).toBe(403);
    });

    it('keeps exactly one current message when updates race', async () => {
      const alert = (await issue({ target: { areas: ['31.74.07.1002'] } })).json();
      const results = await Promise.all(
        ['Satu', 'Dua', 'Tiga'].map((title) =>
          post(`/api/alerts/${alert.id}/update`, { title: `Pembaruan ${title}` }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
      const current = await t.ctx.db
        .selectFrom('alert')
        .select('id')
        .where('threadId', '=', alert.id)
        .where('state', '=', 'published')
        .where('isSuperseded', '=', 0)
        .execute();
      expect(current).toHaveLength(1);
    });

    it('accepts a cancel without a body', async () => {
      const alert = (await issue()).json();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/alerts/${alert.id}/cancel`,
        headers: { cookie: cookies.author! },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().note).toBeNull();
    });

    it('lets only the station update or cancel', async () => {
      const alert = (await issue()).json();
      expect(
        (await post(`/api/alerts/${alert.id}/update`, { title: 'X' }, 'citizen')).statusCode,
      ).toBe(403);
      expect((await post(`/api/alerts/${alert.id}/cancel`, {}, 'siblingOfficer')).statusCode).toBe(
        403,
      );
    });

    it('expires: leaves the active list and cannot be updated', async () => {
      const expiresAt = new Date(t.clock.now().getTime() + 60 * 60 * 1000).toISOString();
      const alert = (await issue({ expiresAt })).json();
      expect(alert.expiresAt).toBe(expiresAt);
      expect(await listIds('active=1')).toContain(alert.id);
      t.clock.advance(2 * 60 * 60 * 1000);
      try {
        expect(await listIds('active=1')).not.toContain(alert.id);
        expect(await listIds('')).toContain(alert.id);
        expect((await t.app.inject(`/api/alerts/${alert.id}`)).json().state).toBe('expired');
        const update = await post(`/api/alerts/${alert.id}/update`, { title: 'Terlambat' });
        expect(update.statusCode).toBe(409);
        expect(update.json().error.code).toBe('alert.expired');
      } finally {
        t.clock.advance(-2 * 60 * 60 * 1000);
      }
    });

    it('publishes drills marked as drills', async () => {
      const alert = (await issue({ status: 'Exercise' })).json();
      expect(alert.isDrill).toBe(true);
      const [event] = await streamEventsOf(alert.id);
      expect(event!.isDrill).toBe(1);
    });

    it('audits an issue with station, title, category and target', async () => {
      const alert = (await issue()).json();
      const [entry] = await auditOf(alert.id);
      expect(entry).toMatchObject({
        action: 'alert.issued',
        stationId: polsek.id,
        actorName: 'Uji author',
      });
      expect(JSON.parse(entry!.summary)).toMatchObject({
        title: alert.title,
        category: 'pencurian',
        target: { areas: ['31.74.07.1001'], circles: 0, polygons: 0 },
      });
    });
  });

  describe('bad input', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['an unknown field', { reward: 1000000 }, 'validation.failed', 'reward'],
      ['a missing title', { title: undefined }, 'validation.failed', 'title'],
      ['a long title', { title: 'x'.repeat(121) }, 'validation.failed', 'title'],
      ['an unknown category', { category: 'hoaks' }, 'validation.failed', 'category'],
      ['a wrong severity', { severity: 'High' }, 'validation.failed', 'severity'],
      [
        'a tiny circle',
        { target: { circles: [{ lat: -6.2, lng: 106.8, radiusM: 10 }] } },
        'validation.failed',
        'target.circles.0.radiusM',
      ],
      ['an empty target', { target: {} }, 'alert.target_empty', 'target'],
      [
        'an unknown area',
        { target: { areas: ['31.74.07.9999'] } },
        'alert.area_unknown',
        'target.areas',
      ],
      [
        'an open polygon',
        {
          target: {
            areas: ['31.74.07'],
            polygons: [
              { type: 'Polygon', coordinates: square(106.85, -6.23, 0.01) },
              {
                type: 'Polygon',
                coordinates: [
                  [
                    [106.85, -6.23],
                    [106.86, -6.23],
                    [106.86, -6.22],
                    [106.85, -6.22],
                  ],
                ],
              },
            ],
          },
        },
        'alert.polygon_invalid',
        'target.polygons.1',
      ],
      [
        'a polygon out of range',
        {
          target: {
            areas: ['31.74.07'],
            polygons: [
              {
                type: 'Polygon',
                coordinates: [
                  [
                    [200, -6],
                    [201, -6],
                    [201, -5],
                    [200, -6],
                  ],
                ],
              },
            ],
          },
        },
        'alert.polygon_invalid',
        'target.polygons.0',
      ],
      [
        'expiry before effect',
        { effectiveAt: '2030-01-02T00:00:00Z', expiresAt: '2030-01-01T00:00:00Z' },
        'alert.expires_before_effective',
        'expiresAt',
      ],
    ];
    it.each(cases)(
      'refuses %s with a 400 naming the field, writing nothing',
      async (_name, overrides, code, field) => {
        const before = await counts();
        const res = await issue(overrides);
        expect(res.statusCode).toBe(400);
        const error = res.json().error;
        expect(error.code).toBe(code);
        const named =
          code === 'validation.failed'
            ? error.details.fields.map((f: { field: string }) => f.field)
            : [error.details.field];
        expect(named).toContain(field);
        expect(await counts()).toEqual(before);
      },
    );
  });

  describe('standards', () => {
    it.skipIf(!canValidateCap)(
      'serves schema-valid CAP 1.2 for an Alert, an English Update and a Cancel',
      async () => {
        const alert = (
          await issue({
            effectiveAt: '2030-11-25T03:00:00.000Z',
            expiresAt: '2030-11-26T03:00:00.000Z',
            instruction: 'Kunci ganda kendaraan <segera>.',
            target: {
              areas: ['31.74.07'],
              circles: [{ lat: -6.23, lng: 106.85, radiusM: 500 }],
              polygons: [{ type: 'Polygon', coordinates: square(106.85, -6.23, 0.01) }],
            },
          })
        ).json();
        const cap = await t.app.inject(`/api/alerts/${alert.id}/cap.xml`);
        expect(cap.statusCode).toBe(200);
        expect(cap.headers['content-type']).toContain('application/cap+xml');
        expect(xmllint(cap.body, CAP_XSD)).toBe('');
        expect(cap.body).toContain(`<identifier>${alert.id}</identifier>`);
        expect(cap.body).toContain('<sender>polsek-tebet@localhost</sender>');
        expect(cap.body).toContain('<effective>2030-11-25T10:00:00+07:00</effective>');
        expect(cap.body).toContain('<category>Security</category>');
        expect(cap.body).toContain('Kunci ganda kendaraan &lt;segera&gt;.');
        expect(cap.body).toContain('<circle>-6.23,106.85 0.5</circle>');
        expect(cap.body).toContain('<valueName>KODE_WILAYAH_KEMENDAGRI</valueName>');
        expect(cap.body).toContain(`<web>http://localhost:8080/peringatan/${alert.id}</web>`);
        expect(cap.body).not.toContain('en-US');

        const update = (
          await post(`/api/alerts/${alert.id}/update`, {
            titleEn: 'Motorcycle thefts in Tebet',
            bodyEn: 'Several thefts were reported tonight. Stay alert.',
          })
        ).json();
        const updateCap = (await t.app.inject(`/api/alerts/${update.id}/cap.xml`)).body;
        expect(xmllint(updateCap, CAP_XSD)).toBe('');
        expect(updateCap).toContain('<msgType>Update</msgType>');
        expect(updateCap).toMatch(
          new RegExp(
            `<references>polsek-tebet@localhost,${alert.id},\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00</references>`,
          ),
        );
        expect(updateCap).toContain('<language>en-US</language>');
        expect(updateCap).toContain('<headline>Motorcycle thefts in Tebet</headline>');

        const cancel = (
          await post(`/api/alerts/${alert.id}/cancel`, { reason: 'Pelaku tertangkap' })
        ).json();
        const cancelCap = (await t.app.inject(`/api/alerts/${cancel.id}/cap.xml`)).body;
        expect(xmllint(cancelCap, CAP_XSD)).toBe('');
        expect(cancelCap).toContain('<msgType>Cancel</msgType>');
        expect(cancelCap).toContain('<note>Pelaku tertangkap</note>');
      },
    );

    it('documents every alert route in the OpenAPI document', async () => {
      const paths = Object.keys((await t.app.inject('/openapi.json')).json().paths);
      for (const route of [
        '/api/alerts',
        '/api/alerts/preview',
        '/api/alerts/{id}',
        '/api/alerts/{id}/cap.xml',
        '/api/alerts/{id}/update',
        '/api/alerts/{id}/cancel',
        '/api/alerts/{id}/approve',
        '/api/alerts/{id}/reject',
        '/feeds/alerts.atom',
        '/feeds/stations/{slug}/alerts.atom',
      ]) {
        expect(paths).toContain(route);
      }
    });

    it('hides the CAP document of a pending alert from the public', async () => {
      const alert = (await issue({ describesSuspect: true })).json();
      expect((await t.app.inject(`/api/alerts/${alert.id}/cap.xml`)).statusCode).toBe(404);
    });

    it.skipIf(!hasXmllint)(
      'serves Atom indexes of active alerts linking their CAP documents',
      async () => {
        const alert = (await issue({ title: 'Waspada penipuan "undian" & hadiah' })).json();
        const other = (
          await issue(
            { stationId: sibling.id, target: { areas: ['31.74.08.1001'] } },
            'siblingOfficer',
          )
        ).json();
        const feed = await t.app.inject('/feeds/alerts.atom');
        expect(feed.statusCode).toBe(200);
        expect(feed.headers['content-type']).toContain('application/atom+xml');
        expect(xmllint(feed.body)).toBe('');
        expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
        expect(feed.body).toContain(`<id>urn:uuid:${alert.id}</id>`);
        expect(feed.body).toContain(
          `<link rel="alternate" type="application/cap+xml" href="http://localhost:8080/api/alerts/${alert.id}/cap.xml"/>`,
        );
        expect(feed.body).toContain('Waspada penipuan &quot;undian&quot; &amp; hadiah');
        expect(feed.body).toMatch(/<updated>\d{4}-\d\d-\d\dT[\d:.]+Z<\/updated>/);

        const stationFeed = await t.app.inject('/feeds/stations/polsek-setiabudi/alerts.atom');
        expect(xmllint(stationFeed.body)).toBe('');
        expect(stationFeed.body).toContain(other.id);
        expect(stationFeed.body).not.toContain(alert.id);
        expect((await t.app.inject('/feeds/stations/nope/alerts.atom')).statusCode).toBe(404);
      },
    );
  });
});
