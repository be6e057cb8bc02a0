import type { AccountsTables } from '../features/accounts/accounts.table.js';
import type { AlertsTables } from '../features/alerts/alerts.table.js';
import type { AreasTables } from '../features/areas/areas.table.js';
import type { AuditTables } from '../features/audit/audit.table.js';
import type { StationsTables } from '../features/stations/stations.table.js';
import type { JobsTables } from '../jobs/jobs.table.js';
import type { MessagingTables } from '../messaging/messaging.table.js';
import type { StreamTables } from '../realtime/stream.table.js';
import type { SettingTables } from './setting.table.js';
import type { DeliveryTables } from '../features/delivery/delivery.table.js';
import type { PushTables } from '../features/push/push.table.js';
import type { ReportsTables } from '../features/reports/reports.table.js';
import type { QaTables } from '../features/qa/qa.table.js';

/** The whole database: the intersection of every feature's tables. */
export type DatabaseSchema = AccountsTables &
  AreasTables &
  AuditTables &
  StationsTables &
  JobsTables &
  MessagingTables &
  StreamTables &
  SettingTables &
  AlertsTables &
  DeliveryTables &
  PushTables &
  ReportsTables &
  QaTables;
