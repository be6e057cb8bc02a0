/**
 * `npm run bench -- first-load`: the bytes on the wire (response bodies as sent, before any
 * decoding) of a first visit to `/` — the page and every file its HTML links (scripts, module
 * preloads, styles, manifest, icons) — from a listening server, with `accept-encoding: br, gzip`
 * beside the same-run baseline `accept-encoding: identity` (what an uncompressing server sends).
 * Needs `npm run build:web` first.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestContext } from '../test/helpers/context.js';

interface Fetched {
  path: string;
  encoding: string;
  wireBytes: number;
  body: Buffer;
}

function get(origin: string, path: string, acceptEncoding: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${origin}${path}`,
      { headers: { accept: 'text/html,*/*', 'accept-encoding': acceptEncoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          if (response.statusCode !== 200) {
            reject(new Error(`${path}: ${response.statusCode}`));
            return;
          }
          resolve({
            path,
            encoding: String(response.headers['content-encoding'] ?? 'identity'),
            wireBytes: body.length,
            body,
          });
        });
      },
    );
    request.on('error', reject);
  });
}

/** The same-origin files the page's HTML links: src= and href= of its head. */
function linkedFiles(html: string): string[] {
  const paths = [...html.matchAll(/\b(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]!);
  return [...new Set(paths)];
}

async function firstLoad(origin: string, acceptEncoding: string): Promise<Fetched[]> {
  // The page is fetched uncompressed once to read its links (the same for both runs).
  const shell = await get(origin, '/', 'identity');
  const files = linkedFiles(shell.body.toString('utf8'));
  if (!files.some((file) => file.endsWith('.js'))) {
    throw new Error('the page links no script: run `npm run build:web` first');
  }
  return Promise.all(['/', ...files].map((file) => get(origin, file, acceptEncoding)));
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const t = await createTestContext();
try {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const baseline = await firstLoad(origin, 'identity');
  const compressed = await firstLoad(origin, 'br, gzip');
  console.log('first load of /: bytes on the wire (response bodies)');
  for (const [index, file] of compressed.entries()) {
    const plain = baseline[index]!;
    console.log(
      `  ${file.path.padEnd(44)} ${kb(file.wireBytes).padStart(9)} ${file.encoding.padEnd(8)}  (identity ${kb(plain.wireBytes)})`,
    );
  }
  const total = (files: Fetched[]) => files.reduce((sum, file) => sum + file.wireBytes, 0);
  const sent = total(compressed);
  const uncompressed = total(baseline);
  console.log(
    `total: ${kb(sent)} with br/gzip, baseline ${kb(uncompressed)} identity (${((100 * sent) / uncompressed).toFixed(0)}%)`,
  );
} finally {
  await t.close();
}
