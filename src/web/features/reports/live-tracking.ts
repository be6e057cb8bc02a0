import type { ReportTracking } from '../../../common/api/reports.js';

/** Between reconnects of a stream that ended, and between polls when streaming fails. */
const RETRY_MS = 5_000;
const POLL_MS = 15_000;
/** Polls before the stream is tried again (a proxy may have been the trouble). */
const POLLS_BEFORE_RETRY = 4;

/** Why following stops for good: the code and secret no longer open the report. */
class Gone extends Error {}

const trackPath = (code: string) => `/api/reports/track/${encodeURIComponent(code)}`;

/** The `event: tracking` frames of a text/event-stream body, as they arrive. */
async function readFrames(
  body: ReadableStream<Uint8Array>,
  onFrame: (frame: { id?: string; event: string; data: string }) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const frame: { id?: string; event: string; data: string } = { event: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) frame.id = line.slice(4);
        else if (line.startsWith('event: ')) frame.event = line.slice(7);
        else if (line.startsWith('data: ')) frame.data += line.slice(6);
      }
      if (frame.data) onFrame(frame);
    }
  }
}

/**
 * Keeps a tracking page live for the holder of the secret: reads the server's event stream
 * with fetch (EventSource cannot send the `X-Tracking-Secret` header) and, when streaming
 * fails, polls the track route with If-None-Match. Returns the function that stops it.
 */
export function followTracking(
  code: string,
  secret: string,
  onView: (view: ReportTracking) => void,
): () => void {
  const controller = new AbortController();
  const headers = { 'x-tracking-secret': secret };
  let etag: string | undefined;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    });

  /** Whether the stream was opened (then ended); false when it could not be. */
  const stream = async (): Promise<boolean> => {
    const response = await fetch(`${trackPath(code)}/events`, {
      headers: { ...headers, accept: 'text/event-stream' },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 404) throw new Gone();
    if (!response.ok || !response.body) return false;
    await readFrames(response.body, (frame) => {
      if (frame.event !== 'tracking') return;
      etag = frame.id;
      onView(JSON.parse(frame.data) as ReportTracking);
    });
    return true;
  };
  const poll = async () => {
    const response = await fetch(trackPath(code), {
      headers: { ...headers, ...(etag ? { 'if-none-match': etag } : {}) },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 404) throw new Gone();
    if (response.status !== 200) return;
    etag = response.headers.get('etag') ?? undefined;
    onView((await response.json()) as ReportTracking);
  };

  const run = async () => {
    while (!controller.signal.aborted) {
      if (await stream().catch(rethrowGone)) {
        await wait(RETRY_MS);
        continue;
      }
      for (let i = 0; i < POLLS_BEFORE_RETRY && !controller.signal.aborted; i += 1) {
        await wait(POLL_MS);
        if (!controller.signal.aborted) await poll().catch(rethrowGone);
      }
    }
  };
  run().catch(() => undefined);
  return () => controller.abort();
}

/** A network failure is worth retrying; a report that is gone is not. */
function rethrowGone(error: unknown): false {
  if (error instanceof Gone) throw error;
  return false;
}
