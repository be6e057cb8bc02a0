export const AREA_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** The level of an official dotted area code: 31 → province … 31.74.07.1001 → village. */
export function areaLevelOfCode(code: string): AreaLevel | undefined {
  return AREA_LEVELS[code.split('.').length - 1];
}

/** The parent of a dotted area code, or null for a province. */
export function parentAreaCode(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut === -1 ? null : code.slice(0, cut);
}

export const AREA_CODE_PATTERN = '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$';
