import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contest')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('prizes', 'text')
    .addColumn('residentsOnly', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('allowMultipleEntries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minAccountAgeDays', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votesPerAccount', 'integer', (c) => c.notNull())
    .addColumn('showVoteCounts', 'integer', (c) => c.notNull())
    .addColumn('juryWeight', 'double precision', (c) => c.notNull())
    .addColumn('publicWeight', 'double precision', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('submissionStartsAt', 'text', (c) => c.notNull())
    .addColumn('submissionEndsAt', 'text', (c) => c.notNull())
    .addColumn('votingStartsAt', 'text', (c) => c.notNull())
    .addColumn('votingEndsAt', 'text', (c) => c.notNull())
    .addColumn('judgingEndsAt', 'text', (c) => c.notNull())
    .addColumn('phaseFloor', 'text')
    .addColumn('createdBy', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contest_station_idx')
    .on('contest')
    .columns(['stationId', 'createdAt'])
    .execute();

  await db.schema
    .createTable('contest_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contestId', 'text', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('accountSlot', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('teamMembers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('mediaIds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rejectReason', 'text')
    .addColumn('moderatedBy', 'text')
    .addColumn('moderatedAt', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contest_entry_contest_idx')
    .on('contest_entry')
    .columns(['contestId', 'status', 'createdAt'])
    .execute();
  // One entry per account per contest while the slot is held (NULLs are distinct on both).
  await db.schema
    .createIndex('contest_entry_account_uq')
    .on('contest_entry')
    .columns(['contestId', 'accountSlot'])
    .unique()
    .execute();

  await db.schema
    .createTable('contest_vote')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contestId', 'text', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('entryId', 'text', (c) =>
      c.notNull().references('contest_entry.id').onDelete('cascade'),
    )
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('networkHash', 'text', (c) => c.notNull())
    .addColumn('accountCreatedAt', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('voidedAt', 'text')
    .addColumn('voidedBy', 'text')
    .addColumn('voidReason', 'text')
    .execute();
  await db.schema
    .createIndex('contest_vote_slot_uq')
    .on('contest_vote')
    .columns(['contestId', 'accountId', 'slot'])
    .unique()
    .execute();
  await db.schema
    .createIndex('contest_vote_entry_uq')
    .on('contest_vote')
    .columns(['entryId', 'accountId'])
    .unique()
    .execute();
  await db.schema
    .createIndex('contest_vote_account_idx')
    .on('contest_vote')
    .columns(['accountId', 'createdAt'])
    .execute();

  await db.schema
    .createTable('contest_judge')
    .addColumn('contestId', 'text', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('invitedBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_judge_pk', ['contestId', 'accountId'])
    .execute();

  await db.schema
    .createTable('contest_score')
    .addColumn('contestId', 'text', (c) => c.notNull().references('contest.id').onDelete('cascade'))
    .addColumn('entryId', 'text', (c) =>
      c.notNull().references('contest_entry.id').onDelete('cascade'),
    )
    .addColumn('judgeId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('weighted', 'double precision', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_score_pk', ['entryId', 'judgeId'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'contest_score',
    'contest_judge',
    'contest_vote',
    'contest_entry',
    'contest',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
