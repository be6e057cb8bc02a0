import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { ContestView } from '../../src/common/api/contests.js';
import type { TestContext } from '../helpers/context.js';
import { buildAccount, sessionCookie } from '../helpers/factories.js';
import { multipartBody, phonePhoto } from '../helpers/media-files.js';
import {
  contestShot,
  logIn,
  ORGANISER_EMAIL,
  organiserApi,
  seedContestStation,
} from './contests-world.js';
import { openHarness, type Harness } from './harness.js';

let h: Harness;
let t: TestContext;
let api: ReturnType<typeof organiserApi>;
let judge: { id: string; cookie: string };

/** A resident's entry through the real multipart route; returns the resident's cookie. */
async function sendEntry(contestId: string, title: string): Promise<string> {
  const author = await buildAccount(t.ctx.db, { name: `Warga ${title.split(' ')[0]}` });
  const cookie = await sessionCookie(t, author.id);
  const form = await multipartBody(
    [{ field: 'images', name: 'karya.jpg', bytes: await phonePhoto(640, 400) }],
    { title, description: 'Ide untuk lingkungan yang lebih aman.' },
  );
  const sent = await t.app.inject({
    method: 'POST',
    url: `/api/contests/${contestId}/entries`,
    headers: { ...form.headers, cookie },
    payload: form.payload,
  });
  if (sent.statusCode !== 201) throw new Error(sent.body);
  return cookie;
}

beforeAll(async () => {
  h = await openHarness('contests-officer', async (context) => {
    t = context;
    const seeded = await seedContestStation(context);
    api = organiserApi(context, seeded.organiser.cookie);
    judge = { id: seeded.judge.id, cookie: await sessionCookie(context, seeded.judge.id) };
  });
});
afterAll(async () => {
  await h?.close();
});

const TITLE = 'Lomba poster Kampung Aman';

describe('contests in the officer console', () => {
  it('sets up a contest with every field, moderates, runs the phases and publishes the winners', async () => {
    const { page } = h;
    onTestFailed(() => contestShot(page, 'failed-officer'));
    await logIn(page, ORGANISER_EMAIL);
    await page.goto('/konsol/lomba');
    await page.getByRole('heading', { name: 'Lomba', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Buat lomba' }).click();
    await page.getByLabel('Judul lomba').fill(TITLE);
    await page.locator('#f-rules').fill('Poster asli, ukuran A3.');
    await page.locator('#f-prizes').fill('Juara 1: Rp1.500.000');
    await page.getByLabel('Kategori').fill('Poster, Video pendek');
    await page.getByLabel('Suara per akun').fill('2');
    await page.getByLabel('Tampilkan jumlah suara selama pemungutan suara').check();
    await page.getByLabel('Satu akun boleh mengirim lebih dari satu karya').check();
    await page.getByLabel('Bobot juri (0–1)').fill('0.7');
    // Weights that do not add up to 1 are refused with the catalog's message, nothing created.
    await page.getByLabel('Bobot suara publik (0–1)').fill('0.5');
    await page.getByLabel('Kriteria 1', { exact: true }).fill('Pesan');
    await page.getByLabel('Bobot kriteria 1').fill('2');
    await page.getByRole('button', { name: 'Tambah kriteria' }).click();
    await page.getByLabel('Kriteria 2', { exact: true }).fill('Desain');
    await page.getByRole('button', { name: 'Buat lomba' }).click();
    await page
      .getByText('Bobot juri dan bobot suara publik harus berjumlah 1.', { exact: false })
      .first()
      .waitFor();
    await contestShot(page, '10-officer-setup-refused');
    expect(await t.ctx.db.selectFrom('contest').select('id').execute()).toEqual([]);
    await page.getByLabel('Bobot suara publik (0–1)').fill('0.3');
    await page.getByRole('button', { name: 'Buat lomba' }).click();
    const admin = page.locator('.contest-admin');
    await admin.getByText('Tahap sekarang:').waitFor();
    const contest = await t.ctx.db.selectFrom('contest').selectAll().executeTakeFirstOrThrow();
    expect(contest).toMatchObject({
      title: TITLE,
      votesPerAccount: 2,
      showVoteCounts: 1,
      juryWeight: 0.7,
      publicWeight: 0.3,
      categories: JSON.stringify(['Poster', 'Video pendek']),
      allowMultipleEntries: 1,
      residentsOnly: 0,
      prizes: 'Juara 1: Rp1.500.000',
    });
    expect(JSON.parse(contest.criteria)).toEqual([
      { name: 'Pesan', weight: 2 },
      { name: 'Desain', weight: 1 },
    ]);
    await contestShot(page, '11-officer-contest-created');

    // Two entries come in; one is approved, the other refused with a reason.
    await sendEntry(contest.id, 'Poster ronda malam');
    await sendEntry(contest.id, 'Poster buram sekali');
    await page.reload();
    await page.getByRole('button', { name: TITLE }).click();
    const entry = (title: string) => admin.locator('.contest-entry', { hasText: title });
    await entry('Poster ronda malam').getByRole('button', { name: 'Setujui' }).click();
    await entry('Poster ronda malam').getByText('Disetujui').waitFor();
    await entry('Poster buram sekali')
      .getByLabel('Alasan penolakan (dikirim ke pengirim)')
      .fill('Gambar terlalu buram');
    await entry('Poster buram sekali').getByRole('button', { name: 'Tolak' }).click();
    await entry('Poster buram sekali').getByText('Alasan: Gambar terlalu buram').waitFor();

    // An outside judge, by account id.
    await admin.getByLabel('Atau ID akun orang luar').fill(judge.id);
    await admin.getByRole('button', { name: 'Undang sebagai juri' }).click();
    await admin.locator('.contest-judges li', { hasText: 'Bu Ratna' }).waitFor();
    await contestShot(page, '12-officer-moderation-judges');

    // Submission → review → voting, each an audited early end.
    await admin.getByRole('button', { name: 'Akhiri tahap Pengiriman karya sekarang' }).click();
    await admin.getByRole('button', { name: 'Akhiri tahap Pemeriksaan karya sekarang' }).click();
    await admin.getByRole('button', { name: 'Akhiri tahap Pemungutan suara sekarang' }).waitFor();
    const [entryId] = (
      await api.call<{ items: { id: string }[] }>(
        'GET',
        `/api/contests/${contest.id}/entries?status=approved`,
      )
    ).items.map((e) => e.id);
    // Six new accounts vote from one network: the integrity report flags them.
    for (let i = 0; i < 6; i++) {
      const voter = await buildAccount(t.ctx.db);
      const voted = await t.app.inject({
        method: 'PUT',
        url: `/api/contests/${contest.id}/entries/${entryId}/vote`,
        headers: { cookie: await sessionCookie(t, voter.id) },
        remoteAddress: '203.0.113.7',
      });
      expect(voted.statusCode, voted.body).toBe(200);
    }
    await page.reload();
    await page.getByRole('button', { name: TITLE }).click();
    const integrity = admin.locator('.contest-integrity');
    await integrity.getByText('Suara sah: 6 · dibatalkan: 0').waitFor();
    const flagged = integrity.locator('fieldset').first();
    await flagged.locator('input[type=checkbox]').nth(0).check();
    await flagged.locator('input[type=checkbox]').nth(1).check();
    await integrity.getByLabel('Alasan pembatalan').fill('Akun baru dari satu jaringan');
    await integrity.getByRole('button', { name: 'Batalkan 2 suara terpilih' }).click();
    await integrity.getByText('Suara sah: 4 · dibatalkan: 2').waitFor();
    await contestShot(page, '13-officer-integrity');

    // Judging: the judge scores (their own screen is in the citizen test), then results.
    await admin.getByRole('button', { name: 'Akhiri tahap Pemungutan suara sekarang' }).click();
    await admin.getByRole('button', { name: 'Tutup penjurian dan umumkan hasil' }).waitFor();
    const scored = await t.app.inject({
      method: 'PUT',
      url: `/api/contests/${contest.id}/entries/${entryId}/score`,
      headers: { cookie: judge.cookie },
      payload: { scores: { Pesan: 8, Desain: 5 } },
    });
    expect(scored.statusCode, scored.body).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: TITLE }).click();
    await admin.getByText('1 juri sudah menilai: Bu Ratna').waitFor();
    await admin.getByRole('button', { name: 'Tutup penjurian dan umumkan hasil' }).click();
    const ranking = admin.locator('.contest-ranking tbody tr');
    await expect.poll(() => ranking.count()).toBe(1);
    // Jury (2×8 + 5)/3 = 7 → 0.7 × 0.7 = 0.49; all 4 valid votes → 0.3 × 1: total 0.790.
    await expect.poll(() => ranking.first().locator('td').last().textContent()).toBe('0.790');
    await admin.getByRole('button', { name: 'Umumkan pemenang sebagai kabar' }).click();
    await admin.getByText('Pemenang sudah diumumkan.').waitFor();
    const csv = await admin.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href');
    expect(csv).toBe(`/api/contests/${contest.id}/export.csv`);
    await contestShot(page, '14-officer-results-announced');

    const actions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'contest.%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'contest.created',
      'contest.entry_approved',
      'contest.entry_rejected',
      'contest.judge_invited',
      'contest.advanced',
      'contest.advanced',
      'contest.votes_voided',
      'contest.advanced',
      'contest.advanced',
      'contest.announced',
    ]);
    const view = await api.call<ContestView>('GET', `/api/contests/${contest.id}`);
    expect(view.phase).toBe('results');
  });
});
