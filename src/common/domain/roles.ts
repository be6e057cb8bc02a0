/** Roles, from least to most powerful. Every role but citizen is held in a station. */
export const ROLES = ['citizen', 'officer', 'editor', 'station_admin', 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a station admin may grant inside their station. */
export const STATION_ROLES = ['officer', 'editor', 'station_admin'] as const;
export type StationRole = (typeof STATION_ROLES)[number];

export function isStationRole(role: string): role is StationRole {
  return (STATION_ROLES as readonly string[]).includes(role);
}

export const STATION_LEVELS = ['polda', 'polres', 'polsek'] as const;
export type StationLevel = (typeof STATION_LEVELS)[number];

/** The level a child station must have under a parent of the given level. */
export const CHILD_LEVEL: Record<StationLevel, StationLevel | null> = {
  polda: 'polres',
  polres: 'polsek',
  polsek: null,
};
