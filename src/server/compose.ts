import { randomBytes } from 'node:crypto';
import type { Migration } from 'kysely';
import { createLogger } from './logging.js';
import type { PersonalDataExport } from '../common/api/accounts.js';
import { registerCatalogs } from '../common/i18n/index.js';
import { registerPolicies } from './auth/policy.js';
import type { Config } from './config.js';
import { loadAuditKey } from './audit-key.js';
import { systemClock } from './clock.js';
import type { AppContext, ContextOptions, FeatureHooks } from './context.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { migrations as kernelMigrations } from './db/migrations/index.js';
import { readOrCreateSetting } from './db/settings.js';
import type { Logger } from './logger.js';
import { createMessenger } from './messaging/outbound.js';
import { createMemoryBus, createRedisBus } from './realtime/bus.js';
import { newId } from './ids.js';
import { createJobs } from './jobs/jobs.js';
import type { FeatureModule } from './module.js';
import { featureModules } from './modules.js';
import { StreamHub } from './realtime/stream-hub.js';
import { indonesianAnalyser } from './text/analyser.js';
import { createSearchIndex } from './text/search-index.js';
import { createMedia, mediaCatalogs } from './media/media.js';
import { createFileMediaStore } from './media/media-store.js';
import { mediaSweepJob } from './media/media.jobs.js';

/**
 * The composition root: builds the context and binds the feature modules (their catalogs,
 * policies, migrations, jobs, routes and hooks). The kernel knows modules only as this shape.
 */
export async function createContext(
  config: Config,
  options: ContextOptions = {},
  modules: readonly FeatureModule[] = featureModules,
): Promise<AppContext> {
  assertUniqueNames(modules);
  const migrations = mergeMigrations(modules);
  registerCatalogs('media', mediaCatalogs);
  for (const module of modules) {
    for (const [namespace, pair] of Object.entries(module.i18n ?? {})) {
      registerCatalogs(namespace, pair);
    }
    registerPolicies(module.policies ?? {});
  }
  const log: Logger = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  // Before the database is touched: a missing or unusable key fails the start.
  const auditKey = loadAuditKey(config.auditKey);
  const database =
    options.database ??
    createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db, migrations);
  const secret =
    config.secret ??
    (await readOrCreateSetting(database.db, 'instance.secret', () =>
      randomBytes(32).toString('hex'),
    ));
  const bus =
    options.bus ??
    (config.redisUrl
      ? createRedisBus(config.redisUrl, log, options.redisNamespace ?? config.redisNamespace)
      : createMemoryBus());
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
    definitions: [mediaSweepJob, ...modules.flatMap((module) => module.jobs ?? [])],
    context: () => ctx,
    leaseMs: config.jobLeaseMs,
    runner: options.runsJobs ?? true,
  });
  const deliveryObservers = modules.flatMap((module) =>
    module.onStreamDelivered ? [module.onStreamDelivered] : [],
  );
  const hub = new StreamHub({
    bus,
    now: () => clock.now().getTime(),
    onDelivered: (report) => {
      for (const observe of deliveryObservers) observe(ctx, report);
    },
  });
  const text = indonesianAnalyser();
  const features: FeatureHooks = {
    registerRoutes(app) {
      for (const module of modules) module.routes?.(app, ctx);
    },
    async accountAreaCodes(accountId) {
      const lists = await Promise.all(
        modules.map((module) => module.accountAreaCodes?.(ctx, accountId) ?? Promise.resolve([])),
      );
      return lists.flat();
    },
    async exportPersonalData(person) {
      const parts = await Promise.all(
        modules.map((module) => module.personalData?.export(ctx, person) ?? Promise.resolve({})),
      );
      return Object.assign({}, ...parts) as Partial<PersonalDataExport>;
    },
    async erasePersonalData(tx, person) {
      for (const module of modules) await module.personalData?.erase(ctx, tx, person);
    },
  };
  const ctx: AppContext = {
    config,
    db: database.db,
    database,
    log,
    bus,
    clock,
    messenger,
    secret,
    auditKey,
    nodeId: newId(),
    redisNamespace: options.redisNamespace ?? config.redisNamespace,
    jobs,
    hub,
    features,
    text,
    search: createSearchIndex(database, text),
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
  for (const type of modules.flatMap((module) => module.searchTypes ?? [])) {
    ctx.search.register(type);
  }
  return ctx;
}

function assertUniqueNames(modules: readonly FeatureModule[]): void {
  const seen = new Set<string>();
  for (const { name } of modules) {
    if (seen.has(name)) throw new Error(`Two feature modules are named ${name}`);
    seen.add(name);
  }
}

/** The kernel's migrations and every module's; a name claimed twice is a bug, not an override. */
function mergeMigrations(modules: readonly FeatureModule[]): Record<string, Migration> {
  const all: Record<string, Migration> = { ...kernelMigrations };
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (name in all) throw new Error(`Migration ${name} (module ${module.name}) exists already`);
      all[name] = migration;
    }
  }
  return all;
}
