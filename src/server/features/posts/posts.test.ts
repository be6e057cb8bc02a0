import fs from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostList, PostView, ReachView } from '../../../common/api/posts.js';
import type { AccountActor } from '../../auth/actor.js';
import { AppError } from '../../errors.js';
import { publishStationPost } from './posts.service.js';
import { createTestContext, runPg, type TestContext } from '../../../../test/helpers/context.js';
import { JSON_FEED_1_1_SCHEMA } from '../../../../test/helpers/json-feed-schema.js';
import { multipartBody, phonePhoto } from '../../../../test/helpers/media-files.js';
import {
  buildPeople,
  buildStationWorld,
  type Person,
} from '../../../../test/helpers/station-world.js';

const HOUR = 60 * 60_000;

const actorOf = (
  person: Person,
  role: 'officer' | 'editor',
  station: { id: string; path: string },
): AccountActor => ({
  kind: 'account',
  accountId: person.id,
  name: 'Uji',
  sessionId: 'uji',
  isVerified: true,
  grants: [{ role, stationId: station.id, stationPath: station.path }],
});

describe('posts', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let editors: Record<'polsek' | 'polres' | 'sibling', Person>;

  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who?: Person,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...headers, ...(who ? { cookie: who.cookie } : {}) },
      ...(payload ? { payload } : {}),
    });

  const draft = async (
    who: Person,
    overrides: Partial<{
      stationId: string;
      kind: string;
      title: string;
      body: string;
      tags: string[];
      areas: string[];
    }> = {},
  ): Promise<PostView> => {
    const response = await call('POST', '/api/posts', who, {
      stationId: world.stations.polsek.id,
      kind: 'tips',
      title: 'Waspada pencurian motor di parkiran',
      body: 'Kunci ganda **selalu**. Laporkan pencurian ke 110.',
      tags: ['Curanmor'],
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  const move = (id: string, action: string, who: Person, payload?: object) =>
    call('POST', `/api/posts/${id}/${action}`, who, payload);

  const published = async (overrides: Parameters<typeof draft>[1] = {}): Promise<PostView> => {
    const post = await draft(editors.polsek, overrides);
    const response = await move(post.id, 'publish', editors.polsek);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  const feed = async (query: string): Promise<PostList> => {
    const response = await call('GET', `/api/posts${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    editors = await buildPeople(t, {
      polsek: { stationId: world.stations.polsek.id, role: 'editor' },
      polres: { stationId: world.stations.polres.id, role: 'editor' },
      sibling: { stationId: world.stations.sibling.id, role: 'editor' },
    });
  });
  afterAll(() => t.close());

  describe('workflow and permissions', () => {
    it('creates a draft that only the station’s people can read', async () => {
      const post = await draft(world.people.officer);
      expect(post).toMatchObject({ status: 'draft', tags: ['curanmor'], canPublish: false });
      expect(post.html).toContain('<strong>selalu</strong>');
      expect((await call('GET', `/api/posts/${post.id}`)).statusCode).toBe(404);
      expect((await call('GET', `/api/posts/${post.id}`, editors.sibling)).statusCode).toBe(404);
      expect((await call('GET', `/api/posts/${post.id}`, editors.polres)).statusCode).toBe(200);
    });

    it('refuses a draft for another station and bad input, changing nothing', async () => {
      const before = await t.ctx.db.selectFrom('post').select('id').execute();
      const foreign = await call('POST', '/api/posts', editors.sibling, {
        stationId: world.stations.polres.id,
        kind: 'tips',
        title: 'Bukan kantor saya',
        body: 'x',
      });
      expect(foreign.statusCode).toBe(403);
      const anonymous = await call('POST', '/api/posts', undefined, {
        stationId: world.stations.polsek.id,
        kind: 'tips',
        title: 'Tanpa akun',
        body: 'x',
      });
      expect(anonymous.statusCode).toBe(401);
      const outside = await call('POST', '/api/posts', world.people.officer, {
        stationId: world.stations.polsek.id,
        kind: 'tips',
        title: 'Di luar wilayah',
        body: 'x',
        areas: ['32.01'],
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.code).toBe('posts.areas_outside');
      const badKind = await call('POST', '/api/posts', world.people.officer, {
        stationId: world.stations.polsek.id,
        kind: 'gosip',
        title: 'Jenis salah',
        body: 'x',
      });
      expect(badKind.statusCode).toBe(400);
      expect(await t.ctx.db.selectFrom('post').select('id').execute()).toEqual(before);
    });

    it('lets an officer submit but never publish; an editor above approves and publishes', async () => {
      const post = await draft(world.people.officer);
      for (const action of ['publish', 'approve', 'unpublish', 'archive']) {
        expect((await move(post.id, action, world.people.officer)).statusCode).toBe(403);
      }
      const scheduleByOfficer = await move(post.id, 'schedule', world.people.officer, {
        publishAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
      });
      expect(scheduleByOfficer.statusCode).toBe(403);
      // An editor of the station above cannot skip the officer's review request.
      const early = await move(post.id, 'publish', editors.polres);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('posts.invalid_transition');

      expect((await move(post.id, 'submit', world.people.officer)).json().status).toBe('in_review');
      expect((await move(post.id, 'approve', editors.sibling)).statusCode).toBe(403);
      expect((await move(post.id, 'approve', editors.polres)).json().status).toBe('approved');
      expect((await move(post.id, 'publish', editors.sibling)).statusCode).toBe(403);
      const live = await move(post.id, 'publish', editors.polres);
      expect(live.json()).toMatchObject({ status: 'published' });
      expect((await call('GET', `/api/posts/${post.id}`)).statusCode).toBe(200);

      const actions = await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('targetId', '=', post.id)
        .orderBy('seq')
        .execute();
      expect(actions.map((row) => row.action)).toEqual([
        'posts.created',
        'posts.submitted',
        'posts.approved',
        'posts.published',
      ]);
    });

    it('lets an editor publish its own station’s draft directly, and take it down again', async () => {
      const post = await published();
      expect(post.status).toBe('published');
      expect(
        (await feed(`?station=${world.stations.polsek.slug}`)).items.map((p) => p.id),
      ).toContain(post.id);
      expect((await move(post.id, 'unpublish', editors.sibling)).statusCode).toBe(403);
      expect((await move(post.id, 'unpublish', editors.polsek)).json().status).toBe('unpublished');
      expect((await call('GET', `/api/posts/${post.id}`)).statusCode).toBe(404);
      expect(
        (await feed(`?station=${world.stations.polsek.slug}`)).items.map((p) => p.id),
      ).not.toContain(post.id);
      expect((await move(post.id, 'archive', editors.polsek)).json().status).toBe('archived');
      const again = await move(post.id, 'publish', editors.polsek);
      expect(again.statusCode).toBe(409);
    });

    it('keeps an editor of Polres B from editing Polres A’s posts, and officers from published text', async () => {
      const post = await published();
      const foreign = await call('PATCH', `/api/posts/${post.id}`, editors.sibling, {
        title: 'Diubah',
      });
      expect(foreign.statusCode).toBe(403);
      const byOfficer = await call('PATCH', `/api/posts/${post.id}`, world.people.officer, {
        title: 'Diubah petugas',
      });
      expect(byOfficer.statusCode).toBe(403);
      expect((await call('GET', `/api/posts/${post.id}`)).json().title).toBe(post.title);
    });

    it('sends an approved post an officer edits back to review', async () => {
      const post = await draft(world.people.officer);
      await move(post.id, 'submit', world.people.officer);
      await move(post.id, 'approve', editors.polres);
      const edited = await call('PATCH', `/api/posts/${post.id}`, world.people.officer, {
        body: 'Isi baru setelah disetujui.',
      });
      expect(edited.json().status).toBe('in_review');
    });
  });

  describe('publishing for another feature', () => {
    it('publishes at once for an editor of the station, never for an officer', async () => {
      const input = {
        stationId: world.stations.polsek.id,
        kind: 'pengumuman' as const,
        title: 'Pemenang lomba poster kamtibmas',
        body: 'Selamat kepada para pemenang.',
      };
      const post = await publishStationPost(
        t.ctx,
        actorOf(editors.polsek, 'editor', world.stations.polsek),
        input,
      );
      expect(post.status).toBe('published');
      expect((await feed(`?station=${world.stations.polsek.slug}`)).items[0]?.id).toBe(post.id);
      await expect(
        publishStationPost(
          t.ctx,
          actorOf(world.people.officer, 'officer', world.stations.polsek),
          input,
        ),
      ).rejects.toBeInstanceOf(AppError);
    });
  });

  describe('edit history', () => {
    it('keeps each replaced text readable and marks the page "diperbarui"', async () => {
      const post = await published({ title: 'Jadwal patroli malam', body: 'Patroli pukul 22.00.' });
      expect(post.editedAt).toBeNull();
      t.clock.advance(HOUR);
      const edited = await call('PATCH', `/api/posts/${post.id}`, editors.polres, {
        body: 'Patroli pukul 23.00.',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().editedAt).toBe(t.clock.now().toISOString());
      expect(edited.json().versionCount).toBe(1);
      const versions = await call('GET', `/api/posts/${post.id}/versions`);
      expect(versions.json().items).toEqual([
        expect.objectContaining({
          title: 'Jadwal patroli malam',
          html: '<p>Patroli pukul 22.00.</p>',
          since: post.publishedAt,
        }),
      ]);
      const page = await call('GET', post.url);
      expect(page.body).toContain('diperbarui');
      expect(page.body).toContain('Patroli pukul 23.00.');
      expect(page.body).toContain('Patroli pukul 22.00.');
    });
  });

  describe('scheduling', () => {
    it('refuses a time in the past', async () => {
      const post = await draft(editors.polsek);
      const response = await move(post.id, 'schedule', editors.polsek, {
        publishAt: new Date(t.clock.now().getTime() - 1000).toISOString(),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('posts.publish_at_past');
    });

    it('publishes a scheduled post on time, after the app restarted in between', async () => {
      const first = await createTestContext();
      const second: { t?: TestContext } = {};
      try {
        const w = await buildStationWorld(first);
        const people = await buildPeople(first, {
          editor: { stationId: w.stations.polsek.id, role: 'editor' },
        });
        const created = await first.app.inject({
          method: 'POST',
          url: '/api/posts',
          headers: { cookie: people.editor.cookie },
          payload: {
            stationId: w.stations.polsek.id,
            kind: 'pengumuman',
            title: 'Operasi Zebra',
            body: 'Mulai besok.',
          },
        });
        const id = created.json<PostView>().id;
        const publishAt = new Date(first.clock.now().getTime() + 2 * HOUR).toISOString();
        const scheduled = await first.app.inject({
          method: 'POST',
          url: `/api/posts/${id}/schedule`,
          headers: { cookie: people.editor.cookie },
          payload: { publishAt },
        });
        expect(scheduled.json()).toMatchObject({ status: 'scheduled', publishAt });
        // The node stops before the time comes…
        await first.app.close();
        await first.ctx.close();
        // …and another starts on the same database.
        second.t = await createTestContext({ shared: first.shared });
        const restarted = second.t;
        restarted.clock.set(new Date(Date.parse(publishAt) - 60_000));
        await restarted.ctx.jobs.runDueJobs();
        expect((await restarted.app.inject({ url: `/api/posts/${id}` })).statusCode).toBe(404);
        restarted.clock.set(new Date(Date.parse(publishAt) + 1000));
        await restarted.ctx.jobs.runDueJobs();
        const live = await restarted.app.inject({ url: `/api/posts/${id}` });
        expect(live.statusCode).toBe(200);
        expect(live.json()).toMatchObject({
          status: 'published',
          publishedAt: restarted.clock.now().toISOString(),
        });
      } finally {
        await second.t?.close();
        if (first.shared.pgSchema && process.env.SIAGA_TEST_PG_URL) {
          await runPg(
            process.env.SIAGA_TEST_PG_URL,
            `drop schema ${first.shared.pgSchema} cascade`,
          );
        }
        fs.rmSync(first.shared.dataDir, { recursive: true, force: true });
      }
    });
  });

  describe('the public feed', () => {
    it('includes the stations below a station, filters by kind, tag and area, and pages by cursor', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        t.clock.advance(1000);
        ids.push(
          (await published({ kind: 'kejadian', title: `Kejadian nomor ${i}`, tags: ['banjir'] }))
            .id,
        );
      }
      const newestFirst = [...ids].reverse();
      const polda = await feed(`?station=${world.stations.polda.slug}&kind=kejadian&limit=3`);
      expect(polda.items.map((p) => p.id)).toEqual(newestFirst.slice(0, 3));
      expect(polda.nextCursor).not.toBeNull();
      const rest = await feed(
        `?station=${world.stations.polda.slug}&kind=kejadian&limit=3&cursor=${polda.nextCursor}`,
      );
      expect(rest.items.map((p) => p.id)).toEqual(newestFirst.slice(3));
      expect(rest.nextCursor).toBeNull();
      expect((await feed(`?station=${world.stations.sibling.slug}`)).items).toEqual([]);
      expect((await feed('?tag=banjir')).items).toHaveLength(5);
      expect((await feed('?tag=gempa')).items).toHaveLength(0);
      const bad = await call('GET', '/api/posts?cursor=bm9wZQ');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('posts.cursor_invalid');

      const targeted = await published({
        title: 'Jalan ditutup di Kebayoran Lama Utara',
        areas: ['31.74.05.1001'],
      });
      const near = await feed('?area=31.74.05.1001');
      expect(near.items.map((p) => p.id)).toContain(targeted.id);
      // Untargeted posts of the station serving the area count as near too.
      expect(near.items.map((p) => p.id)).toContain(ids[0]);
      expect((await feed('?area=31.74.05.1006')).items.map((p) => p.id)).not.toContain(targeted.id);
      expect((await feed('?area=32.01.01')).items).toEqual([]);
    });

    it('serves a fresh first page right after a publish (the cache is dropped)', async () => {
      const before = await feed('');
      const post = await published({ title: 'Kabar terbaru sekali' });
      const after = await feed('');
      expect(after.items[0]?.id).toBe(post.id);
      expect(after.items[0]?.id).not.toBe(before.items[0]?.id);
    });

    it('finds posts in Bahasa Indonesia: every form of curi, narkoba for narkotika', async () => {
      const theft = await published({
        title: 'Marak pencurian kendaraan',
        body: 'Modus pencurian baru.',
      });
      const drugs = await published({
        kind: 'edukasi',
        title: 'Kenali bahaya narkotika',
        body: 'Tanda-tanda penyalahgunaan narkotika pada remaja.',
        tags: [],
      });
      for (const q of ['dicuri', 'curi', 'PENCURI']) {
        expect(
          (await feed(`?q=${q}`)).items.map((p) => p.id),
          q,
        ).toContain(theft.id);
      }
      expect((await feed('?q=narkoba')).items.map((p) => p.id)).toContain(drugs.id);
      expect((await feed('?q=narkoba&kind=tips')).items).toEqual([]);
      expect((await feed(`?q=narkoba&station=${world.stations.sibling.slug}`)).items).toEqual([]);
      await move(drugs.id, 'unpublish', editors.polsek);
      expect((await feed('?q=narkoba')).items.map((p) => p.id)).not.toContain(drugs.id);
    });
  });

  describe('feeds', () => {
    it('serves valid RSS 2.0, Atom and JSON Feed 1.1, national and per station', async () => {
      const post = await published({ title: 'Tips <aman> & "tenang"', tags: ['mudik'] });
      for (const base of ['/feeds', `/feeds/${world.stations.polda.slug}`]) {
        const rss = await call('GET', `${base}/posts.rss`);
        expect(rss.headers['content-type']).toContain('application/rss+xml');
        const parsedRss = parseRssFeed(rss.body);
        expect(parsedRss.items?.some((item) => item.title === post.title)).toBe(true);
        const atom = await call('GET', `${base}/posts.atom`);
        const parsedAtom = parseAtomFeed(atom.body);
        expect(parsedAtom.entries?.some((entry) => entry.title?.value === post.title)).toBe(true);
        const json = await call('GET', `${base}/posts.json`);
        const parsedJson = parseJsonFeed(json.json());
        expect(parsedJson.items?.some((item) => item.title === post.title)).toBe(true);
        const ajv = new Ajv({ allErrors: true });
        addFormats.default(ajv);
        const validate = ajv.compile(JSON_FEED_1_1_SCHEMA);
        expect(validate(json.json()), JSON.stringify(validate.errors)).toBe(true);
      }
      const sibling = await call('GET', `/feeds/${world.stations.sibling.slug}/posts.json`);
      expect(sibling.json().items).toEqual([]);
      expect((await call('GET', '/feeds/tidak-ada/posts.rss')).statusCode).toBe(404);
    });
  });

  describe('share page, images and reach', () => {
    it('strips EXIF from post images and carries title, description, image and canonical URL', async () => {
      const post = await draft(editors.polsek, {
        title: 'Razia helm di Jalan Ciputat',
        body: 'Razia **besok** pagi.',
      });
      const form = await multipartBody(
        [{ field: 'image', name: 'foto.jpg', bytes: await phonePhoto() }],
        {
          alt: 'Petugas memeriksa helm pengendara',
          caption: 'Razia pekan lalu',
        },
      );
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/api/posts/${post.id}/images`,
        headers: { ...form.headers, cookie: editors.polsek.cookie },
        payload: form.payload,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(200);
      const image = uploaded.json<PostView>().images[0]!;
      expect(image).toMatchObject({
        alt: 'Petugas memeriksa helm pengendara',
        caption: 'Razia pekan lalu',
      });
      for (const file of image.files) {
        const served = await call('GET', file.url);
        expect(served.statusCode).toBe(200);
        const meta = await sharp(served.rawPayload).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
      }
      const noAlt = await multipartBody([
        { field: 'image', name: 'x.jpg', bytes: await phonePhoto() },
      ]);
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/posts/${post.id}/images`,
        headers: { ...noAlt.headers, cookie: editors.polsek.cookie },
        payload: noAlt.payload,
      });
      expect(refused.json().error.code).toBe('posts.alt_required');
      const foreign = await multipartBody(
        [{ field: 'image', name: 'x.jpg', bytes: await phonePhoto() }],
        { alt: 'x' },
      );
      const byOther = await t.app.inject({
        method: 'POST',
        url: `/api/posts/${post.id}/images`,
        headers: { ...foreign.headers, cookie: editors.sibling.cookie },
        payload: foreign.payload,
      });
      expect(byOther.statusCode).toBe(403);

      expect((await call('GET', `/p/${post.id}`)).statusCode).toBe(404);
      const live = (await move(post.id, 'publish', editors.polsek)).json<PostView>();
      expect(live.url).toBe(`/p/${post.id}/razia-helm-di-jalan-ciputat`);
      const page = await call('GET', `/p/${post.id}`);
      expect(page.statusCode).toBe(200);
      const head = page.body.slice(0, page.body.indexOf('</head>'));
      const canonical = `http://localhost:8080/p/${post.id}/razia-helm-di-jalan-ciputat`;
      expect(head).toContain(`<link rel="canonical" href="${canonical}" />`);
      expect(head).toContain(
        '<meta property="og:title" content="Razia helm di Jalan Ciputat — Polsek Kebayoran Lama" />',
      );
      expect(head).toContain('<meta property="og:description" content="Razia besok pagi." />');
      expect(head).toContain(`<meta property="og:url" content="${canonical}" />`);
      expect(head).toMatch(
        /<meta property="og:image" content="http:\/\/localhost:8080\/media\/[^"]+\.jpg" \/>/,
      );
      expect(head).toContain('<meta name="twitter:card" content="summary_large_image" />');
      expect(head).toContain('<meta property="og:type" content="article" />');
      // Readable without script: the text, the image with its alt text, the share links.
      expect(page.body).toContain('<strong>besok</strong>');
      expect(page.body).toContain('alt="Petugas memeriksa helm pengendara"');
      expect(page.body).toContain(`href="/p/${post.id}/bagikan/whatsapp"`);
      expect((await call('GET', `/p/${post.id}/any-slug`)).statusCode).toBe(200);
    });

    it('counts views, unique visitors without cookies or raw addresses, and share clicks', async () => {
      const post = await published({ title: 'Hitung jangkauan' });
      const visit = (ip: string, ua: string) =>
        t.app.inject({ url: `/p/${post.id}`, remoteAddress: ip, headers: { 'user-agent': ua } });
      const first = await visit('203.0.113.7', 'Android Chrome');
      expect(first.headers['set-cookie']).toBeUndefined();
      await visit('203.0.113.9', 'Android Chrome'); // same /24 and browser: the same visitor
      await visit('198.51.100.1', 'Android Chrome');
      await visit('198.51.100.1', 'iPhone Safari');
      const share = await call('GET', `/p/${post.id}/bagikan/whatsapp`);
      expect(share.statusCode).toBe(302);
      expect(share.headers.location).toMatch(/^https:\/\/wa\.me\/\?text=/);
      expect(
        (await call('POST', `/api/posts/${post.id}/share`, undefined, { channel: 'copy' }))
          .statusCode,
      ).toBe(204);

      const stored = JSON.stringify(
        await t.ctx.db.selectFrom('post_visitor').selectAll().execute(),
      );
      expect(stored).not.toContain('203.0.113');
      expect(stored).not.toContain('Android');

      expect(
        (
          await call(
            'GET',
            `/api/posts/reach?station=${world.stations.polsek.id}`,
            world.people.citizen,
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (await call('GET', `/api/posts/reach?station=${world.stations.polsek.id}`, editors.sibling))
          .statusCode,
      ).toBe(403);
      const reach = await call(
        'GET',
        `/api/posts/reach?station=${world.stations.polres.id}`,
        editors.polres,
      );
      expect(reach.statusCode, reach.body).toBe(200);
      const body = reach.json<ReachView>();
      const row = body.rows.find((r) => r.postId === post.id);
      expect(row).toMatchObject({ views: 4, visitors: 3, shares: 2 });
      expect(body.days).toHaveLength(30);
      expect(body.chartSvg).toMatch(/^<svg/);

      // The next day has a new salt, and yesterday's salt and hashes are gone.
      t.clock.advance(24 * HOUR);
      await visit('203.0.113.7', 'Android Chrome');
      const salts = await t.ctx.db.selectFrom('post_reach_salt').select('day').execute();
      expect(salts.map((s) => s.day)).toEqual([t.clock.now().toISOString().slice(0, 10)]);
    });
  });

  describe('campaigns', () => {
    it('orders a series of the station’s posts on a landing page', async () => {
      const created = await call('POST', '/api/campaigns', editors.polsek, {
        stationId: world.stations.polsek.id,
        title: 'Bahaya Narkoba',
        theme: 'Kenali tanda-tanda **penyalahgunaan**.',
        startsOn: '2026-12-01',
        endsOn: '2026-12-31',
      });
      expect(created.statusCode, created.body).toBe(201);
      const campaign = created.json();
      expect(
        (
          await call('POST', '/api/campaigns', world.people.officer, {
            stationId: world.stations.polsek.id,
            title: 'Tidak boleh',
            theme: 'x',
            startsOn: '2026-12-01',
            endsOn: '2026-12-31',
          })
        ).statusCode,
      ).toBe(403);
      const one = await published({ title: 'Bagian satu' });
      const two = await published({ title: 'Bagian dua' });
      const hidden = await draft(editors.polsek, { title: 'Bagian tiga, belum terbit' });
      const ordered = await call('PATCH', `/api/campaigns/${campaign.id}`, editors.polsek, {
        postIds: [two.id, one.id, hidden.id],
      });
      expect(ordered.json().posts.map((p: { id: string }) => p.id)).toEqual([
        two.id,
        one.id,
        hidden.id,
      ]);
      const forPublic = await call('GET', `/api/campaigns/${campaign.id}`);
      expect(forPublic.json().posts.map((p: { id: string }) => p.id)).toEqual([two.id, one.id]);
      const page = await call('GET', `/kampanye/${campaign.id}`);
      expect(page.body).toContain('<strong>penyalahgunaan</strong>');
      expect(page.body.indexOf('Bagian dua')).toBeLessThan(page.body.indexOf('Bagian satu'));
      expect(page.body).not.toContain('belum terbit');
      const sharePage = await call('GET', two.url);
      expect(sharePage.body).toContain('Bahaya Narkoba');
      const foreign = await call('PATCH', `/api/campaigns/${campaign.id}`, editors.sibling, {
        title: 'Ambil alih',
      });
      expect(foreign.statusCode).toBe(403);
    });
  });

  describe('markup', () => {
    it('never lets script through title, body, tags, captions or alt text into the share page', async () => {
      const payload =
        '<img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)>';
      const post = await draft(editors.polsek, {
        title: `Judul ${payload}`.slice(0, 160),
        body: `Isi ${payload} [klik](javascript:alert(4))`,
        tags: ['<script>x</script>'],
      });
      const form = await multipartBody(
        [{ field: 'image', name: 'x.jpg', bytes: await phonePhoto(400, 300) }],
        {
          alt: payload,
          caption: payload,
        },
      );
      await t.app.inject({
        method: 'POST',
        url: `/api/posts/${post.id}/images`,
        headers: { ...form.headers, cookie: editors.polsek.cookie },
        payload: form.payload,
      });
      await move(post.id, 'publish', editors.polsek);
      const page = (await call('GET', `/p/${post.id}`)).body;
      const main = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
      // Escaped text is inert: look at the tags and their attribute values only.
      const tags = main.replace(/"[^"]*"/g, '""').match(/<[^>]+>/g) ?? [];
      expect(tags.filter((tag) => /^<\/?(script|svg|iframe)|\son\w+=/i.test(tag))).toEqual([]);
      expect(main.match(/(?:href|src)="[^"]*"/g)?.filter((a) => /javascript:/i.test(a))).toEqual(
        [],
      );
    });
  });
});
