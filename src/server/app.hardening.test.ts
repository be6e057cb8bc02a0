import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/context.js';
import { buildAccount } from '../../test/helpers/factories.js';
import { loadConfig } from './config.js';
import { coarsenAddress, createLogger } from './logging.js';

const login = (t: TestContext, email: string, password: string, headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: email, password },
    headers,
  });

async function sessionIps(t: TestContext, accountId: string): Promise<Array<string | null>> {
  const rows = await t.ctx.db
    .selectFrom('session')
    .select('ip')
    .where('accountId', '=', accountId)
    .execute();
  return rows.map((row) => row.ip);
}

describe('forwarding headers', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('believes no X-Forwarded-For by default: the socket address is the client', async () => {
    const account = await buildAccount(t.ctx.db);
    const res = await login(t, account.email, account.password, {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(res.statusCode).toBe(200);
    expect(await sessionIps(t, account.id)).toEqual(['127.0.0.1']);
  });

  it('rate-limits forged addresses as the one client they are', async () => {
    const statuses: number[] = [];
    // Tracking-code guesses: 30 a minute per client (reports.routes.ts).
    for (let i = 0; i < 31; i += 1) {
      const res = await t.app.inject({
        url: '/api/reports/track/ZZZZ-ZZZZ',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('forwarding headers from a configured proxy', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ env: { SIAGA_TRUST_PROXY: '127.0.0.1/32' } });
  });
  afterAll(() => t.close());

  it('takes the client address from X-Forwarded-For set by the trusted proxy', async () => {
    const account = await buildAccount(t.ctx.db);
    const res = await login(t, account.email, account.password, {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(res.statusCode).toBe(200);
    expect(await sessionIps(t, account.id)).toEqual(['203.0.113.9']);
  });

  it('still ignores the header when the peer is not the proxy', async () => {
    const account = await buildAccount(t.ctx.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: account.email, password: account.password },
      headers: { 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '192.0.2.44',
    });
    expect(res.statusCode).toBe(200);
    expect(await sessionIps(t, account.id)).toEqual(['192.0.2.44']);
  });
});

describe('SIAGA_TRUST_PROXY', () => {
  it('accepts hop counts, addresses and CIDRs, and refuses anything else', () => {
    expect(loadConfig({ SIAGA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ SIAGA_TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ SIAGA_TRUST_PROXY: 'true' })).toThrow(/SIAGA_TRUST_PROXY/);
    expect(() => loadConfig({ SIAGA_TRUST_PROXY: '10.0.0.0/40' })).toThrow(/SIAGA_TRUST_PROXY/);
  });
});

describe('error envelope for what Fastify and Node refuse themselves', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ env: { SIAGA_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it.each(['/api/areas?q=a&limit=1e309', '/api/alerts?limit=1e309', '/api/areas?q=a&limit=-1e309'])(
    'refuses an infinite number in %s with a 400',
    async (url) => {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
      expect(res.json().error.details.fields[0].field).toBe('querystring.limit');
    },
  );

  it('refuses a NUL character in text, which PostgreSQL cannot store', async () => {
    const res = await t.app.inject({ url: '/api/stations?q=a%00b' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('querystring.q');
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'warga\u0000@example.id', password: 'rahasia-sekali' },
    });
    expect(body.statusCode).toBe(400);
  });

  it('answers a malformed percent-encoding in its language, echoing nothing', async () => {
    const res = await t.app.inject({
      url: '/api/stations/%ZZ',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'request.bad_url', message: 'The requested address is not valid.' },
    });
  });

  it('answers an over-long path parameter with 414 in the envelope', async () => {
    const long = 'x'.repeat(5000);
    const res = await t.app.inject({ url: `/api/stations/${long}` });
    expect(res.statusCode).toBe(414);
    expect(res.json().error.code).toBe('request.uri_too_long');
    expect(res.body).not.toContain(long.slice(0, 200));
  });

  it('answers an oversized request line with 431 in the envelope', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: `/api/areas?q=${'a'.repeat(20_000)}` },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
    });
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'request.header_too_large',
        message: 'Permintaan terlalu besar (alamat atau header terlalu panjang).',
      },
    });
  });
});

describe('/metrics', () => {
  it('is closed in production without a token', async () => {
    const t = await createTestContext({ env: { SIAGA_ENV: 'production' } });
    try {
      const res = await t.app.inject('/metrics');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.metrics_token');
    } finally {
      await t.close();
    }
  });

  it('needs the bearer token when one is configured', async () => {
    const token = 'metrics-token-0123456789';
    const t = await createTestContext({ env: { SIAGA_METRICS_TOKEN: token } });
    try {
      expect((await t.app.inject('/metrics')).statusCode).toBe(401);
      const wrong = await t.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer nope' },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await t.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('siaga_http_request_duration_seconds');
    } finally {
      await t.close();
    }
  });
});

describe('client addresses in logs', () => {
  it('are coarsened to their network', () => {
    expect(coarsenAddress('198.51.100.77')).toBe('198.51.100.0/24');
    expect(coarsenAddress('::ffff:198.51.100.77')).toBe('198.51.100.0/24');
    expect(coarsenAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
    expect(coarsenAddress('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(coarsenAddress('not an address')).toBeUndefined();
  });

  it('never carry the full address unless the operator asks', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ logLevel: 'info', logClientAddress: 'coarse' }, sink);
    const t = await createTestContext({ log });
    try {
      await t.app.inject({ url: '/healthz', remoteAddress: '198.51.100.77' });
      const text = lines.join('');
      expect(text).toContain('198.51.100.0/24');
      expect(text).not.toContain('198.51.100.77');
    } finally {
      await t.close();
    }
  });
});
