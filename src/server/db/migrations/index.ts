import type { Migration } from 'kysely';
import * as createCore from './20261125T2200-create-core.js';
import * as createStreamEvent from './20261125T2300-create-stream-event.js';
import * as createAlert from './20261125T2330-create-alert.js';
import * as createPushDelivery from './20261125T2331-create-push-delivery.js';
import * as createReport from './20261126T0000-create-report.js';
import * as createQa from './20261201T2230-create-qa.js';

/** Every migration, in order. Names are `YYYYMMDDTHHMM-verb-noun`. */
export const migrations: Record<string, Migration> = {
  '20261125T2200-create-core': createCore,
  '20261125T2300-create-stream-event': createStreamEvent,
  '20261125T2330-create-alert': createAlert,
  '20261125T2331-create-push-delivery': createPushDelivery,
  '20261126T0000-create-report': createReport,
  '20261201T2230-create-qa': createQa,
};
