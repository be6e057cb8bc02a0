import { useState } from 'preact/hooks';
import type { MessageKey } from '../../../../common/i18n/index.js';
import type { AlertView } from '../../../api/types.js';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import { alertQueries, queryClient } from '../../../query/query.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { useI18n } from '../../../i18n/i18n.js';
import { getAlert } from '../api.js';
import { Change } from './Change.js';
import { Delivery } from './Delivery.js';
import { Review } from './Review.js';
import { NAMESPACES, StateBadge, targetText, tk, type OnDone } from './shared.js';

/** One alert: details, then review, change or delivery figures as its state allows. */
/** `timeZone`: the console's station's, the clock its officers read. */
export function AlertDetail({ id, timeZone }: { id: string; timeZone: string }) {
  const { t, locale } = useI18n(NAMESPACES);
  const alert = useLoad(() => getAlert(id), id);
  const [current, setCurrent] = useState<AlertView | null>(null);
  const [done, setDone] = useState<MessageKey | null>(null);
  const shown = current?.id === id ? current : alert.data;
  if (!shown) return alert.error ? <ErrorNote error={alert.error} /> : <Skeleton />;

  const changed: OnDone = (next, message) => {
    setDone(message);
    void queryClient.invalidateQueries({ queryKey: alertQueries });
    if (next.id === id) setCurrent(next);
    else {
      // An Update or Cancel is a new message: show its page.
      history.pushState(null, '', `/konsol/peringatan/${next.id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }
  };
  return (
    <article class="alert-page">
      <a href="/konsol/peringatan">{t('consoleAlerts.back')}</a>
      <h2>
        {shown.title} <StateBadge alert={shown} />
      </h2>
      {done && (
        <p class="note note-ok" role="status">
          {t(done)}
        </p>
      )}
      <p class="muted">
        {t(tk(`consoleAlerts.msgType.${shown.msgType}`))} ·{' '}
        {t(tk(`consoleAlerts.severity.${shown.severity}`))} ·{' '}
        {t(tk(`alerts.category.${shown.category}`))}
      </p>
      <p>{shown.body}</p>
      {shown.instruction && <p>{shown.instruction}</p>}
      <p class="muted">
        {t('consoleAlerts.detail.target', {
          target: targetText(t, shown.target, shown.target.areas),
        })}
        <br />
        {t('consoleAlerts.detail.expires', {
          at: formatDateTime(shown.expiresAt, locale, timeZone),
        })}
        {shown.author && (
          <>
            <br />
            {t('consoleAlerts.detail.author', { name: shown.author.name })}
          </>
        )}
        {shown.note && (
          <>
            <br />
            {t('consoleAlerts.detail.note', { note: shown.note })}
          </>
        )}
      </p>
      {shown.state === 'pending_approval' && <Review alert={shown} onDone={changed} />}
      {shown.state === 'published' && <Change alert={shown} onDone={changed} />}
      {shown.state !== 'pending_approval' && shown.state !== 'rejected' && (
        <Delivery id={shown.id} />
      )}
    </article>
  );
}
