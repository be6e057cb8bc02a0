import { createDecipheriv, createECDH, createHmac, randomBytes, type ECDH } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A browser's side of a subscription: its P-256 key pair and auth secret. */
export interface BrowserKeys {
  ecdh: ECDH;
  auth: Buffer;
  /** As PushSubscription.toJSON().keys gives them. */
  json: { p256dh: string; auth: string };
}

export function makeBrowserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
  };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/**
 * Decrypts an `aes128gcm` Web Push body (RFC 8188 framing, RFC 8291 keys) as the browser
 * would: a single record, padding delimiter 0x02.
 */
export function decryptPushBody(body: Buffer, keys: BrowserKeys): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (ciphertext.length > recordSize) throw new Error('more than one record');

  const ecdhSecret = keys.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    keys.ecdh.getPublicKey(),
    serverPublicKey,
  ]);
  const prkKey = hmac(keys.auth, ecdhSecret);
  const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('missing last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

export interface ReceivedPush {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A push service on 127.0.0.1 that records each POST and answers from a per-path script. */
export interface LocalPushService {
  origin: string;
  received: ReceivedPush[];
  /** Queue answers for a path: status and extra headers, used first to last, then 201. */
  answer(
    path: string,
    ...answers: Array<{ status: number; headers?: Record<string, string> }>
  ): void;
  /**
   * Holds the requests numbered after+1 … after+count (counting every request so far) without
   * an answer, as a push service a dying node was waiting on; `release` answers them.
   */
  hold(range: { after: number; count: number }): void;
  release(): void;
  endpoint(path: string): string;
  close(): Promise<void>;
}

/** `answerDelayMs` makes it answer as slowly as a real push service (about 150 ms). */
export async function startLocalPushService(
  options: { answerDelayMs?: number } = {},
): Promise<LocalPushService> {
  const received: ReceivedPush[] = [];
  const script = new Map<string, Array<{ status: number; headers?: Record<string, string> }>>();
  let held = { after: 0, count: 0 };
  const waiting: http.ServerResponse[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      const index = received.length - 1;
      if (index >= held.after && index < held.after + held.count) {
        waiting.push(response);
        return;
      }
      const next = script.get(path)?.shift() ?? { status: 201 };
      const answer = () => response.writeHead(next.status, next.headers).end();
      if (options.answerDelayMs) setTimeout(answer, options.answerDelayMs);
      else answer();
    });
  });
  // Longer than any test: an idle keep-alive socket closed by the server while the client picks
  // it for the next send (a slow machine) fails that send with ECONNRESET, a retry round.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    received,
    answer(path, ...answers) {
      script.set(path, [...(script.get(path) ?? []), ...answers]);
    },
    hold(range) {
      held = range;
    },
    release() {
      for (const response of waiting.splice(0)) response.writeHead(201).end();
    },
    endpoint: (path) => `${origin}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
