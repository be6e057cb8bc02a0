import type { Db } from '../../db/database.js';
import type { NewPushSubscriptionRow, PushSubscriptionRow } from './push.table.js';

/** Inserts or, for a known endpoint, updates; returns the subscription's id. */
export async function upsertPushSubscription(db: Db, row: NewPushSubscriptionRow): Promise<string> {
  const saved = await db
    .insertInto('push_subscription')
    .values(row)
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({
        p256dh: row.p256dh,
        auth: row.auth,
        accountId: row.accountId,
        wantsDrills: row.wantsDrills,
        mutedCategories: row.mutedCategories,
        updatedAt: row.updatedAt,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function replacePushSubscriptionKeys(
  db: Db,
  subscriptionId: string,
  keys: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('push_subscription_key')
    .where('subscriptionId', '=', subscriptionId)
    .execute();
  if (keys.length === 0) return;
  await db
    .insertInto('push_subscription_key')
    .values(keys.map((key) => ({ subscriptionId, key })))
    .execute();
}

export async function deletePushSubscriptionByEndpoint(db: Db, endpoint: string): Promise<number> {
  const result = await db
    .deleteFrom('push_subscription')
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deletePushSubscriptions(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('push_subscription').where('id', 'in', ids).execute();
}

export async function findPushSubscriptionByEndpoint(
  db: Db,
  endpoint: string,
): Promise<PushSubscriptionRow | undefined> {
  return db
    .selectFrom('push_subscription')
    .selectAll()
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
}

export async function listPushSubscriptionKeys(db: Db, subscriptionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('push_subscription_key')
    .select('key')
    .where('subscriptionId', '=', subscriptionId)
    .orderBy('key')
    .execute();
  return rows.map((row) => row.key);
}

/**
 * The ids of one page (by id) of the subscriptions reached by any of `keys` (all of them when
 * `keys` is undefined), drills only to those that opted in.
 */
export async function listPushSubscriptionIdsPage(
  db: Db,
  input: { keys: readonly string[] | undefined; isDrill: boolean; afterId: string; limit: number },
): Promise<string[]> {
  let query = db
    .selectFrom('push_subscription')
    .select('id')
    .where('id', '>', input.afterId)
    .orderBy('id')
    .limit(input.limit);
  if (input.keys) {
    const keys = input.keys;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('push_subscription_key').select('subscriptionId').where('key', 'in', keys),
    );
  }
  if (input.isDrill) query = query.where('wantsDrills', '=', 1);
  return (await query.execute()).map((row) => row.id);
}

export async function listPushSubscriptionsByIds(
  db: Db,
  ids: readonly string[],
): Promise<PushSubscriptionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('push_subscription').selectAll().where('id', 'in', ids).execute();
}

/** The ids of the subscriptions reached by any of `keys` (one IN list; callers chunk). */
export async function listPushSubscriptionIdsByKeys(
  db: Db,
  keys: readonly string[],
): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('push_subscription_key')
    .select('subscriptionId')
    .distinct()
    .where('key', 'in', keys)
    .execute();
  return rows.map((row) => row.subscriptionId);
}

export async function countPushSubscriptions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('push_subscription')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function listPushSubscriptionsOfAccount(
  db: Db,
  accountId: string,
): Promise<PushSubscriptionRow[]> {
  return db
    .selectFrom('push_subscription')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('createdAt')
    .execute();
}

export async function deletePushSubscriptionsOfAccount(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('push_subscription').where('accountId', '=', accountId).execute();
}

export async function recordFanoutSent(
  db: Db,
  fanoutId: string,
  subscriptionId: string,
): Promise<void> {
  await db
    .insertInto('push_fanout_sent')
    .values({ fanoutId, subscriptionId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Which of these subscriptions the fan-out has finished with already (an earlier run). */
export async function listFanoutSentAmong(
  db: Db,
  fanoutId: string,
  subscriptionIds: readonly string[],
): Promise<Set<string>> {
  if (subscriptionIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('push_fanout_sent')
    .select('subscriptionId')
    .where('fanoutId', '=', fanoutId)
    .where('subscriptionId', 'in', subscriptionIds)
    .execute();
  return new Set(rows.map((row) => row.subscriptionId));
}

/**
 * Writes a fan-out's parts, not done, unless its plan was written already (a re-run of the
 * planner after a kill): false then, and nothing is written.
 */
export async function insertFanoutPlan(
  db: Db,
  fanoutId: string,
  units: readonly string[],
): Promise<boolean> {
  const planned = await db
    .insertInto('push_fanout_unit')
    .values({ fanoutId, unit: PLAN_UNIT, done: 1 })
    .onConflict((oc) => oc.doNothing())
    .returning('unit')
    .executeTakeFirst();
  if (!planned) return false;
  for (let i = 0; i < units.length; i += UNIT_CHUNK) {
    await db
      .insertInto('push_fanout_unit')
      .values(units.slice(i, i + UNIT_CHUNK).map((unit) => ({ fanoutId, unit, done: 0 })))
      .execute();
  }
  return true;
}

const PLAN_UNIT = 'plan';
/** Rows per INSERT: three parameters each, well under SQLite's and PostgreSQL's limits. */
const UNIT_CHUNK = 300;

export async function insertFanoutUnit(db: Db, fanoutId: string, unit: string): Promise<void> {
  await db
    .insertInto('push_fanout_unit')
    .values({ fanoutId, unit, done: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Whether the part still has work: false when done, or when its whole fan-out was cleared. */
export async function isFanoutUnitPending(
  db: Db,
  fanoutId: string,
  unit: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('push_fanout_unit')
    .select('done')
    .where('fanoutId', '=', fanoutId)
    .where('unit', '=', unit)
    .executeTakeFirst();
  return row?.done === 0;
}

/** Marks the part done; false when it was done already (another worker finished it). */
export async function finishFanoutUnit(db: Db, fanoutId: string, unit: string): Promise<boolean> {
  const result = await db
    .updateTable('push_fanout_unit')
    .set({ done: 1 })
    .where('fanoutId', '=', fanoutId)
    .where('unit', '=', unit)
    .where('done', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Once no part is left undone, the ledger and the parts go (a late re-run finds nothing). */
export async function clearFanoutIfFinished(db: Db, fanoutId: string): Promise<void> {
  const pending = await db
    .selectFrom('push_fanout_unit')
    .select('unit')
    .where('fanoutId', '=', fanoutId)
    .where('done', '=', 0)
    .limit(1)
    .executeTakeFirst();
  if (pending) return;
  await db.deleteFrom('push_fanout_sent').where('fanoutId', '=', fanoutId).execute();
  await db.deleteFrom('push_fanout_unit').where('fanoutId', '=', fanoutId).execute();
}
