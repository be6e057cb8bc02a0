import type { Insertable, Selectable } from 'kysely';

export interface AuditLogTable {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  stationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** JSON summary of the change */
  summary: string;
  prevHash: string;
  hash: string;
}
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    audit_log: AuditLogTable;
  }
}
