import type { AlertView } from '../../../common/api/alerts.js';
import type { AlertSeverity, AlertUrgency } from '../../../common/domain/alerts.js';
import type { Locale } from '../../../common/i18n/index.js';
import { textOr, type Translate } from '../../i18n/i18n.js';

export const categoryLabel = (t: Translate, category: string) =>
  textOr(t, `alerts.category.${category}`, category);
export const severityLabel = (t: Translate, severity: AlertSeverity) =>
  t(`alertsweb.severity.${severity}`);
export const urgencyLabel = (t: Translate, urgency: AlertUrgency) =>
  t(`alertsweb.urgency.${urgency}`);

/** The CSS modifier for a severity: red, orange, yellow, blue. */
export const severityClass = (severity: AlertSeverity) => `sev-${severity.toLowerCase()}`;

/** The alert's text in the UI language: English only when the UI is English and it exists. */
export function alertText(alert: AlertView, locale: Locale) {
  const isEn = locale === 'en';
  return {
    title: (isEn && alert.titleEn) || alert.title,
    body: (isEn && alert.bodyEn) || alert.body,
    instruction: (isEn && alert.instructionEn) || alert.instruction,
    lang: isEn && alert.titleEn ? 'en' : 'id',
  };
}

/** The report form's link for this alert (the `reports` pages live at /lapor). */
export function reportLink(alert: AlertView): string {
  const params = new URLSearchParams({ alert: alert.id });
  const area = alert.target.areas[0];
  if (area) params.set('area', area.code);
  return `/lapor?${params.toString()}`;
}
