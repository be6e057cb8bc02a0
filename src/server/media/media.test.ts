import { Readable } from 'node:stream';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import {
  executableBytes,
  listFiles,
  minimalPdf,
  multipartBody,
  noisyJpeg,
  phonePhoto,
  pngBomb,
  zipBomb,
  type FormFile,
} from '../../../test/helpers/media-files.js';
import { registerMediaTestRoutes } from '../../../test/helpers/media-routes.js';
import { buildApp } from '../app.js';
import { transaction } from '../db/database.js';
import type { App } from '../http.js';
import { publicMediaPath, type MediaView } from './media.js';
import { defineMediaUse } from './media-use.js';
import { scheduleMediaSweep } from './media.jobs.js';

const KB = 1024;
const PHOTOS = defineMediaUse('test.photos', {
  maxFiles: 2,
  maxBytesPerFile: 400 * KB,
  maxTotalBytes: 600 * KB,
  maxPixels: 4_000_000,
});
const DOCUMENTS = defineMediaUse('test.documents', {
  maxFiles: 1,
  allowedKinds: ['jpeg', 'png', 'pdf'],
});

describe('media pipeline', () => {
  let t: TestContext;
  let app: App;
  const upload = async (
    files: FormFile[],
    query = '',
    headers: Record<string, string> = {},
    fields: Record<string, string> = {},
  ) => {
    const body = await multipartBody(files, fields);
    return app.inject({
      method: 'POST',
      url: `/test/uploads${query}`,
      payload: body.payload,
      headers: { ...body.headers, ...headers },
    });
  };
  const files = () => listFiles(t.config.dataDir);
  const readFile = async (key: string) => {
    const response = await app.inject({ method: 'GET', url: publicMediaPath(key) });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  };

  beforeAll(async () => {
    t = await createTestContext();
    // createTestContext's app is ready already; a second app on the same context takes routes.
    app = await buildApp(t.ctx);
    registerMediaTestRoutes(app, t.ctx, { photos: PHOTOS, documents: DOCUMENTS });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('re-encodes a phone photo upright, hands over GPS and time, and stores no metadata', async () => {
    const photo = await phonePhoto(900, 600);
    const source = await sharp(photo).metadata();
    expect(source.exif && exifReader(source.exif).GPSInfo?.GPSLatitude).toBeTruthy();
    expect(source.icc).toBeDefined();
    expect(source.xmp).toBeDefined();

    const response = await upload([{ name: 'IMG_0001.jpg', bytes: photo }], '', {}, { note: 'x' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.fields).toEqual({ note: 'x' });
    expect(body.extracted[0]).toEqual({
      lat: -6.208333,
      lng: 106.829167,
      takenAt: '2026-11-30T07:05:09.000Z',
    });
    const [media] = body.media as MediaView[];
    // Stored sideways as 900 × 600 with Orientation 6: upright it is 600 wide and 900 tall.
    expect([media!.width, media!.height]).toEqual([600, 900]);
    // 600 is below the largest width, so it is kept (never upscaled) beside 320.
    expect(media!.files.map((f) => [f.width, f.mime])).toEqual([
      [320, 'image/jpeg'],
      [320, 'image/webp'],
      [600, 'image/jpeg'],
      [600, 'image/webp'],
    ]);
    for (const file of media!.files) {
      const stored = await sharp(await readFile(file.key)).metadata();
      expect(stored.format).toBe(file.mime === 'image/webp' ? 'webp' : 'jpeg');
      expect([stored.width, stored.height]).toEqual([file.width, file.height]);
      expect(stored.exif).toBeUndefined();
      expect(stored.xmp).toBeUndefined();
      expect(stored.icc).toBeUndefined();
      expect(stored.iptc).toBeUndefined();
      expect(stored.comments).toBeUndefined();
      expect(stored.orientation).toBeUndefined();
    }
    // The original is nowhere in the store: every file is one of the variants.
    const stored = files().map((file) => file.split('/').pop());
    expect(stored.sort()).toEqual(media!.files.map((f) => f.key).sort());
  });

  it('makes 320, 640 and 1280 of a large image and never upscales a small one', async () => {
    const large = await upload([{ name: 'a.jpg', bytes: await noisyJpeg(2000, 1000, 40) }]);
    expect(large.statusCode).toBe(200);
    const widths = (large.json().media[0] as MediaView).files.map((f) => f.width);
    expect(widths).toEqual([320, 320, 640, 640, 1280, 1280]);

    const small = await upload([{ name: 'b.jpg', bytes: await noisyJpeg(200, 100) }]);
    expect((small.json().media[0] as MediaView).files.map((f) => [f.width, f.height])).toEqual([
      [200, 100],
      [200, 100],
    ]);
  });

  it.each(['png', 'webp', 'gif', 'avif'] as const)('accepts %s by its bytes', async (format) => {
    const bytes = await sharp({
      create: {
        width: 360,
        height: 240,
        channels: 4,
        background: { r: 0, g: 90, b: 160, alpha: 0.5 },
      },
    })
      .toFormat(format)
      .toBuffer();
    // Declared as something else entirely: the bytes decide.
    const response = await upload([
      { name: 'upload.bin', type: 'application/octet-stream', bytes },
    ]);
    expect(response.statusCode).toBe(200);
    const [media] = response.json().media as MediaView[];
    expect(media!.kind).toBe(format);
    expect(media!.files.map((f) => f.mime)).toEqual([
      'image/jpeg',
      'image/webp',
      'image/jpeg',
      'image/webp',
    ]);
  });

  it('stores two uploads of the same image once', async () => {
    const bytes = await noisyJpeg(500, 400);
    const first = (await upload([{ name: 'x.jpg', bytes }])).json().media[0] as MediaView;
    const before = files().length;
    const second = (await upload([{ name: 'y.jpg', bytes }])).json().media[0] as MediaView;
    expect(second.id).not.toBe(first.id);
    expect(second.files.map((f) => f.key)).toEqual(first.files.map((f) => f.key));
    expect(files().length).toBe(before);
  });

  describe('refusals leave no file and no row', () => {
    const cases: Array<{
      what: string;
      files: () => FormFile[] | Promise<FormFile[]>;
      code: string;
      status: number;
    }> = [
      {
        what: 'an executable renamed foto.jpg',
        files: () => [{ name: 'foto.jpg', bytes: executableBytes() }],
        code: 'media.unsupported_type',
        status: 415,
      },
      {
        what: 'an HTML page declared as an image',
        files: () => [
          {
            name: 'foto.jpg',
            bytes: Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
          },
        ],
        code: 'media.unsupported_type',
        status: 415,
      },
      {
        what: 'an SVG image',
        files: () => [
          {
            name: 'logo.svg',
            type: 'image/svg+xml',
            bytes: Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            ),
          },
        ],
        code: 'media.unsupported_type',
        status: 415,
      },
      {
        what: 'a zip bomb renamed .jpg',
        files: () => [{ name: 'foto.jpg', bytes: zipBomb() }],
        code: 'media.unsupported_type',
        status: 415,
      },
      {
        what: 'a PDF where only images are allowed',
        files: () => [{ name: 'surat.pdf', type: 'application/pdf', bytes: minimalPdf() }],
        code: 'media.unsupported_type',
        status: 415,
      },
      {
        what: 'a PNG that decodes to 20,000 × 20,000 pixels',
        files: () => [{ name: 'bomb.png', type: 'image/png', bytes: pngBomb() }],
        code: 'media.too_many_pixels',
        status: 413,
      },
      {
        what: 'a truncated JPEG',
        files: async () => {
          const whole = await noisyJpeg(600, 400);
          return [{ name: 'cut.jpg', bytes: whole.subarray(0, Math.floor(whole.length / 2)) }];
        },
        code: 'media.corrupt',
        status: 422,
      },
      {
        what: 'a file over the size limit',
        files: async () => [{ name: 'big.jpg', bytes: await noisyJpeg(1400, 1000, 95) }],
        code: 'media.too_large',
        status: 413,
      },
      {
        what: 'more files than allowed (after two good ones were staged)',
        files: async () => {
          const bytes = await noisyJpeg(300, 200);
          return [1, 2, 3].map((n) => ({ name: `${n}.jpg`, bytes }));
        },
        code: 'media.too_many_files',
        status: 413,
      },
    ];

    it.each(cases)('$what → $code', async ({ files: make, code, status }) => {
      const payload = await make();
      const before = files();
      const rows = await t.ctx.db.selectFrom('media').select('id').execute();
      const response = await upload(payload);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(files()).toEqual(before);
      expect(await t.ctx.db.selectFrom('media').select('id').execute()).toEqual(rows);
    });

    it('answers in Indonesian by default and in English when asked', async () => {
      const payload = [{ name: 'foto.jpg', bytes: executableBytes() }];
      const id = (await upload(payload)).json().error.message;
      const en = (await upload(payload, '', { 'accept-language': 'en-US,en;q=0.8' })).json();
      expect(id).toMatch(/^Jenis berkas tidak didukung/);
      expect(en.error.message).toMatch(/^This file type is not supported/);
      expect(en.error.message).toContain('jpeg, png, webp, avif, gif');
    });

    it('stops reading an oversize file at the limit instead of buffering it', async () => {
      // A valid JPEG head followed by 50 MB of padding, produced only as the server reads.
      const head = await noisyJpeg(300, 200);
      const boundary = 'siaga-test-boundary';
      let sent = 0;
      // Paced like a network: a chunk per turn of the event loop.
      async function* body() {
        const intro = `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
        yield Buffer.from(intro);
        yield head;
        for (let i = 0; i < 800; i++) {
          await new Promise(setImmediate);
          sent += 64 * KB;
          yield Buffer.alloc(64 * KB);
        }
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      }
      const before = files();
      const response = await app.inject({
        method: 'POST',
        url: '/test/uploads',
        payload: Readable.from(body()),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('media.too_large');
      expect(sent).toBeLessThan(4 * 1024 * KB);
      expect(response.headers.connection).toBe('close');
      expect(files()).toEqual(before);
    });

    it('rolls back: a feature that fails after attaching leaves no file and no row', async () => {
      const before = files();
      const rows = await t.ctx.db.selectFrom('media_variant').select('key').execute();
      const response = await upload(
        [{ name: 'a.jpg', bytes: await noisyJpeg(320, 240) }],
        '?failAfterAttach=true',
      );
      expect(response.statusCode).toBe(500);
      expect(files()).toEqual(before);
      expect(await t.ctx.db.selectFrom('media_variant').select('key').execute()).toEqual(rows);
    });

    it('refuses a request that is not multipart', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/test/uploads',
        payload: { photo: 'x' },
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('media.not_multipart');
    });
  });

  it('keeps a PDF as it is where the use allows it', async () => {
    const pdf = minimalPdf();
    const response = await upload(
      [{ field: 'document', name: 'surat.jpg', type: 'image/jpeg', bytes: pdf }],
      '?use=documents',
    );
    expect(response.statusCode).toBe(200);
    const [media] = response.json().media as MediaView[];
    expect(media!.kind).toBe('pdf');
    expect(media!.files).toHaveLength(1);
    expect(media!.files[0]!.mime).toBe('application/pdf');
    expect(Buffer.compare(await readFile(media!.files[0]!.key), pdf)).toBe(0);
  });

  it('serves public media immutable with an ETag, and 304 when it matches', async () => {
    const media = (await upload([{ name: 'p.jpg', bytes: await noisyJpeg(400, 300) }])).json()
      .media[0] as MediaView;
    const key = media.files[0]!.key;
    const first = await app.inject({ method: 'GET', url: publicMediaPath(key) });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(first.headers['content-type']).toBe(media.files[0]!.mime);
    const etag = String(first.headers.etag);
    expect(etag).toBe(`"${key.split('.')[0]}"`);
    const again = await app.inject({
      method: 'GET',
      url: publicMediaPath(key),
      headers: { 'if-none-match': `W/"other", ${etag}` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const unknown = await app.inject({
      method: 'GET',
      url: publicMediaPath(`${'0'.repeat(64)}.jpg`),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('media.not_found');
  });

  it('never serves private media on the public path, only through a checked route', async () => {
    const media = (
      await upload([{ name: 'r.jpg', bytes: await noisyJpeg(330, 200) }], '?visibility=private')
    ).json().media[0] as MediaView;
    const key = media.files[0]!.key;
    expect((await app.inject({ method: 'GET', url: publicMediaPath(key) })).statusCode).toBe(404);

    const viaFeature = await app.inject({ method: 'GET', url: `/test/private/${media.id}/${key}` });
    expect(viaFeature.statusCode).toBe(200);
    expect(viaFeature.headers['cache-control']).toBe('private, no-store');
    expect(viaFeature.headers.etag).toBeUndefined();
    expect((await sharp(viaFeature.rawPayload).metadata()).width).toBe(media.files[0]!.width);

    // The file of another media is not reachable by pairing it with this media's id.
    const other = (await upload([{ name: 's.jpg', bytes: await noisyJpeg(340, 200) }])).json()
      .media[0] as MediaView;
    const crossed = await app.inject({
      method: 'GET',
      url: `/test/private/${media.id}/${other.files[0]!.key}`,
    });
    expect(crossed.statusCode).toBe(404);
  });

  it('sweeps files no row references once the grace period has passed', async () => {
    const bytes = await noisyJpeg(350, 250);
    const media = (await upload([{ name: 'o.jpg', bytes }])).json().media[0] as MediaView;
    const keys = media.files.map((f) => f.key);
    const kept = (await upload([{ name: 'k.jpg', bytes: await noisyJpeg(360, 250) }])).json()
      .media[0] as MediaView;
    await transaction(t.ctx.db, (tx) => t.ctx.media.remove(tx, [media.id]));
    const stagedLeftover = await t.ctx.media.store.stage(Buffer.from('a crashed intake'));

    // A serving node queues the sweep for the next hour; within the grace period nothing goes.
    await scheduleMediaSweep(t.ctx);
    await scheduleMediaSweep(t.ctx);
    t.clock.advance(61 * 60_000);
    expect(await t.ctx.jobs.runDueJobs()).toBe(1);
    const stored = () => files().map((file) => file.split('/').pop());
    expect(stored()).toEqual(expect.arrayContaining([...keys, stagedLeftover]));

    t.clock.advance(24 * 60 * 60_000);
    expect(await t.ctx.jobs.runDueJobs()).toBe(1);
    expect(stored()).not.toEqual(expect.arrayContaining([keys[0]]));
    for (const key of keys) expect(stored()).not.toContain(key);
    expect(stored()).not.toContain(stagedLeftover);
    for (const file of kept.files) expect(stored()).toContain(file.key);
    // It queued its next run.
    const queued = await t.ctx.db
      .selectFrom('job')
      .select('runAt')
      .where('name', '=', 'media.swept')
      .where('status', '=', 'queued')
      .execute();
    expect(queued).toHaveLength(1);
  });
});
