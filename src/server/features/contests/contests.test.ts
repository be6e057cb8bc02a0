import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ContestEntryView,
  ContestIntegrityReport,
  ContestResults,
  ContestScoreBoard,
  ContestView,
} from '../../../common/api/contests.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildAccount, sessionCookie } from '../../../../test/helpers/factories.js';
import { minimalPdf, multipartBody, phonePhoto } from '../../../../test/helpers/media-files.js';
import { buildStationWorld, type Person } from '../../../../test/helpers/station-world.js';
import { newId } from '../../ids.js';
import { rankEntries } from './contests.ranking.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('contests', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;

  const citizen = async (options: { createdAgoMs?: number; isVerified?: boolean } = {}) => {
    const account = await buildAccount(t.ctx.db, { isVerified: options.isVerified ?? true });
    if (options.createdAgoMs) {
      const createdAt = new Date(t.clock.now().getTime() - options.createdAgoMs).toISOString();
      await t.ctx.db
        .updateTable('account')
        .set({ createdAt })
        .where('id', '=', account.id)
        .execute();
    }
    return { id: account.id, cookie: await sessionCookie(t, account.id) } satisfies Person;
  };

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    who?: Person,
    payload?: object,
    remoteAddress?: string,
  ) =>
    t.app.inject({
      method,
      url,
      ...(who ? { headers: { cookie: who.cookie } } : {}),
      ...(payload ? { payload } : {}),
      ...(remoteAddress ? { remoteAddress } : {}),
    });

  /** Submission starts in an hour; each later phase an hour after the one before. */
  const create = async (overrides: Record<string, unknown> = {}): Promise<ContestView> => {
    const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
    const response = await call('POST', '/api/contests', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Lomba ide kreatif pencegahan kejahatan',
      rules: 'Satu karya per warga. Karya asli.',
      votesPerAccount: 3,
      showVoteCounts: false,
      juryWeight: 0.6,
      publicWeight: 0.4,
      criteria: [
        { name: 'Kreativitas', weight: 2 },
        { name: 'Dampak', weight: 1 },
      ],
      phases: {
        submissionStartsAt: at(1),
        submissionEndsAt: at(2),
        votingStartsAt: at(3),
        votingEndsAt: at(4),
        judgingEndsAt: at(5),
      },
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  const advance = async (contest: ContestView, to: string) => {
    for (;;) {
      const current = (await call('GET', `/api/contests/${contest.id}`)).json<ContestView>();
      if (current.phase === to) return;
      const response = await call(
        'POST',
        `/api/contests/${contest.id}/advance`,
        world.people.officer,
      );
      expect(response.statusCode, response.body).toBe(200);
    }
  };

  const enter = async (contest: ContestView, who: Person, fields: Record<string, string> = {}) => {
    const form = await multipartBody(
      [{ field: 'images', name: 'ide.jpg', bytes: await phonePhoto(400, 300) }],
      {
        title: 'Ronda digital RT 05',
        description: 'Jadwal ronda lewat grup WhatsApp warga.',
        ...fields,
      },
    );
    return t.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.id}/entries`,
      headers: { ...form.headers, cookie: who.cookie },
      payload: form.payload,
    });
  };

  /** Approved entries written straight to the table, for the vote and ranking arithmetic. */
  const approvedEntries = async (contest: ContestView, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const author = await buildAccount(t.ctx.db);
      const id = newId();
      const at = new Date(t.clock.now().getTime() + i).toISOString();
      await t.ctx.db
        .insertInto('contest_entry')
        .values({
          id,
          contestId: contest.id,
          accountId: author.id,
          accountSlot: author.id,
          title: `Karya ${i + 1}`,
          description: 'Ide',
          category: null,
          teamMembers: '[]',
          mediaIds: '[]',
          status: 'approved',
          rejectReason: null,
          moderatedBy: null,
          moderatedAt: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      ids.push(id);
    }
    return ids;
  };

  const vote = (contest: ContestView, entryId: string, who: Person, address?: string) =>
    call('PUT', `/api/contests/${contest.id}/entries/${entryId}/vote`, who, undefined, address);

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
  });
  afterAll(() => t.close());

  it('moves through the phases with the clock, and an organiser may end a phase early (audited)', async () => {
    const contest = await create();
    expect(contest.phase).toBe('upcoming');
    const phaseNow = async () =>
      (await call('GET', `/api/contests/${contest.id}`)).json<ContestView>().phase;
    const seen: string[] = [];
    for (let hour = 0; hour < 6; hour++) {
      seen.push(await phaseNow());
      t.clock.advance(HOUR);
    }
    expect(seen).toEqual(['upcoming', 'submission', 'review', 'voting', 'judging', 'results']);

    const early = await create();
    const advanced = await call('POST', `/api/contests/${early.id}/advance`, world.people.officer);
    expect(advanced.json<ContestView>().phase).toBe('submission');
    // The dates do not pull it back, and later dates still move it on.
    expect(
      await (async () =>
        (await call('GET', `/api/contests/${early.id}`)).json<ContestView>().phase)(),
    ).toBe('submission');
    t.clock.advance(2 * HOUR + 1);
    expect((await call('GET', `/api/contests/${early.id}`)).json<ContestView>().phase).toBe(
      'review',
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'contest.advanced')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);

    const listed = await call('GET', `/api/contests?station=${world.stations.polsek.slug}`);
    expect(listed.json<{ items: ContestView[] }>().items.map((c) => c.id)).toContain(early.id);
  });

  it('refuses bad weights and unordered dates, changing nothing', async () => {
    const before = await t.ctx.db.selectFrom('contest').select('id').execute();
    const response = await call('POST', '/api/contests', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Salah bobot',
      rules: 'x',
      votesPerAccount: 3,
      showVoteCounts: true,
      juryWeight: 0.5,
      publicWeight: 0.4,
      criteria: [{ name: 'Kreativitas', weight: 1 }],
      phases: {
        submissionStartsAt: '2026-12-10T00:00:00Z',
        submissionEndsAt: '2026-12-11T00:00:00Z',
        votingStartsAt: '2026-12-12T00:00:00Z',
        votingEndsAt: '2026-12-13T00:00:00Z',
        judgingEndsAt: '2026-12-14T00:00:00Z',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('contest.weights_invalid');
    expect(await t.ctx.db.selectFrom('contest').select('id').execute()).toHaveLength(before.length);
  });

  it('lets only organisers of the station (or above) moderate and advance', async () => {
    const contest = await create();
    const sibling = await call(
      'POST',
      `/api/contests/${contest.id}/advance`,
      world.people.siblingAdmin,
    );
    expect(sibling.statusCode).toBe(403);
    await advance(contest, 'submission');
    const author = await citizen();
    const sent = await enter(contest, author);
    expect(sent.statusCode, sent.body).toBe(201);
    const { id: entryId } = sent.json<{ id: string }>();
    const asSibling = await call(
      'POST',
      `/api/contests/${contest.id}/entries/${entryId}/approve`,
      world.people.siblingAdmin,
    );
    expect(asSibling.statusCode).toBe(403);
    const asCitizen = await call(
      'POST',
      `/api/contests/${contest.id}/entries/${entryId}/approve`,
      author,
    );
    expect(asCitizen.statusCode).toBe(403);
    const asPolda = await call(
      'POST',
      `/api/contests/${contest.id}/entries/${entryId}/approve`,
      world.people.poldaAdmin,
    );
    expect(asPolda.json()).toEqual({ id: entryId, status: 'approved' });
  });

  it('takes entries only during submission, one per account, and hides them until approved', async () => {
    const contest = await create();
    const author = await citizen();
    const early = await enter(contest, author);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('contest.not_accepting_entries');
    await advance(contest, 'submission');

    const unverified = await citizen({ isVerified: false });
    expect((await enter(contest, unverified)).statusCode).toBe(403);

    const sent = await enter(contest, author);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().status).toBe('pending');
    const again = await enter(contest, author);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('contest.entry_exists');

    const publicList = await call('GET', `/api/contests/${contest.id}/entries`);
    expect(publicList.json<{ items: ContestEntryView[] }>().items).toEqual([]);
    const own = (await call('GET', `/api/contests/${contest.id}/entries`, author)).json<{
      items: ContestEntryView[];
    }>().items;
    expect(own).toHaveLength(1);
    expect(own[0]!.files[0]!.urls.length).toBeGreaterThan(0);
    const fileUrl = own[0]!.files[0]!.urls[0]!.url;
    expect((await call('GET', fileUrl)).statusCode).toBe(404);
    expect((await call('GET', fileUrl, author)).statusCode).toBe(200);

    // A PDF beside images is refused; a PDF alone is taken.
    const other = await citizen();
    const mixed = await multipartBody(
      [
        { field: 'images', name: 'a.jpg', bytes: await phonePhoto(300, 200) },
        { field: 'document', name: 'b.pdf', type: 'application/pdf', bytes: minimalPdf() },
      ],
      { title: 'Campuran', description: 'x' },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.id}/entries`,
      headers: { ...mixed.headers, cookie: other.cookie },
      payload: mixed.payload,
    });
    expect(refused.json().error.code).toBe('contest.entry_files_invalid');
    const pdf = await multipartBody(
      [{ field: 'document', name: 'b.pdf', type: 'application/pdf', bytes: minimalPdf() }],
      { title: 'Proposal', description: 'Dalam PDF' },
    );
    const pdfSent = await t.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.id}/entries`,
      headers: { ...pdf.headers, cookie: other.cookie },
      payload: pdf.payload,
    });
    expect(pdfSent.statusCode, pdfSent.body).toBe(201);

    // Refused with a reason the author is told on their own stream topic.
    const rejected = await call(
      'POST',
      `/api/contests/${contest.id}/entries/${sent.json<{ id: string }>().id}/reject`,
      world.people.officer,
      { reason: 'Foto tidak jelas' },
    );
    expect(rejected.json().status).toBe('rejected');
    const events = await t.ctx.db
      .selectFrom('stream_event')
      .selectAll()
      .where('type', '=', 'contest.entry_refused')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.keys)).toEqual([`u:${author.id}`]);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ reason: 'Foto tidak jelas' });
    const mine = (await call('GET', `/api/contests/${contest.id}/entries`, author)).json<{
      items: ContestEntryView[];
    }>().items;
    expect(mine[0]).toMatchObject({ status: 'rejected', rejectReason: 'Foto tidak jelas' });
    // The refused author may send a better entry.
    expect((await enter(contest, author, { title: 'Ronda digital, versi 2' })).statusCode).toBe(
      201,
    );
  });

  it('limits a residents-only contest to residents of the jurisdiction', async () => {
    const contest = await create({ residentsOnly: true });
    await advance(contest, 'submission');
    const outsider = await citizen();
    const refused = await enter(contest, outsider);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('contest.not_resident');
    const resident = await citizen();
    await t.ctx.db
      .insertInto('account_area')
      .values({ accountId: resident.id, areaCode: '31.74.05.1001', kind: 'home' })
      .execute();
    expect((await enter(contest, resident)).statusCode).toBe(201);
  });

  it('counts votes only during voting, within the limit, never twice on one entry', async () => {
    const contest = await create({ minAccountAgeDays: 3 });
    const entries = await approvedEntries(contest, 4);
    const voter = await citizen({ createdAgoMs: 10 * DAY });
    expect((await vote(contest, entries[0]!, voter)).json().error.code).toBe('contest.not_voting');
    await advance(contest, 'voting');

    const young = await citizen({ createdAgoMs: DAY });
    expect((await vote(contest, entries[0]!, young)).json().error.code).toBe(
      'contest.account_too_new',
    );
    const first = await vote(contest, entries[0]!, voter);
    expect(first.json()).toMatchObject({ hasMyVote: true, used: 1, left: 2, votes: null });
    expect((await vote(contest, entries[0]!, voter)).json()).toMatchObject({ used: 1 });
    await vote(contest, entries[1]!, voter);
    await vote(contest, entries[2]!, voter);
    const over = await vote(contest, entries[3]!, voter);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('contest.vote_limit');
    const withdrawn = await call(
      'DELETE',
      `/api/contests/${contest.id}/entries/${entries[0]}/vote`,
      voter,
    );
    expect(withdrawn.json()).toMatchObject({ hasMyVote: false, used: 2, left: 1 });
    expect((await vote(contest, entries[3]!, voter)).statusCode).toBe(200);
    const view = (await call('GET', `/api/contests/${contest.id}`, voter)).json<ContestView>();
    expect(view.myVotes).toEqual({ used: 3, left: 0 });
  });

  it('holds the vote limit under 16 parallel votes', async () => {
    const contest = await create();
    const entries = await approvedEntries(contest, 16);
    await advance(contest, 'voting');
    const voter = await citizen();
    const answers = await Promise.all(entries.map((entryId) => vote(contest, entryId, voter)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(13);
    const stored = await t.ctx.db
      .selectFrom('contest_vote')
      .select('slot')
      .where('contestId', '=', contest.id)
      .execute();
    expect(stored.map((v) => v.slot).sort()).toEqual([0, 1, 2]);
  });

  it('flags bursts of new accounts and one network, and voids votes with an audited reason', async () => {
    const contest = await create();
    const [target, other] = await approvedEntries(contest, 2);
    await advance(contest, 'voting');
    for (let i = 0; i < 5; i++) {
      expect(
        (await vote(contest, target!, await citizen(), '203.0.113.' + (10 + i))).statusCode,
      ).toBe(200);
    }
    await vote(contest, other!, await citizen({ createdAgoMs: 30 * DAY }), '198.51.100.7');
    const report = (
      await call('GET', `/api/contests/${contest.id}/integrity`, world.people.officer)
    ).json<ContestIntegrityReport>();
    expect(report.newAccountBursts).toHaveLength(1);
    expect(report.newAccountBursts[0]!.entryId).toBe(target);
    expect(report.sharedNetworks).toHaveLength(1);
    expect(report.sharedNetworks[0]!.entries).toEqual([{ entryId: target, votes: 5 }]);
    // Only a keyed hash of the network is kept, never the address.
    const stored = await t.ctx.db.selectFrom('contest_vote').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('203.0.113');

    expect(
      (await call('GET', `/api/contests/${contest.id}/integrity`, world.people.siblingAdmin))
        .statusCode,
    ).toBe(403);
    const voteIds = report.sharedNetworks[0]!.votes.map((v) => v.voteId);
    const voided = await call(
      'POST',
      `/api/contests/${contest.id}/votes/void`,
      world.people.officer,
      {
        voteIds,
        reason: 'Akun baru dari satu jaringan',
      },
    );
    expect(voided.json()).toEqual({ voided: 5 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'contest.votes_voided')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain('Akun baru dari satu jaringan');
    const after = (
      await call('GET', `/api/contests/${contest.id}/integrity`, world.people.officer)
    ).json<ContestIntegrityReport>();
    expect(after).toMatchObject({ validVotes: 1, voidedVotes: 5, sharedNetworks: [] });
  });

  it('keeps judges’ scores from each other until judging closes, then ranks (worked example)', async () => {
    const contest = await create();
    const [a, b, c] = await approvedEntries(contest, 3);
    const outsider = await citizen();
    const judge1 = await citizen();
    expect(
      (
        await call(
          'PUT',
          `/api/contests/${contest.id}/judges/${judge1.id}`,
          world.people.siblingAdmin,
        )
      ).statusCode,
    ).toBe(403);
    for (const judge of [judge1, outsider]) {
      const invited = await call(
        'PUT',
        `/api/contests/${contest.id}/judges/${judge.id}`,
        world.people.officer,
      );
      expect(invited.statusCode, invited.body).toBe(200);
    }
    const judge2 = outsider;
    const notJudge = await citizen();

    // Votes: A 3, B 1, C 0 → shares 0.75, 0.25, 0.
    await advance(contest, 'voting');
    for (const entryId of [a, a, a, b]) await vote(contest, entryId!, await citizen());

    const score = (who: Person, entryId: string, k: number, d: number) =>
      call('PUT', `/api/contests/${contest.id}/entries/${entryId}/score`, who, {
        scores: { Kreativitas: k, Dampak: d },
      });
    expect((await score(judge1, a!, 8, 5)).json().error.code).toBe('contest.not_judging');
    await advance(contest, 'judging');
    expect((await score(notJudge, a!, 8, 5)).statusCode).toBe(403);
    expect(
      (
        await call('PUT', `/api/contests/${contest.id}/entries/${a}/score`, judge1, {
          scores: { Kreativitas: 8 },
        })
      ).json().error.code,
    ).toBe('contest.scores_invalid');
    // Weighted (2 × Kreativitas + 1 × Dampak) / 3:
    // A: (16+5)/3 = 7 and (12+9)/3 = 7 → 7; B: 9 and (18+6)/3 = 8 → 8.5; C: 6 and 6 → 6.
    expect((await score(judge1, a!, 8, 5)).json().weighted).toBe(7);
    await score(judge1, b!, 9, 9);
    await score(judge1, c!, 5, 8);
    await score(judge2, a!, 6, 9);
    await score(judge2, b!, 9, 6);
    await score(judge2, c!, 7, 4);

    const board = (
      await call('GET', `/api/contests/${contest.id}/scores`, judge1)
    ).json<ContestScoreBoard>();
    expect(board.revealed).toBe(false);
    const seen = board.items.flatMap((item) => item.scores.map((s) => s.judgeId));
    expect(new Set(seen)).toEqual(new Set([judge1.id]));
    const organiser = (
      await call('GET', `/api/contests/${contest.id}/scores`, world.people.officer)
    ).json<ContestScoreBoard>();
    expect(organiser.items.flatMap((i) => i.scores.map((s) => s.scores))).toEqual(
      Array(6).fill(null),
    );
    expect((await call('GET', `/api/contests/${contest.id}/scores`, notJudge)).statusCode).toBe(
      403,
    );
    expect((await call('GET', `/api/contests/${contest.id}/results`)).json().error.code).toBe(
      'contest.results_not_ready',
    );

    await advance(contest, 'results');
    const revealed = (
      await call('GET', `/api/contests/${contest.id}/scores`, judge1)
    ).json<ContestScoreBoard>();
    expect(revealed.revealed).toBe(true);
    expect(revealed.items.flatMap((i) => i.scores)).toHaveLength(6);

    // total = 0.6 × juryScore/10 + 0.4 × publicShare:
    // A 0.6×0.7 + 0.4×0.75 = 0.72; B 0.6×0.85 + 0.4×0.25 = 0.61; C 0.6×0.6 + 0 = 0.36.
    const results = (
      await call('GET', `/api/contests/${contest.id}/results`)
    ).json<ContestResults>();
    expect(
      results.ranking.map(({ entryId, juryScore, publicShare, total, rank }) => ({
        entryId,
        juryScore,
        publicShare,
        total,
        rank,
      })),
    ).toEqual([
      { entryId: a, juryScore: 7, publicShare: 0.75, total: 0.72, rank: 1 },
      { entryId: b, juryScore: 8.5, publicShare: 0.25, total: 0.61, rank: 2 },
      { entryId: c, juryScore: 6, publicShare: 0, total: 0.36, rank: 3 },
    ]);
    expect((await score(judge1, a!, 10, 10)).json().error.code).toBe('contest.not_judging');
  });

  it('breaks ties by jury score, then by the earlier entry', () => {
    const entry = (entryId: string, createdAt: string, votes: number, judgeScores: number[]) => ({
      entryId,
      title: entryId,
      authorName: '',
      createdAt,
      votes,
      judgeScores,
    });
    // 0.5 × 8/10 + 0 = 0.4 and 0.5 × 4/10 + 0.5 × 4/10 = 0.4: the jury's 8 goes first.
    const ranked = rankEntries({ juryWeight: 0.5, publicWeight: 0.5 }, [
      entry('late-same', '2026-12-02T10:00:02Z', 0, [8]),
      entry('crowd', '2026-12-02T10:00:00Z', 4, [4]),
      entry('early-same', '2026-12-02T10:00:01Z', 0, [8]),
      entry('rest', '2026-12-02T10:00:03Z', 6, [0]),
    ]);
    // rest: 0.5 × 0 + 0.5 × 6/10 = 0.3, below the three at 0.4.
    expect(ranked.map((r) => [r.entryId, r.total, r.rank])).toEqual([
      ['early-same', 0.4, 1],
      ['late-same', 0.4, 2],
      ['crowd', 0.4, 3],
      ['rest', 0.3, 4],
    ]);
  });
});
