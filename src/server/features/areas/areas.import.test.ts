import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { importAreas, toDisplayName } from './areas.service.js';

describe('national area import', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('imports every province, regency, district and village once', async () => {
    const first = await importAreas(t.ctx);
    expect(first.skipped).toBe(false);
    expect(first.counts).toEqual({
      province: 38,
      regency: 514,
      district: 7277,
      village: 83763,
    });
    const stored = await t.ctx.db
      .selectFrom('area')
      .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('level')
      .execute();
    expect(Object.fromEntries(stored.map((r) => [r.level, Number(r.count)]))).toEqual(first.counts);

    const again = await importAreas(t.ctx);
    expect(again).toMatchObject({ skipped: true, written: 0 });
  });

  it('completes a partial import without duplicating', async () => {
    await t.ctx.db.deleteFrom('area').where('code', 'like', '95.%').execute();
    const repaired = await importAreas(t.ctx);
    expect(repaired.skipped).toBe(false);
    const total = await t.ctx.db
      .selectFrom('area')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(total.count)).toBe(38 + 514 + 7277 + 83763);
  });

  it('stores readable names, parents and accent-free search names', async () => {
    const rows = await t.ctx.db
      .selectFrom('area')
      .selectAll()
      .where('code', 'in', ['31', '31.74', '31.74.05', '53.07.01.2021'])
      .orderBy('code')
      .execute();
    expect(rows.map((r) => [r.code, r.name, r.parentCode, r.searchName])).toEqual([
      ['31', 'DKI Jakarta', null, 'dki jakarta'],
      ['31.74', 'Kota Administrasi Jakarta Selatan', '31', 'kota administrasi jakarta selatan'],
      ['31.74.05', 'Kebayoran Lama', '31.74', 'kebayoran lama'],
      ['53.07.01.2021', 'Regapu’u', '53.07.01', 'regapuu'],
    ]);
  });

  it('finds a district by name in the full set with its parents', async () => {
    const res = await t.app.inject('/api/areas?q=Kebayoran%20Lama&limit=3');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      code: '31.74.05',
      level: 'district',
      label: 'Kebayoran Lama, Kota Administrasi Jakarta Selatan, DKI Jakarta',
    });
  });

  it('title-cases capitalised names and keeps DKI', () => {
    expect(toDisplayName('KABUPATEN ACEH SELATAN')).toBe('Kabupaten Aceh Selatan');
    expect(toDisplayName('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(toDisplayName('Kebayoran Lama')).toBe('Kebayoran Lama');
  });
});
