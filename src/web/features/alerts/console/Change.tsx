import { useState } from 'preact/hooks';
import type { AlertView } from '../../../api/types.js';
import { ErrorNote, Field } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useI18n } from '../../../i18n/i18n.js';
import { cancelAlert, updateAlert } from '../api.js';
import { TextArea } from './fields.js';
import { NAMESPACES, type OnDone } from './shared.js';

/** An Update (new text) or a Cancel of a published alert. */
export function Change({ alert, onDone }: { alert: AlertView; onDone: OnDone }) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [body, setBody] = useState(alert.body);
  const [reason, setReason] = useState('');
  return (
    <form class="form" onSubmit={(e) => e.preventDefault()}>
      <h3>{t('consoleAlerts.update.title')}</h3>
      <ErrorNote error={form.error} />
      <TextArea
        name="update-body"
        label={t('consoleAlerts.field.body')}
        value={body}
        error={form.fields.body}
        onInput={setBody}
      />
      <button
        type="button"
        class="button"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () =>
            onDone(
              await updateAlert(alert.id, { body: body.trim() }),
              'consoleAlerts.done.updated',
            ),
          )
        }
      >
        {t('consoleAlerts.update')}
      </button>
      <Field
        name="cancel-reason"
        label={t('consoleAlerts.reason')}
        value={reason}
        onInput={setReason}
        error={form.fields.reason}
      />
      <button
        type="button"
        class="button button-danger"
        disabled={form.isBusy}
        onClick={(e) =>
          void form.submit(e, async () =>
            onDone(
              await cancelAlert(alert.id, reason.trim() || undefined),
              'consoleAlerts.done.cancelled',
            ),
          )
        }
      >
        {t('consoleAlerts.cancel')}
      </button>
    </form>
  );
}
