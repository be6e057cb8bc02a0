import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database, Db } from '../db/database.js';
import type { JobTable } from './jobs.table.js';

export type JobRow = Selectable<JobTable>;

export async function insertJob(db: Db, row: Insertable<JobTable>): Promise<void> {
  await db.insertInto('job').values(row).execute();
}

/**
 * Claims up to `limit` due jobs (queued and due, or running past their lease) for this worker.
 * PostgreSQL skips rows other nodes hold (`FOR UPDATE SKIP LOCKED`); SQLite has one writer, so
 * the single UPDATE is already atomic.
 */
export async function claimDueJobs(
  database: Database,
  input: { now: string; lockedUntil: string; limit: number },
): Promise<JobRow[]> {
  const lockClause = database.dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<JobRow>`
    update job
    set status = 'running', attempts = attempts + 1, "lockedUntil" = ${input.lockedUntil},
        "updatedAt" = ${input.now}
    where id in (
      select id from job
      where (status = 'queued' and "runAt" <= ${input.now})
         or (status = 'running' and "lockedUntil" < ${input.now})
      order by "runAt"
      limit ${input.limit}
      ${lockClause}
    )
    returning *`.execute(database.db);
  return result.rows;
}

/**
 * Extends a running job's lease while its worker is alive; the attempt number makes sure a
 * worker whose lease already lapsed (and whose job another node claimed) extends nothing.
 */
export async function renewJobLease(
  db: Db,
  input: { id: string; attempts: number; lockedUntil: string; now: string },
): Promise<void> {
  await db
    .updateTable('job')
    .set({ lockedUntil: input.lockedUntil, updatedAt: input.now })
    .where('id', '=', input.id)
    .where('status', '=', 'running')
    .where('attempts', '=', input.attempts)
    .execute();
}

export async function completeJob(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'done', lockedUntil: null, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function rescheduleJob(
  db: Db,
  id: string,
  error: string,
  runAt: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('job')
    .set({
      status: 'queued',
      runAt,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      updatedAt: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function failJob(db: Db, id: string, error: string, now: string): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'failed', lockedUntil: null, lastError: error.slice(0, 2000), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function hasQueuedJob(db: Db, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('job')
    .select('id')
    .where('name', '=', name)
    .where('status', '=', 'queued')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
