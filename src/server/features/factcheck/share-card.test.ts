import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClarificationView } from '../../../common/api/factcheck.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import {
  buildPeople,
  buildStationWorld,
  type Person,
} from '../../../../test/helpers/station-world.js';
import { wrapText } from './share-card.js';

describe('share card /k/:id/card.png', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let editor: Person;

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    editor = (
      await buildPeople(t, { editor: { stationId: world.stations.polsek.id, role: 'editor' } })
    ).editor;
  });
  afterAll(() => t.close());

  it('is a 1200×630 PNG named by the page, cached by ETag, renewed by a correction', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/clarifications',
      headers: { cookie: world.people.officer.cookie },
      payload: {
        stationId: world.stations.polsek.id,
        title: 'Penculikan anak dengan mobil putih tidak benar',
        claim:
          'Ada penculikan anak memakai mobil putih di Kebayoran Lama <b>&</b> pelakunya menyamar jadi tukang parkir, SEBARKAN ke grup keluarga sebelum terlambat!!!',
        verdict: 'HOAKS',
        explanation: 'Tidak ada laporan.',
      },
    });
    const draft = created.json<ClarificationView>();
    // A draft's card is staff-only, like the draft.
    expect((await t.app.inject({ url: `/k/${draft.id}/card.png` })).statusCode).toBe(404);
    await t.app.inject({
      method: 'POST',
      url: `/api/clarifications/${draft.id}/publish`,
      headers: { cookie: editor.cookie },
    });

    const page = await t.app.inject({ url: `/k/${draft.id}` });
    expect(page.body).toContain(`content="${draft.url}/card.png"`);

    const card = await t.app.inject({ url: `/k/${draft.id}/card.png` });
    expect(card.statusCode).toBe(200);
    expect(card.headers['content-type']).toBe('image/png');
    const meta = await sharp(card.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1200, height: 630 });
    const etag = card.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.inject({
      url: `/k/${draft.id}/card.png`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    await t.app.inject({
      method: 'PATCH',
      url: `/api/clarifications/${draft.id}`,
      headers: { cookie: editor.cookie },
      payload: { verdict: 'PENIPUAN', note: 'Ternyata modus penipuan.' },
    });
    const renewed = await t.app.inject({
      url: `/k/${draft.id}/card.png`,
      headers: { 'if-none-match': etag },
    });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.headers.etag).not.toBe(etag);
  });

  it('wraps the claim into at most the lines the card has, with an ellipsis', () => {
    const lines = wrapText('satu dua tiga empat lima enam tujuh delapan sembilan sepuluh', 12, 3);
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.length <= 12)).toBe(true);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(wrapText('pendek saja', 40, 4)).toEqual(['pendek saja']);
  });
});
