import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { SubmittedReport } from '../../src/common/api/reports.js';
import type { TestContext } from '../helpers/context.js';
import {
  buildAccount,
  buildAreas,
  buildStation,
  grantRole,
  sessionCookie,
  TEST_PASSWORD,
} from '../helpers/factories.js';
import { openHarness, type Harness } from './harness.js';

const OFFICER_EMAIL = 'rina@polri.example.id';
const ARDIMULYO = '35.07.19.2001';
let h: Harness;
let officerCookie = '';

/** An anonymous report of the village, from its own address (the intake limits per address). */
async function submitReport(t: TestContext, n: number, category = 'pencurian') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/reports',
    remoteAddress: `10.0.0.${n}`,
    payload: {
      category,
      areaCode: ARDIMULYO,
      description: `Sepeda motor warga hilang dari teras rumah, kejadian ke-${n}.`,
    },
  });
  if (res.statusCode !== 201) throw new Error(`seed report: ${res.body}`);
  return res.json<SubmittedReport>();
}

async function seed(t: TestContext): Promise<void> {
  await buildAreas(t.ctx.db, [
    { code: '35', name: 'Jawa Timur' },
    { code: '35.07', name: 'Kabupaten Malang' },
    { code: '35.07.19', name: 'Singosari' },
    { code: ARDIMULYO, name: 'Ardimulyo' },
  ]);
  const station = await buildStation(t.ctx.db, {
    slug: 'polsek-singosari',
    name: 'Polsek Singosari',
    areaCodes: ['35.07.19'],
  });
  const officer = await buildAccount(t.ctx.db, { name: 'Bripka Rina', email: OFFICER_EMAIL });
  await grantRole(t.ctx.db, officer.id, station.id, 'officer');
  officerCookie = await sessionCookie(t, officer.id);
  for (const n of [1, 2, 3]) await submitReport(t, n);
}

beforeAll(async () => {
  h = await openHarness('report-clusters', seed);
});
afterAll(async () => {
  await h?.close();
});

describe('report patterns and the live tracking page at 360 px', () => {
  it('turns three thefts in one village into a stored draft the officer issues', async () => {
    const { page, t } = h;
    onTestFailed(() => h.shot('failed-clusters'));
    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(OFFICER_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Pola laporan' }).click();
    const card = page.locator('.card', {
      hasText: '3 laporan pencurian di Kel. Ardimulyo dalam 7 hari',
    });
    await card.waitFor();
    await h.shot('01-cluster');
    await card.getByRole('button', { name: 'Buat draf peringatan' }).click();

    await page.getByRole('heading', { name: 'Draf peringatan' }).waitFor();
    await expect
      .poll(() => page.getByLabel('Judul', { exact: true }).inputValue())
      .toBe('Waspada pencurian di Kel. Ardimulyo');
    await page.getByText('Ardimulyo').first().waitFor();
    const draftUrl = page.url();
    expect(draftUrl).toContain('draf=');
    await h.shot('02-composer-draft');

    // Back at the pattern: "draft made", and the one action opens the same draft, not a twin.
    await page.goBack();
    await card.getByText('Draf peringatan sudah dibuat').waitFor();
    await card.getByRole('button', { name: 'Buka draf peringatan' }).click();
    await page.getByRole('heading', { name: 'Draf peringatan' }).waitFor();
    expect(page.url()).toBe(draftUrl);
    expect(await t.ctx.db.selectFrom('alert_draft').select('id').execute()).toHaveLength(1);

    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Waspada pencurian di Kel. Ardimulyo').waitFor();
    await h.shot('03-confirm');
    await dialog.getByRole('button', { name: 'Ya, kirim' }).click();
    await page.waitForURL(/\/konsol\/peringatan\/[^/?]+$/);
    await page.getByText('Waspada pencurian di Kel. Ardimulyo').first().waitFor();
    await h.shot('04-issued');
    const draft = await t.ctx.db
      .selectFrom('alert_draft')
      .select(['state', 'alertId'])
      .executeTakeFirstOrThrow();
    expect(draft.state).toBe('issued');
    expect(page.url()).toContain(draft.alertId!);

    await page.goto('/konsol/pola-laporan');
    await card.getByText('Peringatan sudah diterbitkan dari pola ini.').waitFor();
    await card.getByRole('link', { name: 'Lihat peringatan' }).waitFor();
    await h.shot('05-cluster-issued');
  });

  it("shows an officer's reply on the open tracking page without a reload", async () => {
    const { page, t } = h;
    onTestFailed(() => h.shot('failed-tracking'));
    const report = await submitReport(t, 9, 'begal');
    await page.context().clearCookies();
    await page.goto(`/lapor/lacak?kode=${report.trackingCode}`);
    await page.getByLabel('Kata sandi rahasia').fill(report.secret);
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    const thread = page.getByRole('article', { name: report.trackingCode });
    await thread.getByRole('status').getByText('Diterima').waitFor();
    // Mark the document: a reload would lose it.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const url = `/api/reports/${report.id}`;
    const headers = { cookie: officerCookie };
    const status = await t.app.inject({
      method: 'PATCH',
      url,
      headers,
      payload: { status: 'ditindaklanjuti' },
    });
    expect(status.statusCode).toBe(200);
    const reply = await t.app.inject({
      method: 'POST',
      url: `${url}/replies`,
      headers,
      payload: { body: 'Petugas sedang menuju lokasi, terima kasih atas laporannya.' },
    });
    expect(reply.statusCode).toBe(201);
    await thread.getByText('Petugas sedang menuju lokasi').waitFor();
    await thread.getByRole('status').getByText('Ditindaklanjuti').waitFor();
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
    await h.shot('06-tracking-live');
  });

  it('falls back to polling with If-None-Match when the stream cannot open', async () => {
    const { page, t } = h;
    onTestFailed(() => h.shot('failed-polling'));
    const report = await submitReport(t, 10, 'begal');
    // A proxy that refuses streams: every event-stream request fails.
    await page.route('**/events', (route) => route.abort());
    await page.goto(`/lapor/lacak?kode=${report.trackingCode}`);
    await page.getByLabel('Kata sandi rahasia').fill(report.secret);
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    const thread = page.getByRole('article', { name: report.trackingCode });
    await thread.getByRole('status').getByText('Diterima').waitFor();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/replies`,
      headers: { cookie: officerCookie },
      payload: { body: 'Laporan diterima, kami cek malam ini.' },
    });
    expect(reply.statusCode).toBe(201);
    // The next poll (15 s apart) brings it.
    await thread.getByText('kami cek malam ini').waitFor({ timeout: 40_000 });
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
    await page.unroute('**/events');
  }, 60_000);
});
