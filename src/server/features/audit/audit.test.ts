import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliOn } from '../../../../test/helpers/cli.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildStationWorld } from '../../../../test/helpers/station-world.js';
import { transaction } from '../../db/database.js';
import {
  formatAuditHead,
  GENESIS_HASH,
  hashAuditEntry,
  legacyHashAuditEntry,
  parseAuditHead,
  sealAuditHead,
} from './audit.chain.js';
import {
  prepareAuditLog,
  readAuditHead,
  recordAudit,
  verifyAuditLog,
  type AuditVerification,
} from './audit.service.js';
import type { AuditLogRow } from './audit.table.js';

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
    // Each test rebuilds the log: tampering is destructive.
    let v: TestContext;
    beforeAll(async () => {
      v = await createTestContext();
    });
    afterAll(() => v.close());

    const append = async (n: number, on: TestContext = v) => {
      for (let i = 0; i < n; i += 1) {
        await transaction(on.ctx.db, (tx) =>
          recordAudit(on.ctx, tx, {
            actor: 'system',
            stationId: null,
            action: 'test.appended',
            target: { type: 'test', id: String(i) },
            summary: { i },
          }),
        );
      }
    };
    const entries = (on: TestContext = v) =>
      on.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const storedHead = async (on: TestContext = v) =>
      (
        await on.ctx.db
          .selectFrom('setting')
          .select('value')
          .where('key', '=', 'audit.head')
          .executeTakeFirst()
      )?.value;
    const setStoredHead = (value: string, on: TestContext = v) =>
      on.ctx.db.updateTable('setting').set({ value }).where('key', '=', 'audit.head').execute();
    /** The stored head (genuinely sealed) as a copy of the database taken at entry 4 holds it. */
    let headWhenFourWereWritten: string | undefined;
    /** Five intact entries; returns the head an operator would have kept (`siaga audit head`). */
    const reset = async (on: TestContext = v) => {
      await on.ctx.db.deleteFrom('audit_log').execute();
      await on.ctx.db.deleteFrom('setting').where('key', '=', 'audit.head').execute();
      await append(4, on);
      headWhenFourWereWritten = await storedHead(on);
      await append(1, on);
      expect(await verifyAuditLog(on.ctx)).toEqual({ ok: true, entries: 5 });
      const head = await readAuditHead(on.ctx);
      expect(head?.seq).toBe(5);
      return head!;
    };
    /**
     * What an attacker with write access to the database but without the key can do: change
     * entry `fromSeq` (optionally), recompute every hash from there with `hashOf`, and point
     * the stored head at the new end.
     */
    const rewriteChain = async (
      on: TestContext,
      fromSeq: number,
      hashOf: (entry: Omit<AuditLogRow, 'hash'>) => string,
      edit: Partial<AuditLogRow> = {},
    ) => {
      const rows = await entries(on);
      let prevHash = rows.find((r) => r.seq === fromSeq - 1)?.hash ?? GENESIS_HASH;
      for (const row of rows.filter((r) => r.seq >= fromSeq)) {
        const changed = { ...row, ...(row.seq === fromSeq ? edit : {}), prevHash };
        // The stale hash rides along unread: the chain hash covers the named fields only.
        const hash = hashOf(changed);
        await on.ctx.db
          .updateTable('audit_log')
          .set({ ...changed, hash })
          .where('seq', '=', row.seq)
          .execute();
        prevHash = hash;
      }
      const last = rows[rows.length - 1]!;
      await setStoredHead(JSON.stringify({ seq: last.seq, hash: prevHash }), on);
    };
    const wrongKey = Buffer.from('not-the-key-not-the-key-not-the-key-0000');

    it('accepts an intact chain, including the one the routes wrote', async () => {
      expect(await verifyAuditLog(t.ctx)).toEqual({ ok: true, entries: 5 });
    });

    type Broken = Pick<AuditVerification, 'brokenAtSeq' | 'reason'>;
    const tamperings: Array<{
      name: string;
      tamper: () => Promise<unknown>;
      /** What `verify` finds alone, and with the head kept outside (`--head`). */
      alone: Broken | 'intact';
      anchored: Broken;
    }> = [
      {
        name: 'an edited summary',
        tamper: () =>
          v.ctx.db
            .updateTable('audit_log')
            .set({ summary: '{"i":99}' })
            .where('seq', '=', 3)
            .execute(),
        alone: { brokenAtSeq: 3, reason: 'hash_mismatch' },
        anchored: { brokenAtSeq: 3, reason: 'hash_mismatch' },
      },
      {
        name: 'a deleted middle entry',
        tamper: () => v.ctx.db.deleteFrom('audit_log').where('seq', '=', 2).execute(),
        alone: { brokenAtSeq: 2, reason: 'sequence_gap' },
        anchored: { brokenAtSeq: 2, reason: 'sequence_gap' },
      },
      {
        name: 'a deleted tail',
        tamper: () => v.ctx.db.deleteFrom('audit_log').where('seq', '>=', 4).execute(),
        alone: { brokenAtSeq: 5, reason: 'head_mismatch' },
        anchored: { brokenAtSeq: 5, reason: 'head_mismatch' },
      },
      {
        name: 'a deleted tail with the stored head pointed at the new end',
        tamper: async () => {
          const rows = await entries();
          await v.ctx.db.deleteFrom('audit_log').where('seq', '=', 5).execute();
          const head = { seq: 4, hash: rows[3]!.hash };
          await setStoredHead(JSON.stringify({ ...head, seal: sealAuditHead(wrongKey, head) }));
        },
        alone: { brokenAtSeq: 4, reason: 'head_forged' },
        anchored: { brokenAtSeq: 5, reason: 'anchor_mismatch' },
      },
      {
        name: 'a deleted tail with the stored head of an older copy of the database put back',
        tamper: async () => {
          await v.ctx.db.deleteFrom('audit_log').where('seq', '=', 5).execute();
          await setStoredHead(headWhenFourWereWritten!);
        },
        alone: 'intact',
        anchored: { brokenAtSeq: 5, reason: 'anchor_mismatch' },
      },
      {
        name: 'every entry and the stored head deleted',
        tamper: async () => {
          await v.ctx.db.deleteFrom('audit_log').execute();
          await v.ctx.db.deleteFrom('setting').where('key', '=', 'audit.head').execute();
        },
        alone: 'intact',
        anchored: { brokenAtSeq: 5, reason: 'anchor_mismatch' },
      },
      {
        name: 'an edit with the chain re-hashed by plain SHA-256',
        tamper: () => rewriteChain(v, 3, legacyHashAuditEntry, { summary: '{"i":"forged"}' }),
        alone: { brokenAtSeq: 3, reason: 'hash_mismatch' },
        anchored: { brokenAtSeq: 3, reason: 'hash_mismatch' },
      },
      {
        name: 'an edit with the chain re-hashed by HMAC under a wrong key',
        tamper: () =>
          rewriteChain(v, 3, (entry) => hashAuditEntry(wrongKey, entry), {
            summary: '{"i":"forged"}',
          }),
        alone: { brokenAtSeq: 3, reason: 'hash_mismatch' },
        anchored: { brokenAtSeq: 3, reason: 'hash_mismatch' },
      },
      {
        name: 'the whole chain rewritten by plain SHA-256 (a downgrade)',
        tamper: () => rewriteChain(v, 1, legacyHashAuditEntry, { summary: '{"i":"forged"}' }),
        alone: { brokenAtSeq: 1, reason: 'unkeyed' },
        anchored: { brokenAtSeq: 1, reason: 'unkeyed' },
      },
    ];

    for (const { name, tamper, alone, anchored } of tamperings) {
      it(`catches ${name}, through the service and the CLI`, async () => {
        const head = await reset();
        await tamper();
        const kept = formatAuditHead(head);
        if (alone === 'intact') {
          expect(await verifyAuditLog(v.ctx)).toMatchObject({ ok: true });
          expect((await runCliOn(v, ['audit', 'verify'])).code).toBe(0);
        } else {
          expect(await verifyAuditLog(v.ctx)).toMatchObject({ ok: false, ...alone });
          const run = await runCliOn(v, ['audit', 'verify']);
          expect(run.code).toBe(1);
          expect(run.err).toContain(`BROKEN at entry ${alone.brokenAtSeq} (${alone.reason})`);
        }
        expect(await verifyAuditLog(v.ctx, { anchor: head })).toMatchObject({
          ok: false,
          ...anchored,
        });
        const run = await runCliOn(v, ['audit', 'verify', '--head', kept]);
        expect(run.code).toBe(1);
        expect(run.err).toContain(`BROKEN at entry ${anchored.brokenAtSeq} (${anchored.reason})`);
      });
    }

    it('passes with a kept head that the chain still goes through', async () => {
      const head = await reset();
      await append(2);
      const run = await runCliOn(v, ['audit', 'verify', '--head', formatAuditHead(head)]);
      expect(run).toMatchObject({ code: 0, err: '' });
      expect(run.out).toBe(
        `Audit log intact: 7 entries verified, including ${formatAuditHead(head)}.`,
      );
    });

    it('prints the head for keeping elsewhere, and refuses it for a broken chain', async () => {
      const head = await reset();
      const run = await runCliOn(v, ['audit', 'head']);
      expect(run).toMatchObject({ code: 0, out: formatAuditHead(head) });
      expect(run.out).toMatch(/^5:[0-9a-f]{64}$/);
      await v.ctx.db.deleteFrom('audit_log').where('seq', '=', 5).execute();
      const broken = await runCliOn(v, ['audit', 'head']);
      expect(broken.code).toBe(1);
      expect(broken.err).toContain('BROKEN at entry 5 (head_mismatch)');
    });

    it('refuses a malformed --head', async () => {
      for (const text of ['5', '0:' + 'a'.repeat(64), '5:abc', 'x:' + 'a'.repeat(64)]) {
        const run = await runCliOn(v, ['audit', 'verify', '--head', text]);
        expect(run.code, text).toBe(1);
        expect(run.err).toContain('--head must be SEQ:HASH');
      }
    });

    describe('start-up and the application log', () => {
      let l: TestContext;
      let lines: Array<Record<string, unknown>>;
      beforeAll(async () => {
        lines = [];
        const sink = new Writable({
          write(chunk: Buffer, _encoding, done) {
            for (const line of String(chunk).trim().split('\n')) {
              lines.push(JSON.parse(line) as Record<string, unknown>);
            }
            done();
          },
        });
        l = await createTestContext({ log: pino({ level: 'info' }, sink) });
      });
      afterAll(() => l.close());

      const headsLogged = () =>
        lines.filter((line) => line.msg === 'audit log head').map((line) => line.auditHead);
      /** Turns the chain into one written before the key, as an older version left it. */
      const makeLegacy = () => rewriteChain(l, 1, legacyHashAuditEntry);
      const resetTo = async (n: number) => {
        await l.ctx.db.deleteFrom('audit_log').execute();
        await l.ctx.db.deleteFrom('setting').where('key', '=', 'audit.head').execute();
        await append(n, l);
        lines.length = 0;
      };

      it('writes the head to the log every 100 entries and at start', async () => {
        await resetTo(0);
        await append(201, l);
        const heads = headsLogged();
        expect(heads).toHaveLength(2);
        expect(heads[0]).toMatch(/^100:[0-9a-f]{64}$/);
        expect(heads[1]).toMatch(/^200:[0-9a-f]{64}$/);
        const entry200 = await l.ctx.db
          .selectFrom('audit_log')
          .select('hash')
          .where('seq', '=', 200)
          .executeTakeFirstOrThrow();
        expect(heads[1]).toBe(`200:${entry200.hash}`);
        // A logged head is a head verify takes.
        expect(
          await verifyAuditLog(l.ctx, { anchor: parseAuditHead(heads[1] as string)! }),
        ).toEqual({
          ok: true,
          entries: 201,
        });
        await prepareAuditLog(l.ctx);
        expect(headsLogged()[2]).toBe(formatAuditHead((await readAuditHead(l.ctx))!));
      });

      it('re-keys an unkeyed chain that verifies, once, with a warning and an audit entry', async () => {
        await resetTo(4);
        await makeLegacy();
        expect(await verifyAuditLog(l.ctx)).toMatchObject({ ok: false, reason: 'unkeyed' });
        await prepareAuditLog(l.ctx);
        expect(await verifyAuditLog(l.ctx)).toEqual({ ok: true, entries: 5 });
        const last = await l.ctx.db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '=', 5)
          .executeTakeFirstOrThrow();
        expect(last.action).toBe('audit.rekeyed');
        expect(JSON.parse(last.summary)).toMatchObject({ entries: 4 });
        const warnings = lines.filter((line) => line.level === 40);
        expect(warnings).toHaveLength(1);
        expect(String(warnings[0]!.msg)).toContain('re-keyed');
        await prepareAuditLog(l.ctx);
        expect(await verifyAuditLog(l.ctx)).toEqual({ ok: true, entries: 5 });
      });

      it('leaves an unkeyed chain that does not verify as it is', async () => {
        await resetTo(4);
        await makeLegacy();
        await l.ctx.db
          .updateTable('audit_log')
          .set({ summary: '{"i":"edited"}' })
          .where('seq', '=', 2)
          .execute();
        const before = await l.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
        await prepareAuditLog(l.ctx);
        expect(await l.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).toEqual(
          before,
        );
        expect(lines.some((line) => line.level === 50)).toBe(true);
        expect(await verifyAuditLog(l.ctx)).toMatchObject({ ok: false, reason: 'unkeyed' });
      });

      it('never re-keys a keyed chain whose later entries were rewritten unkeyed', async () => {
        await resetTo(4);
        const first = await l.ctx.db
          .selectFrom('audit_log')
          .select('hash')
          .where('seq', '=', 1)
          .executeTakeFirstOrThrow();
        const second = await l.ctx.db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '=', 2)
          .executeTakeFirstOrThrow();
        const forged = { ...second, summary: '{"i":"forged"}', prevHash: first.hash };
        await l.ctx.db
          .updateTable('audit_log')
          .set({ summary: forged.summary, hash: legacyHashAuditEntry(forged) })
          .where('seq', '=', 2)
          .execute();
        await prepareAuditLog(l.ctx);
        expect(await verifyAuditLog(l.ctx)).toMatchObject({
          ok: false,
          brokenAtSeq: 2,
          reason: 'hash_mismatch',
        });
      });
    });
  });
});
