import { Type, type Static } from 'typebox';
import { AREA_CODE_PATTERN } from '../domain/areas.js';

const AREA_CODE = AREA_CODE_PATTERN.slice(1, -1);
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
export const STREAM_EVENT_ID_PATTERN = UUID;

/** `GET /api/stream`: what the tab listens to, besides a logged-in citizen's own areas. */
export const StreamQuery = Type.Object(
  {
    areas: Type.Optional(
      Type.String({
        pattern: `^${AREA_CODE}(,${AREA_CODE}){0,49}$`,
        description: 'Comma-separated area codes, e.g. 31.74.07.1001,31.71',
      }),
    ),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    drills: Type.Optional(
      Type.Union(
        [Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')],
        {
          description: 'Also receive drills (exercises and tests)',
        },
      ),
    ),
    qa: Type.Optional(
      Type.String({ pattern: UUID, description: 'Also the live events of this Q&A session' }),
    ),
    lastEventId: Type.Optional(
      Type.String({ pattern: UUID, description: 'For EventSource polyfills without the header' }),
    ),
  },
  { additionalProperties: false },
);
export type StreamQuery = Static<typeof StreamQuery>;

/** The JSON in every stream event's `data:` line. */
export const StreamEventData = Type.Object({
  id: Type.String(),
  type: Type.String(),
  isDrill: Type.Boolean(),
  createdAt: Type.String(),
  data: Type.Unknown(),
});
export type StreamEventData = Static<typeof StreamEventData>;
