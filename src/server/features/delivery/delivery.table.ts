import type { Selectable } from 'kysely';

export type DeliveryChannel = 'push' | 'stream';

/** Counters per issued thing (an alert…), channel and, for the stream, node. */
export interface DeliveryStatTable {
  sourceType: string;
  sourceId: string;
  channel: DeliveryChannel;
  nodeId: string;
  sent: number;
  delivered: number;
  failed: number;
  opened: number;
  updatedAt: string;
}
export type DeliveryStatRow = Selectable<DeliveryStatTable>;

/** Issue → delivery latency samples, for p50/p99. */
export interface DeliveryLatencyTable {
  id: string;
  sourceType: string;
  sourceId: string;
  channel: DeliveryChannel;
  latencyMs: number;
}

declare module '../../db/schema.js' {
  interface DatabaseSchema {
    delivery_stat: DeliveryStatTable;
    delivery_latency: DeliveryLatencyTable;
  }
}
