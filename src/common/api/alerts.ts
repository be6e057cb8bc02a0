import { Type, type Static } from 'typebox';
import {
  ALERT_BODY_MAX,
  ALERT_CATEGORIES,
  ALERT_CERTAINTIES,
  ALERT_INSTRUCTION_MAX,
  ALERT_MSG_TYPES,
  ALERT_RADIUS_MAX_M,
  ALERT_RADIUS_MIN_M,
  ALERT_SEVERITIES,
  ALERT_STATES,
  ALERT_STATUSES,
  ALERT_TITLE_MAX,
  ALERT_URGENCIES,
} from '../domain/alerts.js';
import { AREA_CODE_PATTERN } from '../domain/areas.js';

const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });

export const AlertCircle = Type.Object(
  {
    lat: Lat,
    lng: Lng,
    radiusM: Type.Number({ minimum: ALERT_RADIUS_MIN_M, maximum: ALERT_RADIUS_MAX_M }),
  },
  { additionalProperties: false },
);
export type AlertCircle = Static<typeof AlertCircle>;

/** A GeoJSON Polygon; ring closure, length and coordinate ranges are checked by the service. */
export const GeoJsonPolygon = Type.Object(
  {
    type: Type.Literal('Polygon'),
    coordinates: Type.Array(Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 })), {
      minItems: 1,
      maxItems: 20,
    }),
  },
  { additionalProperties: false },
);
export type GeoJsonPolygon = Static<typeof GeoJsonPolygon>;

export const AlertTargetInput = Type.Object(
  {
    areas: Type.Optional(
      Type.Array(Type.String({ pattern: AREA_CODE_PATTERN }), { maxItems: 200, uniqueItems: true }),
    ),
    circles: Type.Optional(Type.Array(AlertCircle, { maxItems: 20 })),
    polygons: Type.Optional(Type.Array(GeoJsonPolygon, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type AlertTargetInput = Static<typeof AlertTargetInput>;

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const DateTime = Type.String({ format: 'date-time' });

/** The fields an Update may change, all optional. */
const alertContentFields = {
  title: Text(ALERT_TITLE_MAX),
  body: Text(ALERT_BODY_MAX),
  category: Type.Enum(ALERT_CATEGORIES),
  severity: Type.Enum(ALERT_SEVERITIES),
  urgency: Type.Enum(ALERT_URGENCIES),
  certainty: Type.Enum(ALERT_CERTAINTIES),
  target: AlertTargetInput,
};
const alertOptionalFields = {
  status: Type.Optional(Type.Enum(ALERT_STATUSES)),
  instruction: Type.Optional(Text(ALERT_INSTRUCTION_MAX)),
  effectiveAt: Type.Optional(DateTime),
  expiresAt: Type.Optional(DateTime),
  titleEn: Type.Optional(Text(ALERT_TITLE_MAX)),
  bodyEn: Type.Optional(Text(ALERT_BODY_MAX)),
  instructionEn: Type.Optional(Text(ALERT_INSTRUCTION_MAX)),
  describesSuspect: Type.Optional(Type.Boolean()),
  hasPersonPhoto: Type.Optional(Type.Boolean()),
};

export const IssueAlertBody = Type.Object(
  { stationId: Type.String({ minLength: 1 }), ...alertContentFields, ...alertOptionalFields },
  { additionalProperties: false },
);
export type IssueAlertBody = Static<typeof IssueAlertBody>;

/** An Update sends only what changed; the station cannot change. */
export const UpdateAlertBody = Type.Partial(
  Type.Object({ ...alertContentFields, ...alertOptionalFields }),
  { additionalProperties: false },
);
export type UpdateAlertBody = Static<typeof UpdateAlertBody>;

export const CancelAlertBody = Type.Object(
  { reason: Type.Optional(Text(500)) },
  { additionalProperties: false },
);
export type CancelAlertBody = Static<typeof CancelAlertBody>;

export const RejectAlertBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export type RejectAlertBody = Static<typeof RejectAlertBody>;

export const PreviewAlertBody = Type.Object(
  { stationId: Type.String({ minLength: 1 }), target: AlertTargetInput },
  { additionalProperties: false },
);
export type PreviewAlertBody = Static<typeof PreviewAlertBody>;

const AreaRef = Type.Object({ code: Type.String(), name: Type.String() });

export const AlertPreview = Type.Object({
  keys: Type.Integer({ description: 'How many targeting keys the target resolves to' }),
  areas: Type.Array(AreaRef),
  cells: Type.Integer({ description: 'Fine H3 cells covered by the circles and polygons' }),
  reach: Type.Object({
    devices: Type.Integer({ description: 'Push subscriptions whose keys meet the target' }),
    liveConnections: Type.Integer({ description: 'Open streams on this node the target meets' }),
  }),
});
export type AlertPreview = Static<typeof AlertPreview>;

const Person = Type.Object({ name: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const AlertView = Type.Object(
  {
    id: Type.String(),
    stationId: Type.String(),
    station: Type.Object({ slug: Type.String(), name: Type.String() }),
    msgType: Type.Enum(ALERT_MSG_TYPES),
    references: Nullable(Type.String({ description: 'The original alert, for Update and Cancel' })),
    status: Type.Enum(ALERT_STATUSES),
    isDrill: Type.Boolean(),
    title: Type.String(),
    body: Type.String(),
    category: Type.Enum(ALERT_CATEGORIES),
    severity: Type.Enum(ALERT_SEVERITIES),
    urgency: Type.Enum(ALERT_URGENCIES),
    certainty: Type.Enum(ALERT_CERTAINTIES),
    instruction: Nullable(Type.String()),
    titleEn: Nullable(Type.String()),
    bodyEn: Nullable(Type.String()),
    instructionEn: Nullable(Type.String()),
    describesSuspect: Type.Boolean(),
    hasPersonPhoto: Type.Boolean(),
    effectiveAt: Type.String(),
    expiresAt: Type.String(),
    sentAt: Nullable(Type.String()),
    target: Type.Object({
      areas: Type.Array(AreaRef),
      circles: Type.Array(AlertCircle),
      polygons: Type.Array(GeoJsonPolygon),
    }),
    state: Type.Enum(ALERT_STATES),
    note: Nullable(Type.String({ description: 'Reason of a cancellation or rejection' })),
    approvals: Type.Array(
      Type.Object({
        decision: Type.Enum(['approved', 'rejected']),
        at: Type.String(),
        by: Type.Optional(Person),
      }),
    ),
    author: Type.Optional(Person),
  },
  { $id: 'AlertView' },
);
export type AlertView = Static<typeof AlertView>;

export const AlertList = Type.Object({ alerts: Type.Array(AlertView) });
export type AlertList = Static<typeof AlertList>;

export const AlertListQuery = Type.Object(
  {
    active: Type.Optional(Type.Enum(['0', '1'])),
    pending: Type.Optional(
      Type.Enum(['0', '1'], {
        description: "1: the station's alerts awaiting approval (its officers only; needs station)",
      }),
    ),
    area: Type.Optional(Type.String({ pattern: AREA_CODE_PATTERN })),
    station: Type.Optional(Type.String({ minLength: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type AlertListQuery = Static<typeof AlertListQuery>;

export const AlertIdParams = Type.Object({ id: Type.String({ minLength: 1 }) });

const Millis = Nullable(Type.Number({ description: 'Issue to delivery, milliseconds' }));
const ChannelFigures = {
  sent: Type.Integer(),
  delivered: Type.Integer(),
  failed: Type.Integer(),
  opened: Type.Integer(),
  latencyP50Ms: Millis,
  latencyP99Ms: Millis,
};

/** How one message went out, per channel (stream figures summed over nodes). */
export const AlertDelivery = Type.Object({
  push: Type.Object(ChannelFigures),
  stream: Type.Object({
    ...ChannelFigures,
    nodes: Type.Array(Type.Object({ nodeId: Type.String(), delivered: Type.Integer() })),
  }),
});
export type AlertDelivery = Static<typeof AlertDelivery>;

/** What a draft holds: the alert as it would be issued; its station is the draft's. */
export const AlertDraftContent = Type.Object(
  { ...alertContentFields, ...alertOptionalFields },
  { additionalProperties: false },
);
export type AlertDraftContent = Static<typeof AlertDraftContent>;

export const ALERT_DRAFT_STATES = ['open', 'issued', 'discarded'] as const;

/** What another feature shows of a draft made from its records (a cluster: "draf dibuat"). */
export const AlertDraftRef = Type.Object({
  id: Type.String(),
  state: Type.Enum(ALERT_DRAFT_STATES),
  /** The alert it became, once issued. */
  alertId: Nullable(Type.String()),
});
export type AlertDraftRef = Static<typeof AlertDraftRef>;

/** A stored draft, for the station's officers; the composer opens, edits, issues or discards it. */
export const AlertDraftView = Type.Object({
  ...AlertDraftRef.properties,
  stationId: Type.String(),
  content: AlertDraftContent,
  /** Names of the target's areas, for the composer. */
  areas: Type.Array(AreaRef),
  source: Type.Object({
    type: Type.String({ description: 'What it was drafted from, e.g. `report`' }),
    ids: Type.Array(Type.String()),
  }),
  authorName: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type AlertDraftView = Static<typeof AlertDraftView>;

export const AlertDraftList = Type.Object({ drafts: Type.Array(AlertDraftView) });
export type AlertDraftList = Static<typeof AlertDraftList>;

export const AlertDraftListQuery = Type.Object(
  {
    station: Type.String({
      minLength: 1,
      description: 'Open drafts of this station and the stations below it',
    }),
  },
  { additionalProperties: false },
);
export type AlertDraftListQuery = Static<typeof AlertDraftListQuery>;
