import { describe, expect, it } from 'vitest';
import { ALERT_TITLE_MAX } from '../../../../common/domain/alerts.js';
import { checkAlertContent } from './check.js';

describe('the composer check before confirming', () => {
  it('refuses an empty (or blank) title and body and an unchosen category', () => {
    expect(checkAlertContent({ title: '  ', body: '', category: '' })).toEqual({
      title: { key: 'consoleAlerts.check.required' },
      body: { key: 'consoleAlerts.check.required' },
      category: { key: 'consoleAlerts.check.category' },
    });
  });

  it('refuses a title longer than the server allows', () => {
    const problems = checkAlertContent({
      title: 'x'.repeat(ALERT_TITLE_MAX + 1),
      body: 'isi',
      category: 'begal',
    });
    expect(Object.keys(problems)).toEqual(['title']);
    expect(problems.title?.params).toEqual({ max: String(ALERT_TITLE_MAX) });
  });

  it('passes a complete alert', () => {
    expect(
      checkAlertContent({ title: 'Begal', body: 'Hati-hati di Jl. Raya', category: 'begal' }),
    ).toEqual({});
  });
});
