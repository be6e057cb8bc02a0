import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClarificationView, FactcheckCheckResult } from '../../../common/api/factcheck.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import {
  buildPeople,
  buildStationWorld,
  type Person,
} from '../../../../test/helpers/station-world.js';
import { weekOf } from './check-counter.js';

describe('clarification lifecycle: labels, corrections, withdrawal', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let editor: Person;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Person, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(who ? { headers: { cookie: who.cookie } } : {}),
      ...(payload ? { payload } : {}),
    });

  const publish = async (overrides: Record<string, unknown> = {}): Promise<ClarificationView> => {
    const created = await call('POST', '/api/clarifications', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Pembagian sembako gratis di Polsek Kebayoran Lama tidak benar',
      claim: 'Polsek Kebayoran Lama membagikan sembako gratis hari Sabtu, bawa fotokopi KTP',
      verdict: 'PENIPUAN',
      explanation: 'Tidak ada pembagian sembako. Jangan kirim data KTP.',
      ...overrides,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<ClarificationView>().id;
    const published = await call('POST', `/api/clarifications/${id}/publish`, editor);
    expect(published.statusCode, published.body).toBe(200);
    return published.json();
  };

  const check = async (text: string) =>
    (await call('POST', '/api/factcheck/check', undefined, { text })).json<FactcheckCheckResult>();

  beforeAll(async () => {
    t = await createTestContext({
      env: { SIAGA_FACTCHECK_VERDICTS: 'HOAKS,PENIPUAN,SATIRE,FAKTA' },
    });
    world = await buildStationWorld(t);
    editor = (
      await buildPeople(t, { editor: { stationId: world.stations.polsek.id, role: 'editor' } })
    ).editor;
  });
  afterAll(() => t.close());

  it('offers the configured labels and refuses any other', async () => {
    const labels = await call('GET', '/api/factcheck/verdicts');
    expect(labels.json()).toEqual({ verdicts: ['HOAKS', 'PENIPUAN', 'SATIRE', 'FAKTA'] });
    const satire = await publish({ verdict: 'SATIRE', title: 'Berita satire tentang kucing' });
    expect(satire.verdict).toBe('SATIRE');
    const refused = await call('POST', '/api/clarifications', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Judul klarifikasi',
      claim: 'Klaim yang beredar',
      verdict: 'DISINFORMASI',
      explanation: 'Penjelasan',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'factcheck.unknown_verdict' } });
  });

  it('edits a draft in place without public history, by its officer', async () => {
    const created = await call('POST', '/api/clarifications', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Draf awal',
      claim: 'Klaim awal yang beredar',
      verdict: 'HOAKS',
      explanation: 'Penjelasan awal',
    });
    const id = created.json<ClarificationView>().id;
    const edited = await call('PATCH', `/api/clarifications/${id}`, world.people.officer, {
      title: 'Draf yang diperbaiki',
      sources: [{ url: 'https://polri.go.id/surat.pdf', title: 'Surat', kind: 'document' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ClarificationView>()).toMatchObject({
      title: 'Draf yang diperbaiki',
      corrections: [],
      sources: [{ kind: 'document' }],
    });
    const stranger = await call('PATCH', `/api/clarifications/${id}`, world.people.citizen, {
      title: 'Diubah warga',
    });
    expect(stranger.statusCode).toBe(404);
    const nothing = await call('PATCH', `/api/clarifications/${id}`, world.people.officer, {
      title: 'Draf yang diperbaiki',
    });
    expect(nothing.json()).toMatchObject({ error: { code: 'factcheck.nothing_changed' } });
  });

  it('corrects a published clarification with a public note; the check sees the new text', async () => {
    const view = await publish();
    await waitFor(async () => {
      const result = await check('sembako gratis polsek kebayoran lama bawa ktp');
      return result.candidates[0]?.clarificationId === view.id;
    });
    const body = {
      verdict: 'HOAKS',
      claim: 'Polsek Kebayoran Lama membagikan bantuan tunai Rp 500 ribu lewat tautan pendaftaran',
      note: 'Yang beredar kini tautan bantuan tunai, bukan sembako.',
    };
    // Officers draft; only editors correct what is public.
    expect(
      (await call('PATCH', `/api/clarifications/${view.id}`, world.people.officer, body))
        .statusCode,
    ).toBe(403);
    const noNote = await call('PATCH', `/api/clarifications/${view.id}`, editor, {
      verdict: 'FAKTA',
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ error: { code: 'factcheck.note_required' } });

    t.clock.advance(60_000);
    const corrected = await call('PATCH', `/api/clarifications/${view.id}`, editor, body);
    expect(corrected.statusCode, corrected.body).toBe(200);
    const after = corrected.json<ClarificationView>();
    expect(after).toMatchObject({ verdict: 'HOAKS', status: 'published' });
    expect(after.corrections).toEqual([
      {
        at: expect.any(String),
        note: body.note,
        changed: ['claim', 'verdict'],
        previous: { claim: view.claim, verdict: 'PENIPUAN' },
      },
    ]);

    const page = await call('GET', `/k/${view.id}`);
    expect(page.body).toContain('Riwayat koreksi');
    expect(page.body).toContain(body.note);
    expect(page.body).toContain('Sebelumnya: PENIPUAN');

    await waitFor(async () => {
      const result = await check('bantuan tunai 500 ribu polsek kebayoran lama tautan pendaftaran');
      return result.candidates[0]?.clarificationId === view.id;
    });
    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'factcheck.clarification_corrected')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('withdraws: out of the check and the list, the page says why, no more edits', async () => {
    const view = await publish({
      title: 'Jalan Ciledug Raya ditutup total seminggu tidak benar',
      claim: 'Jalan Ciledug Raya ditutup total selama seminggu mulai besok',
      verdict: 'HOAKS',
    });
    await waitFor(
      async () =>
        (await check('jalan ciledug raya ditutup total seminggu')).candidates[0]
          ?.clarificationId === view.id,
    );
    const reason = { reason: 'Ternyata ada penutupan sebagian; klarifikasi baru menyusul.' };
    expect(
      (await call('POST', `/api/clarifications/${view.id}/withdraw`, world.people.officer, reason))
        .statusCode,
    ).toBe(403);
    const withdrawn = await call('POST', `/api/clarifications/${view.id}/withdraw`, editor, reason);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<ClarificationView>()).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: reason.reason,
    });
    const again = await call('POST', `/api/clarifications/${view.id}/withdraw`, editor, reason);
    expect(again.json()).toMatchObject({ error: { code: 'factcheck.not_published' } });
    const edit = await call('PATCH', `/api/clarifications/${view.id}`, editor, {
      title: 'Diubah lagi',
      note: 'Coba ubah',
    });
    expect(edit.json()).toMatchObject({ error: { code: 'factcheck.withdrawn' } });

    await waitFor(async () =>
      (await check('jalan ciledug raya ditutup total seminggu')).candidates.every(
        (candidate) => candidate.clarificationId !== view.id,
      ),
    );
    const list = await call('GET', `/api/clarifications?q=${encodeURIComponent('ciledug')}`);
    expect(list.json<{ items: ClarificationView[] }>().items).toEqual([]);
    const page = await call('GET', `/k/${view.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('telah ditarik');
    expect(page.body).toContain(reason.reason);
  });

  it('counts confident answers per clarification and week, and nothing about who asked', async () => {
    const flood = await publish({
      title: 'Banjir setinggi dua meter di Pasar Kebayoran Lama tidak benar',
      claim: 'Pasar Kebayoran Lama terendam banjir setinggi dua meter pagi ini',
      verdict: 'HOAKS',
    });
    const scam = await publish({
      title: 'Undian berhadiah mobil atas nama Polsek adalah penipuan',
      claim:
        'Selamat! Anda memenangkan undian mobil dari Polsek Kebayoran Lama, transfer biaya admin',
      verdict: 'PENIPUAN',
    });
    await waitFor(
      async () =>
        (await check('undian mobil polsek kebayoran lama transfer biaya admin')).candidates[0]
          ?.confident === true,
    );
    const floodText = 'pasar kebayoran lama terendam banjir setinggi dua meter pagi ini!!!';
    await waitFor(async () => (await check(floodText)).candidates[0]?.confident === true);
    for (let i = 0; i < 3; i++) await check(floodText);
    await check('resep rendang padang yang enak sekali');

    const response = await call('GET', '/api/clarifications/most-checked');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      week: string;
      items: Array<{ clarification: ClarificationView; checks: number }>;
    }>();
    expect(body.week).toBe(weekOf(t.clock.now()));
    const counts = new Map(body.items.map((item) => [item.clarification.id, item.checks]));
    expect(counts.get(flood.id)).toBe(4);
    expect(counts.get(scam.id)).toBeGreaterThanOrEqual(1);
    const order = body.items.map((item) => item.checks);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    const columns = Object.keys(
      (await t.ctx.db.selectFrom('clarification_check_week').selectAll().executeTakeFirst())!,
    );
    expect(columns.sort()).toEqual(['checks', 'clarificationId', 'week']);
  });

  it('takes the week from Monday in WIB', () => {
    // Sunday 23:30 WIB is still the week before; Monday 00:30 WIB starts the next.
    expect(weekOf(new Date('2026-12-06T16:30:00Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
  });
});

/** The bus delivers after commit; on Redis, a moment later. */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
