import { Type, type Static } from 'typebox';
import {
  CLARIFICATION_CLAIM_MAX,
  CLARIFICATION_DOCUMENT_MAX_MB,
  CLARIFICATION_EXAMPLE_MAX,
  CLARIFICATION_EXAMPLES_MAX,
  CLARIFICATION_EXPLANATION_MAX,
  CLARIFICATION_NOTE_MAX,
  CLARIFICATION_SOURCE_KINDS,
  CLARIFICATION_SOURCES_MAX,
  CLARIFICATION_STATUSES,
  CLARIFICATION_TITLE_MAX,
  FACTCHECK_TEXT_MAX,
  FACTCHECK_VERDICT_PATTERN,
} from '../domain/factcheck.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Url = Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://' });

/** One of the deployment's labels (GET /api/factcheck/verdicts; SIAGA_FACTCHECK_VERDICTS). */
export const FactcheckVerdict = Type.String({ pattern: FACTCHECK_VERDICT_PATTERN });

export const FactcheckVerdictList = Type.Object({ verdicts: Type.Array(Type.String()) });
export type FactcheckVerdictList = Static<typeof FactcheckVerdictList>;

/** A source is a link or a document, optionally with the title to show for it. */
export const ClarificationSource = Type.Object(
  {
    url: Url,
    title: Type.Optional(Type.String({ maxLength: 300 })),
    kind: Type.Optional(Type.Enum(CLARIFICATION_SOURCE_KINDS)),
  },
  { additionalProperties: false },
);
export type ClarificationSource = Static<typeof ClarificationSource>;

const Sources = Type.Array(Type.Union([Url, ClarificationSource]), {
  maxItems: CLARIFICATION_SOURCES_MAX,
});
const Examples = Type.Array(Type.String({ minLength: 1, maxLength: CLARIFICATION_EXAMPLE_MAX }), {
  maxItems: CLARIFICATION_EXAMPLES_MAX,
});

export const CreateClarificationBody = Type.Object(
  {
    stationId: Id,
    title: Type.String({ minLength: 3, maxLength: CLARIFICATION_TITLE_MAX }),
    /** The claim as it circulates. */
    claim: Type.String({ minLength: 3, maxLength: CLARIFICATION_CLAIM_MAX }),
    verdict: FactcheckVerdict,
    /** Markdown. */
    explanation: Type.String({ minLength: 1, maxLength: CLARIFICATION_EXPLANATION_MAX }),
    sources: Type.Optional(Sources),
    /** Texts of the hoax as it circulates (forwards), used for matching. */
    examples: Type.Optional(Examples),
    /** The tip group it answers: publishing answers every tip in it and tells those who asked. */
    tipGroupId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CreateClarificationBody = Static<typeof CreateClarificationBody>;

/** What an edit may change: a draft in place, a published clarification as a correction. */
export const ReviseClarificationBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: CLARIFICATION_TITLE_MAX })),
    claim: Type.Optional(Type.String({ minLength: 3, maxLength: CLARIFICATION_CLAIM_MAX })),
    verdict: Type.Optional(FactcheckVerdict),
    explanation: Type.Optional(
      Type.String({ minLength: 1, maxLength: CLARIFICATION_EXPLANATION_MAX }),
    ),
    sources: Type.Optional(Sources),
    examples: Type.Optional(Examples),
    /** Required for a published clarification: shown publicly with the correction. */
    note: Type.Optional(Type.String({ minLength: 3, maxLength: CLARIFICATION_NOTE_MAX })),
  },
  { additionalProperties: false },
);
export type ReviseClarificationBody = Static<typeof ReviseClarificationBody>;

export const WithdrawClarificationBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: CLARIFICATION_NOTE_MAX }) },
  { additionalProperties: false },
);
export type WithdrawClarificationBody = Static<typeof WithdrawClarificationBody>;

/** One correction after publication, as the public page lists it. */
export const ClarificationCorrection = Type.Object({
  at: Type.String(),
  note: Type.String(),
  /** The fields that changed. */
  changed: Type.Array(Type.String()),
  /** Their values before the correction (explanation, sources and examples are not repeated). */
  previous: Type.Object({
    title: Type.Optional(Type.String()),
    claim: Type.Optional(Type.String()),
    verdict: Type.Optional(Type.String()),
  }),
});
export type ClarificationCorrection = Static<typeof ClarificationCorrection>;

/** Evidence uploaded with a clarification (a letter, a statement): public, downloadable. */
export const ClarificationDocument = Type.Object({
  id: Type.String(),
  /** The file's name as the officer's device gave it. */
  name: Type.String(),
  /** The served file's MIME type: `application/pdf`, or `image/jpeg` for a picture. */
  type: Type.String(),
  /** Bytes of the served file. */
  size: Type.Integer(),
  url: Type.String(),
});
export type ClarificationDocument = Static<typeof ClarificationDocument>;

/** `POST /api/clarifications/:id/documents` (multipart `document`). */
export const ClarificationDocumentForm = Type.Object(
  {
    document: Type.String({
      format: 'binary',
      description: `PDF or JPEG/PNG/WebP/AVIF/GIF, up to ${CLARIFICATION_DOCUMENT_MAX_MB} MB; images are re-encoded without their metadata`,
    }),
  },
  { additionalProperties: false },
);

export const ClarificationDocumentParams = Type.Object({ id: Id, documentId: Id });

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
  withdrawnAt: Type.Union([Type.String(), Type.Null()]),
  withdrawnReason: Type.Union([Type.String(), Type.Null()]),
  /** Oldest first. */
  corrections: Type.Array(ClarificationCorrection),
  /** Uploaded evidence, oldest first. */
  documents: Type.Array(ClarificationDocument),
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
    /** Only this station's clarifications (the console's list). */
    stationId: Type.Optional(Id),
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

/** "Paling banyak dicek minggu ini": published clarifications by the checks they answered. */
export const MostCheckedClarifications = Type.Object({
  /** The week's Monday (WIB), `YYYY-MM-DD`. */
  week: Type.String(),
  items: Type.Array(Type.Object({ clarification: ClarificationView, checks: Type.Integer() })),
});
export type MostCheckedClarifications = Static<typeof MostCheckedClarifications>;
