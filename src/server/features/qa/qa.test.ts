import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaQuestionView, QaSessionView } from '../../../common/api/qa.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildAccount, sessionCookie } from '../../../../test/helpers/factories.js';
import {
  decryptPushBody,
  makeBrowserKeys,
  startLocalPushService,
} from '../../../../test/helpers/push-service.js';
import { openSse } from '../../../../test/helpers/sse.js';
import { buildStationWorld, type Person } from '../../../../test/helpers/station-world.js';
import { QUESTIONS_PER_WINDOW } from './qa.service.js';

const HOUR = 60 * 60_000;

describe('live Q&A', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let unverified: Person;

  const citizen = async (): Promise<Person> => {
    const account = await buildAccount(t.ctx.db);
    return { id: account.id, cookie: await sessionCookie(t, account.id) };
  };

  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    who?: Person,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      ...(who ? { headers: { cookie: who.cookie } } : {}),
      ...(payload ? { payload } : {}),
    });

  const schedule = async (
    overrides: Partial<{ moderation: 'pre' | 'post'; startsInMs: number; lengthMs: number }> = {},
  ): Promise<QaSessionView> => {
    const start = t.clock.now().getTime() + (overrides.startsInMs ?? HOUR);
    const response = await call('POST', '/api/qa/sessions', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Bahaya narkoba di sekolah',
      topic: 'Narkoba',
      description: 'Tanya jawab bersama Satresnarkoba.',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + (overrides.lengthMs ?? HOUR)).toISOString(),
      moderation: overrides.moderation ?? 'post',
      panelAccountIds: [world.people.officer.id],
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  const ask = async (sessionId: string, who: Person, text: string, pseudonym?: string) =>
    call('POST', `/api/qa/sessions/${sessionId}/questions`, who, {
      text,
      ...(pseudonym ? { pseudonym } : {}),
    });

  const questions = async (sessionId: string, who?: Person, query = '') => {
    const response = await call('GET', `/api/qa/sessions/${sessionId}/questions${query}`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: QaQuestionView[] }>().items;
  };

  const auditActions = async () =>
    (await t.ctx.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
      (row) => row.action,
    );

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    const account = await buildAccount(t.ctx.db, { isVerified: false });
    unverified = { id: account.id, cookie: await sessionCookie(t, account.id) };
  });
  afterAll(() => t.close());

  describe('sessions', () => {
    it("pushes the start to a follower's phone, not to other devices", async () => {
      const push = await startLocalPushService();
      try {
        const session = await schedule({ startsInMs: HOUR, lengthMs: HOUR });
        const follower = await citizen();
        await call('PUT', `/api/qa/sessions/${session.id}/follow`, follower);
        const phone = makeBrowserKeys();
        const subscribe = (path: string, who?: Person) =>
          call('POST', '/api/push/subscriptions', who, {
            subscription: { endpoint: push.endpoint(path), keys: phone.json },
          });
        expect((await subscribe('/follower', follower)).statusCode).toBe(200);
        expect((await subscribe('/someone-else', await citizen())).statusCode).toBe(200);
        expect((await subscribe('/guest')).statusCode).toBe(200);

        t.clock.advance(HOUR);
        await t.ctx.jobs.runDueJobs();
        await t.ctx.jobs.runDueJobs(); // the fan-out the state change enqueued

        expect(push.received.map((r) => r.path)).toEqual(['/follower']);
        expect(JSON.parse(decryptPushBody(push.received[0]!.body, phone))).toMatchObject({
          title: 'Sesi "Bahaya narkoba di sekolah" sudah dimulai.',
          url: `/tanya/${session.id}`,
          sourceType: 'qa_session',
        });
      } finally {
        await push.close();
      }
    });

    it('moves scheduled → live → ended with the clock, announcing each state once', async () => {
      const session = await schedule({ startsInMs: HOUR, lengthMs: HOUR });
      expect(session).toMatchObject({ state: 'scheduled', moderation: 'post', kind: 'session' });
      expect(session.panel).toEqual([{ id: world.people.officer.id, name: 'Bripka Sari' }]);

      const follower = await citizen();
      expect((await call('PUT', `/api/qa/sessions/${session.id}/follow`, follower)).json()).toEqual(
        { isFollowing: true },
      );

      t.clock.advance(HOUR);
      await t.ctx.jobs.runDueJobs();
      expect((await call('GET', `/api/qa/sessions/${session.id}`)).json()).toMatchObject({
        state: 'live',
      });
      const events = await t.ctx.db
        .selectFrom('stream_event')
        .select(['type', 'data', 'keys'])
        .where('type', 'in', ['qa.state', 'qa.reminder'])
        .execute();
      const forSession = events.filter((event) => event.data.includes(session.id));
      expect(forSession.map((event) => event.type).sort()).toEqual(['qa.reminder', 'qa.state']);
      expect(forSession.find((e) => e.type === 'qa.reminder')?.keys).toContain(follower.id);

      t.clock.advance(HOUR);
      await t.ctx.jobs.runDueJobs();
      const ended = await call('GET', `/api/qa/sessions?station=polsek-kebayoran-lama&state=ended`);
      expect(ended.json<{ items: QaSessionView[] }>().items.map((s) => s.id)).toContain(session.id);
      // Running the jobs again announces nothing new.
      await t.ctx.jobs.runDueJobs();
      const states = await t.ctx.db
        .selectFrom('stream_event')
        .select('data')
        .where('type', '=', 'qa.state')
        .execute();
      expect(states.filter((row) => row.data.includes(session.id))).toHaveLength(2);
    });

    it('lets a moderator open early and close now, in the audit log', async () => {
      const session = await schedule({ startsInMs: 3 * HOUR });
      const opened = await call(
        'POST',
        `/api/qa/sessions/${session.id}/open`,
        world.people.officer,
      );
      expect(opened.json()).toMatchObject({ state: 'live' });
      const closed = await call(
        'POST',
        `/api/qa/sessions/${session.id}/close`,
        world.people.officer,
      );
      expect(closed.json()).toMatchObject({ state: 'ended' });
      const reopened = await call(
        'POST',
        `/api/qa/sessions/${session.id}/open`,
        world.people.officer,
      );
      expect(reopened.statusCode).toBe(409);
      expect(reopened.json().error.code).toBe('qa.session_ended');
      expect(await auditActions()).toEqual(
        expect.arrayContaining(['qa.session_created', 'qa.session_opened', 'qa.session_closed']),
      );
    });

    it('reschedules a session: the new start drives the state, others may not change it', async () => {
      const session = await schedule({ startsInMs: HOUR });
      const later = new Date(t.clock.now().getTime() + 3 * HOUR).toISOString();
      const end = new Date(t.clock.now().getTime() + 4 * HOUR).toISOString();
      const patch = (who: Person, body: object) =>
        call('PATCH', `/api/qa/sessions/${session.id}`, who, body);
      expect((await patch(world.people.siblingAdmin, { title: 'Diambil alih' })).statusCode).toBe(
        403,
      );
      const moved = await patch(world.people.officer, {
        title: 'Bahaya narkoba (dijadwal ulang)',
        startsAt: later,
        endsAt: end,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({
        title: 'Bahaya narkoba (dijadwal ulang)',
        state: 'scheduled',
      });
      t.clock.advance(HOUR);
      await t.ctx.jobs.runDueJobs();
      expect((await call('GET', `/api/qa/sessions/${session.id}`)).json()).toMatchObject({
        state: 'scheduled',
      });
      t.clock.advance(2 * HOUR);
      await t.ctx.jobs.runDueJobs();
      expect((await call('GET', `/api/qa/sessions/${session.id}`)).json()).toMatchObject({
        state: 'live',
      });
      expect(await auditActions()).toContain('qa.session_updated');
    });

    it('refuses to schedule for a citizen, another station or without times', async () => {
      const body = {
        stationId: world.stations.polsek.id,
        title: 'Sesi',
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + HOUR).toISOString(),
        moderation: 'pre',
      };
      expect((await call('POST', '/api/qa/sessions', world.people.citizen, body)).statusCode).toBe(
        403,
      );
      expect(
        (await call('POST', '/api/qa/sessions', world.people.siblingAdmin, body)).statusCode,
      ).toBe(403);
      const noEnd = await call('POST', '/api/qa/sessions', world.people.officer, {
        ...body,
        endsAt: undefined,
      });
      expect(noEnd.statusCode).toBe(400);
      expect(noEnd.json().error.code).toBe('qa.times_required');
      const backwards = await call('POST', '/api/qa/sessions', world.people.officer, {
        ...body,
        endsAt: body.startsAt,
      });
      expect(backwards.json().error.code).toBe('qa.times_invalid');
    });

    it('keeps one standing board per station, always live', async () => {
      const body = {
        stationId: world.stations.polres.id,
        kind: 'board',
        title: 'Papan Polres',
        moderation: 'pre',
      };
      const board = await call('POST', '/api/qa/sessions', world.people.polresAdmin, body);
      expect(board.statusCode, board.body).toBe(201);
      expect(board.json()).toMatchObject({ kind: 'board', state: 'live', endsAt: null });
      const again = await call('POST', '/api/qa/sessions', world.people.polresAdmin, body);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('qa.board_exists');
      const asked = await ask(
        board.json().id,
        await citizen(),
        'Bagaimana cara membuat SKCK online?',
      );
      expect(asked.json()).toMatchObject({ status: 'pending' });
    });
  });

  describe('questions', () => {
    it('shows post-moderated questions at once and holds pre-moderated ones', async () => {
      const post = await schedule({ moderation: 'post', startsInMs: 0 });
      const pre = await schedule({ moderation: 'pre', startsInMs: 0 });
      const asker = await citizen();
      const shown = await ask(
        post.id,
        asker,
        'Apa ciri-ciri anak yang terpapar narkoba?',
        'Ibu Rina',
      );
      expect(shown.statusCode).toBe(201);
      expect(shown.json()).toMatchObject({ status: 'approved' });
      const held = await ask(pre.id, asker, 'Ke mana melapor jika ada pengedar di sekolah?');
      expect(held.json()).toMatchObject({ status: 'pending' });

      const publicPost = await questions(post.id);
      expect(publicPost).toHaveLength(1);
      expect(publicPost[0]).toMatchObject({
        text: 'Apa ciri-ciri anak yang terpapar narkoba?',
        pseudonym: 'Ibu Rina',
        votes: 0,
        status: 'approved',
        pinned: false,
        answer: null,
      });
      expect(publicPost[0]).not.toHaveProperty('hiddenReason');
      expect(await questions(pre.id)).toEqual([]);
      // The asker sees their own waiting question; moderators see the queue.
      expect((await questions(pre.id, asker)).map((q) => q.status)).toEqual(['pending']);
      const queue = await questions(pre.id, world.people.officer, '?status=pending');
      expect(queue.map((q) => q.id)).toEqual([held.json().id]);
      expect(
        (await call('GET', `/api/qa/sessions/${pre.id}/questions?status=pending`, asker))
          .statusCode,
      ).toBe(403);

      const approved = await call(
        'POST',
        `/api/qa/questions/${held.json().id}/approve`,
        world.people.officer,
      );
      expect(approved.json()).toMatchObject({ status: 'approved' });
      expect((await questions(pre.id)).map((q) => q.id)).toEqual([held.json().id]);
    });

    it('sends questions with insults to moderation even in a post session', async () => {
      const session = await schedule({ moderation: 'post', startsInMs: 0 });
      const rude = await ask(session.id, await citizen(), 'Polisi g0bl0kkk kapan razia knalpot?');
      expect(rude.json()).toMatchObject({ status: 'pending' });
      const queue = await questions(session.id, world.people.officer, '?status=pending');
      expect(queue[0]).toMatchObject({ isSuspect: true });
      const polite = await ask(
        session.id,
        await citizen(),
        'Kapan razia knalpot brong di Kebayoran?',
      );
      expect(polite.json()).toMatchObject({ status: 'approved' });
    });

    it('refuses unverified and anonymous askers and voters, with a clear code', async () => {
      const session = await schedule({ startsInMs: 0 });
      const refused = await ask(session.id, unverified, 'Bolehkah saya bertanya tanpa verifikasi?');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'auth.verification_required' });
      const anonymous = await t.app.inject({
        method: 'POST',
        url: `/api/qa/sessions/${session.id}/questions`,
        payload: { text: 'Pertanyaan tanpa akun sama sekali' },
      });
      expect(anonymous.statusCode).toBe(401);
      const question = await ask(session.id, await citizen(), 'Pertanyaan yang sah untuk dipilih');
      const vote = await call('PUT', `/api/qa/questions/${question.json().id}/vote`, unverified);
      expect(vote.statusCode).toBe(403);
    });

    it('limits length and rate per account', async () => {
      const session = await schedule({ startsInMs: 0 });
      const asker = await citizen();
      expect((await ask(session.id, asker, 'Pendek')).statusCode).toBe(400);
      expect((await ask(session.id, asker, 'x'.repeat(501))).statusCode).toBe(400);
      for (let i = 0; i < QUESTIONS_PER_WINDOW; i += 1) {
        expect(
          (await ask(session.id, asker, `Pertanyaan nomor ${i} tentang keamanan`)).statusCode,
        ).toBe(201);
      }
      const limited = await ask(session.id, asker, 'Satu pertanyaan lagi tentang keamanan');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('qa.rate_limited');
      t.clock.advance(11 * 60_000);
      expect((await ask(session.id, asker, 'Setelah jeda, pertanyaan berikutnya')).statusCode).toBe(
        201,
      );
    });

    it('counts one vote per account under concurrent voting', async () => {
      const session = await schedule({ startsInMs: 0 });
      const question = (
        await ask(session.id, await citizen(), 'Bagaimana mencegah tawuran pelajar?')
      ).json();
      const voters = await Promise.all(Array.from({ length: 12 }, () => citizen()));
      const same = voters[0]!;
      const responses = await Promise.all([
        // The same account five times at once, and eleven others once each.
        ...Array.from({ length: 5 }, () =>
          call('PUT', `/api/qa/questions/${question.id}/vote`, same),
        ),
        ...voters
          .slice(1)
          .map((voter) => call('PUT', `/api/qa/questions/${question.id}/vote`, voter)),
      ]);
      for (const response of responses) expect(response.statusCode, response.body).toBe(200);
      expect((await questions(session.id))[0]?.votes).toBe(12);
      const votes = await t.ctx.db
        .selectFrom('qa_vote')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('questionId', '=', question.id)
        .executeTakeFirstOrThrow();
      expect(Number(votes.n)).toBe(12);

      const withdrawn = await Promise.all(
        Array.from({ length: 3 }, () =>
          call('DELETE', `/api/qa/questions/${question.id}/vote`, same),
        ),
      );
      expect(withdrawn.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      const mine = await questions(session.id, same);
      expect(mine[0]).toMatchObject({ votes: 11, hasMyVote: false });
    });

    it('merges a duplicate: votes add up, a voter of both counts once', async () => {
      const session = await schedule({ startsInMs: 0 });
      const a = (
        await ask(session.id, await citizen(), 'Bagaimana cara lapor pinjol ilegal?')
      ).json();
      const b = (
        await ask(session.id, await citizen(), 'Ke mana mengadu soal pinjaman online ilegal?')
      ).json();
      const [both, onlyA, onlyB] = [await citizen(), await citizen(), await citizen()];
      for (const [voter, ids] of [
        [both, [a.id, b.id]],
        [onlyA, [a.id]],
        [onlyB, [b.id]],
      ] as const) {
        for (const id of ids) await call('PUT', `/api/qa/questions/${id}/vote`, voter);
      }
      const merged = await call('POST', `/api/qa/questions/${b.id}/merge`, world.people.officer, {
        intoId: a.id,
      });
      expect(merged.statusCode, merged.body).toBe(200);
      const visible = await questions(session.id);
      expect(visible.map((q) => [q.id, q.votes])).toEqual([[a.id, 3]]);
      const self = await call('POST', `/api/qa/questions/${a.id}/merge`, world.people.officer, {
        intoId: a.id,
      });
      expect(self.json().error.code).toBe('qa.merge_invalid');
    });

    it('shows a hidden question’s reason to its asker only', async () => {
      const session = await schedule({ startsInMs: 0 });
      const asker = await citizen();
      const question = (await ask(session.id, asker, 'Nomor HP pak Kapolsek berapa ya?')).json();
      const hidden = await call(
        'POST',
        `/api/qa/questions/${question.id}/hide`,
        world.people.officer,
        {
          reason: 'Data pribadi petugas tidak dibagikan',
        },
      );
      expect(hidden.json()).toMatchObject({ status: 'hidden' });
      expect(await questions(session.id)).toEqual([]);
      expect(await questions(session.id, await citizen())).toEqual([]);
      expect(await questions(session.id, asker)).toMatchObject([
        { id: question.id, status: 'hidden', hiddenReason: 'Data pribadi petugas tidak dibagikan' },
      ]);
    });

    it('lets only the station’s officers, those above and the panel moderate', async () => {
      const session = await schedule({ startsInMs: 0 });
      const question = (
        await ask(session.id, await citizen(), 'Kapan patroli malam di gang kami?')
      ).json();
      const pin = (who: Person) => call('POST', `/api/qa/questions/${question.id}/pin`, who);
      expect((await pin(world.people.citizen)).statusCode).toBe(403);
      expect((await pin(world.people.siblingAdmin)).statusCode).toBe(403);
      expect(
        (await call('POST', `/api/qa/questions/${question.id}/approve`, world.people.citizen))
          .statusCode,
      ).toBe(403);
      expect(
        (await call('POST', `/api/qa/sessions/${session.id}/close`, world.people.siblingAdmin))
          .statusCode,
      ).toBe(403);
      expect((await pin(world.people.poldaAdmin)).json()).toMatchObject({ pinned: true });
      expect((await pin(world.people.officer)).statusCode).toBe(200);
    });

    it('renders answers from Markdown, sanitised, and keeps the edit history', async () => {
      const session = await schedule({ startsInMs: 0 });
      const question = (await ask(session.id, await citizen(), 'Apa nomor darurat polisi?')).json();
      const first = await call(
        'POST',
        `/api/qa/questions/${question.id}/answer`,
        world.people.officer,
        {
          body: 'Telepon **110**. <script>alert(1)</script>[lapor](javascript:alert(1))',
        },
      );
      expect(first.statusCode, first.body).toBe(200);
      const answer = first.json().answer;
      expect(answer.html).toContain('<strong>110</strong>');
      expect(answer.html).not.toContain('<script');
      expect(answer.html).not.toContain('javascript:');
      expect(answer.by).toBe('Bripka Sari');
      t.clock.advance(1000);
      await call('POST', `/api/qa/questions/${question.id}/answer`, world.people.officer, {
        body: 'Telepon **110** atau datang ke [Polsek](https://polri.go.id).',
      });
      const [shown] = await questions(session.id);
      expect(shown?.answer?.html).toContain('href="https://polri.go.id"');
      expect(shown?.answer?.html).toContain('rel="nofollow noopener noreferrer"');
      expect(shown?.answer?.history).toHaveLength(1);
      expect(shown?.answer?.history[0]?.html).toContain('<strong>110</strong>');
      expect(await auditActions()).toContain('qa.question_answered');
    });
  });

  describe('archive search', () => {
    it('finds a session by the words of its questions and answers, in Indonesian forms', async () => {
      const session = await schedule({ startsInMs: -HOUR / 2, lengthMs: HOUR });
      const asked = await ask(
        session.id,
        await citizen(),
        'Motor saya dicuri di parkiran pasar, lapor ke mana?',
      );
      expect(asked.statusCode, asked.body).toBe(201);
      const answered = await call(
        'POST',
        `/api/qa/questions/${asked.json<{ id: string }>().id}/answer`,
        world.people.officer,
        { body: 'Datang ke SPKT dengan STNK; kami catat laporan **curanmor** Anda.' },
      );
      expect(answered.statusCode, answered.body).toBe(200);
      const found = async (q: string, station = '') =>
        (await call('GET', `/api/qa/sessions?q=${encodeURIComponent(q)}${station}`))
          .json<{ items: QaSessionView[] }>()
          .items.map((s) => s.id);

      expect(await found('pencurian motor')).toContain(session.id); // "dicuri" in the question
      expect(await found('PENCURI')).toContain(session.id);
      expect(await found('STNK')).toContain(session.id); // in the answer
      expect(await found('curanmor', '&station=polsek-kebayoran-lama')).toContain(session.id);
      expect(await found('kebakaran hutan')).not.toContain(session.id);
      const tooLong = await call('GET', `/api/qa/sessions?q=${'a'.repeat(201)}`);
      expect(tooLong.statusCode).toBe(400);
    });
  });

  describe('live and feeds', () => {
    it('delivers question, votes, answer, pin and state events, and catches up after a reconnect', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const session = await schedule({ startsInMs: HOUR });
      const url = `http://127.0.0.1:${port}/api/stream?qa=${session.id}`;
      const viewer = await openSse(url);
      const other = await openSse(`http://127.0.0.1:${port}/api/stream`);
      try {
        await call('POST', `/api/qa/sessions/${session.id}/open`, world.people.officer);
        const state = await viewer.next();
        expect(state.event).toBe('qa.state');
        expect(JSON.parse(state.data).data).toEqual({ sessionId: session.id, state: 'live' });

        const question = (
          await ask(session.id, await citizen(), 'Apakah ada patroli di pasar?')
        ).json();
        const created = await viewer.next();
        expect(created.event).toBe('qa.question');
        expect(JSON.parse(created.data).data).toMatchObject({ id: question.id, votes: 0 });
        expect(JSON.parse(created.data).data).not.toHaveProperty('isMine');

        await call('PUT', `/api/qa/questions/${question.id}/vote`, await citizen());
        expect(JSON.parse((await viewer.next()).data).data).toEqual({
          questionId: question.id,
          votes: 1,
        });
        const lastSeen = viewer.received.at(-1)!.id!;
        viewer.close();

        // Missed while away: a pin and an answer.
        await call('POST', `/api/qa/questions/${question.id}/pin`, world.people.officer);
        await call('POST', `/api/qa/questions/${question.id}/answer`, world.people.officer, {
          body: 'Ya, setiap pagi.',
        });
        const back = await openSse(url, { 'last-event-id': lastSeen });
        try {
          const pin = await back.next();
          const answer = await back.next();
          expect([pin.event, answer.event]).toEqual(['qa.pin', 'qa.answer']);
          expect(JSON.parse(answer.data).data.answer.html).toContain('setiap pagi');
        } finally {
          back.close();
        }
        // A tab not watching the session gets none of it.
        expect(other.received.filter((event) => event.event.startsWith('qa.'))).toEqual([]);
      } finally {
        viewer.close();
        other.close();
      }
    });

    it('serves upcoming sessions as iCalendar that a real parser reads', async () => {
      const session = await schedule({ startsInMs: 2 * HOUR });
      const response = await call('GET', '/feeds/polsek-kebayoran-lama/qa.ics');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/calendar');
      const calendar = new ICAL.Component(ICAL.parse(response.body));
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const event = events.find((e) => e.uid === `${session.id}@siaga`);
      expect(event?.summary).toBe('Bahaya narkoba di sekolah');
      // iCalendar times have whole seconds.
      const seconds = (iso: string | null) => Math.floor(Date.parse(iso ?? '') / 1000);
      expect(event?.startDate.toJSDate().getTime()).toBe(seconds(session.startsAt) * 1000);
      expect(event?.endDate.toJSDate().getTime()).toBe(seconds(session.endsAt) * 1000);
      expect((await call('GET', '/feeds/tidak-ada/qa.ics')).statusCode).toBe(404);
    });

    it('has a share page readable without JavaScript, with preview tags and escaped text', async () => {
      const session = await schedule({ startsInMs: 0 });
      const question = (
        await ask(session.id, await citizen(), 'Apa itu <b>narkoba</b> jenis baru?')
      ).json();
      await call('POST', `/api/qa/questions/${question.id}/answer`, world.people.officer, {
        body: 'Zat **sintetis** yang dijual sebagai permen.',
      });
      await call('POST', `/api/qa/sessions/${session.id}/close`, world.people.officer);
      const page = await call('GET', `/tanya/${session.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain(
        '<meta property="og:title" content="Bahaya narkoba di sekolah — Polsek Kebayoran Lama"',
      );
      expect(page.body).toContain('Apa itu &lt;b&gt;narkoba&lt;/b&gt; jenis baru?');
      expect(page.body).toContain('<strong>sintetis</strong>');
      expect(page.body).toContain('"@type":"QAPage"');
      expect(page.body).toContain('Selesai');
    });
  });
});
