import type { Migration } from 'kysely';
import type { PersonalDataExport } from '../common/api/accounts.js';
import type { Role } from '../common/domain/roles.js';
import type { Catalog } from '../common/i18n/index.js';
import type { AppContext, PersonRef } from './context.js';
import type { Tx } from './db/database.js';
import type { App } from './http.js';
import type { JobDefinition } from './jobs/jobs.js';
import type { DeliveryReport } from './realtime/stream-hub.js';

/** What a module keeps about a person: part of their UU PDP export, erased with the account. */
export interface PersonalDataHandler {
  export: (ctx: AppContext, person: PersonRef) => Promise<Partial<PersonalDataExport>>;
  /** Runs in the deletion's transaction, before the account row goes. */
  erase: (ctx: AppContext, tx: Tx, person: PersonRef) => Promise<void>;
}

/**
 * What a feature plugs into the kernel. The kernel knows this shape and nothing of the
 * features themselves: compose.ts binds the list in modules.ts. Types (tables, job payloads,
 * bus and stream events, messages, station actions) join the kernel's maps by declaration
 * merging in the feature's own files.
 */
export interface FeatureModule {
  /** Unique among modules; also names the feature in logs and errors. */
  name: string;
  /** The HTTP surface, registered in the order of modules.ts. */
  routes?: (app: App, ctx: AppContext) => void;
  jobs?: readonly JobDefinition[];
  /** Merged with the kernel's own list; a name, once deployed, never changes. */
  migrations?: Readonly<Record<string, Migration>>;
  /** Station actions this feature checks, and the station roles that may do each. */
  policies?: Readonly<Record<string, readonly Role[]>>;
  /** The document types it keeps in the shared search index (ctx.search). */
  searchTypes?: readonly string[];
  /** Message catalogs by namespace (the file names under common/i18n/{id,en}/). */
  i18n?: Readonly<Record<string, { id: Catalog; en: Catalog }>>;
  /** Area codes an account follows, added to its live-stream subscription. */
  accountAreaCodes?: (ctx: AppContext, accountId: string) => Promise<string[]>;
  /** After this node's stream hub wrote an event to its connections. */
  onStreamDelivered?: (ctx: AppContext, report: DeliveryReport) => void;
  personalData?: PersonalDataHandler;
}
