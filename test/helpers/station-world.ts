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
