import { useEffect, useState } from 'preact/hooks';
import {
  OUTBOX_CHANGED,
  outboxEntries,
  trackingHandles,
  type OutboxEntry,
  type TrackingHandle,
} from './report-outbox.js';

export interface OutboxState {
  /** Reports still waiting for a connection ("menunggu sinyal"). */
  waiting: OutboxEntry[];
  /** Reports this device sent, newest first. */
  handles: TrackingHandle[];
}

/** The device's outbox and tracking handles, kept current as the queue sends. */
export function useOutbox(): OutboxState {
  const [state, setState] = useState<OutboxState>({ waiting: [], handles: [] });
  useEffect(() => {
    let isCurrent = true;
    const refresh = () =>
      void Promise.all([outboxEntries(), trackingHandles()]).then(
        ([waiting, handles]) => isCurrent && setState({ waiting, handles }),
        // No IndexedDB (a locked-down browser): nothing was kept here to show.
        () => undefined,
      );
    refresh();
    addEventListener(OUTBOX_CHANGED, refresh);
    return () => {
      isCurrent = false;
      removeEventListener(OUTBOX_CHANGED, refresh);
    };
  }, []);
  return state;
}
