import type { ComponentChildren } from 'preact';
import type { AlertView } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { categoryLabel, severityClass, severityLabel } from './labels.js';

/** Severity, category and drill badges of an alert, then any the caller adds. */
export function AlertBadges({
  alert,
  children,
}: {
  alert: AlertView;
  children?: ComponentChildren;
}) {
  const { t } = useI18n(['alerts-web', 'alerts']);
  return (
    <p class="badges">
      <span class={`badge badge-sev ${severityClass(alert.severity)}`}>
        {severityLabel(t, alert.severity)}
      </span>
      <span class="badge">{categoryLabel(t, alert.category)}</span>
      {alert.isDrill && <span class="badge">{t('alertsweb.drill')}</span>}
      {children}
    </p>
  );
}
