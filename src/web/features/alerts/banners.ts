import type { AlertView } from '../../../common/api/alerts.js';

/** Banners by the id of the alert thread (the original alert), newest first. */
export type Banners = Array<{ threadId: string; alert: AlertView }>;

/** Alert adds a banner, Update replaces its thread's banner, Cancel removes it. */
export function applyLiveAlert(banners: Banners, alert: AlertView): Banners {
  const threadId = alert.references ?? alert.id;
  const rest = banners.filter((banner) => banner.threadId !== threadId);
  return alert.msgType === 'Cancel' ? rest : [{ threadId, alert }, ...rest];
}
