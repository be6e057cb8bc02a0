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
 * One claim of a job: its id and the attempt number the claim set. A worker whose lease lapsed
 * (and whose job another node claimed since) no longer matches, so it changes nothing.
 */
export interface JobClaim {
  id: string;
  attempts: number;
}

/** Extends a running job's lease; false when the claim was lost to another worker. */
export async function renewJobLease(
  db: Db,
  claim: JobClaim,
  input: { lockedUntil: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ lockedUntil: input.lockedUntil, updatedAt: input.now })
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function completeJob(db: Db, claim: JobClaim, now: string): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'done', lockedUntil: null, updatedAt: now })
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
    .execute();
}

export async function rescheduleJob(
  db: Db,
  claim: JobClaim,
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
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
    .execute();
}

export async function failJob(db: Db, claim: JobClaim, error: string, now: string): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'failed', lockedUntil: null, lastError: error.slice(0, 2000), updatedAt: now })
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
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
