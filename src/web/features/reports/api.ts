import type {
  ReportList,
  ReportTracking,
  ReportView,
  SubmitReportBody,
  SubmittedReport,
  UpdateReportBody,
} from '../../../common/api/reports.js';
import type { ReportStatus } from '../../../common/domain/reports.js';
import { api } from '../../api/client.js';

export type { ReportTracking, ReportView, SubmitReportBody, SubmittedReport };

const enc = encodeURIComponent;

export const submitReport = (input: SubmitReportBody) =>
  api<SubmittedReport>('POST', '/api/reports', input);
export const trackReport = (code: string) =>
  api<ReportTracking>('GET', `/api/reports/track/${enc(code)}`);
export const listStationReports = (stationId: string, status?: ReportStatus) =>
  api<ReportList>(
    'GET',
    `/api/stations/${enc(stationId)}/reports${status ? `?status=${status}` : ''}`,
  );
export const updateReport = (id: string, input: UpdateReportBody) =>
  api<ReportView>('PATCH', `/api/reports/${enc(id)}`, input);
