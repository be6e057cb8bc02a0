import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import type { TestStation } from '../../../../test/helpers/factories.js';
import {
  executableBytes,
  listFiles,
  multipartBody,
  noisyJpeg,
  phonePhoto,
  type FormFile,
} from '../../../../test/helpers/media-files.js';
import { buildPeople, buildSouthJakartaWorld } from '../../../../test/helpers/station-world.js';

// Rate limits count per address, in Redis across runs on PostgreSQL: each call its own address.
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe('reports: the contract', () => {
  let t: TestContext;
  let polres: TestStation;
  let polsek: TestStation;
  let sibling: TestStation;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const description = 'Tiga motor hilang dari parkiran pasar dalam seminggu ini.';

  beforeAll(async () => {
    t = await createTestContext();
    ({ polres, polsek, sibling } = await buildSouthJakartaWorld(t));
    const people = await buildPeople(t, {
      officer: { stationId: polsek.id, role: 'officer' },
      colleague: { stationId: polsek.id, role: 'officer' },
      siblingOfficer: { stationId: sibling.id, role: 'officer' },
      polresAdmin: { stationId: polres.id, role: 'station_admin' },
      citizen: null,
      otherCitizen: null,
    });
    for (const [key, person] of Object.entries(people)) {
      cookies[key] = person.cookie;
      ids[key] = person.id;
    }
  });
  afterAll(() => t.close());

  const form = async (fields: Record<string, string>, files: FormFile[] = [], who?: string) => {
    const body = await multipartBody(files, fields);
    return t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: body.payload,
      remoteAddress: randomIp(),
      headers: { ...body.headers, ...(who ? { cookie: cookies[who] ?? '' } : {}) },
    });
  };
  const fields = (extra: Record<string, string> = {}) => ({
    category: 'pencurian',
    description,
    occurredAt: '2026-12-01T20:00:00.000Z',
    areaCode: '31.74.07.1001',
    anonymous: 'true',
    idempotencyKey: randomUUID(),
    ...extra,
  });
  const as = (
    who: string | undefined,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: who ? { cookie: cookies[who] ?? '' } : {},
    });
  const tracked = (
    code: string,
    secret: string,
    method: 'GET' | 'POST' = 'GET',
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/reports/track/${code}${method === 'POST' ? '/messages' : ''}`,
      headers: { 'x-tracking-secret': secret },
      remoteAddress: randomIp(),
      ...(payload ? { payload } : {}),
    });
  const reportCount = async () =>
    (await t.ctx.db.selectFrom('report').select('id').execute()).length;
  const mediaFiles = () => listFiles(t.config.mediaDir);

  it('takes a multipart report with photos, keeping no GPS and serving the photos to the secret only', async () => {
    const res = await form(fields({ lat: '-6.2331', lng: '106.8537', accuracyM: '25' }), [
      { field: 'photos', name: 'a.jpg', bytes: await phonePhoto() },
      { field: 'photos', name: 'b.jpg', bytes: await noisyJpeg(300, 200) },
    ]);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['id', 'secret', 'station', 'status', 'trackingCode']);
    expect(body).toMatchObject({ status: 'diterima', station: { slug: 'polsek-tebet' } });
    const view = (await tracked(body.trackingCode, body.secret)).json();
    expect(view.photos).toHaveLength(2);
    const photoUrl = view.photos[0].url as string;
    const photo = await t.app.inject({
      url: photoUrl,
      headers: { 'x-tracking-secret': body.secret },
    });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    // Re-encoded without metadata: the GPS block ('GPS' tag name) and the phone's make are gone.
    expect(photo.rawPayload.includes(Buffer.from('Siaga Test Phone'))).toBe(false);
    expect((await t.app.inject({ url: photoUrl })).statusCode).toBe(404);
    // Officers of the station and above see them; a sibling does not.
    const officerUrl = `/api/reports/${body.id}/photos/${view.photos[0].id}`;
    expect((await as('officer', 'GET', officerUrl)).statusCode).toBe(200);
    expect((await as('polresAdmin', 'GET', officerUrl)).statusCode).toBe(200);
    expect((await as('siblingOfficer', 'GET', officerUrl)).statusCode).toBe(403);
    const row = await t.ctx.db
      .selectFrom('report')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    // The point stored is the one the reporter chose, not the one in the photo (-6.2083, 106.8292).
    expect(row).toMatchObject({
      lat: -6.2331,
      lng: 106.8537,
      accuracyM: 25,
      reporterAccountId: null,
    });
  });

  it('offers the GPS position of a photo back when no location was given, storing nothing', async () => {
    const before = await reportCount();
    const filesBefore = mediaFiles().length;
    const withoutArea: Record<string, string> = fields();
    delete withoutArea.areaCode;
    const res = await form(withoutArea, [
      { field: 'photos', name: 'a.jpg', bytes: await phonePhoto() },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('report.location_required');
    expect(res.json().error.details.photoLocation.lat).toBeCloseTo(-6.2083, 3);
    expect(await reportCount()).toBe(before);
    expect(mediaFiles().length).toBe(filesBefore);
  });

  it.each([
    [
      'an executable named .jpg',
      () => Promise.resolve([{ field: 'photos', name: 'x.jpg', bytes: executableBytes() }]),
      {},
      415,
    ],
    [
      'six photos',
      async () =>
        Promise.all(
          Array.from({ length: 6 }, async (_, i) => ({
            field: 'photos',
            name: `${i}.jpg`,
            bytes: await noisyJpeg(64, 64),
          })),
        ),
      {},
      413,
    ],
    [
      'a missing description',
      async () => [{ field: 'photos', name: 'a.jpg', bytes: await noisyJpeg(64, 64) }],
      { description: '' },
      400,
    ],
    [
      'a point outside Indonesia',
      async () => [{ field: 'photos', name: 'a.jpg', bytes: await noisyJpeg(64, 64) }],
      { lat: '1.35', lng: '103.82', areaCode: '' },
      400,
    ],
    [
      'a description of 20,000 characters',
      () => Promise.resolve([]),
      { description: 'a'.repeat(20_000) },
      413,
    ],
  ] as const)(
    'refuses %s, leaving no row and no file',
    async (_name, makeFiles, override, status) => {
      const before = await reportCount();
      const filesBefore = mediaFiles().length;
      const chosen: Record<string, string> = fields(override);
      for (const [key, value] of Object.entries(chosen)) if (value === '') delete chosen[key];
      const res = await form(chosen, [...(await makeFiles())]);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toMatch(/^(media|report|validation)\./);
      expect(await reportCount()).toBe(before);
      expect(mediaFiles().length).toBe(filesBefore);
    },
  );

  it('answers a retry with the same idempotency key with the same report, never a twin', async () => {
    const sent = fields();
    const answers = await Promise.all([form(sent), form(sent), form(sent)]);
    const bodies = answers.map((a) => a.json<{ id: string; secret: string }>());
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.secret)).size).toBe(1);
    const later = await form(sent);
    expect([later.statusCode, later.json().id]).toEqual([200, bodies[0]!.id]);
    const rows = await t.ctx.db
      .selectFrom('report')
      .select('id')
      .where('idempotencyKey', '=', sent.idempotencyKey)
      .execute();
    expect(rows).toHaveLength(1);
    // The same key over JSON is the same report too.
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { description, areaCode: '31.74.07.1001', idempotencyKey: sent.idempotencyKey },
      remoteAddress: randomIp(),
    });
    expect([json.statusCode, json.json().id]).toEqual([200, bodies[0]!.id]);
  });

  it('carries a two-way thread: replies reach the tipster, notes never do, messages reach the station', async () => {
    const { id, trackingCode, secret } = (await form(fields())).json();
    expect(
      (
        await as('officer', 'POST', `/api/reports/${id}/replies`, {
          body: 'Terima kasih, kami cek.',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await as('officer', 'POST', `/api/reports/${id}/notes`, {
          body: 'Pelaku diduga residivis R.',
        })
      ).statusCode,
    ).toBe(201);
    const added = await tracked(trackingCode, secret, 'POST', { body: 'Motornya Vario hitam.' });
    expect(added.statusCode).toBe(201);
    const seen = (await tracked(trackingCode, secret)).json();
    expect(seen.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['station', 'Terima kasih, kami cek.'],
      ['reporter', 'Motornya Vario hitam.'],
    ]);
    expect(JSON.stringify(seen)).not.toContain('residivis');
    expect(
      (await tracked(trackingCode, 'wrong-secret-xxxxxxxx', 'POST', { body: 'x' })).statusCode,
    ).toBe(404);
    const detail = (await as('officer', 'GET', `/api/reports/${id}`)).json();
    expect(detail.notes.map((n: { body: string }) => n.body)).toEqual([
      'Pelaku diduga residivis R.',
    ]);
    expect(detail.messages).toHaveLength(2);
    const event = await t.ctx.db
      .selectFrom('report_event')
      .selectAll()
      .where('reportId', '=', id)
      .where('kind', '=', 'message')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ authorAccountId: null, authorName: null });
  });

  it('rejects with a reason the reporter sees, assigns, links duplicates, and audits each', async () => {
    const { id, trackingCode, secret } = (await form(fields())).json();
    const { id: twin } = (await form(fields())).json();
    expect(
      (await as('officer', 'PATCH', `/api/reports/${id}`, { assigneeId: ids.colleague })).json(),
    ).toMatchObject({
      assignee: { id: ids.colleague, name: 'Uji colleague' },
    });
    const notOfficer = await as('officer', 'PATCH', `/api/reports/${id}`, {
      assigneeId: ids.siblingOfficer,
    });
    expect([notOfficer.statusCode, notOfficer.json().error.code]).toEqual([
      400,
      'report.assignee_not_officer',
    ]);
    expect(
      (await as('officer', 'PATCH', `/api/reports/${twin}`, { duplicateOfId: id })).statusCode,
    ).toBe(200);
    const noReason = await as('officer', 'PATCH', `/api/reports/${id}`, { status: 'ditolak' });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([
      400,
      'report.reason_required',
    ]);
    await as('officer', 'PATCH', `/api/reports/${id}`, {
      status: 'ditolak',
      reason: 'Bukan wewenang polisi.',
    });
    const seen = (await tracked(trackingCode, secret)).json();
    expect(seen.timeline.at(-1)).toMatchObject({
      status: 'ditolak',
      reason: 'Bukan wewenang polisi.',
    });
    const detail = (await as('officer', 'GET', `/api/reports/${id}`)).json();
    expect(detail.similar.map((s: { id: string }) => s.id)).toEqual([twin]);
    const actions = (
      await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('targetId', 'in', [id, twin])
        .execute()
    ).map((a) => a.action);
    expect(actions.filter((a) => a === 'report.updated')).toHaveLength(2);
    expect(actions).toContain('report.status_changed');
  });

  it("pushes a named reporter's status change to their private stream key and Web Push", async () => {
    const { id } = (await form(fields({ anonymous: 'false' }), [], 'citizen')).json();
    await as('officer', 'PATCH', `/api/reports/${id}`, { status: 'diverifikasi' });
    const events = await t.ctx.db
      .selectFrom('stream_event')
      .selectAll()
      .where('type', '=', 'report.updated')
      .execute();
    expect(
      events.some((e) => e.keys === JSON.stringify([`u:${ids.citizen}`]) && e.data.includes(id)),
    ).toBe(true);
    const jobs = await t.ctx.db
      .selectFrom('job')
      .select('payload')
      .where('name', '=', 'push.fanout')
      .execute();
    expect(jobs.some((j) => j.payload.includes(`u:${ids.citizen}`))).toBe(true);
    // "Laporan saya": only their own.
    const mine = (await as('citizen', 'GET', '/api/reports/mine')).json().items;
    expect(mine.map((r: { id: string }) => r.id)).toContain(id);
    const theirs = (await as('otherCitizen', 'GET', '/api/reports/mine')).json().items;
    expect(theirs).toEqual([]);
  });

  it('queues across the stations an officer can see, never a sibling, with counts and filters', async () => {
    const { id } = (await form(fields({ category: 'begal' }))).json();
    const queue = (await as('polresAdmin', 'GET', '/api/reports?category=begal')).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(id);
    expect(queue.counts.diterima).toBeGreaterThan(0);
    expect(
      queue.items.every(
        (r: { reporter: unknown; contact: unknown }) => r.reporter === null && r.contact === null,
      ),
    ).toBe(true);
    const siblingQueue = (await as('siblingOfficer', 'GET', '/api/reports')).json();
    expect(siblingQueue.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await as('siblingOfficer', 'GET', `/api/reports/${id}`)).statusCode).toBe(403);
    expect((await as('citizen', 'GET', '/api/reports')).statusCode).toBe(403);
    expect((await as('citizen', 'GET', `/api/reports/${id}`)).statusCode).toBe(403);
    expect((await as(undefined, 'GET', '/api/reports')).statusCode).toBe(401);
    // Oldest unanswered first.
    const all = (await as('officer', 'GET', '/api/reports?status=diterima')).json().items as Array<{
      createdAt: string;
    }>;
    expect(all.map((r) => r.createdAt)).toEqual([...all.map((r) => r.createdAt)].sort());
  });

  it("audits every view of a named reporter's identity", async () => {
    const { id } = (
      await form(fields({ anonymous: 'false', contact: '0812 1111 2222' }), [], 'citizen')
    ).json();
    const detail = (await as('polresAdmin', 'GET', `/api/reports/${id}`)).json();
    expect(detail.report).toMatchObject({
      reporter: { name: 'Uji citizen' },
      contact: '0812 1111 2222',
    });
    const views = await t.ctx.db
      .selectFrom('audit_log')
      .select('actorName')
      .where('targetId', '=', id)
      .where('action', '=', 'report.identity_viewed')
      .execute();
    expect(views).toEqual([{ actorName: 'Uji polresAdmin' }]);
  });

  it('erases personal data of closed reports after the retention period, keeping the facts', async () => {
    const { id } = (
      await form(
        fields({ anonymous: 'false', contact: '0812 3333 4444' }),
        [{ field: 'photos', name: 'a.jpg', bytes: await noisyJpeg(100, 100) }],
        'citizen',
      )
    ).json();
    const { id: open } = (await form(fields({ contact: '0812 5555 6666' }))).json();
    await as('officer', 'PATCH', `/api/reports/${id}`, { status: 'selesai' });
    const { eraseExpiredReportData } = await import('./reports.service.js');
    t.clock.advance(364 * 24 * 3600_000);
    await eraseExpiredReportData(t.ctx);
    const rowOf = (reportId: string) =>
      t.ctx.db
        .selectFrom('report')
        .selectAll()
        .where('id', '=', reportId)
        .executeTakeFirstOrThrow();
    expect((await rowOf(id)).contact).toBe('0812 3333 4444');
    t.clock.advance(2 * 24 * 3600_000);
    await eraseExpiredReportData(t.ctx);
    expect(await rowOf(id)).toMatchObject({
      contact: null,
      reporterAccountId: null,
      category: 'pencurian',
      description,
      status: 'selesai',
    });
    expect(
      await t.ctx.db.selectFrom('report_photo').selectAll().where('reportId', '=', id).execute(),
    ).toEqual([]);
    expect((await rowOf(open)).contact).toBe('0812 5555 6666');
  });
});
