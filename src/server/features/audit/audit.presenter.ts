import type { AuditEntryView } from '../../../common/api/audit.js';
import type { AuditLogRow } from './audit.table.js';

/** The chain fields (ids of the actor, hashes) stay inside. */
export function toAuditEntryView(row: AuditLogRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at,
    actorName: row.actorName,
    stationId: row.stationId,
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    summary: JSON.parse(row.summary) as Record<string, unknown>,
  };
}
