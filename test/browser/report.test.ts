import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
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

const OFFICER_EMAIL = 'joko@polri.example.id';
const ALERT_TITLE = 'Begal motor di Ardimulyo';
let h: Harness;
let alertId = '';

async function seed(t: TestContext): Promise<void> {
  await buildAreas(t.ctx.db, [
    { code: '35', name: 'Jawa Timur' },
    { code: '35.07', name: 'Kabupaten Malang' },
    { code: '35.07.19', name: 'Singosari' },
    { code: '35.07.19.2001', name: 'Ardimulyo' },
  ]);
  const station = await buildStation(t.ctx.db, {
    slug: 'polsek-singosari',
    name: 'Polsek Singosari',
    level: 'polda',
    areaCodes: ['35.07.19'],
  });
  const officer = await buildAccount(t.ctx.db, { name: 'Aiptu Joko', email: OFFICER_EMAIL });
  await grantRole(t.ctx.db, officer.id, station.id, 'officer');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/alerts',
    headers: { cookie: await sessionCookie(t, officer.id) },
    payload: {
      stationId: station.id,
      title: ALERT_TITLE,
      body: 'Dua orang berboncengan merampas motor warga di jalan desa malam hari.',
      category: 'begal',
      severity: 'Severe',
      urgency: 'Immediate',
      certainty: 'Observed',
      target: { areas: ['35.07.19.2001'] },
    },
  });
  if (res.statusCode !== 201) throw new Error(`seed alert: ${res.body}`);
  alertId = res.json<{ id: string }>().id;
}

beforeAll(async () => {
  h = await openHarness('report', seed);
});

afterAll(async () => {
  await h?.close();
});

const reportCount = async () =>
  (await h.t.ctx.db.selectFrom('report').select('id').execute()).length;

describe('from an alert back to a report', () => {
  it('reports anonymously, tracks the report, and an officer follows it up', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));

    await page.goto(`/lapor?alert=${alertId}&area=35.07.19.2001`);
    await page.getByRole('heading', { name: 'Laporkan hal mencurigakan' }).waitFor();
    await page.getByText(ALERT_TITLE).waitFor();
    await page.getByText('Ardimulyo, Singosari').waitFor();
    // The alert's category is preselected; anonymity is the default.
    expect(await page.getByLabel('Kategori').inputValue()).toBe('begal');
    expect(await page.getByLabel('Kirim tanpa nama').isChecked()).toBe(true);
    await page.getByText('Identitas Anda tidak disimpan').waitFor();
    await page
      .getByLabel('Apa yang terjadi?')
      .fill('Motor tanpa pelat berputar-putar di depan masjid sejak pukul 22.00.');
    await shot('01-form');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();

    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor();
    const code = (await codeBox.textContent()) ?? '';
    expect(code).toMatch(/^SGA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByText('Laporan Anda diterima oleh Polsek Singosari.').waitFor();
    await shot('02-sent');

    await page.getByRole('link', { name: 'Lacak laporan' }).click();
    await page.getByRole('status').getByText('Diterima').waitFor();
    await shot('03-tracked');

    await page.goto('/masuk');
    await page.getByLabel('Email atau nomor HP').fill(OFFICER_EMAIL);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Konsol petugas', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Laporan warga' }).click();
    const card = page.locator('.report-card', { hasText: code });
    await card.getByText('Motor tanpa pelat').waitFor();
    await card.getByText(`Terkait peringatan: ${ALERT_TITLE}`).waitFor();
    await card.getByText('Anonim').waitFor();
    await card.getByLabel('Ubah status').selectOption('diverifikasi');
    await card.getByLabel('Catatan (opsional)').fill('Patroli malam dikirim');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.locator('.tag', { hasText: 'Diverifikasi' }).waitFor();
    await shot('04-console');

    await page.goto(`/lapor/lacak?kode=${code.toLowerCase()}`);
    await page.getByRole('status').getByText('Diverifikasi').waitFor();
  });

  it('keeps a report written offline and sends it once back online', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed-offline'));
    // Opened without a link: the reporter finds the area by name.
    await page.goto('/lapor');
    await page.getByLabel('Di mana kejadiannya?').fill('ardimul');
    await page.getByRole('button', { name: /^Ardimulyo, Singosari/ }).click();
    await page.locator('.report-context', { hasText: 'Ardimulyo, Singosari' }).waitFor();
    const before = await reportCount();
    await page.context().setOffline(true);
    await page
      .getByLabel('Apa yang terjadi?')
      .fill('Ada orang asing memotret rumah-rumah warga di gang buntu.');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByText('Laporan disimpan di perangkat ini').waitFor();
    await shot('05-queued');
    expect(await reportCount()).toBe(before);
    await page.context().setOffline(false);
    await expect.poll(reportCount, { timeout: 10_000 }).toBe(before + 1);
    await page.getByRole('link', { name: 'Laporan dari perangkat ini' }).click();
    await page.locator('.list a', { hasText: /^SGA-/ }).nth(1).waitFor();
  });
});
