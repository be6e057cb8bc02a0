import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FactcheckCheckResult } from '../../../common/api/factcheck.js';
import { requireInCI } from '../../../../test/helpers/ci.js';
import {
  createTestContext,
  testDialect,
  type TestContext,
} from '../../../../test/helpers/context.js';
import { hoaxPicture, inChatFrame } from '../../../../test/helpers/hoax-images.js';
import { listFiles, multipartBody } from '../../../../test/helpers/media-files.js';
import { buildPeople, buildStationWorld } from '../../../../test/helpers/station-world.js';

const CLARIFICATIONS = [
  {
    key: 'kidnap',
    title: 'Penculik menyamar petugas pendataan di Kebayoran Lama tidak benar',
    claim:
      'Komplotan penculik menyamar sebagai petugas pendataan penduduk mendatangi rumah warga di Kebayoran Lama untuk mencatat umur anak, lalu kembali malam hari untuk menculik.',
    examples: [],
  },
  {
    key: 'water',
    title: 'Air PAM Jakarta Selatan tercemar racun tikus adalah hoaks',
    claim:
      'Air PAM di Jakarta Selatan tercemar racun tikus, jangan minum air keran selama tiga hari.',
    examples: [],
  },
  {
    key: 'prize',
    title: 'Undian berhadiah mobil dari Polres atas nama Kapolres adalah penipuan',
    claim:
      'Pesan WhatsApp menyatakan Anda memenangkan undian mobil dari Polres dan harus mentransfer biaya administrasi Rp2.500.000.',
    examples: [
      'Selamat! Nomor anda terpilih menang undian mobil Polres, transfer biaya admin 2.500.000',
    ],
  },
];

type Key = (typeof CLARIFICATIONS)[number]['key'];

/** Forwards as they really look, each expected to find its clarification confidently. */
const POSITIVES: Array<{ kind: string; text: string; expected: Key }> = [
  {
    kind: 'forward',
    text: 'Diteruskan berkali-kali\n⚠️⚠️ WASPADA!!! KOMPLOTAN PENCULIK MENYAMAR SEBAGAI PETUGAS PENDATAAN PENDUDUK MENDATANGI RUMAH WARGA DI KEBAYORAN LAMA UNTUK MENCATAT UMUR ANAK, LALU KEMBALI MALAM HARI UNTUK MENCULIK 😱😱 SEBARKAN!!!',
    expected: 'kidnap',
  },
  {
    kind: 'slang',
    text: 'guys ati2 yg di kebayoran lama, ada penculik nyamar jd petugas pendataan penduduk dtg ke rumah2 nyatet umur anak trs malemnya balik buat nyulik 😭',
    expected: 'kidnap',
  },
  {
    kind: 'reordered',
    text: 'Jangan minum air keran selama tiga hari! Air PAM di Jakarta Selatan tercemar racun tikus.',
    expected: 'water',
  },
  {
    kind: 'fragment',
    text: 'air pam jakarta selatan tercemar racun tikus',
    expected: 'water',
  },
  {
    kind: 'inside a longer message',
    text: 'Pagi bu ibu, arisan jadi hari minggu ya di rumah bu RT. Oh iya ada info: Air PAM di Jakarta Selatan tercemar racun tikus, jangan minum air keran selama tiga hari. Makasih 🙏',
    expected: 'water',
  },
  {
    kind: 'typos',
    text: 'selamat nomer anda terpilih menang undian mobill polres, trasfer biaya admin 2.500.000',
    expected: 'prize',
  },
];

/** Same topic or place, a different claim: may be listed, never confident. */
const NEGATIVES = [
  'Polsek Kebayoran Lama menangkap dua pelaku pencurian motor di Cipulir tadi malam.',
  'PAM Jaya: pemeliharaan pipa di Jakarta Selatan, air mati hari Sabtu pukul 08.00–14.00.',
  'Polres membuka pendaftaran lomba lari 10K untuk warga, hadiah utama sepeda motor.',
  'Bu, nanti sore jadi jemput anak di sekolah kan? Aku masak sayur asem.',
];

describe('instant check', () => {
  let t: TestContext;
  const ids = new Map<Key, string>();
  let editorCookie = '';
  let stationId = '';

  const check = async (text: string, context = t) => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/factcheck/check',
      payload: { text },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<FactcheckCheckResult>().candidates;
  };

  beforeAll(async () => {
    t = await createTestContext();
    const world = await buildStationWorld(t);
    const { editor } = await buildPeople(t, {
      editor: { stationId: world.stations.polsek.id, role: 'editor' },
    });
    editorCookie = editor.cookie;
    stationId = world.stations.polsek.id;
    for (const clarification of CLARIFICATIONS) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/clarifications',
        headers: { cookie: editor.cookie },
        payload: {
          stationId: world.stations.polsek.id,
          title: clarification.title,
          claim: clarification.claim,
          verdict: clarification.key === 'prize' ? 'PENIPUAN' : 'HOAKS',
          explanation: 'Tidak benar.',
          examples: clarification.examples,
        },
      });
      const id = created.json<{ id: string }>().id;
      await t.app.inject({
        method: 'POST',
        url: `/api/clarifications/${id}/publish`,
        headers: { cookie: editor.cookie },
      });
      ids.set(clarification.key, id);
    }
    // The bus delivers asynchronously: wait until the index holds all three.
    await vi.waitFor(async () => {
      expect(await check(CLARIFICATIONS[2]!.claim)).not.toEqual([]);
    });
  });
  afterAll(() => t.close());

  it.each(POSITIVES)(
    'finds the clarification confidently for a $kind',
    async ({ text, expected }) => {
      const [best] = await check(text);
      expect(best?.clarificationId).toBe(ids.get(expected));
      expect(best?.confident).toBe(true);
      expect(best?.url).toBe(`http://localhost:8080/k/${ids.get(expected)}`);
    },
  );

  it.each(NEGATIVES)('is not confident about a different claim: %s', async (text) => {
    const candidates = await check(text);
    expect(candidates.filter((candidate) => candidate.confident)).toEqual([]);
  });

  it('ranks candidates best first and never returns a draft', async () => {
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/clarifications',
      headers: { cookie: editorCookie },
      payload: {
        stationId,
        title: 'Draf: racun tikus di air keran',
        claim: 'Racun tikus di air keran Jakarta Selatan',
        verdict: 'HOAKS',
        explanation: 'Belum terbit.',
      },
    });
    expect(draft.statusCode).toBe(201);
    const candidates = await check('racun tikus air keran penculik undian');
    const scores = candidates.map((candidate) => candidate.score);
    expect(candidates.length).toBeGreaterThan(1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(candidates.map((c) => c.clarificationId)).not.toContain(draft.json<{ id: string }>().id);
  });

  it('refuses an empty text with 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/factcheck/check',
      payload: { text: '' },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('instant check with images (multipart)', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let clarificationId = '';
  const mediaFiles = () => listFiles(t.config.mediaDir);

  const checkForm = async (
    files: Array<{ field?: string; name: string; bytes: Buffer }>,
    fields: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/factcheck/check',
      ...(await multipartBody(
        files.map((file) => ({ field: 'image', ...file })),
        fields,
      )),
    });

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    const editor = world.people.polsekAdmin.cookie;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/clarifications',
      headers: { cookie: editor },
      payload: {
        stationId: world.stations.polsek.id,
        title: 'Foto penculik di sekolah dasar adalah hoaks',
        claim: 'Foto yang beredar menunjukkan penculik anak di depan sekolah dasar Kebayoran Lama.',
        verdict: 'HOAKS',
        explanation: 'Foto lama dari luar negeri.',
      },
    });
    clarificationId = created.json<{ id: string }>().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/clarifications/${clarificationId}/publish`,
      headers: { cookie: editor },
    });
  });
  afterAll(() => t.close());

  it('attaches an example image for officers of the station only, audited', async () => {
    const form = await multipartBody([
      { field: 'image', name: 'hoaks.jpg', bytes: await hoaxPicture(1) },
    ]);
    const citizen = await t.app.inject({
      method: 'POST',
      url: `/api/clarifications/${clarificationId}/images`,
      headers: { ...form.headers, cookie: world.people.citizen.cookie },
      payload: form.payload,
    });
    expect(citizen.statusCode).toBe(403);
    const sibling = await t.app.inject({
      method: 'POST',
      url: `/api/clarifications/${clarificationId}/images`,
      headers: { ...form.headers, cookie: world.people.siblingAdmin.cookie },
      payload: form.payload,
    });
    expect(sibling.statusCode).toBe(403);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/clarifications/${clarificationId}/images`,
      headers: { ...form.headers, cookie: world.people.officer.cookie },
      payload: form.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json<{ id: string; url: string }>();
    expect(view.url).toMatch(/^http:\/\/localhost:8080\/media\/[0-9a-f]{64}\.jpg$/);
    const served = await t.app.inject({ method: 'GET', url: new URL(view.url).pathname });
    expect(served.statusCode).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'factcheck.image_added')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('finds the clarification from a chat screenshot of its image, text or not', async () => {
    const screenshot = await inChatFrame(await hoaxPicture(1));
    await vi.waitFor(async () => {
      const response = await checkForm([{ name: 'IMG-WA0001.jpg', bytes: screenshot }]);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<FactcheckCheckResult>().candidates[0]).toMatchObject({
        clarificationId,
        confident: true,
      });
    });
    const withText = await checkForm([{ name: 'IMG-WA0001.jpg', bytes: screenshot }], {
      text: 'penculik anak di depan sekolah dasar Kebayoran Lama, awas!!',
    });
    const [best] = withText.json<FactcheckCheckResult>().candidates;
    expect(best).toMatchObject({ clarificationId, confident: true });
    expect(best!.score).toBeGreaterThan(0.5);
  });

  it('answers a text sent as multipart like JSON, and an unrelated image with nothing', async () => {
    const text = await checkForm([], {
      text: 'Foto yang beredar menunjukkan penculik anak di depan sekolah dasar Kebayoran Lama.',
    });
    expect(text.statusCode, text.body).toBe(200);
    expect(text.json<FactcheckCheckResult>().candidates[0]?.clarificationId).toBe(clarificationId);
    const unrelated = await checkForm([{ name: 'kucing.jpg', bytes: await hoaxPicture(4) }]);
    expect(unrelated.statusCode).toBe(200);
    expect(unrelated.json<FactcheckCheckResult>().candidates).toEqual([]);
  });

  it('refuses bad files and empty checks with a 4xx, leaving nothing behind', async () => {
    const before = mediaFiles();
    const cases = [
      await checkForm([
        { name: 'virus.jpg', bytes: Buffer.from('MZ this is not an image at all') },
      ]),
      await checkForm([{ name: 'broken.jpg', bytes: (await hoaxPicture(2)).subarray(0, 5000) }]),
      await checkForm([]),
      await checkForm([{ field: 'other', name: 'a.jpg', bytes: await hoaxPicture(2) }]),
    ];
    for (const response of cases) {
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    expect(mediaFiles()).toEqual(before);
    const rows = await t.ctx.db.selectFrom('clarification_image').select('id').execute();
    expect(rows).toHaveLength(1);
  });
});

const hasTwoNodeSetup =
  requireInCI(
    Boolean(process.env.SIAGA_TEST_PG_URL && process.env.SIAGA_TEST_REDIS_URL),
    'PostgreSQL and Redis for the two-node test (SIAGA_TEST_PG_URL, SIAGA_TEST_REDIS_URL)',
  ) && testDialect === 'postgres';

describe.skipIf(!hasTwoNodeSetup)(
  'instant check on two nodes (postgres project with Redis)',
  () => {
    let nodeA: TestContext;
    let nodeB: TestContext;

    beforeAll(async () => {
      nodeA = await createTestContext();
      nodeB = await createTestContext({ shared: nodeA.shared });
    });
    afterAll(async () => {
      await nodeB.close();
      await nodeA.close();
    });

    it('a clarification published on one node is matched on the other', async () => {
      const world = await buildStationWorld(nodeA);
      const { editor } = await buildPeople(nodeA, {
        editor: { stationId: world.stations.polsek.id, role: 'editor' },
      });
      const text = 'Gempa magnitudo 9 akan mengguncang Jakarta Selatan besok pagi menurut BMKG.';
      const created = await nodeA.app.inject({
        method: 'POST',
        url: '/api/clarifications',
        headers: { cookie: editor.cookie },
        payload: {
          stationId: world.stations.polsek.id,
          title: 'Prediksi gempa besar di Jakarta Selatan besok adalah hoaks',
          claim: text,
          verdict: 'HOAKS',
          explanation: 'Gempa tidak dapat diprediksi.',
        },
      });
      const id = created.json<{ id: string }>().id;
      const before = await nodeB.app.inject({
        method: 'POST',
        url: '/api/factcheck/check',
        payload: { text },
      });
      expect(before.json<FactcheckCheckResult>().candidates).toEqual([]);
      await nodeA.app.inject({
        method: 'POST',
        url: `/api/clarifications/${id}/publish`,
        headers: { cookie: editor.cookie },
      });
      await expect
        .poll(async () => {
          const response = await nodeB.app.inject({
            method: 'POST',
            url: '/api/factcheck/check',
            payload: { text },
          });
          return response.json<FactcheckCheckResult>().candidates[0];
        })
        .toMatchObject({ clarificationId: id, confident: true });
    });
  },
);
