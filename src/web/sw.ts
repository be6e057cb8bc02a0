// Service worker: the app shell and built assets are precached; API reads are network-first
// with the last answer kept for offline reading; hashed assets are cache-first.

import { toPushPayload, type PushPayload } from './features/alerts/push-payload.js';
import {
  flushOutbox,
  OUTBOX_CHANGED,
  OUTBOX_SYNC_TAG,
  outboxEntries,
} from './features/reports/report-outbox.js';
import { receiveSharedItem, SHARE_TARGET_PATH } from './features/factcheck/shared-item.js';

// The DOM and WebWorker libraries cannot share one program, so the few worker types used here
// are declared locally.
interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface SwPushEvent extends SwExtendableEvent {
  data: { json(): unknown } | null;
}
interface SwSyncEvent extends SwExtendableEvent {
  tag: string;
}
interface SwNotificationEvent extends SwExtendableEvent {
  notification: Notification;
}
interface SwWindowClient {
  url: string;
  postMessage(message: unknown): void;
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
}
interface SwScope {
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: SwExtendableEvent) => void,
  ): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'push', listener: (event: SwPushEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SwSyncEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: SwNotificationEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<SwWindowClient[]>;
    openWindow(url: string): Promise<unknown>;
  };
  registration: ServiceWorkerRegistration;
  location: Location;
}

// Replaced at build time by the list of built files (see vite.config.ts).
declare const __PRECACHE_URLS__: string[];

const scope = self as unknown as SwScope; // `self` is typed as a window by the DOM library
const PRECACHE_URLS = __PRECACHE_URLS__;
const SHELL_CACHE = `siaga-shell-${hash(PRECACHE_URLS.join('|'))}`;
const API_CACHE = 'siaga-api';

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE_URLS))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key !== SHELL_CACHE && key !== API_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.method === 'POST' && url.pathname === SHARE_TARGET_PATH) {
    event.respondWith(receiveSharedItem(request, url.origin));
    return;
  }
  if (request.method !== 'GET') {
    // What one account read must not be shown offline to the next one on this phone.
    if (url.pathname === '/api/auth/logout') event.waitUntil(caches.delete(API_CACHE));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if ((request.headers.get('accept') ?? '').includes('text/event-stream')) return;
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate') {
    // Every page URL is the same shell; offline, the cached one opens.
    event.respondWith(fetch(request).catch(() => cachedOr(new Request('/'), offlineResponse)));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

async function networkFirst(request: Request): Promise<Response> {
  const key = await cacheKey(request);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(API_CACHE);
      await cache.put(key, response.clone());
    }
    return response;
  } catch {
    return cachedOr(key, offlineResponse);
  }
}

/**
 * A tracking view (a report's, a tip's) is read with its secret in a header: cached by URL alone,
 * anyone on this phone who knows the code would see it offline. Its key carries a hash of the
 * secret, so only the holder of the secret finds it.
 */
async function cacheKey(request: Request): Promise<Request> {
  const secret = request.headers.get('x-tracking-secret');
  if (!secret) return request;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  const url = new URL(request.url);
  url.searchParams.set('siaga-secret-sha256', hex);
  return new Request(url);
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function cachedOr(request: Request, fallback: () => Response): Promise<Response> {
  return (await caches.match(request)) ?? fallback();
}

/** The API's error shape, so the client shows its "you are offline" message. */
function offlineResponse(): Response {
  return new Response(JSON.stringify({ error: { code: 'web.offline', message: '' } }), {
    status: 503,
    headers: { 'content-type': 'application/json' },
  });
}

// ---------------------------------------------------------------------------------------------
// Background Sync: reports written offline wait in IndexedDB; the browser wakes the worker when
// the connection returns. A failed flush rejects, so the browser tries again later.

scope.addEventListener('sync', (event) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(
    flushOutbox().then(async (sent) => {
      const tabs = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
      if (sent > 0) for (const tab of tabs) tab.postMessage(OUTBOX_CHANGED);
      if ((await outboxEntries()).length > 0) throw new Error('reports still waiting');
    }),
  );
});

// ---------------------------------------------------------------------------------------------
// Web Push: alerts arrive as JSON `{ id, title, body, url, msgType, tag, category, … }`.

scope.addEventListener('push', (event) => {
  let raw: unknown = null;
  try {
    raw = event.data?.json() ?? null;
  } catch {
    // Not JSON: still show something rather than an empty notification.
  }
  const payload = toPushPayload(raw);
  event.waitUntil(
    scope.registration.showNotification(payload.title, {
      body: payload.body,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      ...(payload.tag ? { tag: payload.tag } : {}),
      data: payload,
    }),
  );
});

scope.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const payload = toPushPayload(event.notification.data);
  event.waitUntil(Promise.all([openPage(payload.url), reportOpened(payload)]));
});

/** Focuses a tab of ours (moving it to the page) or opens one. */
async function openPage(path: string): Promise<void> {
  const url = new URL(path, scope.location.origin).href;
  const tabs = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const tab = tabs.find((client) => client.url === url) ?? tabs[0];
  if (tab) {
    await tab.focus();
    if (tab.url !== url) await tab.navigate(url).catch(() => undefined);
    return;
  }
  await scope.clients.openWindow(url);
}

/** For the delivery figures; losing one count is better than failing the click. */
async function reportOpened(payload: PushPayload): Promise<void> {
  if (!payload.id) return;
  await fetch('/api/push/opened', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sourceType: payload.sourceType, sourceId: payload.id }),
  }).catch(() => undefined);
}
