import { toSearchName } from '../../src/common/domain/areas.js';
import type { Role, StationLevel } from '../../src/common/domain/roles.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { openSession, SESSION_COOKIE } from '../../src/server/auth/sessions.js';
import type { Db } from '../../src/server/db/database.js';
import { newId } from '../../src/server/ids.js';
import type { TestContext } from './context.js';

export const TEST_PASSWORD = 'kopi-tubruk-pagi-2026';
let cachedHash: Promise<string> | undefined;
const now = () => new Date().toISOString();

export interface TestAccount {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** An account with a known password; verified unless told otherwise. */
export async function buildAccount(
  db: Db,
  overrides: Partial<{ email: string; phone: string; name: string; isVerified: boolean }> = {},
): Promise<TestAccount> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  const email = overrides.email ?? `warga-${id.slice(-8)}@example.id`;
  const name = overrides.name ?? 'Warga Uji';
  const verified = overrides.isVerified === false ? 0 : 1;
  await db
    .insertInto('account')
    .values({
      id,
      email,
      phone: overrides.phone ?? null,
      name,
      passwordHash: await cachedHash,
      isEmailVerified: verified,
      isPhoneVerified: 0,
      totpSecret: null,
      isTotpEnabled: 0,
      locale: 'id',
      isDemo: 0,
      createdAt: now(),
      updatedAt: now(),
    })
    .execute();
  return { id, email, name, password: TEST_PASSWORD };
}

export interface TestStation {
  id: string;
  slug: string;
  path: string;
  level: StationLevel;
}

/** A station; its parent's path is read so hierarchy checks work. */
export async function buildStation(
  db: Db,
  overrides: Partial<{
    slug: string;
    name: string;
    level: StationLevel;
    parentId: string;
    areaCodes: string[];
    address: string;
    phones: Array<{ label: string; number: string }>;
    timezone: string;
  }> = {},
): Promise<TestStation> {
  const id = newId();
  const slug = overrides.slug ?? `polres-${id.slice(-8)}`;
  const level = overrides.level ?? (overrides.parentId ? 'polsek' : 'polda');
  const parent = overrides.parentId
    ? await db
        .selectFrom('station')
        .select('path')
        .where('id', '=', overrides.parentId)
        .executeTakeFirstOrThrow()
    : undefined;
  const path = `${parent?.path ?? '/'}${id}/`;
  await db
    .insertInto('station')
    .values({
      id,
      slug,
      name: overrides.name ?? `Polisi ${slug}`,
      level,
      parentId: overrides.parentId ?? null,
      path,
      address: overrides.address ?? 'Jl. Uji No. 1',
      phones: JSON.stringify(overrides.phones ?? []),
      socialLinks: '{}',
      timezone: overrides.timezone ?? 'Asia/Jakarta',
      isDemo: 0,
      createdAt: now(),
      updatedAt: now(),
    })
    .execute();
  for (const areaCode of overrides.areaCodes ?? []) {
    await db.insertInto('station_area').values({ stationId: id, areaCode }).execute();
  }
  return { id, slug, path, level };
}

export async function grantRole(
  db: Db,
  accountId: string,
  stationId: string | null,
  role: Role,
): Promise<void> {
  await db
    .insertInto('role_grant')
    .values({ id: newId(), accountId, stationId, role, createdAt: now() })
    .execute();
}

/** Areas rows for tests that do not need the whole national import. */
export async function buildAreas(
  db: Db,
  areas: Array<{ code: string; name: string }>,
): Promise<void> {
  const levels = ['province', 'regency', 'district', 'village'] as const;
  for (const area of areas) {
    const depth = area.code.split('.').length;
    await db
      .insertInto('area')
      .values({
        code: area.code,
        name: area.name,
        level: levels[depth - 1]!,
        parentCode: depth > 1 ? area.code.slice(0, area.code.lastIndexOf('.')) : null,
        searchName: toSearchName(area.name),
      })
      .execute();
  }
}

/** The Cookie header of a fresh session for the account. */
export async function sessionCookie(t: TestContext, accountId: string): Promise<string> {
  const token = await openSession(t.ctx, accountId, { ip: '127.0.0.1', userAgent: 'vitest' });
  return `${SESSION_COOKIE}=${token}`;
}

/** Makes the account the village's liaison officer (Bhabinkamtibmas) for the station. */
export async function assignLiaison(
  db: Db,
  input: { villageCode: string; stationId: string; accountId: string },
): Promise<void> {
  await db
    .insertInto('village_liaison')
    .values({ ...input, assignedAt: now() })
    .execute();
}
