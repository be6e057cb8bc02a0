import type { JobsTables } from '../jobs/jobs.table.js';
import type { MessagingTables } from '../messaging/messaging.table.js';
import type { StreamTables } from '../realtime/stream.table.js';
import type { SettingTables } from './setting.table.js';
import type { SearchTables } from '../text/search.table.js';
import type { MediaTables } from '../media/media.table.js';

/**
 * The whole database: the kernel's tables here, and each feature's added by declaration
 * merging in its `<feature>.table.ts` (`declare module '…/db/schema.js'`).
 */
export interface DatabaseSchema
  extends JobsTables, MessagingTables, StreamTables, SettingTables, SearchTables, MediaTables {}
