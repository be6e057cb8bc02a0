import type { PersonalDataExport } from '../common/api/accounts.js';
import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { Database, Db, Tx } from './db/database.js';
import type { App } from './http.js';
import type { Logger } from './logger.js';
import type { Messenger } from './messaging/outbound.js';
import type { Bus } from './realtime/bus.js';
import type { Jobs } from './jobs/queue.js';
import type { StreamHub } from './realtime/stream-hub.js';
import type { Analyser } from './text/analyser.js';
import type { SearchIndex } from './text/search-index.js';
import type { Media } from './media/media.js';

/** Everything a service needs, built once (compose.ts) and passed explicitly. */
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
  /** HMAC key of the audit chain, from outside the database (config `auditKey`). */
  auditKey: Buffer;
  /** Identifies this process among the nodes of a deployment. */
  nodeId: string;
  /** Prefix for this deployment's Redis keys and channels (empty in production). */
  redisNamespace: string;
  /** Background jobs; the server starts the worker, tests drain with `runDueJobs()`. */
  jobs: Jobs;
  /** This node's open SSE connections. */
  hub: StreamHub;
  /** What the kernel asks of the composed feature modules, without knowing them. */
  features: FeatureHooks;
  /** The Indonesian analyser (normalise, slang, stop words, stems, synonyms). */
  text: Analyser;
  /** Full-text search; features register their document types and index in their transactions. */
  search: SearchIndex;
  /** Upload intake, the image pipeline and the media store. */
  media: Media;
  close(): Promise<void>;
}

/** A person whose data modules keep: their account and the addresses it names. */
export interface PersonRef {
  accountId: string;
  email: string | null;
  phone: string | null;
}

/** The feature modules' contributions, bound by compose.ts. */
export interface FeatureHooks {
  /** Registers every module's routes, in the order of modules.ts. */
  registerRoutes(app: App): void;
  /** The area codes an account follows, for its live-stream subscription. */
  accountAreaCodes(accountId: string): Promise<string[]>;
  /** What every module keeps about the person, for their export. */
  exportPersonalData(person: PersonRef): Promise<Partial<PersonalDataExport>>;
  /** Erases or detaches what every module keeps about the person. */
  erasePersonalData(tx: Tx, person: PersonRef): Promise<void>;
}

export interface ContextOptions {
  clock?: Clock;
  log?: Logger;
  database?: Database;
  /** Prefix for Redis keys and channels, so parallel test runs share nothing in Redis. */
  redisNamespace?: string;
  /** The event bus, instead of Redis (SIAGA_REDIS_URL) or the in-process one. */
  bus?: Bus;
  /**
   * Whether this process runs the job worker (default true). False in the other processes of
   * `serve --workers N` on SQLite, where one process runs the jobs for the node.
   */
  runsJobs?: boolean;
}
