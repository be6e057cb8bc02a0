import { Type, type Static } from 'typebox';

export const AuditQuery = Type.Object({
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Entries with a lower seq' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorName: Type.String(),
  stationId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String({ examples: ['station.updated'] }),
  target: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
  summary: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntryView),
  nextBefore: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as `before` for the next page; null at the end',
  }),
});
export type AuditPage = Static<typeof AuditPage>;
