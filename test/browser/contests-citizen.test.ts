import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { ContestView } from '../../src/common/api/contests.js';
import type { TestContext } from '../helpers/context.js';
import { buildAccount, sessionCookie } from '../helpers/factories.js';
import { multipartBody, phonePhoto } from '../helpers/media-files.js';
import { contestShot, logIn, organiserApi, seedContestStation } from './contests-world.js';
import { openHarness, type Harness } from './harness.js';

const CITIZEN_EMAIL = 'ayu@example.id';
const HOUR = 60 * 60_000;

let h: Harness;
let api: ReturnType<typeof organiserApi>;
let contestId = '';
let judgeId = '';

/** An approved entry by a new resident, sent through the real multipart route. */
async function approvedEntry(t: TestContext, title: string): Promise<string> {
  const author = await buildAccount(t.ctx.db, { name: `Warga ${title.split(' ')[0]}` });
  const cookie = await sessionCookie(t, author.id);
  const form = await multipartBody(
    [{ field: 'images', name: 'karya.jpg', bytes: await phonePhoto(640, 400) }],
    { title, description: 'Ajakan ronda bergilir lewat grup warga.' },
  );
  const sent = await t.app.inject({
    method: 'POST',
    url: `/api/contests/${contestId}/entries`,
    headers: { ...form.headers, cookie },
    payload: form.payload,
  });
  if (sent.statusCode !== 201) throw new Error(sent.body);
  const { id } = sent.json<{ id: string }>();
  await api.call('POST', `/api/contests/${contestId}/entries/${id}/approve`);
  return id;
}

async function seed(t: TestContext): Promise<void> {
  const { station, organiser, judge } = await seedContestStation(t);
  judgeId = judge.id;
  await buildAccount(t.ctx.db, { name: 'Ayu Lestari', email: CITIZEN_EMAIL });
  api = organiserApi(t, organiser.cookie);
  const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
  const contest = await api.call<ContestView>('POST', '/api/contests', {
    stationId: station.id,
    title: 'Lomba ide kreatif pencegahan kejahatan',
    rules: 'Karya asli warga Kota Malang.\nSatu karya per akun.',
    prizes: 'Juara 1: Rp2.000.000\nJuara 2: Rp1.000.000',
    categories: ['Ide', 'Poster'],
    votesPerAccount: 2,
    showVoteCounts: true,
    juryWeight: 0.6,
    publicWeight: 0.4,
    criteria: [
      { name: 'Kreativitas', weight: 2 },
      { name: 'Dampak', weight: 1 },
    ],
    phases: {
      submissionStartsAt: at(-1),
      submissionEndsAt: at(24),
      votingStartsAt: at(48),
      votingEndsAt: at(72),
      judgingEndsAt: at(96),
    },
  });
  contestId = contest.id;
  await approvedEntry(t, 'Kentongan pintar RT 03');
  await approvedEntry(t, 'Poster jaga parkiran pasar');
  await api.call('PUT', `/api/contests/${contestId}/judges/${judgeId}`);
}

beforeAll(async () => {
  h = await openHarness('contests-citizen', seed);
});
afterAll(async () => {
  await h?.close();
});

describe('contests for citizens in the browser', () => {
  it('shows the contest, takes an entry, counts votes down and refuses one too many', async () => {
    const { page } = h;
    onTestFailed(() => contestShot(page, 'failed-citizen'));
    await logIn(page, CITIZEN_EMAIL);
    await page.goto('/lomba');
    await page.getByRole('heading', { name: 'Lomba', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Lomba ide kreatif pencegahan kejahatan' }).click();
    await page
      .getByRole('heading', { name: 'Lomba ide kreatif pencegahan kejahatan', level: 1 })
      .waitFor();
    await page.getByText('Nilai akhir = 60% nilai juri + 40% suara publik.').waitFor();
    await page.getByText('Juara 1: Rp2.000.000').waitFor();
    await expect
      .poll(() => page.locator('.contest-step[aria-current="step"] strong').textContent())
      .toBe('Pengiriman karya');
    await contestShot(page, '01-citizen-contest-page');

    await page.getByLabel('Judul karya').fill('Ronda digital RT 05');
    await page.getByLabel('Deskripsi').fill('Jadwal ronda dan tombol darurat lewat grup WhatsApp.');
    await page.getByLabel('Kategori').selectOption('Ide');
    await page.getByLabel('Anggota tim').fill('Ayu Lestari\nDimas');
    await page.getByLabel('Gambar atau dokumen PDF').setInputFiles({
      name: 'ronda.jpg',
      mimeType: 'image/jpeg',
      buffer: await phonePhoto(800, 500),
    });
    await contestShot(page, '02-citizen-entry-form');
    await page.getByRole('button', { name: 'Kirim karya' }).click();
    await page.getByText('Karya Anda terkirim.', { exact: false }).waitFor();
    await page.locator('.contest-mine', { hasText: 'Menunggu pemeriksaan' }).waitFor();
    await contestShot(page, '03-citizen-entry-sent');

    // The organiser approves it and moves on to voting.
    const entries = await api.call<{ items: { id: string; title: string }[] }>(
      'GET',
      `/api/contests/${contestId}/entries?status=pending`,
    );
    await api.call('POST', `/api/contests/${contestId}/entries/${entries.items[0]!.id}/approve`);
    await api.advanceTo(contestId, 'voting');

    await page.reload();
    const left = page.locator('.contest-votes-left');
    await expect.poll(() => left.textContent()).toBe('Sisa suara: 2 dari 2');
    const card = (title: string) => page.locator('.contest-entry', { hasText: title });
    await card('Kentongan pintar RT 03').getByRole('button', { name: 'Pilih karya ini' }).click();
    await expect.poll(() => left.textContent()).toBe('Sisa suara: 1 dari 2');
    await card('Ronda digital RT 05').getByRole('button', { name: 'Pilih karya ini' }).click();
    await expect.poll(() => left.textContent()).toBe('Sisa suara: 0 dari 2');
    await card('Poster jaga parkiran pasar')
      .getByRole('button', { name: 'Pilih karya ini' })
      .click();
    await card('Poster jaga parkiran pasar')
      .getByRole('alert')
      .filter({ hasText: 'Suara Anda untuk lomba ini sudah habis (2 suara).' })
      .waitFor();
    await contestShot(page, '04-citizen-vote-limit');
    await card('Kentongan pintar RT 03').getByRole('button', { name: 'Tarik suara' }).click();
    await expect.poll(() => left.textContent()).toBe('Sisa suara: 1 dari 2');
    await expect
      .poll(() => card('Kentongan pintar RT 03').locator('.contest-entry-votes').textContent())
      .toBe('0 suara');
  });

  it('lets an outside judge score on the rubric, then shows the ranking, in English too', async () => {
    const { page } = h;
    onTestFailed(() => contestShot(page, 'failed-judge'));
    await api.advanceTo(contestId, 'judging');
    await logIn(page, 'ratna@example.id');
    await page.goto(`/c/${contestId}`);
    await page.getByRole('link', { name: 'Nilai karya (juri)' }).click();
    await page.getByRole('heading', { name: 'Penilaian juri', level: 1 }).waitFor();
    const scores: Record<string, [number, number]> = {
      'Kentongan pintar RT 03': [7, 6],
      'Poster jaga parkiran pasar': [5, 5],
      'Ronda digital RT 05': [9, 8],
    };
    for (const [title, [k, d]] of Object.entries(scores)) {
      const item = page.locator('.contest-entry', { hasText: title });
      await item.getByLabel('Kreativitas (bobot 2)').selectOption(String(k));
      await item.getByLabel('Dampak (bobot 1)').selectOption(String(d));
      await item.getByRole('button', { name: 'Simpan nilai' }).click();
      await item.getByRole('status').filter({ hasText: 'Nilai tersimpan.' }).waitFor();
    }
    await contestShot(page, '05-judge-scoring');

    await api.advanceTo(contestId, 'results');
    await logIn(page, CITIZEN_EMAIL);
    await page.goto(`/c/${contestId}`);
    await page.getByRole('link', { name: 'Lihat hasil' }).click();
    await page.getByRole('heading', { name: 'Hasil lomba', level: 1 }).waitFor();
    const rows = page.locator('.contest-ranking tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    // Votes: Ronda 1, Poster 0, Kentongan 0 (withdrawn); jury (2k+d)/3: 26/3, 5, 20/3.
    await expect
      .poll(() => rows.locator('th').allTextContents())
      .toEqual([
        expect.stringContaining('Ronda digital RT 05'),
        expect.stringContaining('Kentongan pintar RT 03'),
        expect.stringContaining('Poster jaga parkiran pasar'),
      ]);
    await expect.poll(() => rows.first().locator('td').last().textContent()).toBe('0.920');
    await contestShot(page, '06-results');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Contest results', level: 1 }).waitFor();
    await page.getByText('Final score = 60% jury score + 40% public vote.').waitFor();
    await contestShot(page, '07-results-english');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });

  it('serves the share page readable with scripts blocked', async () => {
    const { page } = h;
    onTestFailed(() => contestShot(page, 'failed-no-js'));
    // Requests the service worker answers bypass routing: take it away first.
    await page.evaluate(async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations()) {
        await registration.unregister();
      }
    });
    await page.route('**/*.js', (route) => route.abort());
    try {
      await page.goto(`/c/${contestId}`);
      await page
        .getByRole('heading', { name: 'Lomba ide kreatif pencegahan kejahatan', level: 1 })
        .waitFor();
      await page.getByText('Nilai akhir = 60% nilai juri + 40% suara publik.').waitFor();
      await page.getByRole('heading', { name: 'Ronda digital RT 05', level: 3 }).waitFor();
      // The PWA never took over: only the server's markup is there.
      expect(await page.locator('#app').getAttribute('data-ssr')).toBe('1');
      expect(await page.getByRole('heading', { name: 'Karya saya' }).count()).toBe(0);
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
        'Lomba ide kreatif pencegahan kejahatan — Polres Malang Kota',
      );
      await contestShot(page, '08-share-page-no-js');
    } finally {
      await page.unroute('**/*.js');
    }
  });
});
