import { deletePushSubscription, getPushKey, savePushSubscription } from './api.js';
import type { AlertPrefs } from './prefs.js';

export const isPushSupported = () =>
  'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The VAPID key is base64url; PushManager wants its bytes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!isPushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Sends this browser's subscription with the device's choices (the server adds my areas). */
async function postSubscription(subscription: PushSubscription, prefs: AlertPrefs) {
  const json = subscription.toJSON();
  await savePushSubscription({
    subscription: {
      endpoint: subscription.endpoint,
      expirationTime: subscription.expirationTime,
      keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
    },
    areas: prefs.areas,
    ...(prefs.location ? prefs.location : {}),
    drills: prefs.drills,
    mutedCategories: prefs.mutedCategories,
  });
}

/**
 * Asks for permission (only ever from a tap), subscribes and registers the subscription.
 * Resolves to the resulting permission.
 */
export async function enablePush(prefs: AlertPrefs): Promise<NotificationPermission> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes((await getPushKey()).publicKey),
    }));
  await postSubscription(subscription, prefs);
  return permission;
}

/** Re-sends the choices when they change, if this browser is subscribed. */
export async function refreshPushSubscription(prefs: AlertPrefs): Promise<void> {
  const subscription = await currentPushSubscription();
  if (subscription) await postSubscription(subscription, prefs);
}

export async function disablePush(): Promise<void> {
  const subscription = await currentPushSubscription();
  if (!subscription) return;
  await deletePushSubscription(subscription.endpoint);
  await subscription.unsubscribe();
}
