import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('description', 'text')
    .addColumn('startsAt', 'text', (c) => c.notNull())
    .addColumn('endsAt', 'text')
    .addColumn('moderation', 'text', (c) => c.notNull())
    .addColumn('panelAccountIds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('openedAt', 'text')
    .addColumn('closedAt', 'text')
    .addColumn('announcedState', 'text', (c) => c.notNull())
    .addColumn('createdBy', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qa_session_station_idx')
    .on('qa_session')
    .columns(['stationId', 'startsAt'])
    .execute();
  // One standing board per station.
  await db.schema
    .createIndex('qa_session_board_uq')
    .on('qa_session')
    .column('stationId')
    .unique()
    .where(sql.ref('kind'), '=', 'board')
    .execute();

  await db.schema
    .createTable('qa_question')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sessionId', 'text', (c) =>
      c.notNull().references('qa_session.id').onDelete('cascade'),
    )
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hiddenReason', 'text')
    .addColumn('mergedIntoId', 'text')
    .addColumn('isPinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('isSuspect', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qa_question_session_idx')
    .on('qa_question')
    .columns(['sessionId', 'status'])
    .execute();
  await db.schema
    .createIndex('qa_question_account_idx')
    .on('qa_question')
    .columns(['accountId', 'createdAt'])
    .execute();

  await db.schema
    .createTable('qa_vote')
    .addColumn('questionId', 'text', (c) =>
      c.notNull().references('qa_question.id').onDelete('cascade'),
    )
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_vote_pk', ['questionId', 'accountId'])
    .execute();

  await db.schema
    .createTable('qa_answer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('questionId', 'text', (c) =>
      c.notNull().references('qa_question.id').onDelete('cascade'),
    )
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qa_answer_question_idx')
    .on('qa_answer')
    .columns(['questionId', 'createdAt'])
    .execute();

  await db.schema
    .createTable('qa_follow')
    .addColumn('sessionId', 'text', (c) =>
      c.notNull().references('qa_session.id').onDelete('cascade'),
    )
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_follow_pk', ['sessionId', 'accountId'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['qa_follow', 'qa_answer', 'qa_vote', 'qa_question', 'qa_session']) {
    await db.schema.dropTable(table).execute();
  }
}
