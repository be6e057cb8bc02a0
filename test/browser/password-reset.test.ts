import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildAccount, sessionCookie, TEST_PASSWORD } from '../helpers/factories.js';
import { accountNav, openHarness, type Harness } from './harness.js';

let h: Harness;
let oldSession = '';
const NEW_PASSWORD = 'kata-sandi-baru-2026';

beforeAll(async () => {
  h = await openHarness('reset', async (t) => {
    const account = await buildAccount(t.ctx.db, { email: 'rina@example.id', name: 'Rina' });
    // A session on another device, which the reset must end.
    oldSession = await sessionCookie(t, account.id);
  });
});

afterAll(async () => {
  await h?.close();
});

describe('"Lupa kata sandi" on a small phone', () => {
  it('sends a code, sets a new password, ends the old sessions and logs in with it', async () => {
    const { page, shot } = h;
    onTestFailed(() => shot('failed'));
    const me = () => h.t.app.inject({ url: '/api/me', headers: { cookie: oldSession } });
    expect((await me()).statusCode).toBe(200);

    await page.goto('/');
    await accountNav(page).getByRole('link', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByLabel('Email atau nomor HP').fill('rina@example.id');
    await shot('01-request');
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByLabel('Kode 6 angka').waitFor();

    const outbox = await h.t.app.inject({ url: '/api/dev/outbox?to=rina@example.id' });
    const messages = outbox.json<{ messages: Array<{ body: string }> }>().messages;
    const code = /\b(\d{6})\b/.exec(messages.at(-1)?.body ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code is refused under its field and changes nothing.
    await page.getByLabel('Kode 6 angka').fill(code === '000000' ? '111111' : '000000');
    await page.getByLabel('Kata sandi baru').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.locator('#f-code-error').waitFor();
    await shot('02-wrong-code');
    expect((await me()).statusCode).toBe(200);

    await page.getByLabel('Kode 6 angka').fill(code);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByText('Kata sandi baru tersimpan.').waitFor();
    await shot('03-done');
    expect((await me()).statusCode).toBe(401);

    await page.getByRole('link', { name: 'Masuk' }).last().click();
    await page.getByLabel('Email atau nomor HP').fill('rina@example.id');
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Kata sandi').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Halo, Rina.').waitFor();
    await shot('04-logged-in');
  });
});
