import type { Migration } from 'kysely';
import * as createCore from './20261125T2200-create-core.js';
import * as createStreamEvent from './20261125T2300-create-stream-event.js';
import * as createAlert from './20261125T2330-create-alert.js';
import * as createPushDelivery from './20261125T2331-create-push-delivery.js';
import * as createReport from './20261126T0000-create-report.js';
import * as createMedia from './20261201T2200-create-media.js';
import * as createSearch from './20261201T2200-create-search.js';
import * as createSearchPosting from './20261201T2330-create-search-posting.js';

/**
 * The kernel's migrations, in order. Names are `YYYYMMDDTHHMM-verb-noun` and were recorded by
 * deployed databases, so they never change. These created the first features' tables too;
 * a newer feature brings its own migrations through its module.
 */
export const migrations: Record<string, Migration> = {
  '20261125T2200-create-core': createCore,
  '20261125T2300-create-stream-event': createStreamEvent,
  '20261125T2330-create-alert': createAlert,
  '20261125T2331-create-push-delivery': createPushDelivery,
  '20261126T0000-create-report': createReport,
  '20261201T2200-create-media': createMedia,
  '20261201T2200-create-search': createSearch,
  '20261201T2330-create-search-posting': createSearchPosting,
};
