import type { Kysely } from 'kysely';

// Migrations use Kysely<any> on purpose: a migration is frozen in time and must not follow
// today's table types. Column types are the subset both SQLite and PostgreSQL accept.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('phone', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('passwordHash', 'text', (c) => c.notNull())
    .addColumn('isEmailVerified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('isPhoneVerified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('totpSecret', 'text')
    .addColumn('isTotpEnabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('id'))
    .addColumn('isDemo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('tokenHash', 'text', (c) => c.notNull().unique())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .addColumn('lastSeenAt', 'text', (c) => c.notNull())
    .addColumn('revokedAt', 'text')
    .addColumn('ip', 'text')
    .addColumn('userAgent', 'text')
    .execute();
  await db.schema.createIndex('session_account_idx').on('session').column('accountId').execute();

  await db.schema
    .createTable('station')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parentId', 'text', (c) => c.references('station.id'))
    // Materialised ancestry "/<poldaId>/<polresId>/<id>/": a role reaches every station whose
    // path starts with its own station's path.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('socialLinks', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Asia/Jakarta'))
    .addColumn('isDemo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('station_parent_idx').on('station').column('parentId').execute();
  await db.schema.createIndex('station_path_idx').on('station').column('path').execute();

  await db.schema
    .createTable('area')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parentCode', 'text')
    // Lower-case, accent-free name for search.
    .addColumn('searchName', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('area_parent_idx').on('area').column('parentCode').execute();
  await db.schema.createIndex('area_search_idx').on('area').column('searchName').execute();

  await db.schema
    .createTable('area_boundary')
    .addColumn('code', 'text', (c) => c.primaryKey().references('area.code').onDelete('cascade'))
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('minLat', 'double precision', (c) => c.notNull())
    .addColumn('minLng', 'double precision', (c) => c.notNull())
    .addColumn('maxLat', 'double precision', (c) => c.notNull())
    .addColumn('maxLng', 'double precision', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('station_area')
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id').onDelete('cascade'))
    .addColumn('areaCode', 'text', (c) => c.notNull().references('area.code'))
    .addPrimaryKeyConstraint('station_area_pk', ['stationId', 'areaCode'])
    .execute();
  await db.schema
    .createIndex('station_area_code_idx')
    .on('station_area')
    .column('areaCode')
    .execute();

  await db.schema
    .createTable('role_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    // NULL only for platform_admin, which is held across the whole deployment.
    .addColumn('stationId', 'text', (c) => c.references('station.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addUniqueConstraint('role_grant_unique', ['accountId', 'stationId', 'role'])
    .execute();

  await db.schema
    .createTable('account_area')
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('areaCode', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_area_pk', ['accountId', 'areaCode'])
    .execute();

  await db.schema
    .createTable('village_liaison')
    .addColumn('villageCode', 'text', (c) => c.primaryKey().references('area.code'))
    .addColumn('stationId', 'text', (c) => c.notNull().references('station.id').onDelete('cascade'))
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('assignedAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    // No foreign keys: the log outlives deleted accounts and stations.
    .addColumn('actorId', 'text')
    .addColumn('actorName', 'text', (c) => c.notNull())
    .addColumn('stationId', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('targetType', 'text', (c) => c.notNull())
    .addColumn('targetId', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('prevHash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_station_idx')
    .on('audit_log')
    .columns(['stationId', 'seq'])
    .execute();

  await db.schema
    .createTable('verification_code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('accountId', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('codeHash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .addColumn('consumedAt', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('lockedUntil', 'text')
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('runAt', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('maxAttempts', 'integer', (c) => c.notNull())
    .addColumn('lockedUntil', 'text')
    .addColumn('lastError', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_due_idx').on('job').columns(['status', 'runAt']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'job',
    'setting',
    'login_throttle',
    'outbox_message',
    'verification_code',
    'audit_log',
    'village_liaison',
    'account_area',
    'role_grant',
    'station_area',
    'area_boundary',
    'area',
    'station',
    'session',
    'account',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
