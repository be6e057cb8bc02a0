import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildStationWorld } from '../../../../test/helpers/station-world.js';
import { transaction } from '../../db/database.js';
import { hashAuditEntry } from './audit.chain.js';
import { recordAudit, verifyAuditLog } from './audit.service.js';

describe('audit log', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    const { polsekAdmin, polresAdmin, siblingAdmin } = world.people;
    const patch = (id: string, cookie: string, address: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/stations/${id}`,
        headers: { cookie },
        payload: { address },
      });
    // Three changes in the Polsek, one in the Polres, one in the sibling Polda.
    for (const n of [1, 2, 3]) {
      expect(
        (await patch(world.stations.polsek.id, polsekAdmin.cookie, `Jl. ${n}`)).statusCode,
      ).toBe(200);
    }
    await patch(world.stations.polres.id, polresAdmin.cookie, 'Jl. Polres');
    await patch(world.stations.sibling.id, siblingAdmin.cookie, 'Jl. Jabar');
  });
  afterAll(() => t.close());

  const read = (stationId: string, cookie: string | undefined, query = '') =>
    t.app.inject({
      url: `/api/stations/${stationId}/audit${query}`,
      ...(cookie ? { headers: { cookie } } : {}),
    });

  describe('reading', () => {
    it('shows a station admin the entries of the station and those below it, newest first', async () => {
      const res = await read(world.stations.polres.id, world.people.polresAdmin.cookie);
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items.map((e: { summary: { address: string } }) => e.summary.address)).toEqual([
        'Jl. Polres',
        'Jl. 3',
        'Jl. 2',
        'Jl. 1',
      ]);
      expect(items[1]).toMatchObject({
        actorName: 'Admin Polsek',
        action: 'station.updated',
        stationId: world.stations.polsek.id,
        target: { type: 'station', id: world.stations.polsek.id },
        summary: { fields: ['address'], address: 'Jl. 3' },
      });
      expect(items[1]).not.toHaveProperty('hash');
      expect(items[1]).not.toHaveProperty('actorId');
      expect(
        items.every((e: { seq: number }, i: number) => i === 0 || e.seq < items[i - 1].seq),
      ).toBe(true);
    });

    it('pages with before and limit', async () => {
      const admin = world.people.poldaAdmin.cookie;
      const first = (await read(world.stations.polda.id, admin, '?limit=2')).json();
      expect(first.items).toHaveLength(2);
      expect(first.nextBefore).toBe(first.items[1].seq);
      const second = (
        await read(world.stations.polda.id, admin, `?limit=2&before=${first.nextBefore}`)
      ).json();
      expect(second.items.map((e: { summary: { address: string } }) => e.summary.address)).toEqual([
        'Jl. 2',
        'Jl. 1',
      ]);
      const rest = (
        await read(world.stations.polda.id, admin, `?limit=2&before=${second.items[1].seq}`)
      ).json();
      expect(rest).toEqual({ items: [], nextBefore: null });
    });

    it('is closed to officers, citizens, sibling and child admins', async () => {
      const polres = world.stations.polres.id;
      expect((await read(polres, undefined)).statusCode).toBe(401);
      for (const who of ['officer', 'citizen', 'siblingAdmin', 'polsekAdmin'] as const) {
        const res = await read(polres, world.people[who].cookie);
        expect(res.statusCode, who).toBe(403);
        expect(res.json().error.code).toBe('auth.forbidden');
      }
      // The Polsek's own admin reads the Polsek only.
      const own = (await read(world.stations.polsek.id, world.people.polsekAdmin.cookie)).json();
      expect(own.items).toHaveLength(3);
      expect((await read('nope', world.people.platformAdmin.cookie)).statusCode).toBe(404);
      expect((await read(polres, world.people.polresAdmin.cookie, '?limit=0')).statusCode).toBe(
        400,
      );
    });
  });

  describe('verification', () => {
    // Each test gets its own log: tampering is destructive.
    let v: TestContext;
    beforeAll(async () => {
      v = await createTestContext();
    });
    afterAll(() => v.close());

    const append = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        await transaction(v.ctx.db, (tx) =>
          recordAudit(v.ctx, tx, {
            actor: 'system',
            stationId: null,
            action: 'test.appended',
            target: { type: 'test', id: String(i) },
            summary: { i },
          }),
        );
      }
    };
    const reset = async () => {
      await v.ctx.db.deleteFrom('audit_log').execute();
      await v.ctx.db.deleteFrom('setting').where('key', '=', 'audit.head').execute();
      await append(5);
      expect(await verifyAuditLog(v.ctx)).toEqual({ ok: true, entries: 5 });
    };

    it('accepts an intact chain, including the one the routes wrote', async () => {
      expect(await verifyAuditLog(t.ctx)).toEqual({ ok: true, entries: 5 });
    });

    it('reports hash_mismatch at an entry whose summary was edited', async () => {
      await reset();
      await v.ctx.db
        .updateTable('audit_log')
        .set({ summary: '{"i":99}' })
        .where('seq', '=', 3)
        .execute();
      expect(await verifyAuditLog(v.ctx)).toMatchObject({
        ok: false,
        brokenAtSeq: 3,
        reason: 'hash_mismatch',
      });
    });

    it('reports sequence_gap where a middle entry was deleted', async () => {
      await reset();
      await v.ctx.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
      expect(await verifyAuditLog(v.ctx)).toMatchObject({
        ok: false,
        brokenAtSeq: 2,
        reason: 'sequence_gap',
      });
    });

    it('detects deletion of the newest entries through the stored head', async () => {
      await reset();
      await v.ctx.db.deleteFrom('audit_log').where('seq', '=', 5).execute();
      expect(await verifyAuditLog(v.ctx)).toEqual({
        ok: false,
        entries: 4,
        brokenAtSeq: 5,
        reason: 'head_mismatch',
      });
      await v.ctx.db.deleteFrom('audit_log').execute();
      expect(await verifyAuditLog(v.ctx)).toMatchObject({
        ok: false,
        entries: 0,
        reason: 'head_mismatch',
      });
    });

    it('detects the newest entry replaced by a re-hashed forgery', async () => {
      await reset();
      const last = await v.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', 5)
        .executeTakeFirstOrThrow();
      const forged = { ...last, summary: '{"i":"forged"}' };
      await v.ctx.db
        .updateTable('audit_log')
        .set({ summary: forged.summary, hash: hashAuditEntry(forged) })
        .where('seq', '=', 5)
        .execute();
      expect(await verifyAuditLog(v.ctx)).toMatchObject({
        ok: false,
        brokenAtSeq: 5,
        reason: 'head_mismatch',
      });
    });
  });
});
