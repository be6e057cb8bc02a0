import type { Db } from './database.js';

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

/** Returns the stored value, or stores and returns `make()` when there is none yet. */
export async function readOrCreateSetting(
  db: Db,
  key: string,
  make: () => string,
): Promise<string> {
  const existing = await readSetting(db, key);
  if (existing !== undefined) return existing;
  await db
    .insertInto('setting')
    .values({ key, value: make() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // Another node may have won the race: read what was kept.
  return (await readSetting(db, key))!;
}

/** Stores a value, replacing any previous one. */
export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
