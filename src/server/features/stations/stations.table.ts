import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Role, StationLevel } from '../../../common/domain/roles.js';

export interface StationTable {
  id: string;
  slug: string;
  name: string;
  level: StationLevel;
  parentId: string | null;
  path: string;
  address: string;
  /** JSON array of { label, number } */
  phones: string;
  /** JSON object { facebook?, instagram?, x?, tiktok?, youtube?, website? } */
  socialLinks: string;
  timezone: string;
  isDemo: number;
  createdAt: string;
  updatedAt: string;
}
export type StationRow = Selectable<StationTable>;
export type NewStationRow = Insertable<StationTable>;
export type StationUpdate = Updateable<StationTable>;

export interface StationAreaTable {
  stationId: string;
  areaCode: string;
}

export interface RoleGrantTable {
  id: string;
  accountId: string;
  stationId: string | null;
  role: Role;
  createdAt: string;
}
export type RoleGrantRow = Selectable<RoleGrantTable>;

export interface VillageLiaisonTable {
  villageCode: string;
  stationId: string;
  accountId: string;
  assignedAt: string;
}

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    station: StationTable;
    station_area: StationAreaTable;
    role_grant: RoleGrantTable;
    village_liaison: VillageLiaisonTable;
  }
}
