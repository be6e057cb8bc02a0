import type { AreaLevel } from '../../common/domain/areas.js';
import type { Role, StationLevel } from '../../common/domain/roles.js';

/** GET /api/me */
export interface Me {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  isEmailVerified: boolean;
  isPhoneVerified: boolean;
  isVerified: boolean;
  isTotpEnabled: boolean;
  locale: string;
  roles: Array<{ role: Role; stationId: string | null }>;
}

export interface AreaRef {
  code: string;
  name: string;
  level: AreaLevel;
}

export interface AreaSearchItem extends AreaRef {
  /** From the province down to the direct parent. */
  parents: AreaRef[];
}

export type AreaKind = 'home' | 'interest';

export interface StationPhone {
  label: string;
  number: string;
}

export interface StationSummary {
  id: string;
  slug: string;
  name: string;
  level: StationLevel;
  isDemo?: boolean;
}

export interface StationProfile extends StationSummary {
  address: string;
  phones: StationPhone[];
  socialLinks: Partial<Record<string, string>>;
  parent: StationSummary | null;
  children: StationSummary[];
  jurisdiction: AreaRef[];
}

export interface Liaison {
  name: string;
  phone: string | null;
}

/** GET /api/me/areas item */
export interface MyArea extends AreaSearchItem {
  kind: AreaKind;
  station: (StationSummary & { phones?: StationPhone[] }) | null;
  liaison: Liaison | null;
}

export interface Officer {
  accountId: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: Role;
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
}

export interface Page<T> {
  items: T[];
}
