import type {
  ClarificationView,
  CreateClarificationBody,
  FactcheckCheckResult,
  FactcheckVerdictList,
  MostCheckedClarifications,
} from '../../../common/api/factcheck.js';
import type { SubmittedTip, TipGroupList, TipTracking } from '../../../common/api/tipline.js';
import type { StationListItem } from '../../api/types.js';
import { api, toApiError } from '../../api/client.js';

export type { ClarificationView, SubmittedTip, TipTracking };

const enc = encodeURIComponent;

/** Sends `fields` (and a file) as multipart, as a browser form would. */
async function postForm<T>(path: string, fields: Record<string, string>, file?: File): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('image', file);
  const response = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin' });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

/** Text alone goes as JSON; with a picture as multipart `text` and `image`. */
export const checkMessage = (text: string, image?: File) =>
  image
    ? postForm<FactcheckCheckResult>('/api/factcheck/check', text ? { text } : {}, image)
    : api<FactcheckCheckResult>('POST', '/api/factcheck/check', { text });

export const sendTip = (stationId: string, text: string, image?: File) =>
  image
    ? postForm<SubmittedTip>('/api/factcheck/tips', { stationId, text }, image)
    : api<SubmittedTip>('POST', '/api/factcheck/tips', { stationId, text });

export const trackTip = (code: string, secret: string) =>
  api<TipTracking>('GET', `/api/factcheck/tips/track/${enc(code)}`, undefined, {
    'x-tracking-secret': secret,
  });

export const getClarification = (id: string) =>
  api<ClarificationView>('GET', `/api/clarifications/${enc(id)}`);
export const listClarifications = (q: string) =>
  api<{ items: ClarificationView[] }>('GET', `/api/clarifications${q ? `?q=${enc(q)}` : ''}`);
export const listMostChecked = () =>
  api<MostCheckedClarifications>('GET', '/api/clarifications/most-checked');
export const listStationsForTips = () => api<{ items: StationListItem[] }>('GET', '/api/stations');

export const listVerdicts = () => api<FactcheckVerdictList>('GET', '/api/factcheck/verdicts');
export const listTipGroups = (stationId: string, status: 'open' | 'answered' = 'open') =>
  api<TipGroupList>(
    'GET',
    `/api/factcheck/tip-groups?stationId=${enc(stationId)}&status=${status}`,
  );
export const draftClarification = (body: CreateClarificationBody) =>
  api<ClarificationView>('POST', '/api/clarifications', body);
export const publishClarification = (id: string) =>
  api<ClarificationView>('POST', `/api/clarifications/${enc(id)}/publish`);

/** The tips this device sent: the code and the secret, so the tracking page opens again. */
const STORE = 'siaga.factcheck.tips';
export function rememberTip(tip: { trackingCode: string; secret: string }): void {
  const all = rememberedTips().filter((item) => item.trackingCode !== tip.trackingCode);
  localStorage.setItem(STORE, JSON.stringify([tip, ...all].slice(0, 20)));
}
export function rememberedTips(): Array<{ trackingCode: string; secret: string }> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORE) ?? '[]');
    return Array.isArray(parsed) ? (parsed as Array<{ trackingCode: string; secret: string }>) : [];
  } catch {
    return [];
  }
}
