import type { AppContext } from '../../server/context.js';
import {
  createAccountAsSystem,
  findAccountIdByEmail,
  type SystemAccountInput,
} from '../../server/features/accounts/accounts.service.js';
import {
  getAreaBoundaries,
  hasAreas,
  importAreas,
  importBoundaries,
  replaceAreasOfAccount,
  type AreaImportResult,
} from '../../server/features/areas/areas.service.js';
import {
  assignLiaison,
  createStation,
  findStationRowBySlug,
  findVillageLiaisons,
} from '../../server/features/stations/stations.service.js';
import {
  DEMO_BOUNDARY_HALF_SIDE,
  DEMO_CITIZENS,
  DEMO_OFFICERS,
  DEMO_PASSWORD,
  DEMO_STATIONS,
  DEMO_VILLAGE_CENTRES,
} from './demo-data.js';

export interface DemoSeedResult {
  areas: AreaImportResult | undefined;
  created: {
    stations: number;
    officers: number;
    citizens: number;
    liaisons: number;
    boundaries: number;
  };
}

export interface DemoLogin {
  email: string;
  role: string;
  station: string;
  password: string;
}

/** Every demo login, for the table `siaga seed demo` and `npm run demo` print. */
export const DEMO_LOGINS: DemoLogin[] = [
  ...DEMO_OFFICERS.map((o) => ({
    email: o.email,
    role: o.role,
    station: o.stationSlug ?? '-',
    password: DEMO_PASSWORD,
  })),
  ...DEMO_CITIZENS.map((c) => ({
    email: c.email,
    role: 'citizen',
    station: `- (home ${c.homeVillage})`,
    password: DEMO_PASSWORD,
  })),
];

/** A closed square ring around a point: the demo's stand-in for a village outline. */
function squareAround(lat: number, lng: number, half: number) {
  const ring = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

/** Creates the account unless its email exists: its id, or null when it existed. */
async function ensureAccount(ctx: AppContext, input: SystemAccountInput): Promise<string | null> {
  if (input.email && (await findAccountIdByEmail(ctx, input.email))) return null;
  const account = await createAccountAsSystem(ctx, input);
  return account.id;
}

/**
 * Seeds the demo deployment. Idempotent: each piece is created only when missing, so a second
 * run creates nothing (and reports zeros).
 */
export async function seedDemo(ctx: AppContext): Promise<DemoSeedResult> {
  const created = { stations: 0, officers: 0, citizens: 0, liaisons: 0, boundaries: 0 };
  const areas = (await hasAreas(ctx)) ? undefined : await importAreas(ctx);

  const stationIds = new Map<string, string>();
  // DEMO_STATIONS lists parents before their children.
  for (const demo of DEMO_STATIONS) {
    const existing = await findStationRowBySlug(ctx, demo.slug);
    if (existing) {
      stationIds.set(demo.slug, existing.id);
      continue;
    }
    const parentId = demo.parentSlug ? stationIds.get(demo.parentSlug) : undefined;
    const station = await createStation(
      ctx,
      'system',
      {
        slug: demo.slug,
        name: demo.name,
        level: demo.level,
        ...(parentId ? { parentId } : {}),
        address: demo.address,
        phones: demo.phones,
        socialLinks: demo.socialLinks,
        areaCodes: demo.areaCodes,
      },
      { isDemo: true },
    );
    stationIds.set(demo.slug, station.id);
    created.stations += 1;
  }

  const stationIdOf = (slug: string | null) => (slug ? (stationIds.get(slug) ?? null) : null);
  for (const officer of DEMO_OFFICERS) {
    const id = await ensureAccount(ctx, {
      email: officer.email,
      phone: officer.phone,
      name: officer.name,
      password: DEMO_PASSWORD,
      role: officer.role,
      stationId: stationIdOf(officer.stationSlug),
      isDemo: true,
      isEmailVerified: true,
    });
    if (id) created.officers += 1;
  }

  const liaisonVillages = DEMO_OFFICERS.flatMap((o) => o.liaisonFor ?? []);
  const assigned = await findVillageLiaisons(ctx, liaisonVillages);
  for (const officer of DEMO_OFFICERS) {
    const stationId = stationIdOf(officer.stationSlug);
    const accountId = await findAccountIdByEmail(ctx, officer.email);
    for (const village of officer.liaisonFor ?? []) {
      if (assigned.has(village) || !stationId || !accountId) continue;
      await assignLiaison(ctx, 'system', stationId, village, accountId);
      created.liaisons += 1;
    }
  }

  for (const citizen of DEMO_CITIZENS) {
    const id = await ensureAccount(ctx, {
      email: citizen.email,
      name: citizen.name,
      password: DEMO_PASSWORD,
      role: 'citizen',
      stationId: null,
      isDemo: true,
      isEmailVerified: true,
    });
    if (!id) continue;
    await replaceAreasOfAccount(ctx, id, { areas: [{ code: citizen.homeVillage, kind: 'home' }] });
    created.citizens += 1;
  }

  const withBoundary = new Set(
    (
      await getAreaBoundaries(
        ctx,
        DEMO_VILLAGE_CENTRES.map((v) => v.code),
      )
    ).map((b) => b.code),
  );
  const missing = DEMO_VILLAGE_CENTRES.filter((v) => !withBoundary.has(v.code));
  if (missing.length > 0) {
    const result = await importBoundaries(ctx, {
      type: 'FeatureCollection',
      features: missing.map((v) => ({
        type: 'Feature',
        properties: { code: v.code },
        geometry: squareAround(v.lat, v.lng, DEMO_BOUNDARY_HALF_SIDE),
      })),
    });
    created.boundaries = result.imported;
  }
  return { areas, created };
}

/** Fixed-width columns, for terminals. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}
