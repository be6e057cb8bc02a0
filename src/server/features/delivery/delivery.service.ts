import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { DeliveryReport } from '../../realtime/stream-hub.js';
import {
  addDeliveryCounts,
  insertLatencySamples,
  listDeliveryStats,
  listLatencySamples,
  type DeliveryCounts,
} from './delivery.repository.js';
import type { DeliveryChannel } from './delivery.table.js';

/** What was delivered: an alert, or anything else a feature issues. */
export interface DeliverySource {
  sourceType: string;
  sourceId: string;
}

export interface ChannelFigures {
  sent: number;
  delivered: number;
  failed: number;
  opened: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
}

export interface DeliveryFigures {
  push: ChannelFigures;
  /** Summed over nodes; `nodes` lists each node's deliveries. */
  stream: ChannelFigures & { nodes: Array<{ nodeId: string; delivered: number }> };
}

/** Push counters are shared by all nodes. */
const PUSH_NODE = '';

export async function recordPushDelivery(
  ctx: AppContext,
  source: DeliverySource,
  counts: DeliveryCounts,
  latenciesMs: readonly number[],
  /** The caller's transaction, when the figures must count exactly when its work does. */
  db: Db = ctx.db,
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await addDeliveryCounts(db, { ...source, channel: 'push', nodeId: PUSH_NODE }, counts, now);
  await insertLatencySamples(db, { ...source, channel: 'push' }, latenciesMs);
}

/** `notificationclick` in the service worker: a resident opened the notification. */
export async function recordPushOpened(ctx: AppContext, source: DeliverySource): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await addDeliveryCounts(
    ctx.db,
    { ...source, channel: 'push', nodeId: PUSH_NODE },
    { opened: 1 },
    now,
  );
}

/** Called by the stream hub after each event; counts per node, one latency sample per node. */
export function recordStreamDelivery(ctx: AppContext, report: DeliveryReport): void {
  const { source } = report.event;
  if (!source) return;
  const key = { sourceType: source.type, sourceId: source.id };
  const now = ctx.clock.now().toISOString();
  const work = async () => {
    await addDeliveryCounts(
      ctx.db,
      { ...key, channel: 'stream', nodeId: ctx.nodeId },
      { sent: report.delivered, delivered: report.delivered },
      now,
    );
    await insertLatencySamples(ctx.db, { ...key, channel: 'stream' }, [report.latencyMs]);
  };
  work().catch((err: unknown) => ctx.log.warn({ err }, 'recording stream delivery failed'));
}

export async function getDeliveryFigures(
  ctx: AppContext,
  sourceType: string,
  sourceId: string,
): Promise<DeliveryFigures> {
  const rows = await listDeliveryStats(ctx.db, sourceType, sourceId);
  const figures = async (channel: DeliveryChannel): Promise<ChannelFigures> => {
    const mine = rows.filter((row) => row.channel === channel);
    const sum = (field: 'sent' | 'delivered' | 'failed' | 'opened') =>
      mine.reduce((total, row) => total + row[field], 0);
    const samples = await listLatencySamples(ctx.db, sourceType, sourceId, channel);
    return {
      sent: sum('sent'),
      delivered: sum('delivered'),
      failed: sum('failed'),
      opened: sum('opened'),
      latencyP50Ms: percentile(samples, 0.5),
      latencyP99Ms: percentile(samples, 0.99),
    };
  };
  return {
    push: await figures('push'),
    stream: {
      ...(await figures('stream')),
      nodes: rows
        .filter((row) => row.channel === 'stream')
        .map((row) => ({ nodeId: row.nodeId, delivered: row.delivered })),
    },
  };
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null;
}
