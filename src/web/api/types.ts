import type { AreaLevel } from '../../common/domain/areas.js';
import type { StationLevel } from '../../common/domain/roles.js';

export type {
  AccountView as Me,
  OfficerCreated,
  OfficerCreateBody,
  OfficerView,
  RegisterBody,
  LoginBody,
} from '../../common/api/accounts.js';

// The shapes below follow the stations branch's src/common/api/{areas,stations,audit}.ts;
// switch to importing them once that branch lands.

export interface AreaRef {
  code: string;
  name: string;
  level: AreaLevel;
}

export interface AreaSummary extends AreaRef {
  parentCode: string | null;
  /** Nearest parent first, up to the province. */
  parents: AreaRef[];
  label: string;
}

export type AreaKind = 'home' | 'interest';

export interface Phone {
  label: string;
  number: string;
}

export interface StationRef {
  id: string;
  slug: string;
  name: string;
  level: StationLevel;
  /** Demo data (seeded for trying Siaga out), when the server says so. */
  isDemo?: boolean;
}

export interface StationListItem extends StationRef {
  parent: StationRef | null;
}

export interface StationView extends StationListItem {
  children: StationRef[];
  address: string;
  phones: Phone[];
  socialLinks: Partial<Record<string, string>>;
  jurisdiction: AreaRef[];
}

export interface MyArea extends AreaSummary {
  kind: AreaKind;
  station: (Omit<StationRef, 'level'> & { level: string; phones: Phone[] }) | null;
  liaison: { name: string; phone: string | null; whatsappUrl: string | null } | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  stationId: string | null;
  action: string;
  target: { type: string; id: string | null };
}
