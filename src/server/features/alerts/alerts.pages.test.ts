import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { buildStationWorld } from '../../../../test/helpers/station-world.js';

/** WhatsApp's and Facebook's link preview fetchers send no HTML preference at all. */
const CRAWLER = { accept: '*/*', 'user-agent': 'WhatsApp/2.23.20.0 A' };

describe('server-rendered alert and station pages', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let alertId: string;

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/alerts',
      headers: { cookie: world.people.officer.cookie },
      payload: {
        stationId: world.stations.polsek.id,
        title: 'Waspada begal <motor> di Kebayoran Lama',
        body: 'Dua kejadian begal di Jalan Ciputat Raya malam ini. Hindari jalan sepi setelah pukul 22.00 dan laporkan orang yang mencurigakan.',
        instruction: 'Hubungi 110 bila melihat kejadian.',
        category: 'begal',
        severity: 'Severe',
        urgency: 'Immediate',
        certainty: 'Observed',
        titleEn: 'Beware of motorcycle robbers in Kebayoran Lama',
        target: { areas: ['31.74.05.1001'] },
      },
    });
    expect(issued.statusCode).toBe(201);
    alertId = issued.json().id;
  });
  afterAll(() => t.close());

  it('serves an alert as a whole page with its title, preview tags and text', async () => {
    const res = await t.app.inject({ url: `/peringatan/${alertId}`, headers: CRAWLER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const page = res.body;
    expect(page).toContain(
      '<title>Berbahaya: Waspada begal &lt;motor&gt; di Kebayoran Lama · Polsek Kebayoran Lama</title>',
    );
    expect(page).toContain(
      '<meta property="og:title" content="Berbahaya: Waspada begal &lt;motor&gt;',
    );
    expect(page).toMatch(
      /<meta property="og:description" content="Dua kejadian begal di Jalan Ciputat Raya/,
    );
    expect(page).toContain(
      `<link rel="canonical" href="http://localhost:8080/peringatan/${alertId}" />`,
    );
    expect(page).toContain('<meta name="twitter:card" content="summary" />');
    // The content itself, readable with scripts off.
    expect(page).toContain('<h1>Waspada begal &lt;motor&gt; di Kebayoran Lama</h1>');
    expect(page).toContain('Hubungi 110 bila melihat kejadian.');
    expect(page).toContain('Kebayoran Lama Utara');
    expect(page).toContain(`href="/lapor?alert=${alertId}&amp;area=31.74.05.1001"`);
    expect(page).toContain('<a href="/kantor/polsek-kebayoran-lama">Polsek Kebayoran Lama</a>');
  });

  it('speaks Indonesian to an English-set browser, English when the reader chose it', async () => {
    const browserInEnglish = await t.app.inject({
      url: `/peringatan/${alertId}`,
      headers: { ...CRAWLER, 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(browserInEnglish.body).toContain('<html lang="id"');
    const res = await t.app.inject({
      url: `/peringatan/${alertId}`,
      headers: { ...CRAWLER, cookie: 'siaga_locale=en' },
    });
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('<h1>Beware of motorcycle robbers in Kebayoran Lama</h1>');
    const linked = await t.app.inject({ url: `/peringatan/${alertId}?lang=en`, headers: CRAWLER });
    expect(linked.body).toContain('<html lang="en"');
  });

  it('answers a missing alert with a 404 page, not JSON', async () => {
    const res = await t.app.inject({
      url: '/peringatan/019a0000-0000-7000-8000-000000000000',
      headers: CRAWLER,
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<h1>Peringatan tidak ditemukan.</h1>');
  });

  it('serves a station page with its name, contacts and children', async () => {
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/stations/${world.stations.polres.id}`,
      headers: { cookie: world.people.polresAdmin.cookie },
      payload: { phones: [{ label: 'SPKT', number: '021-7221111' }] },
    });
    expect(patched.json()).toMatchObject({ phones: [{ label: 'SPKT' }] });
    const res = await t.app.inject({ url: '/kantor/polres-jakarta-selatan', headers: CRAWLER });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Polres Metro Jakarta Selatan · Siaga</title>');
    expect(res.body).toContain(
      '<meta property="og:description" content="Polres Polres Metro Jakarta Selatan:',
    );
    expect(res.body).toContain('<a href="/kantor/polsek-kebayoran-lama">Polsek Kebayoran Lama</a>');
    expect(res.body).toContain('<a href="/kantor/polda-metro-jaya">Polda Metro Jaya</a>');
    // Tap to call, the number written as Indonesians write it.
    expect(res.body).toMatch(/<a class="[^"]*" href="tel:0217221111"\s*>SPKT: \(021\) 7221111<\/a/);
    const missing = await t.app.inject({ url: '/kantor/tidak-ada', headers: CRAWLER });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Kantor polisi tidak ditemukan.');
  });
});
