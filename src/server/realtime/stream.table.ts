import type { Insertable, Selectable } from 'kysely';

export interface StreamEventTable {
  id: string;
  type: string;
  /** JSON of the event's view */
  data: string;
  /** JSON array of targeting keys; empty means everyone */
  keys: string;
  isDrill: number;
  createdAt: string;
}
export type StreamEventRow = Selectable<StreamEventTable>;
export type NewStreamEventRow = Insertable<StreamEventTable>;

export interface StreamTables {
  stream_event: StreamEventTable;
}
