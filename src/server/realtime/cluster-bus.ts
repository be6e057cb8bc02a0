import cluster, { type Worker } from 'node:cluster';
import { EventEmitter } from 'node:events';
import type { Bus, BusEvents, BusTopic } from './bus.js';

/** The IPC message that carries one bus event between the processes of `serve --workers`. */
interface ClusterBusMessage {
  siagaBus: BusTopic;
  payload: BusEvents[BusTopic];
}

function isBusMessage(message: unknown): message is ClusterBusMessage {
  return typeof message === 'object' && message !== null && 'siagaBus' in message;
}

/**
 * The bus of one worker process of `siaga serve --workers N` without Redis (SQLite): events go
 * to this process's own subscribers and, over the cluster's IPC channel, to the primary, which
 * hands them to every other worker. The same role Redis plays across nodes, within one node.
 */
export function createClusterBus(): Bus {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const onMessage = (message: unknown) => {
    if (isBusMessage(message)) local.emit(message.siagaBus, message.payload);
  };
  process.on('message', onMessage);
  return {
    publish: (topic, payload) => {
      // Asynchronously, like Redis and the memory bus: publishers never run subscriber code.
      queueMicrotask(() => local.emit(topic, payload));
      const message: ClusterBusMessage = { siagaBus: topic, payload };
      if (process.connected) process.send?.(message);
    },
    subscribe: (topic, handler) => {
      local.on(topic, handler);
      return () => local.off(topic, handler);
    },
    close: () => {
      process.off('message', onMessage);
      return Promise.resolve();
    },
  };
}

/** In the primary: relays each worker's bus events to the other workers. */
export function relayClusterBus(): void {
  cluster.on('message', (from: Worker, message: unknown) => {
    if (!isBusMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message);
    }
  });
}
