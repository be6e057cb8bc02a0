import { Type, type TSchema } from 'typebox';

/** The one error shape every route answers with. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable code, `feature.reason`' }),
      message: Type.String({ description: "In the caller's language (Accept-Language)" }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** Response schemas for a route: its success bodies plus the error shape for 4xx. */
export function withErrors<T extends Record<number, TSchema>>(success: T) {
  return { ...success, '4xx': ErrorResponse };
}

export const Ok = Type.Object({ ok: Type.Literal(true) });
