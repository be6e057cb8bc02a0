/**
 * `npm run bench -- media [runs]`: a 4,000 × 3,000 photo (noise, so it compresses like a real
 * one) uploaded through the real app (multipart intake, sniffing, pixel check, decode, three
 * widths as WebP + JPEG, staging, attach in a transaction, promotion on commit), beside a
 * same-run baseline: sharp resizing the same file once to 1280 px JPEG. Each side runs in its own
 * process so that its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { createTestContext } from '../test/helpers/context.js';
import { multipartBody, noisyJpeg } from '../test/helpers/media-files.js';
import { registerMediaTestRoutes } from '../test/helpers/media-routes.js';
import { buildApp } from '../src/server/app.js';
import { defineMediaUse } from '../src/server/media/media-use.js';

interface Figures {
  medianMs: number;
  minMs: number;
  peakRssMb: number;
  startRssMb: number;
}

// `media [runs]` from the command line; `media <baseline|pipeline> <file> <runs>` in a child.
const args = process.argv.slice(2);
const mode = args[0] === 'baseline' || args[0] === 'pipeline' ? args[0] : undefined;
const file = mode ? args[1] : undefined;
const runs = Number((mode ? args[2] : args[0]) ?? 5);
const mb = (bytes: number) => bytes / (1024 * 1024);

async function timeRuns(run: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function measure(run: () => Promise<void>): Promise<Figures> {
  const startRssMb = mb(process.memoryUsage().rss);
  const times = await timeRuns(run);
  return {
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    // maxRSS is in kilobytes: the whole process's high-water mark.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb,
  };
}

async function baseline(photo: Buffer): Promise<Figures> {
  return measure(async () => {
    await sharp(photo).resize({ width: 1280 }).jpeg({ quality: 82 }).toBuffer();
  });
}

async function pipeline(photo: Buffer): Promise<Figures> {
  const t = await createTestContext();
  const app = await buildApp(t.ctx);
  const photos = defineMediaUse('bench.photos', { maxBytesPerFile: 25 * 1024 * 1024 });
  registerMediaTestRoutes(app, t.ctx, { photos: { ...photos, maxTotalBytes: 25 * 1024 * 1024 } });
  await app.ready();
  const body = await multipartBody([{ name: 'IMG_4000.jpg', bytes: photo }]);
  try {
    return await measure(async () => {
      const response = await app.inject({ method: 'POST', url: '/test/uploads', ...body });
      if (response.statusCode !== 200) throw new Error(`upload failed: ${response.body}`);
    });
  } finally {
    await app.close();
    await t.close();
  }
}

if (mode) {
  const photo = fs.readFileSync(file!);
  const figures = await (mode === 'baseline' ? baseline(photo) : pipeline(photo));
  process.stdout.write(JSON.stringify(figures));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-media-'));
  try {
    const photoFile = path.join(dir, 'photo.jpg');
    const photo = await noisyJpeg(4000, 3000, 80);
    fs.writeFileSync(photoFile, photo);
    const self = fileURLToPath(import.meta.url);
    const child = (which: string): Figures => {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', self, which, photoFile, String(runs)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      if (result.status !== 0) throw new Error(`${which} run failed`);
      return JSON.parse(result.stdout) as Figures;
    };
    const base = child('baseline');
    const full = child('pipeline');
    const line = (name: string, f: Figures) =>
      `${name.padEnd(52)} median ${f.medianMs.toFixed(0).padStart(5)} ms  (min ${f.minMs.toFixed(0)})   peak RSS ${f.peakRssMb.toFixed(0).padStart(4)} MB  (before the runs ${f.startRssMb.toFixed(0)} MB)`;
    console.log(
      `input: 4000 × 3000 JPEG, ${mb(photo.length).toFixed(1)} MB; ${runs} runs each; sharp concurrency ${sharp.concurrency()}`,
    );
    console.log(line('baseline: sharp resize once to 1280 px JPEG', base));
    console.log(line('pipeline: HTTP upload → 3 widths × WebP+JPEG, stored', full));
    console.log(`pipeline / baseline: ${(full.medianMs / base.medianMs).toFixed(1)}× time`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
