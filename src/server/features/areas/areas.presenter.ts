import type { AreaRef, AreaSummary } from '../../../common/api/areas.js';
import { ancestorAreaCodes } from '../../../common/domain/areas.js';
import type { AreaRow } from './areas.table.js';

export function toAreaRef(row: AreaRow): AreaRef {
  return { code: row.code, name: row.name, level: row.level };
}

/** The area with its ancestors (taken from `known`) and a "village, district, …" label. */
export function toAreaSummary(row: AreaRow, known: ReadonlyMap<string, AreaRow>): AreaSummary {
  const parents = ancestorAreaCodes(row.code)
    .map((code) => known.get(code))
    .filter((parent): parent is AreaRow => parent !== undefined)
    .map(toAreaRef);
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    parents,
    label: [row.name, ...parents.map((p) => p.name)].join(', '),
  };
}
