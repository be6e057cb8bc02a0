import type { AlertList, AlertView } from '../../common/api/alerts.js';
import type {
  AccountView,
  TotpSetupView,
  VerificationChannel,
  VerificationSent,
} from '../../common/api/accounts.js';
import type {
  PushKeyView,
  PushSubscribeBody,
  PushSubscriptionView,
} from '../../common/api/push.js';
import type { Static } from 'typebox';
import { api } from './client.js';

// Endpoints of the citizen alert pages, push and the account page (type-only schema imports).
export type { AlertView, VerificationChannel };
type Sent = Static<typeof VerificationSent>;
type TotpSetup = Static<typeof TotpSetupView>;

const enc = encodeURIComponent;

export const getAlert = (id: string) => api<AlertView>('GET', `/api/alerts/${enc(id)}`);
export const listActiveAlerts = (area?: string) =>
  api<AlertList>('GET', area ? `/api/alerts?active=1&area=${enc(area)}` : '/api/alerts?active=1');
export const capUrl = (id: string) => `/api/alerts/${enc(id)}/cap.xml`;

export const getPushKey = () => api<PushKeyView>('GET', '/api/push/key');
export const savePushSubscription = (body: PushSubscribeBody) =>
  api<PushSubscriptionView>('POST', '/api/push/subscriptions', body);
export const deletePushSubscription = (endpoint: string) =>
  api<{ ok: true }>('DELETE', '/api/push/subscriptions', { endpoint });

export const requestVerification = (channel: VerificationChannel) =>
  api<Sent>('POST', '/api/me/verification', { channel });
export const confirmVerification = (channel: VerificationChannel, code: string) =>
  api<AccountView>('POST', '/api/me/verification/confirm', { channel, code });
export const setUpTotp = () => api<TotpSetup>('POST', '/api/me/totp/setup', {});
export const enableTotp = (code: string) =>
  api<AccountView>('POST', '/api/me/totp/enable', { code });
export const disableTotp = (password: string) =>
  api<AccountView>('POST', '/api/me/totp/disable', { password });
export const EXPORT_URL = '/api/me/export';
export const deleteAccount = (password: string) =>
  api<{ ok: true }>('DELETE', '/api/me', { password });
