import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/context.js';
import { requireInCI } from '../../test/helpers/ci.js';
import { openSse } from '../../test/helpers/sse.js';
import { WEB_ROOT } from './pages/document.js';

describe('compression', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('answers brotli when asked, gzip when only gzip is accepted, and plain otherwise', async () => {
    const plain = await t.app.inject({ url: '/docs/json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const document = plain.rawPayload;
    expect(document.length).toBeGreaterThan(10_000);

    const br = await t.app.inject({
      url: '/docs/json',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(document.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(document)).toBe(true);

    const gzip = await t.app.inject({ url: '/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(document)).toBe(true);
  });

  it('never compresses the event stream, which must flush every event at once', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const stream = await openSse(`http://127.0.0.1:${port}/api/stream?areas=31.71.01.1001`, {
      'accept-encoding': 'br, gzip',
    });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-encoding']).toBeUndefined();
      // The retry line was readable as text: nothing compressed sat in between.
      expect(stream.retry).toBe(5000);
    } finally {
      stream.close();
    }
  });

  const built = requireInCI(fs.existsSync(`${WEB_ROOT}index.html`), 'the web build (dist/web)');
  it.skipIf(!built)('serves the .br and .gz files the build wrote beside each asset', async () => {
    const shell = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(shell.body)?.[1];
    expect(script).toBeDefined();
    const file = `${WEB_ROOT}${script!.slice(1)}`;
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      const answer = await t.app.inject({
        url: script!,
        headers: { 'accept-encoding': encoding },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers['cache-control']).toContain('immutable');
      // Byte for byte the file made at build time (quality 11), not one compressed on the fly.
      expect(answer.rawPayload.equals(fs.readFileSync(`${file}${suffix}`))).toBe(true);
    }
  });

  it.skipIf(!built)('keeps the console, the map and console catalogs out of the precache', () => {
    const worker = fs.readFileSync(`${WEB_ROOT}sw.js`, 'utf8');
    const precached = new Set(worker.match(/\/assets\/[\w.-]+/g));
    const assets = fs.readdirSync(`${WEB_ROOT}assets`).filter((name) => /\.(js|css)$/.test(name));
    const officerOnly = assets.filter((name) =>
      /^(console|ConsoleAlerts|AlertMap|i18n-\w+-console-)/.test(name),
    );
    expect(officerOnly.length).toBeGreaterThanOrEqual(5);
    for (const name of officerOnly) expect(precached).not.toContain(`/assets/${name}`);
    // What a citizen opens is still there for offline use.
    for (const page of ['index-', 'home-', 'report-', 'i18n-id-web-']) {
      expect(assets.some((name) => name.startsWith(page) && precached.has(`/assets/${name}`))).toBe(
        true,
      );
    }
  });
});
