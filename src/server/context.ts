import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { createDatabase, type Database, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { readOrCreateSetting } from './db/settings.js';
import type { Logger } from './logger.js';
import { createMessenger, type Messenger } from './messaging/outbound.js';
import { createMemoryBus, createRedisBus, type Bus } from './realtime/bus.js';
import { newId } from './ids.js';

/** Everything a service needs, built once and passed explicitly. */
export interface AppContext {
  config: Config;
  db: Db;
  database: Database;
  log: Logger;
  bus: Bus;
  clock: Clock;
  messenger: Messenger;
  /** Instance secret (SIAGA_SECRET, or generated once and kept in the database). */
  secret: string;
  /** Identifies this process among the nodes of a deployment. */
  nodeId: string;
  close(): Promise<void>;
}

export interface ContextOptions {
  clock?: Clock;
  log?: Logger;
  database?: Database;
  /** Namespace for Redis channels, so parallel test runs do not hear each other. */
  busNamespace?: string;
}

export async function createContext(
  config: Config,
  options: ContextOptions = {},
): Promise<AppContext> {
  const log: Logger = options.log ?? pino({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db, database.pgSchema);
  const secret =
    config.secret ??
    (await readOrCreateSetting(database.db, 'instance.secret', () =>
      randomBytes(32).toString('hex'),
    ));
  const bus = config.redisUrl
    ? createRedisBus(config.redisUrl, log, options.busNamespace)
    : createMemoryBus();
  const messenger = createMessenger({
    db: database.db,
    clock,
    log,
    smtpUrl: config.smtpUrl,
    smsGatewayUrl: config.smsGatewayUrl,
    fromAddress: `Siaga <no-reply@${new URL(config.publicUrl).hostname}>`,
  });
  return {
    config,
    db: database.db,
    database,
    log,
    bus,
    clock,
    messenger,
    secret,
    nodeId: newId(),
    async close() {
      await bus.close();
      await database.close();
    },
  };
}
