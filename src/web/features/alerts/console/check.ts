import { ALERT_BODY_MAX, ALERT_TITLE_MAX } from '../../../../common/domain/alerts.js';
import type { MessageKey } from '../../../../common/i18n/index.js';

/** A field's problem: the catalog key of its message and the values it names. */
export interface Problem {
  key: MessageKey;
  params?: Record<string, string>;
}

/**
 * The server's rules for an alert's required content (IssueAlertBody: title and body 1…max
 * characters once trimmed, a category chosen), checked before the confirmation is offered, so
 * "Ya, kirim" never appears for an alert the server would refuse or a citizen could not read.
 */
export function checkAlertContent(content: {
  title: string;
  body: string;
  category: string;
}): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  const text = (field: 'title' | 'body', max: number) => {
    const value = content[field].trim();
    if (value === '') problems[field] = { key: 'consoleAlerts.check.required' };
    else if (value.length > max)
      problems[field] = { key: 'consoleAlerts.check.too_long', params: { max: String(max) } };
  };
  text('title', ALERT_TITLE_MAX);
  text('body', ALERT_BODY_MAX);
  if (content.category === '') problems.category = { key: 'consoleAlerts.check.category' };
  return problems;
}
