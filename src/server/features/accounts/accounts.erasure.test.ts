import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildSouthJakartaWorld } from '../../../../test/helpers/station-world.js';

const PASSWORD = 'sepeda-merah-di-gang-7';
// Rate limits count per address, in Redis across runs on PostgreSQL: each run its own address.
const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await buildSouthJakartaWorld(t);
});
afterAll(() => t.close());

/** Every row of every table, as text: what a database dump would reveal. */
async function dumpEveryTable(): Promise<Map<string, string>> {
  const names =
    t.ctx.database.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
          t.ctx.db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
          t.ctx.db,
        );
  const dump = new Map<string, string>();
  for (const { name } of names.rows) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(t.ctx.db);
    dump.set(name, JSON.stringify(rows.rows));
  }
  return dump;
}

describe('UU PDP: everything about a person is exported, and erased with the account', () => {
  it('exports reports and push subscriptions, then leaves no trace of id, email or phone', async () => {
    const email = 'jejak.hapus@example.id';
    const phone = '+6281234509876';
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, phone, name: 'Jejak Hapus', password: PASSWORD },
      remoteAddress: ip,
    });
    expect(registered.statusCode).toBe(201);
    const id = registered.json().id as string;
    const session = registered.cookies.find((c) => c.name === 'siaga_session')!;
    const cookie = `siaga_session=${session.value}`;
    // A code to the phone as well: both addresses now sit in the outbox.
    const sms = await t.app.inject({
      method: 'POST',
      url: '/api/me/verification',
      payload: { channel: 'phone' },
      headers: { cookie },
      remoteAddress: ip,
    });
    expect(sms.statusCode).toBe(200);

    const named = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: {
        areaCode: '31.74.07.1001',
        description: 'Lampu jalan mati di depan gang, rawan begal.',
        contact: `WA ${phone}`,
      },
      headers: { cookie },
      remoteAddress: ip,
    });
    expect(named.statusCode).toBe(201);
    const anonymousWithContact = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { areaCode: '31.74.07.1001', description: 'Ada yang aneh di pos.', contact: email },
      remoteAddress: ip,
    });
    expect(anonymousWithContact.statusCode).toBe(201);

    const now = t.clock.now().toISOString();
    await t.ctx.db
      .insertInto('push_subscription')
      .values({
        id: 'push-jejak',
        endpoint: 'https://push.example.test/jejak',
        p256dh: 'k',
        auth: 'a',
        accountId: id,
        wantsDrills: 0,
        mutedCategories: '[]',
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    // A wrong password leaves a confirm-throttle row keyed by the account.
    await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      payload: { password: 'bukan-sandinya-1' },
      headers: { cookie },
    });

    const exported = (await t.app.inject({ url: '/api/me/export', headers: { cookie } })).json();
    expect(exported.reports).toEqual([
      expect.objectContaining({
        trackingCode: named.json().trackingCode,
        contact: `WA ${phone}`,
        status: 'diterima',
        timeline: [{ at: expect.any(String), event: 'diterima' }],
      }),
    ]);
    expect(exported.pushSubscriptions).toEqual([
      expect.objectContaining({ endpoint: 'https://push.example.test/jejak' }),
    ]);

    const before = await dumpEveryTable();
    const holding = (dump: Map<string, string>, needle: string) =>
      [...dump].filter(([, text]) => text.includes(needle)).map(([name]) => name);
    // The check below can fail: before deletion these tables do name the person.
    expect(holding(before, id)).toEqual(
      expect.arrayContaining(['account', 'session', 'report', 'push_subscription']),
    );
    expect(holding(before, email)).toEqual(expect.arrayContaining(['outbox_message', 'report']));
    expect(holding(before, phone)).toEqual(expect.arrayContaining(['outbox_message', 'report']));

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      payload: { password: PASSWORD },
      headers: { cookie },
    });
    expect(deleted.statusCode).toBe(200);

    const after = await dumpEveryTable();
    expect(holding(after, id)).toEqual([]);
    expect(holding(after, email)).toEqual([]);
    expect(holding(after, phone)).toEqual([]);
    expect(holding(after, phone.slice(1))).toEqual([]);
    // The reports themselves stay, as anonymous facts for the station.
    const kept = await t.ctx.db
      .selectFrom('report')
      .select(['description', 'reporterAccountId', 'contact'])
      .orderBy('createdAt')
      .execute();
    expect(kept.map((r) => r.description)).toEqual(
      expect.arrayContaining(['Lampu jalan mati di depan gang, rawan begal.']),
    );
  });
});
