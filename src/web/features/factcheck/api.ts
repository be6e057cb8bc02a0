import type {
  ClarificationDocument,
  ClarificationView,
  CreateClarificationBody,
  ReviseClarificationBody,
  FactcheckCheckResult,
  FactcheckVerdictList,
  MostCheckedClarifications,
} from '../../../common/api/factcheck.js';
import type { SubmittedTip, TipGroupList, TipTracking } from '../../../common/api/tipline.js';
import type { StationListItem } from '../../api/types.js';
import { api, ApiError, NETWORK_ERROR, toApiError } from '../../api/client.js';
import { getLocale } from '../../i18n/locale.js';

export type { ClarificationDocument, ClarificationView, SubmittedTip, TipTracking };

const enc = encodeURIComponent;

/** Sends `fields` (and a file, as `image` unless named) as multipart, as a browser form would. */
async function postForm<T>(
  path: string,
  fields: Record<string, string>,
  file?: File,
  fileField = 'image',
): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append(fileField, file);
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      // Refusals (a file too large, of a type not taken) come back in the reader's language.
      headers: { accept: 'application/json', 'accept-language': getLocale() },
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
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
/** The station's published clarifications, newest first (the console's list). */
export const listStationClarifications = (stationId: string) =>
  api<{ items: ClarificationView[] }>('GET', `/api/clarifications?stationId=${enc(stationId)}`);
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
/** On a published clarification a correction: `note` is required and shown publicly. */
export const reviseClarification = (id: string, body: ReviseClarificationBody) =>
  api<ClarificationView>('PATCH', `/api/clarifications/${enc(id)}`, body);
export const withdrawClarification = (id: string, reason: string) =>
  api<ClarificationView>('POST', `/api/clarifications/${enc(id)}/withdraw`, { reason });
export const uploadClarificationDocument = (id: string, file: File) =>
  postForm<ClarificationDocument>(`/api/clarifications/${enc(id)}/documents`, {}, file, 'document');
export const removeClarificationDocument = (id: string, documentId: string) =>
  api<void>('DELETE', `/api/clarifications/${enc(id)}/documents/${enc(documentId)}`);

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
