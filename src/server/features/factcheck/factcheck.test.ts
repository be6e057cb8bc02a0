import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClarificationList, ClarificationView } from '../../../common/api/factcheck.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import {
  buildPeople,
  buildStationWorld,
  type Person,
} from '../../../../test/helpers/station-world.js';

const SCHEMA = 'http://schema.org/';

describe('clarifications', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let editor: Person;

  const call = (method: 'GET' | 'POST', url: string, who?: Person, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(who ? { headers: { cookie: who.cookie } } : {}),
      ...(payload ? { payload } : {}),
    });

  const draft = async (overrides: Record<string, unknown> = {}): Promise<ClarificationView> => {
    const response = await call('POST', '/api/clarifications', world.people.officer, {
      stationId: world.stations.polsek.id,
      title: 'Penculikan anak dengan mobil putih di Kebayoran Lama tidak benar',
      claim: 'Ada penculikan anak memakai mobil putih di Kebayoran Lama, sebarkan!',
      verdict: 'HOAKS',
      explanation: 'Polsek **tidak menerima** laporan penculikan. <script>alert(1)</script>',
      sources: [
        'https://polri.go.id/klarifikasi',
        { url: 'https://example.org/a', title: 'Berita' },
      ],
      examples: ['WASPADA!!! penculikan anak mobil putih di kebayoran lama 😱 SEBARKAN'],
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    const people = await buildPeople(t, {
      editor: { stationId: world.stations.polsek.id, role: 'editor' },
    });
    editor = people.editor;
  });
  afterAll(() => t.close());

  it('lets an officer draft and an editor publish, and audits both', async () => {
    const created = await draft();
    expect(created).toMatchObject({ status: 'draft', verdict: 'HOAKS', publishedAt: null });
    expect(created.explanationHtml).toContain('<strong>tidak menerima</strong>');
    expect(created.explanationHtml).not.toContain('<script');
    expect(created.sources).toEqual([
      { url: 'https://polri.go.id/klarifikasi' },
      { url: 'https://example.org/a', title: 'Berita' },
    ]);

    // A draft is not public, and an officer may not publish.
    expect((await call('GET', `/api/clarifications/${created.id}`)).statusCode).toBe(404);
    expect(
      (await call('GET', `/api/clarifications/${created.id}`, world.people.officer)).statusCode,
    ).toBe(200);
    const byOfficer = await call(
      'POST',
      `/api/clarifications/${created.id}/publish`,
      world.people.officer,
    );
    expect(byOfficer.statusCode).toBe(403);

    const published = await call('POST', `/api/clarifications/${created.id}/publish`, editor);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<ClarificationView>()).toMatchObject({ status: 'published' });
    const again = await call('POST', `/api/clarifications/${created.id}/publish`, editor);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'factcheck.not_draft' } });

    const publicView = await call('GET', `/api/clarifications/${created.id}`);
    expect(publicView.statusCode).toBe(200);
    const actions = (
      await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'factcheck.%')
        .execute()
    ).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'factcheck.clarification_drafted',
        'factcheck.clarification_published',
      ]),
    );
  });

  it('refuses drafts from citizens, from another station and with a bad verdict', async () => {
    const body = {
      stationId: world.stations.polsek.id,
      title: 'Judul klarifikasi',
      claim: 'Klaim yang beredar',
      verdict: 'HOAKS',
      explanation: 'Penjelasan',
    };
    expect((await call('POST', '/api/clarifications', undefined, body)).statusCode).toBe(401);
    expect((await call('POST', '/api/clarifications', world.people.citizen, body)).statusCode).toBe(
      403,
    );
    const elsewhere = { ...body, stationId: world.stations.sibling.id };
    expect(
      (await call('POST', '/api/clarifications', world.people.officer, elsewhere)).statusCode,
    ).toBe(403);
    const badVerdict = { ...body, verdict: 'BOHONG' };
    expect(
      (await call('POST', '/api/clarifications', world.people.officer, badVerdict)).statusCode,
    ).toBe(400);
  });

  it('lists and searches published clarifications only, with a cursor', async () => {
    const ids: string[] = [];
    for (const place of ['Cipulir', 'Pondok Pinang', 'Grogol Utara']) {
      const created = await draft({
        title: `Banjir bandang di ${place} tidak benar`,
        claim: `Video banjir bandang di ${place} hari ini`,
      });
      await call('POST', `/api/clarifications/${created.id}/publish`, editor);
      ids.push(created.id);
    }
    const hidden = await draft({ title: 'Draf rahasia tentang gempa', claim: 'Gempa besar besok' });

    const all: ClarificationView[] = [];
    let cursor: string | null = null;
    do {
      const response = await call('GET', `/api/clarifications${cursor ? `?cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json<ClarificationList>();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.map((item) => item.id)).toEqual(expect.arrayContaining(ids));
    expect(all.map((item) => item.id)).not.toContain(hidden.id);
    expect(all.every((item) => item.status === 'published')).toBe(true);

    const search = await call(
      'GET',
      `/api/clarifications?q=${encodeURIComponent('banjir cipulir')}`,
    );
    const found = search.json<ClarificationList>().items;
    expect(found[0]?.id).toBe(ids[0]);
    const secret = await call('GET', `/api/clarifications?q=gempa`);
    expect(secret.json<ClarificationList>().items).toEqual([]);
    expect((await call('GET', '/api/clarifications?cursor=zzz')).statusCode).toBe(400);
  });

  it('serves /k/:id as HTML with preview tags and ClaimReview that expands as JSON-LD', async () => {
    const created = await draft();
    await call('POST', `/api/clarifications/${created.id}/publish`, editor);
    const page = await call('GET', `/k/${created.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('og:title');
    expect(page.body).toContain('HOAKS');
    expect(page.body).not.toContain('<script>alert');
    const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body);
    expect(match).not.toBeNull();
    const document = JSON.parse(match![1]!) as Record<string, unknown>;
    // Resolve the schema.org context offline: the test must not depend on the network.
    const documentLoader = (url: string) => {
      if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`unexpected context ${url}`);
      return Promise.resolve({
        contextUrl: undefined,
        documentUrl: url,
        document: { '@context': { '@vocab': SCHEMA } },
      });
    };
    const [expanded] = (await jsonld.expand(document, { documentLoader })) as Array<
      Record<string, Array<Record<string, unknown>>>
    >;
    expect(expanded!['@type']).toEqual([`${SCHEMA}ClaimReview`]);
    const value = (key: string) => expanded![`${SCHEMA}${key}`];
    expect(value('claimReviewed')?.[0]?.['@value']).toBe(created.claim);
    expect(value('inLanguage')?.[0]?.['@value']).toBe('id');
    expect(value('url')?.[0]?.['@value']).toBe(created.url);
    expect(value('datePublished')).toHaveLength(1);
    const rating = value('reviewRating')?.[0] as Record<string, Array<Record<string, unknown>>>;
    expect(rating[`${SCHEMA}alternateName`]?.[0]?.['@value']).toBe('HOAKS');
    const author = value('author')?.[0] as Record<string, Array<Record<string, unknown>>>;
    expect(author[`${SCHEMA}name`]?.[0]?.['@value']).toBe('Polsek Kebayoran Lama');
    const claim = value('itemReviewed')?.[0] as Record<string, unknown[]>;
    expect(claim['@type']).toEqual([`${SCHEMA}Claim`]);
    expect(claim[`${SCHEMA}appearance`]).toHaveLength(1);

    expect((await call('GET', '/k/nope')).statusCode).toBe(404);
  });
});
