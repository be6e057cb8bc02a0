import type {
  ReportList,
  ReportTracking,
  ReportView,
  SubmitReportBody,
  SubmittedReport,
  UpdateReportBody,
} from '../../../common/api/reports.js';
import type { ReportCategory, ReportStatus } from '../../../common/domain/reports.js';
import { api } from '../../api/client.js';

export type { ReportTracking, ReportView, SubmitReportBody, SubmittedReport };

const enc = encodeURIComponent;

export const submitReport = (input: SubmitReportBody) =>
  api<SubmittedReport>('POST', '/api/reports', input);
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
export const listStationReports = (stationId: string, status?: ReportStatus) =>
  api<ReportList>(
    'GET',
    `/api/stations/${enc(stationId)}/reports${status ? `?status=${status}` : ''}`,
  );
export const updateReport = (id: string, input: UpdateReportBody) =>
  api<ReportView>('PATCH', `/api/reports/${enc(id)}`, input);

/** Alert categories have their labels in `alerts`; the report's own one in `reports`. */
export const reportCategoryKey = (category: ReportCategory) =>
  category === 'mencurigakan'
    ? ('reports.category.mencurigakan' as const)
    : (`alerts.category.${category}` as const);
