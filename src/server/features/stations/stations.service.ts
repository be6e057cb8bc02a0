import type { AuditPage, AuditQuery } from '../../../common/api/audit.js';
import type {
  Liaison,
  MyAreasBody,
  MyAreasView,
  ResponsibleStation,
} from '../../../common/api/areas.js';
import type {
  CreateStationBody,
  LiaisonView,
  StationListItem,
  StationListQuery,
  StationRef,
  StationView,
  UpdateStationBody,
} from '../../../common/api/stations.js';
import { ancestorAreaCodes, isWithinAreas } from '../../../common/domain/areas.js';
import { CHILD_LEVEL, type Role } from '../../../common/domain/roles.js';
import type { AccountActor, Actor } from '../../auth/actor.js';
import { assertCan, assertPlatformAdmin, requireAccount } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/constraints.js';
import { transaction, type Db, type Tx } from '../../db/database.js';
import { conflict, invalidFields, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import {
  findAreaRefs,
  listMyAreaSummaries,
  replaceAreasOfAccount,
  requireAreas,
} from '../areas/areas.service.js';
import { listAuditOfStations, recordAudit } from '../audit/audit.service.js';
import {
  deleteLiaison,
  deleteRoleGrant,
  findLiaison,
  findRoleGrant,
  findStationById,
  findStationBySlug,
  listAreaCodesOfStations,
  findStationsByIds,
  hasAnyRoleGrant,
  hasStationRole,
  insertRoleGrant,
  insertStation,
  listChildStations,
  listJurisdictionAreaCodes,
  listLiaisonsOfStation,
  listLiaisonsOfVillages,
  listRoleGrantsOfAccount,
  listRoleGrantsOfStation,
  listStationAreaCodes,
  listStations,
  listStationIdsUnderPath,
  listStationsCoveringCodes,
  replaceStationAreas,
  updateStationRow,
  upsertLiaison,
  type StationGrantKey,
} from './stations.repository.js';
import {
  toLiaison,
  toLiaisonView,
  toResponsibleStation,
  toRoleGrantView,
  toStationListItem,
  toStationSummary,
  toStationRef,
  toStationView,
  type RoleGrantView,
  type StationSummary,
} from './stations.presenter.js';
import type { StationRow, StationUpdate } from './stations.table.js';

export type { RoleGrantView, StationSummary } from './stations.presenter.js';
/** The public reference other features put in their views. */
export { toStationRef } from './stations.presenter.js';
export type { StationGrantKey } from './stations.repository.js';

async function findStationRowOrThrow(ctx: AppContext, stationId: string): Promise<StationRow> {
  const station = await findStationById(ctx.db, stationId);
  if (!station) throw notFound('station.not_found');
  return station;
}

export async function getStationOrThrow(
  ctx: AppContext,
  stationId: string,
): Promise<StationSummary> {
  return toStationSummary(await findStationRowOrThrow(ctx, stationId));
}

/** The stations among `ids` that exist, keyed by id, read in one query. */
export async function findStationsById(
  ctx: AppContext,
  ids: string[],
): Promise<Map<string, StationSummary>> {
  const rows = await findStationsByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, toStationSummary(row)]));
}

/**
 * Whether every code lies inside the jurisdiction of the station or its descendants: the code
 * itself or one of its ancestors is a jurisdiction code.
 */
export async function stationCoversAreas(
  ctx: AppContext,
  station: Pick<StationSummary, 'path'>,
  codes: string[],
): Promise<boolean> {
  const jurisdiction = new Set(await listJurisdictionAreaCodes(ctx.db, station.path));
  return codes.every((code) => isWithinAreas(code, jurisdiction));
}

/** The ids of the station and every station below it. */
export async function listStationIdsUnder(
  ctx: AppContext,
  station: Pick<StationSummary, 'path'>,
): Promise<string[]> {
  return listStationIdsUnderPath(ctx.db, station.path);
}

// ---- directory --------------------------------------------------------------------------

export async function listStationDirectory(
  ctx: AppContext,
  query: StationListQuery,
): Promise<StationListItem[]> {
  let parentId: string | undefined;
  if (query.parent) {
    const parent = await findStationBySlug(ctx.db, query.parent);
    if (!parent) return [];
    parentId = parent.id;
  }
  const rows = await listStations(ctx.db, {
    ...(query.level ? { level: query.level } : {}),
    ...(parentId ? { parentId } : {}),
    ...(query.q ? { text: query.q.trim() } : {}),
  });
  const codesOf = await listAreaCodesOfStations(
    ctx.db,
    rows.map((row) => row.id),
  );
  const areas = await findAreaRefs(ctx, [...new Set([...codesOf.values()].flat())]);
  return rows.map((row) =>
    toStationListItem(
      row,
      (codesOf.get(row.id) ?? []).flatMap((code) => areas.get(code)?.name ?? []),
    ),
  );
}

async function presentStation(ctx: AppContext, station: StationRow): Promise<StationView> {
  const [parent, children, codes] = await Promise.all([
    station.parentId ? findStationById(ctx.db, station.parentId) : undefined,
    listChildStations(ctx.db, station.id),
    listStationAreaCodes(ctx.db, station.id),
  ]);
  const areas = await findAreaRefs(ctx, codes);
  const jurisdiction = codes.flatMap((code) => {
    const area = areas.get(code);
    return area ? [area] : [];
  });
  return toStationView(station, { parent, children, jurisdiction });
}

/** The station row with this slug, if any (the CLI names stations by slug). */
export async function findStationRowBySlug(
  ctx: AppContext,
  slug: string,
): Promise<StationRow | undefined> {
  return findStationBySlug(ctx.db, slug);
}

export async function getStationBySlug(ctx: AppContext, slug: string): Promise<StationView> {
  const station = await findStationBySlug(ctx.db, slug);
  if (!station) throw notFound('station.not_found');
  return presentStation(ctx, station);
}

// ---- writes -----------------------------------------------------------------------------

/**
 * Checks a jurisdiction: every code a known area, no duplicates and, for a child station,
 * inside its parent's own jurisdiction. Errors name `field.<index>`.
 */
async function checkJurisdiction(
  ctx: AppContext,
  parent: StationRow | undefined,
  codes: string[],
  field: string,
): Promise<void> {
  const duplicates = codes.flatMap((code, i) =>
    codes.indexOf(code) !== i ? [`${field}.${i}`] : [],
  );
  if (duplicates.length > 0) throw invalidFields('area.duplicate', duplicates);
  await requireAreas(ctx, codes, (i) => `${field}.${i}`);
  if (!parent) return;
  const allowed = new Set(await listStationAreaCodes(ctx.db, parent.id));
  const outside = codes.flatMap((code, i) =>
    isWithinAreas(code, allowed) ? [] : [`${field}.${i}`],
  );
  if (outside.length > 0) throw invalidFields('station.outside_parent_jurisdiction', outside);
}

async function assertSlugFree(ctx: AppContext, slug: string): Promise<void> {
  if (await findStationBySlug(ctx.db, slug)) throw conflict('station.slug_taken', { slug });
}

/** A concurrent writer can take the slug between the check and the write. */
const rethrowSlugTaken =
  (slug: string) =>
  (error: unknown): never => {
    throw isUniqueViolation(error) ? conflict('station.slug_taken', { slug }) : error;
  };

/**
 * Creates a station. A Polda needs a platform admin; a child needs a station admin of its
 * parent and the level below the parent's. `system` (CLI, demo seed) skips the role check.
 */
export async function createStation(
  ctx: AppContext,
  actor: Actor | 'system',
  input: CreateStationBody,
  options: { isDemo?: boolean } = {},
): Promise<StationView> {
  const parent = input.parentId ? await findStationById(ctx.db, input.parentId) : undefined;
  if (input.parentId && !parent) throw invalidFields('station.parent_not_found', ['parentId']);
  const auditActor: AccountActor | 'system' =
    actor === 'system'
      ? 'system'
      : parent
        ? assertCan(actor, 'station.create_child', parent)
        : assertPlatformAdmin(actor);
  const expectedLevel = parent ? CHILD_LEVEL[parent.level] : 'polda';
  if (input.level !== expectedLevel) throw invalidFields('station.invalid_level', ['level']);
  const areaCodes = input.areaCodes ?? [];
  await checkJurisdiction(ctx, parent, areaCodes, 'areaCodes');
  await assertSlugFree(ctx, input.slug);

  const now = ctx.clock.now();
  const id = newId(now.getTime());
  const row: StationRow = {
    id,
    slug: input.slug,
    name: input.name.trim(),
    level: input.level,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    address: input.address?.trim() ?? '',
    phones: JSON.stringify(input.phones ?? []),
    socialLinks: JSON.stringify(input.socialLinks ?? {}),
    timezone: 'Asia/Jakarta',
    isDemo: options.isDemo ? 1 : 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await transaction(ctx.db, async (tx) => {
    await insertStation(tx.db, row);
    await replaceStationAreas(tx.db, id, areaCodes);
    await recordAudit(ctx, tx, {
      actor: auditActor,
      stationId: id,
      action: 'station.created',
      target: { type: 'station', id },
      summary: {
        slug: row.slug,
        name: row.name,
        level: row.level,
        parentId: row.parentId,
        areaCodes,
      },
    });
  }).catch(rethrowSlugTaken(input.slug));
  return presentStation(ctx, row);
}

export async function updateStation(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  input: UpdateStationBody,
): Promise<StationView> {
  const station = await findStationRowOrThrow(ctx, stationId);
  const account = assertCan(actor, 'station.update', station);
  if (input.slug !== undefined && input.slug !== station.slug)
    await assertSlugFree(ctx, input.slug);
  const changes: StationUpdate = {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.slug !== undefined ? { slug: input.slug } : {}),
    ...(input.address !== undefined ? { address: input.address.trim() } : {}),
    ...(input.phones !== undefined ? { phones: JSON.stringify(input.phones) } : {}),
    ...(input.socialLinks !== undefined ? { socialLinks: JSON.stringify(input.socialLinks) } : {}),
    updatedAt: ctx.clock.now().toISOString(),
  };
  await transaction(ctx.db, async (tx) => {
    await updateStationRow(tx.db, station.id, changes);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'station.updated',
      target: { type: 'station', id: station.id },
      summary: { fields: Object.keys(input), ...input },
    });
  }).catch(rethrowSlugTaken(input.slug ?? station.slug));
  return presentStation(ctx, await findStationRowOrThrow(ctx, station.id));
}

/** Replaces a station's jurisdiction: decided by the parent's admins (a Polda's: platform admins). */
export async function setJurisdiction(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  areaCodes: string[],
): Promise<StationView> {
  const station = await findStationRowOrThrow(ctx, stationId);
  const parent = station.parentId ? await findStationRowOrThrow(ctx, station.parentId) : undefined;
  const account = parent ? assertCan(actor, 'station.update', parent) : assertPlatformAdmin(actor);
  await checkJurisdiction(ctx, parent, areaCodes, 'areaCodes');
  const before = new Set(await listStationAreaCodes(ctx.db, station.id));
  const after = new Set(areaCodes);
  await transaction(ctx.db, async (tx) => {
    await replaceStationAreas(tx.db, station.id, [...after]);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'station.jurisdiction_set',
      target: { type: 'station', id: station.id },
      summary: {
        added: [...after].filter((c) => !before.has(c)),
        removed: [...before].filter((c) => !after.has(c)),
      },
    });
  });
  return presentStation(ctx, station);
}

// ---- liaisons ---------------------------------------------------------------------------

export async function listLiaisons(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
): Promise<LiaisonView[]> {
  const station = await getStationOrThrow(ctx, stationId);
  assertCan(actor, 'console.open', station);
  const rows = await listLiaisonsOfStation(ctx.db, station.id);
  const villages = await findAreaRefs(
    ctx,
    rows.map((r) => r.villageCode),
  );
  return rows.flatMap((row) => {
    const village = villages.get(row.villageCode);
    return village ? [toLiaisonView(row, village)] : [];
  });
}

/**
 * Makes an officer of the station the liaison (Bhabinkamtibmas) of a village in its
 * jurisdiction, replacing whoever held the village before. `system`: the demo seed.
 */
export async function assignLiaison(
  ctx: AppContext,
  actor: Actor | 'system',
  stationId: string,
  villageCode: string,
  accountId: string,
): Promise<LiaisonView> {
  const station = await getStationOrThrow(ctx, stationId);
  const account = actor === 'system' ? actor : assertCan(actor, 'station.assign_liaison', station);
  const village = (await requireAreas(ctx, [villageCode], () => 'villageCode')).get(villageCode)!;
  if (village.level !== 'village')
    throw invalidFields('station.liaison_not_village', ['villageCode']);
  if (!(await stationCoversAreas(ctx, station, [villageCode]))) {
    throw invalidFields('station.area_outside_jurisdiction', ['villageCode']);
  }
  if (!(await hasStationRole(ctx.db, accountId, station.id))) {
    throw invalidFields('station.liaison_not_member', ['accountId']);
  }
  const assignedAt = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (tx) => {
    await upsertLiaison(tx.db, { villageCode, stationId: station.id, accountId, assignedAt });
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'station.liaison_assigned',
      target: { type: 'village', id: villageCode },
      summary: { villageCode, accountId },
    });
  });
  const row = await findLiaison(ctx.db, villageCode);
  return toLiaisonView(row!, village);
}

export async function removeLiaison(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  villageCode: string,
): Promise<void> {
  const station = await getStationOrThrow(ctx, stationId);
  const account = assertCan(actor, 'station.assign_liaison', station);
  const liaison = await findLiaison(ctx.db, villageCode);
  if (!liaison || liaison.stationId !== station.id) throw notFound('station.liaison_not_found');
  await transaction(ctx.db, async (tx) => {
    await deleteLiaison(tx.db, villageCode);
    await recordAudit(ctx, tx, {
      actor: account,
      stationId: station.id,
      action: 'station.liaison_removed',
      target: { type: 'village', id: villageCode },
      summary: { villageCode, accountId: liaison.accountId },
    });
  });
}

// ---- for citizens' areas ----------------------------------------------------------------

/**
 * For each area code, the most specific station responsible for it: among the stations whose
 * own jurisdiction holds the code or an ancestor, the deepest in the hierarchy, then the one
 * naming the most specific code.
 */
export async function findResponsibleStations(
  ctx: AppContext,
  codes: string[],
): Promise<Map<string, ResponsibleStation>> {
  const lineage = (code: string) => [code, ...ancestorAreaCodes(code)];
  const rows = await listStationsCoveringCodes(ctx.db, [...new Set(codes.flatMap(lineage))]);
  const result = new Map<string, ResponsibleStation>();
  for (const code of codes) {
    const chain = new Set(lineage(code));
    const best = rows
      .filter((row) => chain.has(row.areaCode))
      .sort((a, b) => b.path.length - a.path.length || b.areaCode.length - a.areaCode.length)[0];
    if (best) result.set(code, toResponsibleStation(best));
  }
  return result;
}

/** The liaison officers of the villages that have one, keyed by village code. */
export async function findVillageLiaisons(
  ctx: AppContext,
  villageCodes: string[],
): Promise<Map<string, Liaison>> {
  const rows = await listLiaisonsOfVillages(ctx.db, villageCodes);
  return new Map(rows.map((row) => [row.villageCode, toLiaison(row)]));
}

/** A station named either way (`?station=` takes a slug or an id), or 404. */
export async function getStationByIdOrSlug(
  ctx: AppContext,
  idOrSlug: string,
): Promise<StationSummary> {
  const bySlug = await findStationBySlug(ctx.db, idOrSlug);
  return bySlug ? toStationSummary(bySlug) : getStationOrThrow(ctx, idOrSlug);
}

export async function getStationBySlugOrThrow(
  ctx: AppContext,
  slug: string,
): Promise<StationSummary> {
  const station = await findStationBySlug(ctx.db, slug);
  if (!station) throw notFound('station.not_found');
  return toStationSummary(station);
}

/** The area codes of the station's jurisdiction and of every station below it. */
export async function listStationJurisdiction(
  ctx: AppContext,
  station: Pick<StationSummary, 'path'>,
): Promise<string[]> {
  return listJurisdictionAreaCodes(ctx.db, station.path);
}

// ---- a citizen's areas and who serves them ----------------------------------------------
// Here rather than in areas: the view joins areas with their stations and liaisons, and
// stations already build on areas.

/** Replaces the account's areas (the schema caps them at 10); at most one is home. */
export async function setMyAreas(
  ctx: AppContext,
  actor: Actor,
  input: MyAreasBody,
): Promise<MyAreasView> {
  const account = requireAccount(actor);
  await replaceAreasOfAccount(ctx, account.accountId, input);
  return getMyAreas(ctx, account);
}

export async function getMyAreas(ctx: AppContext, actor: Actor): Promise<MyAreasView> {
  const account = requireAccount(actor);
  const areas = await listMyAreaSummaries(ctx, account.accountId);
  const codes = areas.map((area) => area.code);
  const [stations, liaisons] = await Promise.all([
    findResponsibleStations(ctx, codes),
    findVillageLiaisons(
      ctx,
      areas.filter((area) => area.level === 'village').map((area) => area.code),
    ),
  ]);
  return {
    areas: areas.map((area) => ({
      ...area,
      station: stations.get(area.code) ?? null,
      liaison: liaisons.get(area.code) ?? null,
    })),
  };
}

// ---- the audit trail of a station -------------------------------------------------------

/** The audit trail of a station and the stations below it, newest first, for its admins. */
export async function readStationAudit(
  ctx: AppContext,
  actor: Actor,
  stationId: string,
  query: AuditQuery,
): Promise<AuditPage> {
  const station = await findStationRowOrThrow(ctx, stationId);
  assertCan(actor, 'audit.read', station);
  return listAuditOfStations(ctx, await listStationIdsUnder(ctx, station), query);
}

// ---- role grants ------------------------------------------------------------------------
// The grants live with the stations they are held in; accounts create and revoke them here.

/** Records a role inside the caller's transaction; `stationId` null for platform-wide roles. */
export async function grantRole(
  ctx: AppContext,
  tx: Tx,
  grant: { accountId: string; stationId: string | null; role: Role },
): Promise<void> {
  const now = ctx.clock.now();
  await insertRoleGrant(tx.db, {
    id: newId(now.getTime()),
    ...grant,
    createdAt: now.toISOString(),
  });
}

export async function hasRoleGrant(db: Db, grant: StationGrantKey): Promise<boolean> {
  return (await findRoleGrant(db, grant)) !== undefined;
}

/** Removes the grant inside the caller's transaction; false when there was none. */
export async function revokeRoleGrant(tx: Tx, grant: StationGrantKey): Promise<boolean> {
  const row = await findRoleGrant(tx.db, grant);
  if (!row) return false;
  await deleteRoleGrant(tx.db, row.id);
  return true;
}

/** Whether anyone holds `role` (any station, or platform-wide). */
export async function hasAnyoneRole(ctx: AppContext, role: Role): Promise<boolean> {
  return hasAnyRoleGrant(ctx.db, role);
}

export async function listRoleGrantsOf(
  ctx: AppContext,
  accountId: string,
): Promise<RoleGrantView[]> {
  return (await listRoleGrantsOfAccount(ctx.db, accountId)).map(toRoleGrantView);
}

/** The grants held in the station, in role order; `db` may be the caller's transaction. */
export async function listRoleGrantsIn(db: Db, stationId: string): Promise<RoleGrantView[]> {
  return (await listRoleGrantsOfStation(db, stationId)).map(toRoleGrantView);
}

/** Refs of the stations with these ids, in one query (other features name stations by them). */
export async function findStationRefs(
  ctx: AppContext,
  ids: string[],
): Promise<Map<string, StationRef>> {
  const rows = await findStationsByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, toStationRef(row)]));
}
