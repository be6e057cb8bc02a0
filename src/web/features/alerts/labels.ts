import type { AlertSeverity, AlertUrgency } from '../../../common/domain/alerts.js';
import { textOr, type Translate } from '../../i18n/i18n.js';

export const categoryLabel = (t: Translate, category: string) =>
  textOr(t, `alerts.category.${category}`, category);
export const severityLabel = (t: Translate, severity: AlertSeverity) =>
  t(`alertsweb.severity.${severity}`);
export const urgencyLabel = (t: Translate, urgency: AlertUrgency) =>
  t(`alertsweb.urgency.${urgency}`);

/** The CSS modifier for a severity: red, orange, yellow, blue. */
export const severityClass = (severity: AlertSeverity) => `sev-${severity.toLowerCase()}`;
