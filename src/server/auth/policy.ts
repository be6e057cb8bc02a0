import type { Role } from '../../common/domain/roles.js';
import { forbidden, unauthorized } from '../errors.js';
import type { AccountActor, Actor } from './actor.js';

/**
 * Station actions by the feature that checks them (`typeof <feature>Policies`), added by
 * declaration merging, so `StationAction` is a checked union and the kernel names no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features' modules
export interface StationPolicies {}

type ActionsOf<P> = P extends Readonly<Record<infer A, readonly Role[]>> ? A : never;
export type StationAction = Extract<
  { [F in keyof StationPolicies]: ActionsOf<StationPolicies[F]> }[keyof StationPolicies],
  string
>;

/** What a station-held role may do. A role in a station reaches its descendants, never siblings. */
const actionRoles = new Map<string, readonly Role[]>();

/**
 * Binds a module's actions to their roles (compose does it once per module). The same roles
 * again are a no-op; an action claimed with other roles is a bug.
 */
export function registerPolicies(policies: Readonly<Record<string, readonly Role[]>>): void {
  for (const [action, roles] of Object.entries(policies)) {
    const known = actionRoles.get(action);
    if (known && known.join() !== roles.join()) {
      throw new Error(`station action ${action} is declared twice with different roles`);
    }
    actionRoles.set(action, roles);
  }
}

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
  const allowed = actionRoles.get(action);
  if (!allowed) throw new Error(`station action ${action} has no policy: is its module composed?`);
  if (actor.kind !== 'account') return false;
  if (isPlatformAdmin(actor)) return true;
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
