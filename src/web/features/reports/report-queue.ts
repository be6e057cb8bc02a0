// Reports written without a connection wait in localStorage and go out when the browser is
// back online (the `online` event, or the next start of the app). The tracking codes this
// browser received are kept too, so the tracking page can list them.
import { OFFLINE_CODES, ApiError } from '../../api/client.js';
import { submitReport, type SubmitReportBody } from './api.js';

const QUEUE_KEY = 'siaga.reports.queue';
const CODES_KEY = 'siaga.reports.codes';
/** Sent from the queue: pages listening refresh what they show. */
export const QUEUE_FLUSHED_EVENT = 'siaga:reports-flushed';

function read<T>(key: string): T[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    // Written only by this module, as arrays of T.
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

const write = (key: string, items: unknown[]) => localStorage.setItem(key, JSON.stringify(items));

/** A code with the secret that opens it; kept only on this device. */
export interface TrackingHandle {
  code: string;
  secret: string;
}

export const queuedReports = () => read<SubmitReportBody>(QUEUE_KEY);
// Entries of the old shape (a bare code, no secret) cannot open anything any more.
export const myTrackingHandles = () =>
  read<TrackingHandle | string>(CODES_KEY).filter(
    (entry): entry is TrackingHandle => typeof entry === 'object',
  );

/** Queued with its idempotency key, so a send whose answer was lost is not sent twice. */
export function queueReport(report: SubmitReportBody): void {
  write(QUEUE_KEY, [...queuedReports(), report]);
}

export function rememberTrackingHandle(handle: TrackingHandle): void {
  write(
    CODES_KEY,
    [handle, ...myTrackingHandles().filter((h) => h.code !== handle.code)].slice(0, 20),
  );
}

export const isOffline = (error: unknown) =>
  error instanceof ApiError && (OFFLINE_CODES.has(error.code) || error.status === 0);

let isFlushing = false;

/** Sends what waits; stops at the first network failure, drops reports the server refuses. */
export async function flushReportQueue(): Promise<void> {
  if (isFlushing) return;
  isFlushing = true;
  try {
    for (let next = queuedReports()[0]; next; next = queuedReports()[0]) {
      try {
        const sent = await submitReport(next);
        rememberTrackingHandle({ code: sent.trackingCode, secret: sent.secret });
      } catch (error) {
        if (isOffline(error) || (error instanceof ApiError && error.status === 429)) return;
        // Refused as invalid: keeping it would block the queue forever.
      }
      write(QUEUE_KEY, queuedReports().slice(1));
      dispatchEvent(new Event(QUEUE_FLUSHED_EVENT));
    }
  } finally {
    isFlushing = false;
  }
}

export function startReportQueue(): void {
  addEventListener('online', () => void flushReportQueue());
  if (queuedReports().length > 0) void flushReportQueue();
}
