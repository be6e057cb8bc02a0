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

/**
 * The form names are searched in: lower-case, accents stripped, apostrophes dropped
 * (Regapu’u → regapuu), other punctuation a space, spaces collapsed. Queries are normalised the
 * same way, so the result holds only [a-z0-9 ] and needs no LIKE escaping.
 */
export function toSearchName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Every ancestor of a code, nearest first: 31.74.07.1001 → 31.74.07, 31.74, 31. */
export function ancestorAreaCodes(code: string): string[] {
  const codes: string[] = [];
  for (let c = parentAreaCode(code); c !== null; c = parentAreaCode(c)) codes.push(c);
  return codes;
}

/** Whether `code` is one of `codes` or lies inside one of them. */
export function isWithinAreas(code: string, codes: ReadonlySet<string>): boolean {
  return codes.has(code) || ancestorAreaCodes(code).some((c) => codes.has(c));
}
