import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { transaction } from '../db/database.js';
import { AppError } from '../errors.js';

const TYPE = 'test_post';

const documents = [
  { id: 'a1', text: 'Pencurian sepeda motor di depan minimarket, pelaku kabur ke arah utara.' },
  { id: 'a2', text: 'Polsek mengimbau warga menjaga rumah saat mudik.' },
  { id: 'a3', text: 'Petugas menyita narkotika jenis ganja dari sebuah kos.' },
  { id: 'a4', text: 'Dompet warga yang sudah dicuri di pasar ditemukan kembali.' },
  { id: 'a5', text: 'Seorang pencuri ditangkap warga setelah mencuri ponsel.' },
  { id: 'a6', text: 'Kabar penculikan anak di sekolah itu berita bohong.' },
  { id: 'a7', text: 'Begal beraksi di jalan lingkar pada malam hari.' },
];

describe('SearchIndex', () => {
  let t: TestContext;
  const search = (text: string, extra: Record<string, unknown> = {}) =>
    t.ctx.search.search(t.ctx.db, { type: TYPE, text, prefix: false, ...extra });
  const ids = async (text: string, extra: Record<string, unknown> = {}) =>
    (await search(text, extra)).items.map((item) => item.id);

  beforeAll(async () => {
    t = await createTestContext();
    t.ctx.search.register(TYPE);
    await transaction(t.ctx.db, async (tx) => {
      for (const [i, doc] of documents.entries()) {
        await t.ctx.search.index(tx.db, TYPE, doc.id, {
          fields: { body: doc.text },
          stationPath: i % 2 === 0 ? '/p1/r1/s1/' : '/p1/r2/s2/',
          kind: i < 4 ? 'notice' : 'tip',
          date: `2026-11-0${i + 1}`,
        });
      }
    });
  });
  afterAll(() => t.close());

  it('finds every form of curi from every other form', async () => {
    const theft = ['a1', 'a4', 'a5'];
    for (const word of ['pencurian', 'dicuri', 'pencuri', 'mencuri', 'curi']) {
      expect((await ids(word)).sort(), word).toEqual(theft);
    }
  });

  it('finds narkotika for narkoba and berita bohong for hoaks', async () => {
    expect(await ids('narkoba')).toEqual(['a3']);
    expect(await ids('napza')).toEqual(['a3']);
    expect(await ids('hoaks')).toEqual(['a6']);
    expect(await ids('perampokan')).toEqual(['a7']);
  });

  it('reads chat spelling like the standard spelling', async () => {
    const standard = await ids('yang sudah dicuri');
    expect(standard).toContain('a4');
    expect(await ids('yg udh dicuri')).toEqual(standard);
    expect(await ids('DOMPETTT yg udh dicuriii!!! 😭')).toEqual(['a4']);
  });

  it('corrects misspelt words to the closest indexed term', async () => {
    expect((await ids('pencurain'))[0]).toBeDefined();
    expect((await ids('pencurain')).sort()).toEqual(['a1', 'a4', 'a5']);
    expect(await ids('narkobaa')).toEqual(['a3']);
    expect((await ids('penculkan anak'))[0]).toBe('a6');
    const page = await search('pencurain');
    expect(page.terms).toEqual([['curi']]);
  });

  it('matches the last word as a prefix while typing', async () => {
    expect(await ids('gan', { prefix: true })).toEqual(['a3']);
    expect(await ids('gan ', { prefix: true })).toEqual([]);
  });

  it('ranks by BM25 and breaks ties by id', async () => {
    const page = await search('warga');
    expect(page.items.map((i) => i.id)).toEqual(['a5', 'a2', 'a4']);
    const scores = page.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(0);
  });

  it('filters by station subtree, kind and date, and pages with a cursor', async () => {
    expect((await ids('curi', { stationPath: '/p1/r1/' })).sort()).toEqual(['a1', 'a5']);
    expect((await ids('curi', { stationPath: '/p1/' })).sort()).toEqual(['a1', 'a4', 'a5']);
    expect((await ids('curi', { kind: 'tip' })).sort()).toEqual(['a5']);
    expect((await ids('curi', { dateFrom: '2026-11-02', dateTo: '2026-11-04' })).sort()).toEqual([
      'a4',
    ]);
    const all = await ids('curi');
    const first = await search('curi', { limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 2));
    const second = await search('curi', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual(all.slice(2));
    expect(second.nextCursor).toBeNull();
    await expect(search('curi', { cursor: 'bogus' })).rejects.toBeInstanceOf(AppError);
  });

  it('matches any word when asked', async () => {
    expect((await ids('ganja begal', { match: 'any' })).sort()).toEqual(['a3', 'a7']);
    expect(await ids('ganja begal')).toEqual([]);
  });

  it('re-indexes and removes documents, and forgets terms no document has', async () => {
    await t.ctx.search.index(t.ctx.db, TYPE, 'b1', { fields: { title: 'Tawuran pelajar' } });
    expect(await ids('tawuran')).toEqual(['b1']);
    await t.ctx.search.index(t.ctx.db, TYPE, 'b1', { fields: { title: 'Kebakaran gudang' } });
    expect(await ids('tawuran')).toEqual([]);
    expect(await ids('kebakaran')).toEqual(['b1']);
    await t.ctx.search.remove(t.ctx.db, TYPE, 'b1');
    expect(await ids('kebakaran')).toEqual([]);
    const gudang = await t.ctx.db
      .selectFrom('search_term')
      .select('term')
      .where('term', '=', 'gudang')
      .execute();
    expect(gudang).toEqual([]);
  });

  it('leaves nothing behind when the transaction rolls back', async () => {
    const before = await t.ctx.db.selectFrom('search_stat').selectAll().executeTakeFirstOrThrow();
    await expect(
      transaction(t.ctx.db, async (tx) => {
        await t.ctx.search.index(tx.db, TYPE, 'c1', {
          fields: { body: 'Pencurian kabel listrik' },
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ids('kabel')).toEqual([]);
    expect((await ids('curi')).includes('c1')).toBe(false);
    const after = await t.ctx.db.selectFrom('search_stat').selectAll().executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('refuses document types nobody registered', async () => {
    await expect(
      t.ctx.search.search(t.ctx.db, { type: 'unregistered', text: 'curi' }),
    ).rejects.toThrow(/not registered/);
  });
});
