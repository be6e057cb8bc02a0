import type { AlertView } from '../../common/api/alerts.js';

/** One `event: alert` from `GET /api/stream` (the JSON of its data line). */
export interface LiveAlertEvent {
  id: string;
  isDrill: boolean;
  createdAt: string;
  data: AlertView;
}

export interface LiveQuery {
  areas: string[];
  location: { lat: number; lng: number } | null;
  drills: boolean;
}

export function streamUrl(query: LiveQuery, lastEventId?: string): string {
  const params = new URLSearchParams();
  if (query.areas.length > 0) params.set('areas', query.areas.slice(0, 50).join(','));
  if (query.location) {
    params.set('lat', String(query.location.lat));
    params.set('lng', String(query.location.lng));
  }
  if (query.drills) params.set('drills', '1');
  if (lastEventId) params.set('lastEventId', lastEventId);
  const search = params.toString();
  return search ? `/api/stream?${search}` : '/api/stream';
}

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/**
 * Listens to the live stream until closed. The browser reconnects by itself after a dropped
 * connection (sending Last-Event-ID); when it gives up (an error answer), we open a new
 * EventSource with backoff and pass the last id in the query, since a new object has no header.
 */
export function openLiveAlerts(
  query: LiveQuery,
  onAlert: (event: LiveAlertEvent) => void,
): () => void {
  let source: EventSource | undefined;
  let lastEventId: string | undefined;
  let retryMs = RETRY_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isClosed = false;

  const connect = () => {
    source = new EventSource(streamUrl(query, lastEventId), { withCredentials: true });
    source.addEventListener('open', () => {
      retryMs = RETRY_MIN_MS;
    });
    source.addEventListener('alert', (message) => {
      lastEventId = message.lastEventId || lastEventId;
      try {
        onAlert(JSON.parse(message.data as string) as LiveAlertEvent); // the server's frame shape
      } catch {
        // A malformed frame is skipped; the next one may be fine.
      }
    });
    source.addEventListener('error', () => {
      if (isClosed || source?.readyState !== EventSource.CLOSED) return;
      timer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    });
  };
  connect();
  return () => {
    isClosed = true;
    clearTimeout(timer);
    source?.close();
  };
}
