import { Type, type Static } from 'typebox';
import {
  CLARIFICATION_CLAIM_MAX,
  CLARIFICATION_EXAMPLE_MAX,
  CLARIFICATION_EXAMPLES_MAX,
  CLARIFICATION_EXPLANATION_MAX,
  CLARIFICATION_SOURCES_MAX,
  CLARIFICATION_STATUSES,
  CLARIFICATION_TITLE_MAX,
  FACTCHECK_TEXT_MAX,
  FACTCHECK_VERDICTS,
} from '../domain/factcheck.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Url = Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://' });

export const FactcheckVerdict = Type.Enum(FACTCHECK_VERDICTS);

/** A source is a link, optionally with the title to show for it. */
export const ClarificationSource = Type.Object(
  { url: Url, title: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);
export type ClarificationSource = Static<typeof ClarificationSource>;

export const CreateClarificationBody = Type.Object(
  {
    stationId: Id,
    title: Type.String({ minLength: 3, maxLength: CLARIFICATION_TITLE_MAX }),
    /** The claim as it circulates. */
    claim: Type.String({ minLength: 3, maxLength: CLARIFICATION_CLAIM_MAX }),
    verdict: FactcheckVerdict,
    /** Markdown. */
    explanation: Type.String({ minLength: 1, maxLength: CLARIFICATION_EXPLANATION_MAX }),
    sources: Type.Optional(
      Type.Array(Type.Union([Url, ClarificationSource]), { maxItems: CLARIFICATION_SOURCES_MAX }),
    ),
    /** Texts of the hoax as it circulates (forwards), used for matching. */
    examples: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: CLARIFICATION_EXAMPLE_MAX }), {
        maxItems: CLARIFICATION_EXAMPLES_MAX,
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateClarificationBody = Static<typeof CreateClarificationBody>;

export const ClarificationView = Type.Object({
  id: Type.String(),
  station: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  title: Type.String(),
  claim: Type.String(),
  verdict: FactcheckVerdict,
  explanation: Type.String(),
  /** The explanation rendered and sanitised. */
  explanationHtml: Type.String(),
  sources: Type.Array(ClarificationSource),
  examples: Type.Array(Type.String()),
  status: Type.Enum(CLARIFICATION_STATUSES),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  /** Absolute URL of the public page. */
  url: Type.String(),
});
export type ClarificationView = Static<typeof ClarificationView>;

export const ClarificationList = Type.Object({
  items: Type.Array(ClarificationView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type ClarificationList = Static<typeof ClarificationList>;

export const ClarificationListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ClarificationListQuery = Static<typeof ClarificationListQuery>;

export const ClarificationIdParams = Type.Object({ id: Id });

export const FactcheckCheckBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: FACTCHECK_TEXT_MAX }) },
  { additionalProperties: false },
);
export type FactcheckCheckBody = Static<typeof FactcheckCheckBody>;

/** The check as multipart: a text, an image (a screenshot, a forwarded picture) or both. */
export const FactcheckCheckForm = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: FACTCHECK_TEXT_MAX })),
    image: Type.Optional(Type.String({ format: 'binary', description: 'JPEG/PNG/WebP/AVIF/GIF' })),
  },
  { additionalProperties: false },
);

/** `POST /api/clarifications/:id/images` (multipart `image`): an example image of the hoax. */
export const ClarificationImageForm = Type.Object(
  { image: Type.String({ format: 'binary', description: 'JPEG/PNG/WebP/AVIF/GIF' }) },
  { additionalProperties: false },
);

export const ClarificationImageView = Type.Object({
  id: Type.String(),
  /** The image as served (public). */
  url: Type.String(),
});
export type ClarificationImageView = Static<typeof ClarificationImageView>;

export const FactcheckCandidate = Type.Object({
  clarificationId: Type.String(),
  /** 0–1, calibrated: comparable across queries. */
  score: Type.Number(),
  /** Strong enough to show as the answer. */
  confident: Type.Boolean(),
  verdict: FactcheckVerdict,
  title: Type.String(),
  url: Type.String(),
});
export type FactcheckCandidate = Static<typeof FactcheckCandidate>;

export const FactcheckCheckResult = Type.Object({ candidates: Type.Array(FactcheckCandidate) });
export type FactcheckCheckResult = Static<typeof FactcheckCheckResult>;
