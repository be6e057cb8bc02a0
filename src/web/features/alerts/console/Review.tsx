import { useState } from 'preact/hooks';
import type { AlertView } from '../../../api/types.js';
import { ErrorNote, Field } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useI18n } from '../../../i18n/i18n.js';
import { approveAlert, rejectAlert } from '../api.js';
import { NAMESPACES, type OnDone } from './shared.js';

/** A second officer approves or rejects an alert waiting for approval. */
export function Review({ alert, onDone }: { alert: AlertView; onDone: OnDone }) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [reason, setReason] = useState('');
  return (
    <form class="form" onSubmit={(e) => e.preventDefault()}>
      <ErrorNote error={form.error} />
      <button
        type="button"
        class="button"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () =>
            onDone(await approveAlert(alert.id), 'consoleAlerts.done.approved'),
          )
        }
      >
        {t('consoleAlerts.approve')}
      </button>
      <Field
        name="reason"
        label={t('consoleAlerts.reason')}
        value={reason}
        onInput={setReason}
        error={form.fields.reason}
      />
      <button
        type="button"
        class="button button-secondary"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () =>
            onDone(await rejectAlert(alert.id, reason.trim()), 'consoleAlerts.done.rejected'),
          )
        }
      >
        {t('consoleAlerts.reject')}
      </button>
    </form>
  );
}
