import type { Role } from '../../common/domain/roles.js';

/** A role held by an account: in a station (with its ancestry path), or platform-wide. */
export interface Grant {
  role: Role;
  stationId: string | null;
  /** The station's materialised path, "/<poldaId>/<polresId>/"; null for platform_admin. */
  stationPath: string | null;
}

export interface AccountActor {
  kind: 'account';
  accountId: string;
  name: string;
  sessionId: string;
  /** An account with a verified email or phone may vote and ask; others read and report. */
  isVerified: boolean;
  grants: Grant[];
}

export interface AnonymousActor {
  kind: 'anonymous';
}

/** Who is making the request; services decide with it. */
export type Actor = AccountActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };

/** A label for logs and the audit trail. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'account' ? actor.name : 'anonymous';
}
