import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/context.js';
import { bootstrapInstance, defaultAdminEmail, type BootstrapResult } from './bootstrap.js';

let t: TestContext;
let first: BootstrapResult;

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: email, password } });

beforeAll(async () => {
  t = await createTestContext({ env: { SIAGA_PUBLIC_URL: 'https://siaga.polri.example.id' } });
  first = await bootstrapInstance(t.ctx);
}, 120_000);
afterAll(() => t.close());

describe('start-up bootstrap', () => {
  it('imports the national areas into an empty database', async () => {
    expect(first.areas?.skipped).toBe(false);
    expect(first.areas?.counts.village).toBeGreaterThan(80_000);
    const res = await t.app.inject({ url: '/api/areas/31.74.07' });
    expect(res.statusCode).toBe(200);
  });

  it('creates a platform admin at the public host with a one-time password that logs in', async () => {
    expect(first.admin?.email).toBe('admin@siaga.polri.example.id');
    const password = first.admin?.oneTimePassword;
    expect(password).toMatch(/^[\w-]{16}$/);
    const res = await login('admin@siaga.polri.example.id', password!);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ roles: unknown[] }>().roles).toEqual([
      { role: 'platform_admin', stationId: null },
    ]);
  });

  it('records the admin creation in the audit log as system', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actorName', 'action'])
      .where('action', '=', 'account.created')
      .execute();
    expect(rows).toEqual([{ actorName: 'system', action: 'account.created' }]);
  });

  it('does nothing on the second start', async () => {
    const second = await bootstrapInstance(t.ctx);
    expect(second).toEqual({});
    const admins = await t.ctx.db
      .selectFrom('role_grant')
      .select('id')
      .where('role', '=', 'platform_admin')
      .execute();
    expect(admins).toHaveLength(1);
  });
});

describe('admin from configuration', () => {
  it('uses SIAGA_ADMIN_EMAIL and SIAGA_ADMIN_PASSWORD and hands out no one-time password', async () => {
    const t2 = await createTestContext({
      env: {
        SIAGA_ADMIN_EMAIL: 'kapolres@example.id',
        SIAGA_ADMIN_PASSWORD: 'kopi-luwak-senja-77',
      },
    });
    try {
      // Areas present already: only the admin is created.
      await t2.ctx.db
        .insertInto('area')
        .values({
          code: '31',
          name: 'DKI Jakarta',
          level: 'province',
          parentCode: null,
          searchName: 'dki jakarta',
        })
        .execute();
      const result = await bootstrapInstance(t2.ctx);
      expect(result).toEqual({ admin: { email: 'kapolres@example.id' } });
      const res = await t2.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'kapolres@example.id', password: 'kopi-luwak-senja-77' },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await t2.close();
    }
  });

  it('falls back to admin@siaga.local for a bare host', () => {
    expect(defaultAdminEmail('http://localhost:8080')).toBe('admin@siaga.local');
    expect(defaultAdminEmail('http://127.0.0.1:8080')).toBe('admin@siaga.local');
    expect(defaultAdminEmail('https://siaga.example.id')).toBe('admin@siaga.example.id');
  });
});
