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
import { createJobs, type Jobs } from './jobs/jobs.js';
import { jobDefinitions } from './jobs/registry.js';
import { StreamHub } from './realtime/stream-hub.js';
import { recordStreamDelivery } from './features/delivery/delivery.service.js';
import { createMedia, type Media } from './media/media.js';
import { createFileMediaStore } from './media/media-store.js';

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
  /** Prefix for this deployment's Redis keys and channels (empty in production). */
  redisNamespace: string;
  /** Background jobs; the server starts the worker, tests drain with `runDueJobs()`. */
  jobs: Jobs;
  /** This node's open SSE connections. */
  hub: StreamHub;
  /** Upload intake, the image pipeline and the media store. */
  media: Media;
  close(): Promise<void>;
}

export interface ContextOptions {
  clock?: Clock;
  log?: Logger;
  database?: Database;
  /** Prefix for Redis keys and channels, so parallel test runs share nothing in Redis. */
  redisNamespace?: string;
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
  await migrateToLatest(database.db);
  const secret =
    config.secret ??
    (await readOrCreateSetting(database.db, 'instance.secret', () =>
      randomBytes(32).toString('hex'),
    ));
  const bus = config.redisUrl
    ? createRedisBus(config.redisUrl, log, options.redisNamespace)
    : createMemoryBus();
  const messenger = createMessenger({
    db: database.db,
    clock,
    log,
    smtpUrl: config.smtpUrl,
    smsGatewayUrl: config.smsGatewayUrl,
    fromAddress: `Siaga <no-reply@${new URL(config.publicUrl).hostname}>`,
  });
  const jobs = createJobs({
    database,
    clock,
    log,
    definitions: jobDefinitions,
    context: () => ctx,
  });
  const hub = new StreamHub({
    bus,
    now: () => clock.now().getTime(),
    onDelivered: (report) => recordStreamDelivery(ctx, report),
  });
  const ctx: AppContext = {
    config,
    db: database.db,
    database,
    log,
    bus,
    clock,
    messenger,
    secret,
    nodeId: newId(),
    redisNamespace: options.redisNamespace ?? '',
    jobs,
    hub,
    media: createMedia({
      db: database.db,
      store: createFileMediaStore(config.mediaDir),
      clock,
      log,
      orphanGraceMs: config.mediaOrphanGraceMs,
    }),
    async close() {
      hub.close();
      await jobs.stop();
      await bus.close();
      await database.close();
    },
  };
  return ctx;
}
