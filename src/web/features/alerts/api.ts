import type {
  AlertDraftContent,
  AlertDraftList,
  AlertDraftView,
  AlertList,
} from '../../../common/api/alerts.js';
import type {
  PushKeyView,
  PushSubscribeBody,
  PushSubscriptionView,
} from '../../../common/api/push.js';
import { api } from '../../api/client.js';
import type {
  AlertDelivery,
  AlertPreview,
  AlertTargetInput,
  AlertView,
  IssueAlertBody,
  PublicConfig,
  UpdateAlertBody,
} from '../../api/types.js';

// Endpoints of the citizen alert pages, push and the officers' alert console.
export type { AlertView };

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

export const getPublicConfig = () => api<PublicConfig>('GET', '/api/config/public');
export const listStationAlerts = (stationId: string, pending: boolean) =>
  api<AlertList>(
    'GET',
    `/api/alerts?station=${enc(stationId)}${pending ? '&pending=1' : '&limit=100'}`,
  );
export const getAlertDelivery = (id: string) =>
  api<AlertDelivery>('GET', `/api/alerts/${enc(id)}/delivery`);
export const previewAlert = (stationId: string, target: AlertTargetInput) =>
  api<AlertPreview>('POST', '/api/alerts/preview', { stationId, target });
export const issueAlert = (input: IssueAlertBody) => api<AlertView>('POST', '/api/alerts', input);
export const updateAlert = (id: string, input: UpdateAlertBody) =>
  api<AlertView>('POST', `/api/alerts/${enc(id)}/update`, input);
export const cancelAlert = (id: string, reason?: string) =>
  api<AlertView>('POST', `/api/alerts/${enc(id)}/cancel`, reason ? { reason } : {});
export const approveAlert = (id: string) =>
  api<AlertView>('POST', `/api/alerts/${enc(id)}/approve`, {});
export const rejectAlert = (id: string, reason: string) =>
  api<AlertView>('POST', `/api/alerts/${enc(id)}/reject`, { reason });

export const listAlertDrafts = (stationId: string) =>
  api<AlertDraftList>('GET', `/api/alerts/drafts?station=${enc(stationId)}`);
export const getAlertDraft = (id: string) =>
  api<AlertDraftView>('GET', `/api/alerts/drafts/${enc(id)}`);
export const saveAlertDraft = (id: string, content: AlertDraftContent) =>
  api<AlertDraftView>('PUT', `/api/alerts/drafts/${enc(id)}`, content);
export const issueAlertDraft = (id: string, content: AlertDraftContent) =>
  api<AlertView>('POST', `/api/alerts/drafts/${enc(id)}/issue`, content);
export const discardAlertDraft = (id: string) =>
  api<AlertDraftView>('POST', `/api/alerts/drafts/${enc(id)}/discard`, {});
