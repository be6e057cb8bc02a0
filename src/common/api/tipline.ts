import { Type, type Static } from 'typebox';
import { FACTCHECK_TEXT_MAX } from '../domain/factcheck.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });

/** A message nothing confident matched, sent to a station to check (anonymous allowed). */
export const SubmitTipBody = Type.Object(
  {
    stationId: Id,
    text: Type.String({ minLength: 1, maxLength: FACTCHECK_TEXT_MAX }),
  },
  { additionalProperties: false },
);
export type SubmitTipBody = Static<typeof SubmitTipBody>;

export const TipAnswer = Type.Object({
  clarificationId: Type.String(),
  title: Type.String(),
  verdict: Type.String(),
  url: Type.String(),
  answeredAt: Type.String(),
});
export type TipAnswer = Static<typeof TipAnswer>;

export const TIP_STATUSES = ['open', 'answered'] as const;

/** What the sender sees on the tracking page. */
export const TipTracking = Type.Object({
  trackingCode: Type.String(),
  status: Type.Enum(TIP_STATUSES),
  text: Type.String(),
  hasImage: Type.Boolean(),
  station: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String(),
  answer: Type.Union([TipAnswer, Type.Null()]),
});
export type TipTracking = Static<typeof TipTracking>;

/** The answer to a submission: keep the code and the secret to read the tracking page. */
export const SubmittedTip = Type.Object({
  trackingCode: Type.String(),
  secret: Type.String(),
  tracking: TipTracking,
});
export type SubmittedTip = Static<typeof SubmittedTip>;

/** Similar tips under one group: the number who asked is the officers' priority signal. */
export const TipGroupView = Type.Object({
  id: Type.String(),
  stationId: Type.String(),
  text: Type.String(),
  tipCount: Type.Integer(),
  status: Type.Enum(TIP_STATUSES),
  /** A few of the texts as sent, newest first. */
  samples: Type.Array(Type.String()),
  firstAt: Type.String(),
  lastAt: Type.String(),
  answer: Type.Union([TipAnswer, Type.Null()]),
});
export type TipGroupView = Static<typeof TipGroupView>;

export const TipGroupQuery = Type.Object(
  {
    stationId: Id,
    status: Type.Optional(Type.Enum(TIP_STATUSES)),
  },
  { additionalProperties: false },
);
export type TipGroupQuery = Static<typeof TipGroupQuery>;

export const TipGroupList = Type.Object({ items: Type.Array(TipGroupView) });
export type TipGroupList = Static<typeof TipGroupList>;
