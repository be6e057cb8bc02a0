import type { Role } from '../../common/domain/roles.js';
import { forbidden, unauthorized } from '../errors.js';
import type { AccountActor, Actor } from './actor.js';

/** What a station-held role may do. A role in a station reaches its descendants, never siblings. */
export const ACTION_ROLES = {
  'station.update': ['station_admin'],
  'station.create_child': ['station_admin'],
  'station.manage_officers': ['station_admin'],
  'station.assign_liaison': ['station_admin'],
  'audit.read': ['station_admin'],
  'console.open': ['officer', 'editor', 'station_admin'],
  'alert.issue': ['officer', 'editor', 'station_admin'],
  'alert.approve': ['officer', 'editor', 'station_admin'],
  'report.read': ['officer', 'editor', 'station_admin'],
  'report.update': ['officer', 'editor', 'station_admin'],
  'qa.manage': ['officer', 'editor', 'station_admin'],
  'qa.moderate': ['officer', 'editor', 'station_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type StationAction = keyof typeof ACTION_ROLES;

/** The part of a station the policy needs. */
export interface StationScope {
  id: string;
  path: string;
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === 'account' && actor.grants.some((g) => g.role === 'platform_admin');
}

/** True when the actor holds a role allowed `action` in `station` or one of its ancestors. */
export function can(actor: Actor, action: StationAction, station: StationScope): boolean {
  if (actor.kind !== 'account') return false;
  if (isPlatformAdmin(actor)) return true;
  const allowed: readonly Role[] = ACTION_ROLES[action];
  return actor.grants.some(
    (grant) =>
      allowed.includes(grant.role) &&
      grant.stationPath !== null &&
      station.path.startsWith(grant.stationPath),
  );
}

export function requireAccount(actor: Actor): AccountActor {
  if (actor.kind !== 'account') throw unauthorized();
  return actor;
}

export function assertCan(
  actor: Actor,
  action: StationAction,
  station: StationScope,
): AccountActor {
  const account = requireAccount(actor);
  if (!can(account, action, station)) throw forbidden();
  return account;
}

export function assertPlatformAdmin(actor: Actor): AccountActor {
  const account = requireAccount(actor);
  if (!isPlatformAdmin(account)) throw forbidden();
  return account;
}

/** Whether the actor holds any officer role at all (opens the console). */
export function isStaff(actor: Actor): boolean {
  return actor.kind === 'account' && actor.grants.some((g) => g.role !== 'citizen');
}

/** Unverified accounts may read and report, but not vote or ask: those need a known person. */
export function requireVerified(actor: Actor): AccountActor {
  const account = requireAccount(actor);
  if (!account.isVerified) throw forbidden('auth.verification_required');
  return account;
}
