import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import {
  buildAccount,
  buildAreas,
  buildStation,
  grantRole,
  sessionCookie,
  TEST_PASSWORD,
} from '../../../../test/helpers/factories.js';
import type { AccountActor } from '../../auth/actor.js';
import { requireVerified } from '../../auth/policy.js';

const PASSWORD = 'sepeda-merah-di-gang-7';
let t: TestContext;
let addressCounter = 0;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** A fresh client address, so one test's failed logins never lock another's out. */
const newAddress = () =>
  `198.51.${100 + Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

function cookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'siaga_session');
  if (!cookie?.value) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `siaga_session=${cookie.value}`;
}

const register = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/register', payload, headers });

const login = (payload: Record<string, unknown>, remoteAddress = '192.0.2.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress });

const me = (cookie: string) => t.app.inject({ url: '/api/me', headers: { cookie } });

const post = (url: string, cookie: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie } });

const countAccounts = async () =>
  (
    await t.ctx.db
      .selectFrom('account')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

async function latestCode(to: string): Promise<string> {
  const res = await t.app.inject({ url: `/api/dev/outbox?to=${encodeURIComponent(to)}` });
  const body = res.json().messages[0]?.body as string | undefined;
  const code = body?.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code sent to ${to}`);
  return code;
}

describe('registration', () => {
  it('registers by email, logs in and sends a verification code', async () => {
    const res = await register({
      email: '  Ani.Lestari@Example.ID ',
      name: 'Ani Lestari',
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      name: 'Ani Lestari',
      email: 'ani.lestari@example.id',
      phone: null,
      isEmailVerified: false,
      isPhoneVerified: false,
      isVerified: false,
      isTotpEnabled: false,
      locale: 'id',
      roles: [],
    });
    const cookie = res.cookies.find((c) => c.name === 'siaga_session')!;
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: 30 * 24 * 3600,
    });
    expect(cookie.secure).toBeFalsy();
    expect((await me(cookieOf(res))).json().email).toBe('ani.lestari@example.id');

    const outbox = await t.app.inject({ url: '/api/dev/outbox?to=ani.lestari@example.id' });
    expect(outbox.json().messages).toEqual([
      expect.objectContaining({ channel: 'email', subject: 'Kode verifikasi Siaga' }),
    ]);
  });

  it('registers by phone in each common form, stored as E.164, and sends the code by SMS', async () => {
    const forms = [
      ['0812-1111-2222', '+6281211112222'],
      ['62813 3333 4444', '+6281333334444'],
      ['+62 815-5555-6666', '+6281555556666'],
    ];
    for (const [form, e164] of forms) {
      const res = await register({ phone: form, name: 'Budi Santoso', password: PASSWORD });
      expect(res.statusCode, form).toBe(201);
      expect(res.json().phone).toBe(e164);
      expect(res.json().email).toBeNull();
      const outbox = await t.app.inject({ url: `/api/dev/outbox?to=${encodeURIComponent(e164!)}` });
      expect(outbox.json().messages[0].channel).toBe('sms');
    }
  });

  it('refuses a taken email or phone, in whatever form it is written', async () => {
    await register({
      email: 'dua@example.id',
      phone: '0817-7777-8888',
      name: 'Dua Kali',
      password: PASSWORD,
    });
    const byEmail = await register({ email: 'DUA@example.id', name: 'Lain', password: PASSWORD });
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json().error.code).toBe('auth.email_taken');
    const byPhone = await register({
      phone: '+62 817 7777 8888',
      name: 'Lain',
      password: PASSWORD,
    });
    expect(byPhone.statusCode).toBe(409);
    expect(byPhone.json().error).toEqual({
      code: 'auth.phone_taken',
      message: 'Nomor HP ini sudah terdaftar.',
    });
  });

  it('refuses short, common and personal passwords, naming the field and writing nothing', async () => {
    const before = await countAccounts();
    const cases = [
      ['pendek', 'auth.password_too_short'],
      ['iloveyou123', 'auth.password_weak'],
      ['Password1234', 'auth.password_weak'],
      ['kurniawan-2026', 'auth.password_weak'],
      ['xx-dedi.k-xx', 'auth.password_weak'],
    ];
    for (const [password, code] of cases) {
      const res = await register({ email: 'dedi.k@example.id', name: 'Dedi Kurniawan', password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.code, password).toBe(code);
      expect(res.json().error.details).toEqual({ field: 'password' });
    }
    expect(await countAccounts()).toBe(before);
  });

  it('refuses bad contacts: invalid phone, invalid email, neither given', async () => {
    const before = await countAccounts();
    const landline = await register({ phone: '021-555-1234', name: 'Kantor', password: PASSWORD });
    expect(landline.statusCode).toBe(400);
    expect(landline.json().error).toMatchObject({
      code: 'auth.phone_invalid',
      details: { field: 'phone' },
    });
    const email = await register({ email: 'bukan-email', name: 'X', password: PASSWORD });
    expect(email.json().error).toMatchObject({
      code: 'auth.email_invalid',
      details: { field: 'email' },
    });
    const neither = await register({ name: 'Tanpa Kontak', password: PASSWORD });
    expect(neither.json().error.code).toBe('auth.contact_required');
    expect(await countAccounts()).toBe(before);
  });

  it('refuses unknown fields with 400 naming them, and writes nothing', async () => {
    const before = await countAccounts();
    const res = await register({
      email: 'lebih@example.id',
      name: 'Lebih',
      password: PASSWORD,
      isEmailVerified: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(
      'isEmailVerified',
    );
    expect(res.cookies).toEqual([]);
    expect(await countAccounts()).toBe(before);
  });

  it('answers in English when asked', async () => {
    await register({ email: 'english@example.id', name: 'Eng', password: PASSWORD });
    const res = await register(
      { email: 'english@example.id', name: 'Eng', password: PASSWORD },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(res.json().error).toEqual({
      code: 'auth.email_taken',
      message: 'This email address is already registered.',
    });
    const weak = await register(
      { email: 'english2@example.id', name: 'Eng', password: 'short' },
      { 'accept-language': 'en' },
    );
    expect(weak.json().error.message).toBe('The password must be at least 10 characters.');
  });

  it('keeps the account locale from the request, so codes go out in that language', async () => {
    const res = await register(
      { email: 'locale.en@example.id', name: 'Locale En', password: PASSWORD },
      { 'accept-language': 'en' },
    );
    expect(res.json().locale).toBe('en');
    const outbox = await t.app.inject({ url: '/api/dev/outbox?to=locale.en@example.id' });
    expect(outbox.json().messages[0].subject).toBe('Siaga verification code');
  });
});

describe('login and sessions', () => {
  let email: string;
  beforeAll(async () => {
    email = 'masuk@example.id';
    await register({ email, phone: '0821-2345-6789', name: 'Rina Masuk', password: PASSWORD });
  });

  it('logs in by email (any case) and by phone in any form', async () => {
    for (const value of [
      'MASUK@example.id ',
      '0821-2345-6789',
      '6282123456789',
      '+62 821 2345 6789',
    ]) {
      const res = await login({ login: value, password: PASSWORD }, newAddress());
      expect(res.statusCode, value).toBe(200);
      expect(res.json().email).toBe(email);
      expect((await me(cookieOf(res))).statusCode).toBe(200);
    }
  });

  it('answers a wrong password and an unknown login alike', async () => {
    const address = newAddress();
    const wrong = await login({ login: email, password: 'salah-sekali-123' }, address);
    const unknown = await login({ login: 'siapa@example.id', password: PASSWORD }, address);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'auth.invalid_credentials',
        message: 'Email/nomor HP atau kata sandi salah.',
      });
      expect(res.cookies).toEqual([]);
    }
  });

  it('slows an attacker at one address fast, doubling, and a success clears it', async () => {
    await register({ email: 'kunci@example.id', name: 'Kunci', password: PASSWORD });
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) {
      const res = await login({ login: 'kunci@example.id', password: 'salah-salah-1' }, attacker);
      expect(res.statusCode).toBe(401);
    }
    const locked = await login({ login: 'KUNCI@example.id', password: PASSWORD }, attacker);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.too_many_attempts');
    expect(locked.json().error.details).toEqual({ retryAfterSeconds: 30 });
    // The same five guesses lock nobody out elsewhere, even without a known device.
    expect(
      (await login({ login: 'kunci@example.id', password: PASSWORD }, newAddress())).statusCode,
    ).toBe(200);

    await register({ email: 'kunci2@example.id', name: 'Kunci Dua', password: PASSWORD });
    const second = newAddress();
    for (let i = 0; i < 5; i++) {
      await login({ login: 'kunci2@example.id', password: 'salah-salah-1' }, second);
    }
    t.clock.advance(31_000);
    expect(
      (await login({ login: 'kunci2@example.id', password: 'salah-salah-1' }, second)).statusCode,
    ).toBe(401);
    const doubled = await login({ login: 'kunci2@example.id', password: PASSWORD }, second);
    expect(doubled.json().error.details).toEqual({ retryAfterSeconds: 60 });
    t.clock.advance(61_000);
    expect(
      (await login({ login: 'kunci2@example.id', password: PASSWORD }, second)).statusCode,
    ).toBe(200);
    // The success reset the count: one more failure does not lock.
    await login({ login: 'kunci2@example.id', password: 'salah-salah-1' }, second);
    expect(
      (await login({ login: 'kunci2@example.id', password: PASSWORD }, second)).statusCode,
    ).toBe(200);
  });

  it('keeps the owner in on their known device while an attacker is locked out', async () => {
    await register({ email: 'pemilik@example.id', name: 'Pemilik', password: PASSWORD });
    const owner = newAddress();
    const first = await login({ login: 'pemilik@example.id', password: PASSWORD }, owner);
    const device = first.cookies.find((c) => c.name === 'siaga_device');
    expect(device).toMatchObject({ httpOnly: true, path: '/api/auth' });
    const deviceCookie = `siaga_device=${device!.value}`;
    const fromDevice = (password: string, remoteAddress = owner) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'pemilik@example.id', password },
        headers: { cookie: deviceCookie },
        remoteAddress,
      });

    const attacker = newAddress();
    for (let i = 0; i < 5; i++) {
      await login({ login: 'pemilik@example.id', password: `tebakan-${i}-xyz` }, attacker);
    }
    expect(
      (await login({ login: 'pemilik@example.id', password: PASSWORD }, attacker)).statusCode,
    ).toBe(429);
    expect((await fromDevice(PASSWORD)).statusCode).toBe(200);
    // Even from the attacker's (shared) address the known device gets in.
    expect((await fromDevice(PASSWORD, attacker)).statusCode).toBe(200);

    // A device cookie forged or issued to another account is an unknown device.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'pemilik@example.id', password: PASSWORD },
      headers: { cookie: `siaga_device=${device!.value.slice(0, -2)}xx` },
      remoteAddress: attacker,
    });
    expect(forged.statusCode).toBe(429);
  });

  it('holds a per-account ceiling against guesses from many addresses', async () => {
    await register({ email: 'plafon@example.id', name: 'Plafon', password: PASSWORD });
    for (let i = 0; i < 100; i++) {
      const res = await login(
        { login: 'plafon@example.id', password: `salah-${i}-abc` },
        newAddress(),
      );
      expect(res.statusCode).toBe(401);
    }
    const locked = await login({ login: 'plafon@example.id', password: PASSWORD }, newAddress());
    expect(locked.statusCode).toBe(429);
    t.clock.advance(31_000);
    expect(
      (await login({ login: 'plafon@example.id', password: PASSWORD }, newAddress())).statusCode,
    ).toBe(200);
  }, 120_000); // 100 password hashes: slow on a loaded machine

  it('locks an address that fails on many accounts, and only that address', async () => {
    const address = newAddress();
    for (let i = 0; i < 20; i++) {
      await login({ login: `tebak${i}@example.id`, password: 'apa-saja-123' }, address);
    }
    const locked = await login({ login: email, password: PASSWORD }, address);
    expect(locked.statusCode).toBe(429);
    expect((await login({ login: email, password: PASSWORD }, newAddress())).statusCode).toBe(200);
    t.clock.advance(31_000);
    expect((await login({ login: email, password: PASSWORD }, address)).statusCode).toBe(200);
  });

  it('logout revokes the session in the database and clears the cookie', async () => {
    const res = await login({ login: email, password: PASSWORD }, newAddress());
    const cookie = cookieOf(res);
    const out = await post('/api/auth/logout', cookie);
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const cleared = out.cookies.find((c) => c.name === 'siaga_session');
    expect(cleared?.value).toBe('');
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    const revoked = await t.ctx.db
      .selectFrom('session')
      .select('revokedAt')
      .where('accountId', '=', res.json().id)
      .where('revokedAt', 'is not', null)
      .execute();
    expect(revoked.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses unknown login fields and malformed TOTP codes, opening no session', async () => {
    const sessions = async () =>
      (await t.ctx.db.selectFrom('session').select('id').execute()).length;
    const before = await sessions();
    const extra = await login({ login: email, password: PASSWORD, remember: true }, newAddress());
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'remember' }),
    ]);
    const badTotp = await login({ login: email, password: PASSWORD, totp: '12ab56' }, newAddress());
    expect(badTotp.statusCode).toBe(400);
    expect(badTotp.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(
      'totp',
    );
    expect(await sessions()).toBe(before);
  });

  it('GET /api/me without a session is 401 auth.required', async () => {
    const res = await t.app.inject({ url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
    const en = await t.app.inject({ url: '/api/me', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('Please log in first.');
  });

  it('lists station roles and platform_admin, never citizen', async () => {
    const account = await buildAccount(t.ctx.db);
    const station = await buildStation(t.ctx.db);
    await grantRole(t.ctx.db, account.id, null, 'citizen');
    await grantRole(t.ctx.db, account.id, station.id, 'editor');
    await grantRole(t.ctx.db, account.id, null, 'platform_admin');
    const res = await me(await sessionCookie(t, account.id));
    expect(res.json().roles).toEqual(
      expect.arrayContaining([
        { role: 'editor', stationId: station.id },
        { role: 'platform_admin', stationId: null },
      ]),
    );
    expect(res.json().roles).toHaveLength(2);
  });

  it('refuses a cookie-authenticated write from another site', async () => {
    const res = await login({ login: email, password: PASSWORD }, newAddress());
    const cookie = cookieOf(res);
    const evil = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('auth.csrf');
    expect((await me(cookie)).statusCode).toBe(200);
  });
});

describe('verification', () => {
  it('confirms an email with the code from the outbox, after refusing wrong and expired codes', async () => {
    const res = await register({ email: 'verif@example.id', name: 'Verif', password: PASSWORD });
    const cookie = cookieOf(res);
    const code = await latestCode('verif@example.id');
    const wrongCode = code === '000000' ? '111111' : '000000';

    const wrong = await post('/api/me/verification/confirm', cookie, {
      channel: 'email',
      code: wrongCode,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'auth.verification_invalid',
      details: { field: 'code' },
    });

    const tooSoon = await post('/api/me/verification', cookie, { channel: 'email' });
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().error.code).toBe('auth.verification_too_soon');

    t.clock.advance(10 * 60_000 + 1000);
    const expired = await post('/api/me/verification/confirm', cookie, { channel: 'email', code });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('auth.verification_expired');
    expect((await me(cookie)).json().isVerified).toBe(false);

    const again = await post('/api/me/verification', cookie, { channel: 'email' });
    expect(again.statusCode).toBe(200);
    const fresh = await latestCode('verif@example.id');
    const ok = await post('/api/me/verification/confirm', cookie, {
      channel: 'email',
      code: fresh,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ isEmailVerified: true, isVerified: true });
    expect((await me(cookie)).json().isVerified).toBe(true);

    // Used once only; and nothing left to verify.
    const reuse = await post('/api/me/verification/confirm', cookie, {
      channel: 'email',
      code: fresh,
    });
    expect(reuse.json().error.code).toBe('auth.verification_expired');
    const more = await post('/api/me/verification', cookie, { channel: 'email' });
    expect(more.statusCode).toBe(409);
  });

  it('allows 5 attempts per code, then wants a new one', async () => {
    const res = await register({ phone: '0852-1000-2000', name: 'Coba Coba', password: PASSWORD });
    const cookie = cookieOf(res);
    const code = await latestCode('+6285210002000');
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const wrong = await post('/api/me/verification/confirm', cookie, {
        channel: 'phone',
        code: wrongCode,
      });
      expect(wrong.json().error.code).toBe('auth.verification_invalid');
    }
    const right = await post('/api/me/verification/confirm', cookie, { channel: 'phone', code });
    expect(right.statusCode).toBe(400);
    expect(right.json().error.code).toBe('auth.verification_attempts_exceeded');
    expect((await me(cookie)).json().isPhoneVerified).toBe(false);
  });

  it('refuses a channel the account has no address for, and bad input', async () => {
    const res = await register({
      email: 'tanpa.hp@example.id',
      name: 'Tanpa HP',
      password: PASSWORD,
    });
    const cookie = cookieOf(res);
    const noPhone = await post('/api/me/verification', cookie, { channel: 'phone' });
    expect(noPhone.json().error).toMatchObject({
      code: 'auth.verification_no_destination',
      details: { field: 'channel' },
    });
    const badChannel = await post('/api/me/verification', cookie, { channel: 'pigeon' });
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(
      'channel',
    );
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/me/verification',
      payload: { channel: 'email' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('requireVerified lets verified accounts through and stops the others', () => {
    const actor: AccountActor = {
      kind: 'account',
      accountId: 'a',
      name: 'A',
      sessionId: 's',
      isVerified: false,
      grants: [],
    };
    expect(() => requireVerified(actor)).toThrow(
      expect.objectContaining({ code: 'auth.verification_required', statusCode: 403 }),
    );
    expect(requireVerified({ ...actor, isVerified: true }).accountId).toBe('a');
    expect(() => requireVerified({ kind: 'anonymous' })).toThrow(
      expect.objectContaining({ code: 'auth.required' }),
    );
  });
});

describe('TOTP', () => {
  it('enables with a correct code, then login needs a right code', async () => {
    const res = await register({
      email: 'totp@example.id',
      name: 'Petugas Totp',
      password: PASSWORD,
    });
    const cookie = cookieOf(res);
    const setup = await post('/api/me/totp/setup', cookie);
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Siaga:totp%40example\.id\?/);
    const stored = await t.ctx.db
      .selectFrom('account')
      .select('totpSecret')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.totpSecret).not.toContain(secret);

    const codeAt = (ms: number) =>
      TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });
    const now = () => t.clock.now().getTime();
    const wrongCode = codeAt(now() + 10 * 60_000);
    const wrongEnable = await post('/api/me/totp/enable', cookie, { code: wrongCode });
    expect(wrongEnable.statusCode).toBe(400);
    expect(wrongEnable.json().error.code).toBe('auth.totp_invalid');
    const enable = await post('/api/me/totp/enable', cookie, { code: codeAt(now()) });
    expect(enable.statusCode).toBe(200);
    expect(enable.json().isTotpEnabled).toBe(true);

    const address = newAddress();
    const without = await login({ login: 'totp@example.id', password: PASSWORD }, address);
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('auth.totp_required');
    const wrong = await login(
      { login: 'totp@example.id', password: PASSWORD, totp: codeAt(now() + 10 * 60_000) },
      address,
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.totp_invalid');
    const right = await login(
      { login: 'totp@example.id', password: PASSWORD, totp: codeAt(now()) },
      address,
    );
    expect(right.statusCode).toBe(200);
    expect(right.json().isTotpEnabled).toBe(true);

    const badDisable = await post('/api/me/totp/disable', cookie, { password: 'bukan-ini-123' });
    expect(badDisable.statusCode).toBe(403);
    expect(badDisable.json().error.code).toBe('auth.password_incorrect');
    const disable = await post('/api/me/totp/disable', cookie, { password: PASSWORD });
    expect(disable.json().isTotpEnabled).toBe(false);
    expect(
      (await login({ login: 'totp@example.id', password: PASSWORD }, address)).statusCode,
    ).toBe(200);
  });

  it('counts wrong TOTP codes toward the lock', async () => {
    const res = await register({ email: 'totp2@example.id', name: 'Totp Dua', password: PASSWORD });
    const cookie = cookieOf(res);
    const { secret } = (await post('/api/me/totp/setup', cookie)).json();
    const codeAt = (ms: number) =>
      TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });
    await post('/api/me/totp/enable', cookie, { code: codeAt(t.clock.now().getTime()) });
    const bad = codeAt(t.clock.now().getTime() + 10 * 60_000);
    const address = newAddress();
    for (let i = 0; i < 5; i++) {
      await login({ login: 'totp2@example.id', password: PASSWORD, totp: bad }, address);
    }
    const locked = await login(
      { login: 'totp2@example.id', password: PASSWORD, totp: codeAt(t.clock.now().getTime()) },
      address,
    );
    expect(locked.statusCode).toBe(429);
  });
});

describe('UU PDP export and deletion', () => {
  it('exports the account data as an attachment, without hashes or secrets', async () => {
    const res = await register({
      email: 'ekspor@example.id',
      name: 'Ekspor Data',
      password: PASSWORD,
    });
    const cookie = cookieOf(res);
    const id = res.json().id as string;
    await post('/api/me/totp/setup', cookie);
    await buildAreas(t.ctx.db, [
      { code: '35', name: 'Jawa Timur' },
      { code: '35.78', name: 'Kota Surabaya' },
    ]);
    await t.ctx.db
      .insertInto('account_area')
      .values({ accountId: id, areaCode: '35.78', kind: 'home' })
      .execute();
    const station = await buildStation(t.ctx.db);
    await grantRole(t.ctx.db, id, station.id, 'officer');

    const exported = await t.app.inject({ url: '/api/me/export', headers: { cookie } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toBe(
      `attachment; filename="siaga-data-${id}.json"`,
    );
    const data = exported.json();
    expect(data.account).toMatchObject({ id, email: 'ekspor@example.id', name: 'Ekspor Data' });
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]).toMatchObject({ revokedAt: null, userAgent: 'lightMyRequest' });
    expect(data.areas).toEqual([{ areaCode: '35.78', kind: 'home' }]);
    expect(data.roleGrants).toEqual([
      { role: 'officer', stationId: station.id, createdAt: expect.any(String) },
    ]);
    expect(exported.body).not.toMatch(/passwordHash|totpSecret|argon2|tokenHash/);
  });

  it('deletes the account with its password, and everything hanging off it', async () => {
    const res = await register({
      email: 'hapus@example.id',
      name: 'Hapus Akun',
      password: PASSWORD,
    });
    const cookie = cookieOf(res);
    const id = res.json().id as string;

    const wrong = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      payload: { password: 'bukan-itu-123' },
      headers: { cookie },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await me(cookie)).statusCode).toBe(200);

    const gone = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      payload: { password: PASSWORD },
      headers: { cookie },
    });
    expect(gone.statusCode).toBe(200);
    expect(gone.cookies.find((c) => c.name === 'siaga_session')?.value).toBe('');
    expect((await me(cookie)).statusCode).toBe(401);
    expect(
      (await login({ login: 'hapus@example.id', password: PASSWORD }, newAddress())).statusCode,
    ).toBe(401);
    for (const table of ['session', 'verification_code'] as const) {
      const rows = await t.ctx.db
        .selectFrom(table)
        .select('id')
        .where('accountId', '=', id)
        .execute();
      expect(rows, table).toEqual([]);
    }
    // The email is free again.
    expect(
      (await register({ email: 'hapus@example.id', name: 'Baru', password: PASSWORD })).statusCode,
    ).toBe(201);
  });

  it("audits an officer's own account deletion; the log keeps their name", async () => {
    const officer = await buildAccount(t.ctx.db, { name: 'Brigadir Pergi' });
    const station = await buildStation(t.ctx.db);
    await grantRole(t.ctx.db, officer.id, station.id, 'officer');
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      payload: { password: TEST_PASSWORD },
      headers: { cookie: await sessionCookie(t, officer.id) },
    });
    expect(res.statusCode).toBe(200);
    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('targetId', '=', officer.id)
      .execute();
    expect(entries).toEqual([
      expect.objectContaining({ action: 'account.deleted', actorName: 'Brigadir Pergi' }),
    ]);
  });

  it('factory accounts log in with the test password', async () => {
    const account = await buildAccount(t.ctx.db);
    expect(
      (await login({ login: account.email, password: TEST_PASSWORD }, newAddress())).statusCode,
    ).toBe(200);
  });
});

describe('deployment settings', () => {
  it('puts a per-address rate limit on the credential routes, and documents them', async () => {
    const res = await register({ email: 'batas@example.id', name: 'Batas', password: PASSWORD });
    expect(res.headers['x-ratelimit-limit']).toBe('300');
    const loginRes = await login({ login: 'batas@example.id', password: PASSWORD }, newAddress());
    expect(loginRes.headers['x-ratelimit-limit']).toBe('300');
    const meRes = await me(cookieOf(loginRes));
    expect(meRes.headers['x-ratelimit-limit']).toBeUndefined();

    const paths = Object.keys((await t.app.inject('/openapi.json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/auth/login',
        '/api/me',
        '/api/stations/{stationId}/officers',
      ]),
    );
  });

  it('in production over https: Secure cookie, and no readable outbox', async () => {
    const prod = await createTestContext({
      env: { SIAGA_ENV: 'production', SIAGA_PUBLIC_URL: 'https://siaga.example' },
    });
    try {
      const res = await prod.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: 'aman@example.id', name: 'Aman', password: PASSWORD },
      });
      expect(res.statusCode).toBe(201);
      expect(res.cookies.find((c) => c.name === 'siaga_session')?.secure).toBe(true);
      expect((await prod.app.inject('/api/dev/outbox')).statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
