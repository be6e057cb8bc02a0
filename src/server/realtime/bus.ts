import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { StreamEvent } from './stream-events.js';

/**
 * Every cross-node event and its payload. Names are `noun.verb-past`. A feature adds its own
 * by declaration merging (`declare module '…/realtime/bus.js'`) in its own files; the payload
 * is the same view that goes over HTTP.
 */
export interface BusEvents {
  /** A live event for SSE clients whose keys intersect `keys` (all clients when empty). */
  'stream.published': StreamEvent;
}
export type BusTopic = keyof BusEvents;
type Handler<K extends BusTopic> = (payload: BusEvents[K]) => void;

/** Publish/subscribe across nodes: in-process on one node, Redis pub/sub on many. */
export interface Bus {
  publish<K extends BusTopic>(topic: K, payload: BusEvents[K]): void;
  subscribe<K extends BusTopic>(topic: K, handler: Handler<K>): () => void;
  close(): Promise<void>;
}

export function createMemoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (topic, payload) => {
      // Deliver asynchronously, like Redis, so publishers never run subscriber code inline.
      queueMicrotask(() => emitter.emit(topic, payload));
    },
    subscribe: (topic, handler) => {
      emitter.on(topic, handler);
      return () => emitter.off(topic, handler);
    },
    close: () => Promise.resolve(),
  };
}

const CHANNEL_PREFIX = 'siaga:';

export function createRedisBus(url: string, log: Logger, namespace = ''): Bus {
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: false });
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const prefix = `${CHANNEL_PREFIX}${namespace}`;
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (err: Error) => log.warn({ err }, 'redis bus connection error'));
  }
  subscriber.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    local.emit(channel.slice(prefix.length), JSON.parse(message));
  });
  const subscribed = new Set<string>();
  return {
    publish: (topic, payload) => {
      publisher.publish(prefix + topic, JSON.stringify(payload)).catch((err: unknown) => {
        log.error({ err, topic }, 'redis bus publish failed');
      });
    },
    subscribe: (topic, handler) => {
      if (!subscribed.has(topic)) {
        subscribed.add(topic);
        subscriber.subscribe(prefix + topic).catch((err: unknown) => {
          log.error({ err, topic }, 'redis bus subscribe failed');
        });
      }
      local.on(topic, handler);
      return () => local.off(topic, handler);
    },
    close: async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
