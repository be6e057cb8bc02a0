// The outbox of reports written without a connection, with their photos as Blobs, and the
// tracking handles this device received: both in IndexedDB, so the page and the service worker
// (Background Sync) share them. No DOM-only API is used here: the service worker imports it.
import type { SubmittedReport } from '../../../common/api/reports.js';

const DB_NAME = 'siaga-reports';
const OUTBOX = 'outbox';
const HANDLES = 'handles';
/** The Background Sync tag the page registers and the service worker answers. */
export const OUTBOX_SYNC_TAG = 'siaga-report-outbox';
/** Posted by the service worker to its pages (and dispatched on window) after a send. */
export const OUTBOX_CHANGED = 'siaga:reports-outbox-changed';

/** A report as the multipart form sends it: text fields, then up to five photos. */
export interface OutboxEntry {
  idempotencyKey: string;
  fields: Record<string, string>;
  photos: Blob[];
  /** The language the answer's messages should come in (the worker cannot read the page's). */
  locale: string;
  queuedAt: string;
}

/** A code with the secret that opens it; kept only on this device. */
export interface TrackingHandle {
  code: string;
  secret: string;
  savedAt: string;
  /** The outbox key it was sent under, so the page that queued it can show its code. */
  idempotencyKey?: string;
  stationName?: string;
}

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(OUTBOX, { keyPath: 'idempotencyKey' });
      request.result.createObjectStore(HANDLES, { keyPath: 'code' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** One request in its own transaction, resolved once the transaction has committed. */
async function inStore<T>(
  store: typeof OUTBOX | typeof HANDLES,
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await openDb();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = run(tx.objectStore(store));
    // The store holds only what this module wrote, of type T.
    tx.oncomplete = () => resolve(request.result as T);
    tx.onerror = () => reject(tx.error ?? new Error('indexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('indexedDB transaction aborted'));
  });
}

export const outboxEntries = () => inStore<OutboxEntry[]>(OUTBOX, 'readonly', (s) => s.getAll());
export const putOutboxEntry = (entry: OutboxEntry) =>
  inStore<unknown>(OUTBOX, 'readwrite', (s) => s.put(entry));
const deleteOutboxEntry = (key: string) =>
  inStore<unknown>(OUTBOX, 'readwrite', (s) => s.delete(key));

/** Newest first. */
export async function trackingHandles(): Promise<TrackingHandle[]> {
  const all = await inStore<TrackingHandle[]>(HANDLES, 'readonly', (s) => s.getAll());
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export const saveTrackingHandle = (handle: Omit<TrackingHandle, 'savedAt'>) =>
  inStore<unknown>(HANDLES, 'readwrite', (s) =>
    s.put({ ...handle, savedAt: new Date().toISOString() } satisfies TrackingHandle),
  );

/** What one attempt came to: sent (or found sent), no connection, or refused by the server. */
export type SendOutcome =
  | { kind: 'sent'; report: SubmittedReport }
  | { kind: 'offline' }
  | { kind: 'refused'; status: number; payload: unknown };

/** Sends one report as multipart/form-data; a retry of the same key answers the same report. */
export async function sendReportForm(entry: OutboxEntry): Promise<SendOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(entry.fields)) form.append(name, value);
  form.append('idempotencyKey', entry.idempotencyKey);
  for (const photo of entry.photos) form.append('photos', photo, 'photo.jpg');
  let response: Response;
  try {
    response = await fetch('/api/reports', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': entry.locale },
    });
  } catch {
    return { kind: 'offline' };
  }
  const payload: unknown = await response.json().catch(() => undefined);
  // 503 is the service worker's own "no connection" answer.
  if (response.status === 503) return { kind: 'offline' };
  if (!response.ok) return { kind: 'refused', status: response.status, payload };
  // The route's response schema guarantees the shape.
  const report = payload as SubmittedReport;
  await saveTrackingHandle({
    code: report.trackingCode,
    secret: report.secret,
    idempotencyKey: entry.idempotencyKey,
    stationName: report.station.name,
  });
  return { kind: 'sent', report };
}

let flushing: Promise<number> | null = null;

/**
 * Sends what waits, oldest first; stops at the first missing connection or rate limit (they
 * wait for the next try) and drops what the server refuses as invalid (it would block the
 * outbox forever). Answers how many were sent.
 */
export function flushOutbox(): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    const entries = (await outboxEntries()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    for (const entry of entries) {
      const outcome = await sendReportForm(entry);
      if (outcome.kind === 'offline') break;
      if (outcome.kind === 'refused' && (outcome.status === 429 || outcome.status >= 500)) break;
      await deleteOutboxEntry(entry.idempotencyKey);
      if (outcome.kind === 'sent') sent += 1;
    }
    return sent;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}
