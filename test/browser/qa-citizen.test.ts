import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildStation,
  grantRole,
  sessionCookie,
  TEST_PASSWORD,
} from '../helpers/factories.js';
import { openHarness, type Harness } from './harness.js';

const CITIZEN_EMAIL = 'rina@warga.example.id';
let h: Harness;
let sessionId = '';
let pinnedId = '';
let officerCookie = '';
let voterCookie = '';

async function seed(t: TestContext): Promise<void> {
  const station = await buildStation(t.ctx.db, {
    slug: 'polres-malang',
    name: 'Polres Malang',
    level: 'polres',
  });
  const officer = await buildAccount(t.ctx.db, { name: 'AKP Dewi' });
  await grantRole(t.ctx.db, officer.id, station.id, 'officer');
  officerCookie = await sessionCookie(t, officer.id);
  await buildAccount(t.ctx.db, { name: 'Rina', email: CITIZEN_EMAIL });
  const asker = await buildAccount(t.ctx.db, { name: 'Budi' });
  voterCookie = await sessionCookie(t, (await buildAccount(t.ctx.db, { name: 'Sari' })).id);
  const now = t.clock.now().getTime();
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/qa/sessions',
    headers: { cookie: officerCookie },
    payload: {
      stationId: station.id,
      title: 'Bahaya narkoba di sekolah',
      topic: 'Narkoba',
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      moderation: 'post',
    },
  });
  if (created.statusCode !== 201) throw new Error(`seed session: ${created.body}`);
  sessionId = created.json<{ id: string }>().id;
  const askerCookie = await sessionCookie(t, asker.id);
  const ask = async (text: string) => {
    // The test clock stands still; newest-first needs distinct times.
    t.clock.advance(1000);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/qa/sessions/${sessionId}/questions`,
      headers: { cookie: askerCookie },
      payload: { text, pseudonym: 'Pak Budi' },
    });
    return res.json<{ id: string }>().id;
  };
  pinnedId = await ask('Apa tanda-tanda anak mulai memakai narkoba?');
  await ask('Bagaimana sekolah bisa bekerja sama dengan polisi?');
  const moderate = (action: string, payload?: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/qa/questions/${pinnedId}/${action}`,
      headers: { cookie: officerCookie },
      ...(payload ? { payload } : {}),
    });
  await moderate('pin');
  await moderate('answer', {
    body: 'Perhatikan **perubahan perilaku** dan prestasi yang turun drastis.',
  });
}

beforeAll(async () => {
  h = await openHarness('qa-citizen', seed);
});
afterAll(async () => {
  await h?.close();
});

describe('a citizen at a live Q&A session', () => {
  it('reads, votes with instant feedback, asks, and sees others’ votes live', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(CITIZEN_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => url.pathname !== '/masuk');

    await page.goto('/tanya');
    await page.getByRole('heading', { name: 'Tanya jawab dengan polisi' }).waitFor();
    await page.getByRole('heading', { name: 'Sedang berlangsung' }).waitFor();
    await shot('01-list');
    // The search reads what was asked and answered: "perilaku" is only in an answer.
    await page.getByLabel('Cari di tanya jawab').fill('perilaku anak');
    await page.getByRole('heading', { name: 'Hasil pencarian' }).waitFor();
    await page.getByLabel('Cari di tanya jawab').fill('kebakaran hutan');
    await page.getByText('Tidak ada sesi yang cocok dengan "kebakaran hutan".').waitFor();
    await page.getByLabel('Cari di tanya jawab').fill('');
    await page.getByRole('heading', { name: 'Sedang berlangsung' }).waitFor();
    await page.getByRole('link', { name: 'Bahaya narkoba di sekolah' }).click();
    await page.getByRole('heading', { name: 'Bahaya narkoba di sekolah', level: 1 }).waitFor();

    const pinned = page.locator('.qa-question', { hasText: 'tanda-tanda anak' });
    await pinned.getByText('Disematkan').waitFor();
    await pinned.getByText('Terjawab').waitFor();
    expect(await pinned.locator('.qa-answer strong').textContent()).toBe('perubahan perilaku');
    // Pinned stays first.
    expect(await page.locator('.qa-question-text').first().textContent()).toContain('tanda-tanda');

    const other = page.locator('.qa-question', { hasText: 'bekerja sama' });
    await other.getByRole('button', { name: /Pilih/ }).click();
    await other.getByRole('button', { name: /Dipilih · 1/ }).waitFor();

    // Another citizen votes from elsewhere: the count moves without a reload.
    const res = await h.t.app.inject({
      method: 'PUT',
      url: `/api/qa/questions/${pinnedId}/vote`,
      headers: { cookie: voterCookie },
    });
    expect(res.statusCode).toBe(200);
    await pinned.locator('.qa-vote-count', { hasText: '1' }).waitFor();

    h.t.clock.advance(1000);
    await page
      .getByLabel('Pertanyaan Anda')
      .fill('Apakah ada razia narkoba rutin di sekolah kami?');
    await page.getByLabel('Nama samaran (opsional)').fill('Ibu Rina');
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    await page.getByRole('status').getByText('Pertanyaan Anda sudah tampil').waitFor();
    const mine = page.locator('.qa-question', { hasText: 'razia narkoba rutin' });
    await mine.getByText('Pertanyaan Anda').waitFor();
    await page.getByRole('tab', { name: 'Terbaru' }).click();
    // Pinned stays on top; below it, the newest first.
    await page.locator('.qa-question-text').nth(1).getByText('razia narkoba rutin').waitFor();
    await shot('02-live');

    // English from the catalogs, and a share page that reads without scripts.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Newest' }).waitFor();
    await shot('03-english');
    const shared = await h.t.app.inject({ method: 'GET', url: `/tanya/${sessionId}` });
    expect(shared.body).toContain('og:title');
    expect(shared.body).toContain('Perhatikan <strong>perubahan perilaku</strong>');
  });
});
