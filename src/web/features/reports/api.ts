import type {
  ReportDetail,
  ReportQueue,
  ReportQueueQuery,
  ReportTracking,
  ReportView,
  SubmitReportBody,
  SubmittedReport,
  UpdateReportBody,
} from '../../../common/api/reports.js';
import type { ReportCategory } from '../../../common/domain/reports.js';
import { api, toApiError } from '../../api/client.js';

export type { ReportDetail, ReportQueueQuery, ReportTracking, ReportView, SubmitReportBody };
export type { SubmittedReport };

const enc = encodeURIComponent;

const secretHeader = (secret: string) => ({ 'x-tracking-secret': secret });

export const trackReport = (code: string, secret: string) =>
  api<ReportTracking>('GET', `/api/reports/track/${enc(code)}`, undefined, secretHeader(secret));
export const sendTipsterMessage = (code: string, secret: string, body: string) =>
  api<ReportTracking>(
    'POST',
    `/api/reports/track/${enc(code)}/messages`,
    { body },
    secretHeader(secret),
  );
/** A tracked report's photo: the secret goes in a header, so it comes as a Blob, not a URL. */
export async function fetchTrackedPhoto(url: string, secret: string): Promise<Blob> {
  const response = await fetch(url, { headers: secretHeader(secret), credentials: 'same-origin' });
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  return response.blob();
}
export const listMyReports = () => api<{ items: ReportTracking[] }>('GET', '/api/reports/mine');

export function listReportQueue(query: ReportQueueQuery) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return api<ReportQueue>('GET', `/api/reports${search ? `?${search}` : ''}`);
}
export const getReportDetail = (id: string) => api<ReportDetail>('GET', `/api/reports/${enc(id)}`);
export const updateReport = (id: string, input: UpdateReportBody) =>
  api<ReportView>('PATCH', `/api/reports/${enc(id)}`, input);
export const addReportText = (id: string, kind: 'replies' | 'notes', body: string) =>
  api<ReportDetail>('POST', `/api/reports/${enc(id)}/${kind}`, { body });

/** Alert categories have their labels in `alerts`; the report's own one in `reports`. */
export const reportCategoryKey = (category: ReportCategory) =>
  category === 'mencurigakan'
    ? ('reports.category.mencurigakan' as const)
    : (`alerts.category.${category}` as const);
