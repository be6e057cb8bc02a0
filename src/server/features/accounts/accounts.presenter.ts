import type {
  AccountExport,
  AccountView,
  OfficerView,
  PersonalDataExport,
} from '../../../common/api/accounts.js';
import type { Grant } from '../../auth/actor.js';
import type { StoredSession } from '../../auth/session.repository.js';
import type { RoleGrantView } from '../stations/stations.service.js';
import type { AccountRow } from './accounts.table.js';

/** Citizen is implicit: only station roles and platform_admin are listed. */
function toRoleViews(grants: Array<Pick<Grant, 'role' | 'stationId'>>) {
  return grants
    .filter((grant) => grant.role !== 'citizen')
    .map((grant) => ({ role: grant.role, stationId: grant.stationId }));
}

/** The account as its owner sees it: no hashes, no secrets. */
export function toAccountView(row: AccountRow, grants: Grant[]): AccountView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    isEmailVerified: row.isEmailVerified === 1,
    isPhoneVerified: row.isPhoneVerified === 1,
    isVerified: row.isEmailVerified === 1 || row.isPhoneVerified === 1,
    isTotpEnabled: row.isTotpEnabled === 1,
    locale: row.locale,
    roles: toRoleViews(grants),
  };
}

/** UU PDP data export: everything kept about the account except password hash and TOTP secret. */
export function toAccountExport(input: {
  account: AccountRow;
  sessions: StoredSession[];
  areas: Array<{ areaCode: string; kind: string }>;
  grants: RoleGrantView[];
  kept: Partial<PersonalDataExport>;
  exportedAt: string;
}): AccountExport {
  const { account } = input;
  return {
    exportedAt: input.exportedAt,
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      phone: account.phone,
      isEmailVerified: account.isEmailVerified === 1,
      isPhoneVerified: account.isPhoneVerified === 1,
      isTotpEnabled: account.isTotpEnabled === 1,
      locale: account.locale,
      createdAt: account.createdAt,
      updatedAt: account.updatedAt,
    },
    sessions: input.sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      revokedAt: session.revokedAt,
      ip: session.ip,
      userAgent: session.userAgent,
    })),
    areas: input.areas,
    roleGrants: input.grants.map((grant) => ({
      role: grant.role,
      stationId: grant.stationId,
      createdAt: grant.createdAt,
    })),
    // Every module's part (Q&A questions, contest entries, …), then the defaults.
    ...input.kept,
    reports: input.kept.reports ?? [],
    pushSubscriptions: input.kept.pushSubscriptions ?? [],
  };
}

interface OfficerContact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
}

/** One officer per account, in the accounts' order, each with its grants in their order. */
export function toOfficerViews(
  accounts: OfficerContact[],
  grants: Array<Pick<RoleGrantView, 'accountId' | 'role' | 'stationId'>>,
): OfficerView[] {
  return accounts.map((account) => ({
    id: account.id,
    name: account.name,
    email: account.email,
    phone: account.phone,
    roles: toRoleViews(grants.filter((grant) => grant.accountId === account.id)),
  }));
}
