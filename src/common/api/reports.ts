import { Type, type Static } from 'typebox';
import { ALERT_CATEGORIES } from '../domain/alerts.js';
import { AREA_CODE_PATTERN } from '../domain/areas.js';
import {
  REPORT_CONTACT_MAX,
  REPORT_DESCRIPTION_MAX,
  REPORT_DESCRIPTION_MIN,
  REPORT_NOTE_MAX,
  REPORT_STATUSES,
} from '../domain/reports.js';
import { StationRef } from './stations.js';

export const ReportStatus = Type.Enum(REPORT_STATUSES);

export const SubmitReportBody = Type.Object(
  {
    description: Type.String({
      minLength: REPORT_DESCRIPTION_MIN,
      maxLength: REPORT_DESCRIPTION_MAX,
    }),
    category: Type.Optional(Type.Enum(ALERT_CATEGORIES)),
    alertId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    areaCode: Type.Optional(Type.String({ pattern: AREA_CODE_PATTERN })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    isAnonymous: Type.Optional(Type.Boolean()),
    /** A phone number or email the reporter chooses to leave for a call back. */
    contact: Type.Optional(Type.String({ minLength: 3, maxLength: REPORT_CONTACT_MAX })),
  },
  { additionalProperties: false },
);
export type SubmitReportBody = Static<typeof SubmitReportBody>;

export const SubmittedReport = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  status: ReportStatus,
  station: StationRef,
});
export type SubmittedReport = Static<typeof SubmittedReport>;

/** What anyone holding the tracking code sees: no description, no reporter. */
export const ReportTracking = Type.Object({
  trackingCode: Type.String(),
  status: ReportStatus,
  station: StationRef,
});
export type ReportTracking = Static<typeof ReportTracking>;

export const TrackingParams = Type.Object({
  trackingCode: Type.String({ minLength: 4, maxLength: 20 }),
});

/** An officer's view of a report. */
export const ReportView = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  status: ReportStatus,
  category: Type.Union([Type.Enum(ALERT_CATEGORIES), Type.Null()]),
  description: Type.String(),
  station: StationRef,
  alert: Type.Union([Type.Object({ id: Type.String(), title: Type.String() }), Type.Null()]),
  area: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  isAnonymous: Type.Boolean(),
  /** Null when anonymous or sent while logged out. */
  reporter: Type.Union([Type.Object({ name: Type.String() }), Type.Null()]),
  contact: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  firstResponseAt: Type.Union([Type.String(), Type.Null()]),
});
export type ReportView = Static<typeof ReportView>;

export const ReportList = Type.Object({ items: Type.Array(ReportView) });
export type ReportList = Static<typeof ReportList>;

export const ReportListQuery = Type.Object(
  { status: Type.Optional(ReportStatus) },
  { additionalProperties: false },
);
export type ReportListQuery = Static<typeof ReportListQuery>;

export const ReportIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const UpdateReportBody = Type.Object(
  {
    status: ReportStatus,
    note: Type.Optional(Type.String({ minLength: 1, maxLength: REPORT_NOTE_MAX })),
  },
  { additionalProperties: false },
);
export type UpdateReportBody = Static<typeof UpdateReportBody>;
