import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';
import type { DeliveryChannel, DeliveryStatRow } from './delivery.table.js';

export interface DeliveryCounts {
  sent?: number;
  delivered?: number;
  failed?: number;
  opened?: number;
}

/** Adds to one row's counters, creating it on first use (both dialects run ON CONFLICT). */
export async function addDeliveryCounts(
  db: Db,
  key: { sourceType: string; sourceId: string; channel: DeliveryChannel; nodeId: string },
  counts: DeliveryCounts,
  now: string,
): Promise<void> {
  const values = {
    sent: counts.sent ?? 0,
    delivered: counts.delivered ?? 0,
    failed: counts.failed ?? 0,
    opened: counts.opened ?? 0,
  };
  await db
    .insertInto('delivery_stat')
    .values({ ...key, ...values, updatedAt: now })
    .onConflict((oc) =>
      oc.columns(['sourceType', 'sourceId', 'channel', 'nodeId']).doUpdateSet((eb) => ({
        sent: eb('delivery_stat.sent', '+', values.sent),
        delivered: eb('delivery_stat.delivered', '+', values.delivered),
        failed: eb('delivery_stat.failed', '+', values.failed),
        opened: eb('delivery_stat.opened', '+', values.opened),
        updatedAt: now,
      })),
    )
    .execute();
}

const SAMPLE_CHUNK = 500;

export async function insertLatencySamples(
  db: Db,
  source: { sourceType: string; sourceId: string; channel: DeliveryChannel },
  latenciesMs: readonly number[],
): Promise<void> {
  for (let i = 0; i < latenciesMs.length; i += SAMPLE_CHUNK) {
    const rows = latenciesMs
      .slice(i, i + SAMPLE_CHUNK)
      .map((latencyMs) => ({ id: newId(), ...source, latencyMs: Math.round(latencyMs) }));
    await db.insertInto('delivery_latency').values(rows).execute();
  }
}

export async function listDeliveryStats(
  db: Db,
  sourceType: string,
  sourceId: string,
): Promise<DeliveryStatRow[]> {
  return db
    .selectFrom('delivery_stat')
    .selectAll()
    .where('sourceType', '=', sourceType)
    .where('sourceId', '=', sourceId)
    .execute();
}

export async function listLatencySamples(
  db: Db,
  sourceType: string,
  sourceId: string,
  channel: DeliveryChannel,
): Promise<number[]> {
  const rows = await db
    .selectFrom('delivery_latency')
    .select('latencyMs')
    .where('sourceType', '=', sourceType)
    .where('sourceId', '=', sourceId)
    .where('channel', '=', channel)
    .orderBy('latencyMs')
    .execute();
  return rows.map((row) => row.latencyMs);
}
