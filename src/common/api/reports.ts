import { Type, type Static } from 'typebox';
import { AREA_CODE_PATTERN } from '../domain/areas.js';
import {
  REPORT_CATEGORIES,
  REPORT_CONTACT_MAX,
  REPORT_DESCRIPTION_MAX,
  REPORT_DESCRIPTION_MIN,
  REPORT_IDEMPOTENCY_KEY_PATTERN,
  REPORT_MESSAGE_MAX,
  REPORT_NOTE_MAX,
  REPORT_STATUSES,
} from '../domain/reports.js';
import { AlertDraftRef } from './alerts.js';
import { AreaRef } from './areas.js';
import { StationRef } from './stations.js';

export const ReportStatus = Type.Enum(REPORT_STATUSES);
export const ReportCategory = Type.Enum(REPORT_CATEGORIES);

const submitFields = {
  description: Type.String({
    minLength: REPORT_DESCRIPTION_MIN,
    maxLength: REPORT_DESCRIPTION_MAX,
  }),
  category: Type.Optional(ReportCategory),
  alertId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  areaCode: Type.Optional(Type.String({ pattern: AREA_CODE_PATTERN })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  /** How far off the shared position may be, as the phone reported it. */
  accuracyM: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
  /** When it happened, if not just now. */
  occurredAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  anonymous: Type.Optional(Type.Boolean()),
  /** The form's first name for `anonymous`, still accepted. */
  isAnonymous: Type.Optional(Type.Boolean()),
  /** A phone number or email the reporter chooses to leave for a call back. */
  contact: Type.Optional(Type.String({ minLength: 3, maxLength: REPORT_CONTACT_MAX })),
  /** Chosen by the client once per report: a retry with the same key answers the same report. */
  idempotencyKey: Type.Optional(Type.String({ pattern: REPORT_IDEMPOTENCY_KEY_PATTERN })),
};

export const SubmitReportBody = Type.Object(submitFields, { additionalProperties: false });
export type SubmitReportBody = Static<typeof SubmitReportBody>;

/**
 * The multipart form (text fields beside up to five `photos`): the same fields as text, with
 * `idempotencyKey` required, since a form is what the offline queue resends.
 */
export const SubmitReportForm = Type.Object(
  {
    ...submitFields,
    idempotencyKey: Type.String({ pattern: REPORT_IDEMPOTENCY_KEY_PATTERN }),
    photos: Type.Optional(
      Type.Array(Type.String({ format: 'binary' }), { maxItems: 5, description: 'JPEG/PNG/WebP' }),
    ),
  },
  { additionalProperties: false },
);

export const SubmittedReport = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  /** Shown once: with the code it opens the tracking page. Only its hash is kept. */
  secret: Type.String(),
  status: ReportStatus,
  station: StationRef,
});
export type SubmittedReport = Static<typeof SubmittedReport>;

export const ReportPhoto = Type.Object({
  id: Type.String(),
  width: Type.Union([Type.Number(), Type.Null()]),
  height: Type.Union([Type.Number(), Type.Null()]),
  /** Relative URL of the file (JPEG); needs the same credentials as the report. */
  url: Type.String(),
});
export type ReportPhoto = Static<typeof ReportPhoto>;

export const ReportTimelineEntry = Type.Object({
  at: Type.String(),
  status: ReportStatus,
  /** The reason given with a rejection (shown to the reporter). */
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type ReportTimelineEntry = Static<typeof ReportTimelineEntry>;

/** A message on a report's thread: the station's reply or the reporter's addition. */
export const ReportMessage = Type.Object({
  id: Type.String(),
  from: Type.Union([Type.Literal('station'), Type.Literal('reporter')]),
  body: Type.String(),
  createdAt: Type.String(),
});
export type ReportMessage = Static<typeof ReportMessage>;

export const ReportNote = Type.Object({
  id: Type.String(),
  authorName: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
});
export type ReportNote = Static<typeof ReportNote>;

/** What the holder of the code and secret (or the signed-in reporter) sees. */
export const ReportTracking = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  status: ReportStatus,
  category: Type.Union([ReportCategory, Type.Null()]),
  description: Type.String(),
  station: StationRef,
  createdAt: Type.String(),
  timeline: Type.Array(ReportTimelineEntry),
  messages: Type.Array(ReportMessage),
  photos: Type.Array(ReportPhoto),
});
export type ReportTracking = Static<typeof ReportTracking>;

export const TrackingParams = Type.Object({
  trackingCode: Type.String({ minLength: 4, maxLength: 20 }),
});

export const TrackingHeaders = Type.Object({
  'x-tracking-secret': Type.Optional(Type.String({ maxLength: 100 })),
});

export const ReportMessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: REPORT_MESSAGE_MAX }) },
  { additionalProperties: false },
);
export type ReportMessageBody = Static<typeof ReportMessageBody>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** An officer's view of a report in the queue. */
export const ReportView = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  status: ReportStatus,
  category: Nullable(ReportCategory),
  description: Type.String(),
  station: StationRef,
  alert: Nullable(Type.Object({ id: Type.String(), title: Type.String() })),
  area: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  accuracyM: Nullable(Type.Number()),
  occurredAt: Nullable(Type.String()),
  isAnonymous: Type.Boolean(),
  /** In the detail only (each view audited); null when anonymous or sent while logged out. */
  reporter: Nullable(Type.Object({ name: Type.String() })),
  contact: Nullable(Type.String()),
  note: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  /** The report this one was linked to as "laporan serupa". */
  duplicateOfId: Nullable(Type.String()),
  photoCount: Type.Number(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  firstResponseAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
});
export type ReportView = Static<typeof ReportView>;

/** One report with everything an officer of the handling station (or above) may see. */
export const ReportDetail = Type.Object({
  report: ReportView,
  photos: Type.Array(ReportPhoto),
  timeline: Type.Array(ReportTimelineEntry),
  messages: Type.Array(ReportMessage),
  notes: Type.Array(ReportNote),
  /** Reports linked to this one as duplicates. */
  similar: Type.Array(Type.Object({ id: Type.String(), trackingCode: Type.String() })),
});
export type ReportDetail = Static<typeof ReportDetail>;

export const ReportList = Type.Object({ items: Type.Array(ReportView) });
export type ReportList = Static<typeof ReportList>;

export const ReportListQuery = Type.Object(
  { status: Type.Optional(ReportStatus) },
  { additionalProperties: false },
);
export type ReportListQuery = Static<typeof ReportListQuery>;

export const ReportQueueQuery = Type.Object(
  {
    status: Type.Optional(ReportStatus),
    category: Type.Optional(ReportCategory),
    /** Reports in this area or below it. */
    area: Type.Optional(Type.String({ pattern: AREA_CODE_PATTERN })),
    /** Reports at least this many hours old. */
    minAgeHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    /** An officer's id, or `none` for the unassigned. */
    assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    stationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type ReportQueueQuery = Static<typeof ReportQueueQuery>;

export const ReportQueue = Type.Object({
  items: Type.Array(ReportView),
  /** Per status, over every report the caller can see (filters other than status applied). */
  counts: Type.Record(Type.String(), Type.Number()),
});
export type ReportQueue = Static<typeof ReportQueue>;

export const ReportIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ReportPhotoParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  mediaId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const TrackingPhotoParams = Type.Object({
  trackingCode: Type.String({ minLength: 4, maxLength: 20 }),
  mediaId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const UpdateReportBody = Type.Object(
  {
    status: Type.Optional(ReportStatus),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: REPORT_NOTE_MAX })),
    /** Required with `ditolak`: shown to the reporter. */
    reason: Type.Optional(Type.String({ minLength: 3, maxLength: REPORT_NOTE_MAX })),
    /** An officer of the handling station or above; null takes the assignment back. */
    assigneeId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
    /** Link as "laporan serupa" of that report; null unlinks. */
    duplicateOfId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateReportBody = Static<typeof UpdateReportBody>;

export const ReportTextBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: REPORT_MESSAGE_MAX }) },
  { additionalProperties: false },
);
export type ReportTextBody = Static<typeof ReportTextBody>;

/** Reports of one category close in space and time: a pattern that may call for a warning. */
export const ReportCluster = Type.Object({
  /** The cluster's oldest report: names it for the alert-draft action. */
  key: Type.String(),
  category: ReportCategory,
  count: Type.Integer(),
  /** The station most of its reports went to. */
  station: StationRef,
  /** The area most of its reports name (a village, usually); null when none is known. */
  area: Type.Union([AreaRef, Type.Null()]),
  /** Every area its reports name: the alert draft's target. */
  areaCodes: Type.Array(Type.String()),
  firstAt: Type.String(),
  lastAt: Type.String(),
  reports: Type.Array(Type.Object({ id: Type.String(), trackingCode: Type.String() })),
  /** "3 laporan pencurian di Kel. X dalam 7 hari", in the request's language. */
  summary: Type.String(),
  /** The alert draft made from any of its reports ("draf dibuat"), until it is discarded. */
  draft: Nullable(AlertDraftRef),
});
export type ReportCluster = Static<typeof ReportCluster>;

export const ReportClusterList = Type.Object({
  items: Type.Array(ReportCluster),
  rules: Type.Object({
    radiusM: Type.Integer(),
    windowDays: Type.Integer(),
    threshold: Type.Integer(),
  }),
});
export type ReportClusterList = Static<typeof ReportClusterList>;

export const ReportClusterParams = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 64 }),
});
export type ReportClusterParams = Static<typeof ReportClusterParams>;
