import type { MessageKey } from '../../../../common/i18n/index.js';
import type { AlertTargetInput, AlertView } from '../../../api/types.js';
import { useI18n, type Translate } from '../../../i18n/i18n.js';

/** The catalog namespaces the console's alert pages take their strings from. */
export const NAMESPACES = ['console-alerts', 'alerts'];

/** What a review or change answers with: the alert now and the message to show. */
export type OnDone = (next: AlertView, message: MessageKey) => void;

/** An area as alerts name it. */
export interface Named {
  code: string;
  name: string;
}

/** A key built from the domain's own vocabularies (states, message types, CAP codes). */
export const tk = (key: string) => key as MessageKey;

export function StateBadge({ alert }: { alert: AlertView }) {
  const { t } = useI18n(NAMESPACES);
  return (
    <span class={`badge badge-${alert.state}`}>{t(tk(`consoleAlerts.state.${alert.state}`))}</span>
  );
}

/** "1 circle, 0 polygons" in the UI language. */
export const shapesText = (t: Translate, circles: number, polygons: number) =>
  t('consoleAlerts.target.shapes', {
    circles: t('consoleAlerts.target.circles', { count: circles }),
    polygons: t('consoleAlerts.target.polygons', { count: polygons }),
  });

/** The areas by name, then the drawn shapes: what a target reads as. */
export function targetText(
  t: Translate,
  target: AlertView['target'] | AlertTargetInput,
  names: Named[],
) {
  const parts = names.map((area) => area.name);
  const circles = target.circles?.length ?? 0;
  const polygons = target.polygons?.length ?? 0;
  if (circles + polygons > 0) parts.push(shapesText(t, circles, polygons));
  return parts.join(', ');
}

/** "Reaches 3 devices and 1 open screen." */
export const reachText = (t: Translate, reach: { devices: number; liveConnections: number }) =>
  t('consoleAlerts.preview.result', {
    devices: t('consoleAlerts.preview.devices', { count: reach.devices }),
    live: t('consoleAlerts.preview.live', { count: reach.liveConnections }),
  });
