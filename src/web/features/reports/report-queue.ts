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

export const queuedReports = () => read<SubmitReportBody>(QUEUE_KEY);
export const myTrackingCodes = () => read<string>(CODES_KEY);

export function queueReport(report: SubmitReportBody): void {
  write(QUEUE_KEY, [...queuedReports(), report]);
}

export function rememberTrackingCode(code: string): void {
  write(CODES_KEY, [code, ...myTrackingCodes().filter((c) => c !== code)].slice(0, 20));
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
        rememberTrackingCode((await submitReport(next)).trackingCode);
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
