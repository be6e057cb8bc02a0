import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContestView } from '../../../common/api/contests.js';
import type { AccountExport } from '../../../common/api/accounts.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildAccount, sessionCookie, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { multipartBody, phonePhoto } from '../../../../test/helpers/media-files.js';
import { buildStationWorld, type Person } from '../../../../test/helpers/station-world.js';
import { csvCell, toCsv } from '../../text/csv.js';

const HOUR = 60 * 60_000;

/** The CSV export, the winners' announcement, the share page and the personal-data export. */
describe('contest results: export, announcement, share page, personal data', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
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

  const citizen = async (name?: string): Promise<Person> => {
    const account = await buildAccount(t.ctx.db, { isVerified: true, ...(name ? { name } : {}) });
    return { id: account.id, cookie: await sessionCookie(t, account.id) };
  };

  const create = async (title = 'Lomba poster "Kampung Aman", 2026'): Promise<ContestView> => {
    const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
    const response = await call('POST', '/api/contests', world.people.officer, {
      stationId: world.stations.polsek.id,
      title,
      rules: 'Satu karya per warga.',
      votesPerAccount: 2,
      showVoteCounts: false,
      juryWeight: 0.6,
      publicWeight: 0.4,
      criteria: [{ name: 'Kreativitas', weight: 1 }],
      phases: {
        submissionStartsAt: at(-1),
        submissionEndsAt: at(1),
        votingStartsAt: at(2),
        votingEndsAt: at(3),
        judgingEndsAt: at(4),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  const advanceTo = async (contest: ContestView, phase: string) => {
    for (;;) {
      const current = (await call('GET', `/api/contests/${contest.id}`)).json<ContestView>();
      if (current.phase === phase) return;
      const moved = await call('POST', `/api/contests/${contest.id}/advance`, world.people.officer);
      expect(moved.statusCode, moved.body).toBe(200);
    }
  };

  const enter = async (contest: ContestView, who: Person, title: string) => {
    const form = await multipartBody(
      [{ field: 'images', name: 'poster.jpg', bytes: await phonePhoto(400, 300) }],
      { title, description: 'Poster ajakan ronda, "malam" ini', teamMembers: 'Ani\nBudi' },
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.id}/entries`,
      headers: { ...form.headers, cookie: who.cookie },
      payload: form.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json<{ id: string }>();
    const approved = await call(
      'POST',
      `/api/contests/${contest.id}/entries/${id}/approve`,
      world.people.officer,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    return id;
  };

  /** Two entries (one titled like a spreadsheet formula), votes 2 : 1, one judge. */
  const runContest = async () => {
    const contest = await create();
    const ani = await citizen('Ani');
    const budi = await citizen('Budi');
    const formula = await enter(contest, ani, '=HYPERLINK("http://jahat.example","klik")');
    const plain = await enter(contest, budi, 'Poster, ronda; "malam"');
    const judge = await citizen('Juri Luar');
    await call('PUT', `/api/contests/${contest.id}/judges/${judge.id}`, world.people.officer);
    await advanceTo(contest, 'voting');
    const voters = [await citizen(), await citizen()];
    for (const voter of voters) {
      await call('PUT', `/api/contests/${contest.id}/entries/${plain}/vote`, voter);
    }
    await call('PUT', `/api/contests/${contest.id}/entries/${formula}/vote`, voters[0]);
    await advanceTo(contest, 'judging');
    for (const [entryId, score] of [
      [formula, 5],
      [plain, 9],
    ] as const) {
      const scored = await call(
        'PUT',
        `/api/contests/${contest.id}/entries/${entryId}/score`,
        judge,
        { scores: { Kreativitas: score } },
      );
      expect(scored.statusCode, scored.body).toBe(200);
    }
    return { contest, formula, plain, ani, voters };
  };

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
  });
  afterAll(() => t.close());

  it('quotes CSV cells by RFC 4180 and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(
      toCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('a,b\r\n1,\r\n');
  });

  it('exports entries, votes and (after judging only) scores to organisers, audited', async () => {
    const { contest, formula, plain } = await runContest();
    const url = `/api/contests/${contest.id}/export.csv`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', url, world.people.citizen)).statusCode).toBe(403);
    expect((await call('GET', url, world.people.siblingAdmin)).statusCode).toBe(403);

    const during = await call('GET', url, world.people.officer);
    expect(during.statusCode, during.body).toBe(200);
    expect(during.headers['content-type']).toMatch(/^text\/csv/);
    expect(during.headers['content-disposition']).toMatch(/attachment; filename="lomba-/);
    const duringRows = during.body.split('\r\n');
    expect(duringRows[0]).toBe(
      'rank,entry_id,title,author,team_members,category,status,submitted_at,valid_votes,judges_scored,jury_score,public_share,total',
    );
    // Judging is still open: who scored is known, the scores are not.
    const formulaRow = duringRows.find((row) => row.includes(formula))!;
    expect(formulaRow).toContain(
      `,"'=HYPERLINK(""http://jahat.example"",""klik"")",Ani,Ani; Budi,,approved,`,
    );
    expect(formulaRow.endsWith(',1,1,,,')).toBe(true);

    await advanceTo(contest, 'results');
    const after = await call('GET', url, world.people.polsekAdmin);
    const rows = after.body.split('\r\n');
    expect(rows.at(-1)).toBe('');
    // Ranked: plain 0.6×0.9 + 0.4×(2/3) = 0.806667 first, formula 0.6×0.5 + 0.4×(1/3) second.
    expect(rows[1]!.startsWith(`1,${plain},"Poster, ronda; ""malam""",Budi,`)).toBe(true);
    expect(rows[1]!.endsWith(',2,1,9,0.666667,0.806667')).toBe(true);
    expect(rows[2]!.startsWith(`2,${formula},`)).toBe(true);
    expect(rows[2]!.endsWith(',1,1,5,0.333333,0.433333')).toBe(true);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actorId'])
      .where('action', '=', 'contest.exported')
      .where('targetId', '=', contest.id)
      .execute();
    expect(audit.map((a) => a.actorId)).toEqual([
      world.people.officer.id,
      world.people.polsekAdmin.id,
    ]);
  });

  it('announces the winners once, as a published post of the station, by an organiser who may publish', async () => {
    const { contest, plain } = await runContest();
    const url = `/api/contests/${contest.id}/announce`;
    expect((await call('POST', url, world.people.officer)).json().error.code).toBe(
      'contest.results_not_ready',
    );
    await advanceTo(contest, 'results');
    expect((await call('POST', url, world.people.siblingAdmin)).statusCode).toBe(403);
    // An officer runs the contest but may not publish posts: refused, and the claim is given back.
    expect((await call('POST', url, world.people.officer)).statusCode).toBe(403);

    const announced = await call('POST', url, world.people.polsekAdmin);
    expect(announced.statusCode, announced.body).toBe(200);
    const { postId } = announced.json<{ postId: string; url: string }>();
    const post = (await call('GET', `/api/posts/${postId}`)).json<{
      title: string;
      status: string;
      station: { id: string };
      html: string;
      tags: string[];
    }>();
    expect(post.status).toBe('published');
    expect(post.station.id).toBe(world.stations.polsek.id);
    expect(post.title).toBe(`Pemenang ${contest.title}`);
    expect(post.tags).toEqual(['lomba']);
    expect(post.html).toContain(
      '<li><strong>Poster, ronda; "malam"</strong> oleh Budi — nilai 0.807</li>',
    );
    // A resident's title is text in the officer's post: no link, no formatting.
    expect(post.html).toContain('<li><strong>=HYPERLINK("http://jahat.example","klik")</strong>');
    expect(post.html).toContain(`/c/${contest.id}/hasil`);
    expect(post.html.indexOf('Poster, ronda')).toBeLessThan(post.html.indexOf('HYPERLINK'));
    expect(plain).toBeTruthy();

    const again = await call('POST', url, world.people.polsekAdmin);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('contest.already_announced');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'contest.announced')
      .where('targetId', '=', contest.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ postId, winners: 2 });
  });

  it('serves a share page /c/:id readable without scripts, with preview tags', async () => {
    const contest = await create('Lomba <b>ide</b> & "kreatif"');
    const response = await call('GET', `/c/${contest.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const page = response.body;
    expect(page).toContain(
      '<title>Lomba &lt;b&gt;ide&lt;/b&gt; &amp; &quot;kreatif&quot; — Polsek Kebayoran Lama</title>',
    );
    expect(page).toContain('<meta property="og:title" content="Lomba &lt;b&gt;ide&lt;/b&gt;');
    expect(page).toContain(
      `<link rel="canonical" href="${t.ctx.config.publicUrl}/c/${contest.id}"`,
    );
    expect(page).toMatch(/<meta name="twitter:card" content="summary"/);
    expect(page).toContain('Nilai akhir = 60% nilai juri + 40% suara publik.');
    expect(page).toContain('aria-current="step"');
    expect(page).toContain('Pengiriman karya');
    expect(page).not.toContain('<b>ide</b>');

    const english = await call('GET', `/c/${contest.id}?lang=en`);
    expect(english.body).toContain('Final score = 60% jury score + 40% public vote.');
    const missing = await call('GET', '/c/tidak-ada');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Lomba ini tidak ditemukan.');
  });

  it("puts a person's entries, votes and scores in their export, and erases entry files with the account", async () => {
    const contest = await create();
    const author = await citizen('Penulis');
    const entryId = await enter(contest, author, 'Ide saya');
    await advanceTo(contest, 'voting');
    await call('PUT', `/api/contests/${contest.id}/entries/${entryId}/vote`, author);
    const exported = (await call('GET', '/api/me/export', author)).json<AccountExport>();
    expect(exported.contestEntries).toEqual([
      expect.objectContaining({
        id: entryId,
        contestId: contest.id,
        title: 'Ide saya',
        teamMembers: ['Ani', 'Budi'],
        status: 'approved',
      }),
    ]);
    expect(exported.contestVotes).toEqual([
      expect.objectContaining({ contestId: contest.id, entryId, voidedAt: null }),
    ]);
    expect(exported.contestScores).toEqual([]);

    const mediaIds = (
      await t.ctx.db
        .selectFrom('contest_entry')
        .select('mediaIds')
        .where('id', '=', entryId)
        .executeTakeFirstOrThrow()
    ).mediaIds;
    const ids = JSON.parse(mediaIds) as string[];
    expect(ids).toHaveLength(1);
    const deleted = await call('DELETE', '/api/me', author, { password: TEST_PASSWORD });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(
      await t.ctx.db.selectFrom('contest_entry').select('id').where('id', '=', entryId).execute(),
    ).toEqual([]);
    expect(
      await t.ctx.db.selectFrom('media').select('id').where('id', 'in', ids).execute(),
    ).toEqual([]);
  });
});
