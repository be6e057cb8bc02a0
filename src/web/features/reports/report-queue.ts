// The page's side of the outbox (report-outbox.ts): queue a report written offline, ask the
// service worker for a Background Sync, and flush on `online` and at start where the browser
// has no Background Sync (or the worker is not running yet). The idempotency key makes a send
// from both sides harmless.
import {
  flushOutbox,
  OUTBOX_CHANGED,
  OUTBOX_SYNC_TAG,
  outboxEntries,
  putOutboxEntry,
  saveTrackingHandle,
  type OutboxEntry,
} from './report-outbox.js';

const LEGACY_QUEUE_KEY = 'siaga.reports.queue';
const LEGACY_CODES_KEY = 'siaga.reports.codes';

/** Tells the open pages that the outbox or the handles changed. */
const announce = () => dispatchEvent(new Event(OUTBOX_CHANGED));

/** Background Sync is not in TypeScript's DOM library (Chromium-only so far). */
interface SyncManager {
  register(tag: string): Promise<void>;
}

async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration || !('sync' in registration)) return;
  // Present in the browsers that have Background Sync, with this shape.
  const sync = registration.sync as SyncManager;
  await sync.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}

/** Keeps a report for sending when the connection returns. */
export async function queueReport(entry: OutboxEntry): Promise<void> {
  await putOutboxEntry(entry);
  announce();
  await requestBackgroundSync();
}

export async function flushReportQueue(): Promise<void> {
  if ((await flushOutbox()) > 0) announce();
}

function readLegacy(key: string): unknown[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** The localStorage queue of earlier versions, moved into the outbox once. */
async function migrateLegacyQueue(): Promise<void> {
  const queued = readLegacy(LEGACY_QUEUE_KEY);
  const codes = readLegacy(LEGACY_CODES_KEY);
  if (queued.length === 0 && codes.length === 0) return;
  for (const item of queued) {
    if (typeof item !== 'object' || item === null) continue;
    const { idempotencyKey, isAnonymous, ...rest } = item as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(rest)) {
      if (['string', 'number', 'boolean'].includes(typeof value)) fields[name] = String(value);
    }
    if (typeof isAnonymous === 'boolean' && !('anonymous' in fields))
      fields.anonymous = String(isAnonymous);
    await putOutboxEntry({
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : crypto.randomUUID(),
      fields,
      photos: [],
      locale: document.documentElement.lang || 'id',
      queuedAt: new Date().toISOString(),
    });
  }
  for (const handle of codes) {
    // Entries of the oldest shape (a bare code, no secret) cannot open anything.
    const { code, secret } = (handle ?? {}) as { code?: unknown; secret?: unknown };
    if (typeof code === 'string' && typeof secret === 'string')
      await saveTrackingHandle({ code, secret });
  }
  localStorage.removeItem(LEGACY_QUEUE_KEY);
  localStorage.removeItem(LEGACY_CODES_KEY);
}

export async function startReportQueue(): Promise<void> {
  addEventListener('online', () => void flushReportQueue());
  // The worker sent something through Background Sync: the pages show it.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
      if (event.data === OUTBOX_CHANGED) announce();
    });
  }
  await migrateLegacyQueue();
  if ((await outboxEntries()).length > 0 && navigator.onLine) await flushReportQueue();
}
