import { Type, type Static } from 'typebox';
import { AREA_CODE_PATTERN } from '../domain/areas.js';

const BASE64URL = '^[A-Za-z0-9_-]+={0,2}$';

export const PushKeyView = Type.Object({
  publicKey: Type.String({ description: 'VAPID public key (applicationServerKey), base64url' }),
});
export type PushKeyView = Static<typeof PushKeyView>;

export const PushSubscribeBody = Type.Object(
  {
    subscription: Type.Object(
      {
        endpoint: Type.String({ minLength: 1, maxLength: 2048 }),
        expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
        keys: Type.Object(
          {
            // An uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url.
            p256dh: Type.String({ pattern: BASE64URL, minLength: 86, maxLength: 88 }),
            auth: Type.String({ pattern: BASE64URL, minLength: 22, maxLength: 24 }),
          },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
    areas: Type.Optional(
      Type.Array(Type.String({ pattern: AREA_CODE_PATTERN }), { maxItems: 50, uniqueItems: true }),
    ),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    drills: Type.Optional(Type.Boolean()),
    mutedCategories: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);
export type PushSubscribeBody = Static<typeof PushSubscribeBody>;

export const PushSubscriptionView = Type.Object({
  endpoint: Type.String(),
  areas: Type.Array(Type.String()),
  drills: Type.Boolean(),
  mutedCategories: Type.Array(Type.String()),
});
export type PushSubscriptionView = Static<typeof PushSubscriptionView>;

export const PushUnsubscribeBody = Type.Object(
  { endpoint: Type.String({ minLength: 1, maxLength: 2048 }) },
  { additionalProperties: false },
);
export type PushUnsubscribeBody = Static<typeof PushUnsubscribeBody>;

export const PushOpenedBody = Type.Object(
  {
    sourceType: Type.String({ pattern: '^[a-z_]{1,32}$' }),
    sourceId: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
export type PushOpenedBody = Static<typeof PushOpenedBody>;
