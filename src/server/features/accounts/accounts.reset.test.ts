import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';

const PASSWORD = 'sepeda-merah-di-gang-7';
const NEW_PASSWORD = 'payung-biru-di-teras-9';
// Rate limits count per address, in Redis across runs on PostgreSQL: each run its own addresses.
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const post = (url: string, payload: Record<string, unknown>, remoteAddress = randomIp()) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress });

async function outboxTo(to: string): Promise<Array<{ subject: string; body: string }>> {
  const res = await t.app.inject({ url: `/api/dev/outbox?to=${encodeURIComponent(to)}` });
  return res.json<{ messages: Array<{ subject: string; body: string }> }>().messages;
}

async function resetCodeTo(to: string): Promise<string> {
  const message = (await outboxTo(to)).find((m) => m.subject.includes('atur ulang'));
  const code = message?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no reset code sent to ${to}`);
  return code;
}

describe('password reset', () => {
  it('sends a code, sets the new password with it and ends every session', async () => {
    const email = 'lupa@example.id';
    const registered = await post('/api/auth/register', {
      email,
      name: 'Lupa Sandi',
      password: PASSWORD,
    });
    const session = registered.cookies.find((c) => c.name === 'siaga_session')!;
    const cookie = `siaga_session=${session.value}`;

    const asked = await post('/api/auth/password-reset', { login: ' LUPA@example.id ' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ ok: true });
    const code = await resetCodeTo(email);

    const weak = await post('/api/auth/password-reset/confirm', {
      login: email,
      code,
      password: 'pendek',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('auth.password_too_short');
    const wrong = await post('/api/auth/password-reset/confirm', {
      login: email,
      code: code === '000000' ? '111111' : '000000',
      password: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.reset_code_invalid');

    const done = await post('/api/auth/password-reset/confirm', {
      login: email,
      code,
      password: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { login: email, password: PASSWORD })).statusCode).toBe(
      401,
    );
    expect(
      (await post('/api/auth/login', { login: email, password: NEW_PASSWORD })).statusCode,
    ).toBe(200);
    // A code works once.
    const again = await post('/api/auth/password-reset/confirm', {
      login: email,
      code,
      password: PASSWORD,
    });
    expect(again.json().error.code).toBe('auth.reset_code_invalid');
  });

  it('resets by SMS for a phone login', async () => {
    await post('/api/auth/register', {
      phone: '0812-7777-1234',
      name: 'Sandi HP',
      password: PASSWORD,
    });
    expect((await post('/api/auth/password-reset', { login: '081277771234' })).statusCode).toBe(
      200,
    );
    const code = await resetCodeTo('+6281277771234');
    const done = await post('/api/auth/password-reset/confirm', {
      login: '+62 812 7777 1234',
      code,
      password: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(200);
    expect(
      (await post('/api/auth/login', { login: '081277771234', password: NEW_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('answers an unknown login exactly like a known one, and sends nothing', async () => {
    await post('/api/auth/register', {
      email: 'ada@example.id',
      name: 'Ada Orang',
      password: PASSWORD,
    });
    const known = await post('/api/auth/password-reset', { login: 'ada@example.id' });
    const unknown = await post('/api/auth/password-reset', { login: 'tidak-ada@example.id' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(await outboxTo('tidak-ada@example.id')).toEqual([]);
    const confirm = await post('/api/auth/password-reset/confirm', {
      login: 'tidak-ada@example.id',
      code: '123456',
      password: NEW_PASSWORD,
    });
    expect(confirm.json().error.code).toBe('auth.reset_code_invalid');
  });

  it('sends at most one code a minute, allows five guesses, and limits each address', async () => {
    const email = 'batas@example.id';
    await post('/api/auth/register', { email, name: 'Batas Reset', password: PASSWORD });
    await post('/api/auth/password-reset', { login: email });
    await post('/api/auth/password-reset', { login: email });
    expect((await outboxTo(email)).filter((m) => m.subject.includes('atur ulang'))).toHaveLength(1);

    const code = await resetCodeTo(email);
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      await post('/api/auth/password-reset/confirm', {
        login: email,
        code: wrongCode,
        password: NEW_PASSWORD,
      });
    }
    const spent = await post('/api/auth/password-reset/confirm', {
      login: email,
      code,
      password: NEW_PASSWORD,
    });
    expect(spent.json().error.code).toBe('auth.reset_code_invalid');

    const address = randomIp();
    const answers = [];
    for (let i = 0; i < 11; i++) {
      answers.push(
        (await post('/api/auth/password-reset', { login: `x${i}@example.id` }, address)).statusCode,
      );
    }
    expect(answers.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(answers[10]).toBe(429);
  });
});
