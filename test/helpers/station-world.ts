import { buildAccount, buildAreas, buildStation, grantRole, sessionCookie } from './factories.js';
import type { TestContext } from './context.js';

/** A small slice of the national area tree: enough for search ranking and jurisdictions. */
export const AREA_FIXTURE = [
  { code: '31', name: 'DKI Jakarta' },
  { code: '31.71', name: 'Kota Administrasi Jakarta Pusat' },
  { code: '31.71.01', name: 'Gambir' },
  { code: '31.71.01.1001', name: 'Gambir' },
  { code: '31.74', name: 'Kota Administrasi Jakarta Selatan' },
  { code: '31.74.05', name: 'Kebayoran Lama' },
  { code: '31.74.05.1001', name: 'Kebayoran Lama Utara' },
  { code: '31.74.05.1006', name: 'Kebayoran Lama Selatan' },
  { code: '31.74.07', name: 'Kebayoran Baru' },
  { code: '31.74.07.1001', name: 'Selong' },
  { code: '32', name: 'Jawa Barat' },
  { code: '32.01', name: 'Kabupaten Bogor' },
  { code: '32.01.01', name: 'Cibinong' },
  // Inserted so that name order differs from rank order.
  { code: '32.01.01.1004', name: 'Cisukamaju' },
  { code: '32.01.01.1003', name: 'Pasir Sukamaju' },
  { code: '32.01.01.1002', name: 'Sukamaju Baru' },
  { code: '32.01.01.1001', name: 'Sukamaju' },
  { code: '32.01.02', name: 'Bojong Gede' },
  { code: '32.01.02.1001', name: 'Bojong Gédé' },
];

export interface Person {
  id: string;
  cookie: string;
}

async function person(
  t: TestContext,
  name: string,
  grant?: { stationId: string | null; role: Parameters<typeof grantRole>[3] },
  phone?: string,
): Promise<Person> {
  const account = await buildAccount(t.ctx.db, { name, ...(phone ? { phone } : {}) });
  if (grant) await grantRole(t.ctx.db, account.id, grant.stationId, grant.role);
  return { id: account.id, cookie: await sessionCookie(t, account.id) };
}

/**
 * Polda Metro Jaya (31) → Polres Jakarta Selatan (31.74) → Polsek Kebayoran Lama (31.74.05),
 * a sibling Polda Jawa Barat (32), and one person in each role.
 */
export async function buildStationWorld(t: TestContext) {
  const db = t.ctx.db;
  await buildAreas(db, AREA_FIXTURE);
  const polda = await buildStation(db, {
    slug: 'polda-metro-jaya',
    name: 'Polda Metro Jaya',
    level: 'polda',
    areaCodes: ['31'],
  });
  const polres = await buildStation(db, {
    slug: 'polres-jakarta-selatan',
    name: 'Polres Metro Jakarta Selatan',
    level: 'polres',
    parentId: polda.id,
    areaCodes: ['31.74'],
  });
  const polsek = await buildStation(db, {
    slug: 'polsek-kebayoran-lama',
    name: 'Polsek Kebayoran Lama',
    level: 'polsek',
    parentId: polres.id,
    areaCodes: ['31.74.05'],
  });
  const sibling = await buildStation(db, {
    slug: 'polda-jawa-barat',
    name: 'Polda Jawa Barat',
    level: 'polda',
    areaCodes: ['32'],
  });
  const people = {
    platformAdmin: await person(t, 'Admin Platform', { stationId: null, role: 'platform_admin' }),
    poldaAdmin: await person(t, 'Admin Polda', { stationId: polda.id, role: 'station_admin' }),
    polresAdmin: await person(t, 'Admin Polres', { stationId: polres.id, role: 'station_admin' }),
    polsekAdmin: await person(t, 'Admin Polsek', { stationId: polsek.id, role: 'station_admin' }),
    siblingAdmin: await person(t, 'Admin Jabar', { stationId: sibling.id, role: 'station_admin' }),
    officer: await person(
      t,
      'Bripka Sari',
      { stationId: polsek.id, role: 'officer' },
      '+6281234567890',
    ),
    citizen: await person(t, 'Warga Biasa'),
  };
  return { stations: { polda, polres, polsek, sibling }, people };
}

type PersonRole = Parameters<typeof grantRole>[3];

/**
 * Accounts named `Uji <key>`, each with the role given (null: a citizen) and a session cookie,
 * keyed like the spec.
 */
export async function buildPeople<K extends string>(
  t: TestContext,
  specs: Record<K, { stationId: string | null; role: PersonRole } | null>,
): Promise<Record<K, Person>> {
  const people = {} as Record<K, Person>;
  for (const key of Object.keys(specs) as K[]) {
    people[key] = await person(t, `Uji ${key}`, specs[key] ?? undefined);
  }
  return people;
}

/** Part of South Jakarta; `&` and `<` in a name keep the CAP and Atom escaping honest. */
export const SOUTH_JAKARTA_AREAS = [
  { code: '31', name: 'DKI Jakarta' },
  { code: '31.74', name: 'Kota Jakarta Selatan' },
  { code: '31.74.07', name: 'Tebet' },
  { code: '31.74.07.1001', name: 'Tebet Barat' },
  { code: '31.74.07.1002', name: 'Tebet Timur' },
  { code: '31.74.08', name: 'Setiabudi' },
  { code: '31.74.08.1001', name: 'Karet & <Kuningan>' },
  { code: '31.74.09', name: 'Mampang Prapatan' },
  { code: '32', name: 'Jawa Barat' },
];

/** Mampang Prapatan's imported outline: a square of 0.04° from (106.8, -6.26). */
export const MAMPANG_OUTLINE = {
  minLng: 106.8,
  minLat: -6.26,
  maxLng: 106.84,
  maxLat: -6.22,
};

/**
 * Polda Metro (31) → Polres Jakarta Selatan (31.74) → three Polseks: Tebet (31.74.07), its
 * sibling Setiabudi (31.74.08) and Mampang (31.74.09, the only area with an imported outline).
 */
export async function buildSouthJakartaWorld(t: TestContext) {
  const db = t.ctx.db;
  await buildAreas(db, SOUTH_JAKARTA_AREAS);
  const { minLng, minLat, maxLng, maxLat } = MAMPANG_OUTLINE;
  const ring = [
    [minLng, minLat],
    [maxLng, minLat],
    [maxLng, maxLat],
    [minLng, maxLat],
    [minLng, minLat],
  ];
  await db
    .insertInto('area_boundary')
    .values({
      code: '31.74.09',
      geometry: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
      minLat,
      minLng,
      maxLat,
      maxLng,
    })
    .execute();
  const polda = await buildStation(db, { slug: 'polda-metro', level: 'polda', areaCodes: ['31'] });
  const polres = await buildStation(db, {
    slug: 'polres-jaksel',
    level: 'polres',
    parentId: polda.id,
    areaCodes: ['31.74'],
  });
  const polsek = await buildStation(db, {
    slug: 'polsek-tebet',
    parentId: polres.id,
    areaCodes: ['31.74.07'],
  });
  const sibling = await buildStation(db, {
    slug: 'polsek-setiabudi',
    parentId: polres.id,
    areaCodes: ['31.74.08'],
  });
  const mapped = await buildStation(db, {
    slug: 'polsek-mampang',
    parentId: polres.id,
    areaCodes: ['31.74.09'],
  });
  return { polda, polres, polsek, sibling, mapped };
}

export const GAMBIR_VILLAGE = '31.71.01.1001';

/** A citizen whose home is the village of Gambir; only Gambir's line of areas is loaded. */
export async function buildCitizenAtHome(t: TestContext): Promise<Person> {
  await buildAreas(
    t.ctx.db,
    AREA_FIXTURE.filter((area) => GAMBIR_VILLAGE.startsWith(area.code)),
  );
  const citizen = await person(t, 'Warga Gambir');
  await t.ctx.db
    .insertInto('account_area')
    .values({ accountId: citizen.id, areaCode: GAMBIR_VILLAGE, kind: 'home' })
    .execute();
  return citizen;
}
