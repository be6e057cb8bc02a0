import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  // Claimed by compare-and-set before the post goes out, so the winners are announced once.
  await db.schema.alterTable('contest').addColumn('announcedAt', 'text').execute();
  await db.schema.alterTable('contest').addColumn('announcedPostId', 'text').execute();
}
