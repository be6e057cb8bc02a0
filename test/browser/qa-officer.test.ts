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

const OFFICER_EMAIL = 'dewi@polri.example.id';
let h: Harness;
let sessionId = '';

async function seed(t: TestContext): Promise<void> {
  const station = await buildStation(t.ctx.db, {
    slug: 'polsek-klojen',
    name: 'Polsek Klojen',
    level: 'polres',
  });
  const officer = await buildAccount(t.ctx.db, { name: 'AKP Dewi', email: OFFICER_EMAIL });
  await grantRole(t.ctx.db, officer.id, station.id, 'officer');
  const now = t.clock.now().getTime();
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/qa/sessions',
    headers: { cookie: await sessionCookie(t, officer.id) },
    payload: {
      stationId: station.id,
      title: 'Keamanan malam tahun baru',
      startsAt: new Date(now + 3_600_000).toISOString(),
      endsAt: new Date(now + 7_200_000).toISOString(),
      moderation: 'pre',
    },
  });
  if (created.statusCode !== 201) throw new Error(`seed session: ${created.body}`);
  sessionId = created.json<{ id: string }>().id;
  const asker = await buildAccount(t.ctx.db, { name: 'Budi' });
  const askerCookie = await sessionCookie(t, asker.id);
  for (const text of [
    'Jalan mana saja yang ditutup saat malam tahun baru?',
    'Boleh menyalakan kembang api di lapangan kampung?',
  ]) {
    await t.app.inject({
      method: 'POST',
      url: `/api/qa/sessions/${sessionId}/questions`,
      headers: { cookie: askerCookie },
      payload: { text },
    });
  }
}

beforeAll(async () => {
  h = await openHarness('qa-officer', seed);
});
afterAll(async () => {
  await h?.close();
});

describe('an officer running a Q&A session', () => {
  it('opens the session, moderates with the keyboard and answers', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(OFFICER_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
    await page.goto('/konsol/tanya');
    await page.getByRole('heading', { name: 'Sesi baru' }).waitFor();
    await shot('01-setup');

    await page.getByRole('button', { name: 'Keamanan malam tahun baru' }).click();
    await page.getByText('Antrean moderasi (2)').waitFor();
    await page.getByRole('button', { name: 'Buka sekarang' }).click();
    await page
      .getByRole('heading', { name: /Keamanan malam tahun baru · Sedang berlangsung/ })
      .waitFor();
    await page.getByText('Antrean moderasi (2)').waitFor();

    // A approves the oldest in the queue; R opens the answer panel for the next one.
    await page.locator('.qa-focused').waitFor();
    await page.keyboard.press('a');
    await page.getByText('Antrean moderasi (1)').waitFor();
    await page.keyboard.press('r');
    await page
      .getByLabel('Jawaban (Markdown)')
      .fill('Ya, di **lapangan terbuka**, jauh dari rumah.');
    await page.getByRole('button', { name: 'Simpan jawaban' }).click();
    await page.getByText('Antrean moderasi (0)').waitFor();
    const answered = page.locator('.qa-question', { hasText: 'kembang api' });
    await answered.locator('.qa-answer strong', { hasText: 'lapangan terbuka' }).waitFor();
    await shot('02-moderated');

    const audit = await h.t.ctx.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['qa.session_opened', 'qa.question_approved', 'qa.question_answered']),
    );
    const visible = await h.t.app.inject({
      method: 'GET',
      url: `/api/qa/sessions/${sessionId}/questions`,
    });
    expect(visible.json<{ items: unknown[] }>().items).toHaveLength(2);
  });
});
