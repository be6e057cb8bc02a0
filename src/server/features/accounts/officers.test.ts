import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import {
  buildAccount,
  buildStation,
  grantRole,
  sessionCookie,
  type TestStation,
} from '../../../../test/helpers/factories.js';
import { verifyAuditLog } from '../audit/audit.service.js';

let t: TestContext;
let polda: TestStation;
let polres: TestStation;
let polsek: TestStation;
let siblingPolres: TestStation;
let poldaAdmin: string;
let polresAdmin: string;
let siblingAdmin: string;
let polresOfficer: string;
let citizen: string;
let platformAdmin: string;

async function staffCookie(
  stationId: string | null,
  role: 'officer' | 'station_admin' | 'platform_admin',
) {
  const account = await buildAccount(t.ctx.db, { name: `Staf ${role}` });
  await grantRole(t.ctx.db, account.id, stationId, role);
  return sessionCookie(t, account.id);
}

beforeAll(async () => {
  t = await createTestContext();
  polda = await buildStation(t.ctx.db, { level: 'polda' });
  polres = await buildStation(t.ctx.db, { level: 'polres', parentId: polda.id });
  polsek = await buildStation(t.ctx.db, { level: 'polsek', parentId: polres.id });
  siblingPolres = await buildStation(t.ctx.db, { level: 'polres', parentId: polda.id });
  poldaAdmin = await staffCookie(polda.id, 'station_admin');
  polresAdmin = await staffCookie(polres.id, 'station_admin');
  siblingAdmin = await staffCookie(siblingPolres.id, 'station_admin');
  polresOfficer = await staffCookie(polres.id, 'officer');
  platformAdmin = await staffCookie(null, 'platform_admin');
  citizen = await sessionCookie(t, (await buildAccount(t.ctx.db)).id);
});
afterAll(() => t.close());

const createOfficer = (
  stationId: string,
  cookie: string | undefined,
  payload: Record<string, unknown>,
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/stations/${stationId}/officers`,
    payload,
    headers: cookie ? { cookie } : {},
  });

const auditOf = (action: string, targetId: string) =>
  t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('targetId', '=', targetId)
    .execute();

const accountExists = async (email: string) =>
  (await t.ctx.db
    .selectFrom('account')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst()) !== undefined;

describe('officer management', () => {
  it('a station admin creates an officer with a one-time password that logs in', async () => {
    const res = await createOfficer(polres.id, polresAdmin, {
      email: ' Bripka.Andi@Polri.go.id',
      name: 'Bripka Andi',
      phone: '0813-9000-1000',
      role: 'officer',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.isNewAccount).toBe(true);
    expect(body.officer).toEqual({
      id: expect.any(String),
      name: 'Bripka Andi',
      email: 'bripka.andi@polri.go.id',
      phone: '+6281390001000',
      roles: [{ role: 'officer', stationId: polres.id }],
    });
    expect(body.oneTimePassword).toMatch(/^[\w-]{16}$/);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'bripka.andi@polri.go.id', password: body.oneTimePassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().roles).toEqual([{ role: 'officer', stationId: polres.id }]);

    const [entry] = await auditOf('officer.created', body.officer.id);
    expect(entry).toMatchObject({ stationId: polres.id, actorName: 'Staf station_admin' });
    expect(entry!.summary).not.toContain(body.oneTimePassword);
  });

  it('keeps a chosen password, and never returns one', async () => {
    const res = await createOfficer(polres.id, polresAdmin, {
      email: 'editor.sari@polri.go.id',
      name: 'Sari Editor',
      role: 'editor',
      password: 'meja-redaksi-polres-9',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).not.toHaveProperty('oneTimePassword');
  });

  it('a Polda admin reaches its Polres and Polsek; a platform admin reaches any station', async () => {
    const res = await createOfficer(polsek.id, poldaAdmin, {
      email: 'polsek.1@polri.go.id',
      name: 'Aiptu Polsek',
      role: 'station_admin',
    });
    expect(res.statusCode).toBe(201);
    const platform = await createOfficer(siblingPolres.id, platformAdmin, {
      email: 'sibling.1@polri.go.id',
      name: 'Iptu Sibling',
      role: 'officer',
    });
    expect(platform.statusCode).toBe(201);
  });

  it('refuses a sibling station admin, a plain officer, a citizen and anonymous, writing nothing', async () => {
    const payload = { email: 'ditolak@polri.go.id', name: 'Ditolak', role: 'officer' };
    for (const [who, cookie, status] of [
      ['sibling admin', siblingAdmin, 403],
      ['officer', polresOfficer, 403],
      ['citizen', citizen, 403],
      ['anonymous', undefined, 401],
    ] as const) {
      const res = await createOfficer(polres.id, cookie, payload);
      expect(res.statusCode, who).toBe(status);
    }
    // A Polres admin does not reach up to its Polda either.
    expect((await createOfficer(polda.id, polresAdmin, payload)).statusCode).toBe(403);
    expect(await accountExists('ditolak@polri.go.id')).toBe(false);
  });

  it('grants a role to an existing account, and refuses the same grant twice', async () => {
    const existing = await buildAccount(t.ctx.db, {
      email: 'warga.lama@example.id',
      name: 'Warga Lama',
    });
    const res = await createOfficer(polres.id, polresAdmin, {
      email: 'WARGA.LAMA@example.id',
      name: 'Diabaikan',
      role: 'editor',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      isNewAccount: false,
      officer: { id: existing.id, name: 'Warga Lama' },
    });
    expect(res.json()).not.toHaveProperty('oneTimePassword');
    expect(await auditOf('officer.role_granted', existing.id)).toHaveLength(1);

    const again = await createOfficer(polres.id, polresAdmin, {
      email: 'warga.lama@example.id',
      name: 'X',
      role: 'editor',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('accounts.role_already_granted');
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const badRole = await createOfficer(polres.id, polresAdmin, {
      email: 'x1@polri.go.id',
      name: 'X',
      role: 'platform_admin',
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(
      'role',
    );
    const extra = await createOfficer(polres.id, polresAdmin, {
      email: 'x2@polri.go.id',
      name: 'X',
      role: 'officer',
      isDemo: true,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(
      'isDemo',
    );
    const weak = await createOfficer(polres.id, polresAdmin, {
      email: 'x3@polri.go.id',
      name: 'X',
      role: 'officer',
      password: 'password123',
    });
    expect(weak.json().error).toMatchObject({
      code: 'auth.password_weak',
      details: { field: 'password' },
    });
    for (const email of ['x1@polri.go.id', 'x2@polri.go.id', 'x3@polri.go.id']) {
      expect(await accountExists(email)).toBe(false);
    }
    const missing = await createOfficer('no-such-station', platformAdmin, {
      email: 'x4@polri.go.id',
      name: 'X',
      role: 'officer',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('station.not_found');
  });

  it('lists the station officers with their roles, for those allowed', async () => {
    const station = await buildStation(t.ctx.db, { level: 'polsek', parentId: polres.id });
    const created = await createOfficer(station.id, polresAdmin, {
      email: 'dua.peran@polri.go.id',
      name: 'Dua Peran',
      role: 'officer',
    });
    await createOfficer(station.id, polresAdmin, {
      email: 'dua.peran@polri.go.id',
      name: 'Dua Peran',
      role: 'editor',
    });
    const list = await t.app.inject({
      url: `/api/stations/${station.id}/officers`,
      headers: { cookie: polresAdmin },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().officers).toEqual([
      {
        id: created.json().officer.id,
        name: 'Dua Peran',
        email: 'dua.peran@polri.go.id',
        phone: null,
        roles: [
          { role: 'editor', stationId: station.id },
          { role: 'officer', stationId: station.id },
        ],
      },
    ]);
    const sibling = await t.app.inject({
      url: `/api/stations/${station.id}/officers`,
      headers: { cookie: siblingAdmin },
    });
    expect(sibling.statusCode).toBe(403);
  });

  it('revokes a role, audited; the officer loses it at once', async () => {
    const created = await createOfficer(polres.id, polresAdmin, {
      email: 'dicabut@polri.go.id',
      name: 'Dicabut',
      role: 'officer',
    });
    const { officer, oneTimePassword } = created.json();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'dicabut@polri.go.id', password: oneTimePassword },
    });
    const officerCookie = `siaga_session=${login.cookies.find((c) => c.name === 'siaga_session')!.value}`;
    const url = `/api/stations/${polres.id}/officers/${officer.id}/roles/officer`;

    expect(
      (await t.app.inject({ method: 'DELETE', url, headers: { cookie: siblingAdmin } })).statusCode,
    ).toBe(403);
    const revoked = await t.app.inject({ method: 'DELETE', url, headers: { cookie: poldaAdmin } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ ok: true });
    expect(
      (await t.app.inject({ url: '/api/me', headers: { cookie: officerCookie } })).json().roles,
    ).toEqual([]);
    expect(await auditOf('officer.role_revoked', officer.id)).toHaveLength(1);

    const again = await t.app.inject({ method: 'DELETE', url, headers: { cookie: poldaAdmin } });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('accounts.grant_not_found');
  });

  it('leaves an intact audit chain', async () => {
    expect(await verifyAuditLog(t.ctx)).toMatchObject({ ok: true });
  });
});
