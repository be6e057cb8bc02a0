import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClarificationView } from '../../../common/api/factcheck.js';
import type { SubmittedTip, TipGroupList, TipTracking } from '../../../common/api/tipline.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { multipartBody, phonePhoto } from '../../../../test/helpers/media-files.js';
import {
  buildPeople,
  buildStationWorld,
  type Person,
} from '../../../../test/helpers/station-world.js';

describe('hoax tipline', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let editor: Person;

  const call = (method: 'GET' | 'POST', url: string, who?: Person, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(who ? { headers: { cookie: who.cookie } } : {}),
      ...(payload ? { payload } : {}),
    });

  const tip = async (text: string, who?: Person) => {
    const response = await call('POST', '/api/factcheck/tips', who, {
      stationId: world.stations.polsek.id,
      text,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<SubmittedTip>();
  };

  const track = (code: string, secret?: string) =>
    t.app.inject({
      url: `/api/factcheck/tips/track/${code}`,
      ...(secret ? { headers: { 'x-tracking-secret': secret } } : {}),
    });

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    editor = (
      await buildPeople(t, { editor: { stationId: world.stations.polsek.id, role: 'editor' } })
    ).editor;
  });
  afterAll(() => t.close());

  it('groups similar tips, answers the whole group on publish, and tells those who asked', async () => {
    const first = await tip(
      'Katanya besok ada razia besar-besaran motor tanpa STNK di Jalan Ciledug Raya, benar gak?',
    );
    expect(first.trackingCode).toMatch(/^SGA-/);
    expect(first.tracking).toMatchObject({ status: 'open', answer: null, hasImage: false });
    const second = await tip(
      'RAZIA BESAR2AN MOTOR TANPA STNK BESOK DI JLN CILEDUG RAYA!!! sebarkan 🙏',
      world.people.citizen,
    );
    const form = await multipartBody(
      [{ field: 'image', name: 'razia.jpg', bytes: await phonePhoto(400, 300) }],
      {
        stationId: world.stations.polsek.id,
        text: 'besok razia besar besaran motor tanpa stnk di jalan ciledug raya',
      },
    );
    const third = await t.app.inject({
      method: 'POST',
      url: '/api/factcheck/tips',
      payload: form.payload,
      headers: form.headers,
    });
    expect(third.statusCode, third.body).toBe(201);
    expect(third.json<SubmittedTip>().tracking.hasImage).toBe(true);
    const other = await tip('Apakah benar air PAM di Cipulir tercemar bakteri minggu ini?');

    // Citizens do not see the queue; the station's officers do, most asked first.
    expect(
      (
        await call(
          'GET',
          `/api/factcheck/tip-groups?stationId=${world.stations.polsek.id}`,
          world.people.citizen,
        )
      ).statusCode,
    ).toBe(403);
    const queue = (
      await call(
        'GET',
        `/api/factcheck/tip-groups?stationId=${world.stations.polsek.id}`,
        world.people.officer,
      )
    ).json<TipGroupList>();
    expect(queue.items.map((group) => group.tipCount)).toEqual([3, 1]);
    const [razia, air] = queue.items;
    expect(razia!.samples).toHaveLength(3);
    expect(air!.text).toContain('PAM');

    // Wrong or missing secret: the same 404 as no tip.
    expect((await track(first.trackingCode)).statusCode).toBe(404);
    expect((await track(first.trackingCode, 'salah')).statusCode).toBe(404);
    expect((await track(first.trackingCode, first.secret)).statusCode).toBe(200);

    const created = await call('POST', '/api/clarifications', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Razia besar-besaran di Jalan Ciledug Raya tidak benar',
      claim: 'Besok ada razia besar-besaran motor tanpa STNK di Jalan Ciledug Raya',
      verdict: 'HOAKS',
      explanation: 'Tidak ada razia terjadwal di Ciledug Raya.',
      tipGroupId: razia!.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<ClarificationView>();
    // A draft answers nobody yet.
    expect((await track(first.trackingCode, first.secret)).json<TipTracking>().status).toBe('open');
    const published = await call('POST', `/api/clarifications/${draft.id}/publish`, editor);
    expect(published.statusCode, published.body).toBe(200);

    for (const sent of [first, second, third.json<SubmittedTip>()]) {
      const page = (await track(sent.trackingCode, sent.secret)).json<TipTracking>();
      expect(page).toMatchObject({
        status: 'answered',
        answer: { clarificationId: draft.id, verdict: 'HOAKS', url: draft.url },
      });
    }
    const untouched = (await track(other.trackingCode, other.secret)).json<TipTracking>();
    expect(untouched.status).toBe('open');

    // Only the logged-in asker is reachable: their stream and their push subscriptions.
    const events = await t.ctx.db
      .selectFrom('stream_event')
      .selectAll()
      .where('type', '=', 'factcheck.tip_answered')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.keys)).toEqual([`u:${world.people.citizen.id}`]);
    const pushes = await t.ctx.db
      .selectFrom('job')
      .select('payload')
      .where('name', '=', 'push.fanout')
      .execute();
    expect(pushes.map((job) => JSON.parse(job.payload) as { keys: string[] })).toEqual([
      expect.objectContaining({ keys: [`u:${world.people.citizen.id}`] }),
    ]);

    const answeredQueue = (
      await call(
        'GET',
        `/api/factcheck/tip-groups?stationId=${world.stations.polsek.id}&status=answered`,
        world.people.officer,
      )
    ).json<TipGroupList>();
    expect(answeredQueue.items).toEqual([
      expect.objectContaining({
        id: razia!.id,
        answer: expect.objectContaining({ clarificationId: draft.id }),
      }),
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'factcheck.tips_answered')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a draft for a group of another station, and bad tips', async () => {
    const sibling = await call('POST', '/api/factcheck/tips', undefined, {
      stationId: world.stations.sibling.id,
      text: 'Benarkah ada gempa susulan di Bandung malam ini?',
    });
    const groups = await t.ctx.db
      .selectFrom('factcheck_tip_group')
      .select('id')
      .where('stationId', '=', world.stations.sibling.id)
      .execute();
    expect(sibling.statusCode).toBe(201);
    const refused = await call('POST', '/api/clarifications', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Gempa susulan tidak benar',
      claim: 'Ada gempa susulan malam ini',
      verdict: 'HOAKS',
      explanation: 'Tidak ada.',
      tipGroupId: groups[0]!.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'factcheck.tip_group_not_found' } });
    const before = await t.ctx.db.selectFrom('factcheck_tip').select('id').execute();
    for (const body of [
      { stationId: world.stations.polsek.id, text: '' },
      { stationId: world.stations.polsek.id },
      { stationId: world.stations.polsek.id, text: 'x'.repeat(10_001) },
    ]) {
      expect((await call('POST', '/api/factcheck/tips', undefined, body)).statusCode).toBe(400);
    }
    const after = await t.ctx.db.selectFrom('factcheck_tip').select('id').execute();
    expect(after).toHaveLength(before.length);
  });
});
