import type { Insertable, Selectable } from 'kysely';
import type { AreaLevel } from '../../../common/domain/areas.js';

export interface AreaTable {
  /** Official dotted code: 31, 31.74, 31.74.07, 31.74.07.1001 */
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  searchName: string;
}
export type AreaRow = Selectable<AreaTable>;
export type NewAreaRow = Insertable<AreaTable>;

export interface AreaBoundaryTable {
  code: string;
  /** GeoJSON Polygon or MultiPolygon geometry */
  geometry: string;
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}
export type AreaBoundaryRow = Selectable<AreaBoundaryTable>;

/** A citizen's home and other areas of interest. */
export interface AccountAreaTable {
  accountId: string;
  areaCode: string;
  kind: 'home' | 'interest';
}
export type AccountAreaRow = Selectable<AccountAreaTable>;

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    account_area: AccountAreaTable;
    area: AreaTable;
    area_boundary: AreaBoundaryTable;
  }
}
