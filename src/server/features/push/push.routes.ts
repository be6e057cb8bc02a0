import { Ok, withErrors } from '../../../common/api/common.js';
import {
  PushKeyView,
  PushOpenedBody,
  PushSubscribeBody,
  PushSubscriptionView,
  PushUnsubscribeBody,
} from '../../../common/api/push.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { recordPushOpened } from '../delivery/delivery.service.js';
import { getPushPublicKey, getVapidKeys, subscribePush, unsubscribePush } from './push.service.js';

export function registerPushRoutes(app: App, ctx: AppContext): void {
  // Made (or read) on start, so the first subscriber does not wait for key generation.
  app.addHook('onReady', async () => {
    await getVapidKeys(ctx);
  });

  app.get(
    '/api/push/key',
    {
      schema: {
        tags: ['push'],
        summary: 'VAPID public key for PushManager.subscribe',
        response: withErrors({ 200: PushKeyView }),
      },
    },
    () => getPushPublicKey(ctx),
  );

  app.post(
    '/api/push/subscriptions',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['push'],
        summary: 'Subscribe this browser to alerts for areas and/or a point',
        body: PushSubscribeBody,
        response: withErrors({ 200: PushSubscriptionView }),
      },
    },
    (request) => subscribePush(ctx, request.actor, request.body),
  );

  app.delete(
    '/api/push/subscriptions',
    {
      schema: {
        tags: ['push'],
        summary: 'Unsubscribe this browser',
        body: PushUnsubscribeBody,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await unsubscribePush(ctx, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/push/opened',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['push'],
        summary: 'A notification was opened (from the service worker)',
        body: PushOpenedBody,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await recordPushOpened(ctx, request.body);
      return { ok: true as const };
    },
  );
}
