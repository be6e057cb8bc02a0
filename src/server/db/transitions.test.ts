import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { buildStation } from '../../../test/helpers/factories.js';
import { newId } from '../ids.js';
import { transitionRow } from './transitions.js';

describe('transitionRow', () => {
  let t: TestContext;
  let reportId: string;
  beforeEach(async () => {
    t = await createTestContext();
    const station = await buildStation(t.ctx.db);
    reportId = newId();
    const at = new Date().toISOString();
    await t.ctx.db
      .insertInto('report')
      .values({
        id: reportId,
        trackingCode: 'SGA-TEST-0001',
        stationId: station.id,
        alertId: null,
        areaCode: null,
        lat: null,
        lng: null,
        category: null,
        description: 'Motor hilang di parkiran pasar',
        isAnonymous: 1,
        reporterAccountId: null,
        contact: null,
        status: 'diterima',
        note: null,
        createdAt: at,
        updatedAt: at,
        firstResponseAt: null,
      })
      .execute();
  });
  afterEach(() => t.close());

  const statusOf = async () =>
    (
      await t.ctx.db
        .selectFrom('report')
        .select('status')
        .where('id', '=', reportId)
        .executeTakeFirstOrThrow()
    ).status;

  it('moves a row that is in one of the expected states, and only once', async () => {
    const move = () =>
      transitionRow(t.ctx.db, {
        table: 'report',
        id: reportId,
        column: 'status',
        from: ['diterima', 'diverifikasi'],
        set: { status: 'selesai' },
      });
    expect(await move()).toBe(true);
    expect(await statusOf()).toBe('selesai');
    expect(await move()).toBe(false);
  });

  it('leaves a row in another state, or another id, untouched', async () => {
    const other = await transitionRow(t.ctx.db, {
      table: 'report',
      id: reportId,
      column: 'status',
      from: ['diverifikasi'],
      set: { status: 'selesai' },
    });
    const missing = await transitionRow(t.ctx.db, {
      table: 'report',
      id: newId(),
      column: 'status',
      from: ['diterima'],
      set: { status: 'selesai' },
    });
    const none = await transitionRow(t.ctx.db, {
      table: 'report',
      id: reportId,
      column: 'status',
      from: [],
      set: { status: 'selesai' },
    });
    expect([other, missing, none]).toEqual([false, false, false]);
    expect(await statusOf()).toBe('diterima');
  });
});
