import { useState } from 'preact/hooks';
import { confirmPasswordReset, requestPasswordReset } from './api.js';
import { ContactField, NewPasswordField } from './account-fields.js';
import { PasswordResetBody, PasswordResetConfirmBody } from '../../../common/api/accounts.js';
import { ErrorNote, Field, Page } from '../../components/ui.js';
import { useForm } from '../../components/use-form.js';
import { useI18n } from '../../i18n/i18n.js';

/** "Lupa kata sandi": first the login to send a code to, then the code and the new password. */
export function PasswordReset() {
  const { t } = useI18n();
  const form = useForm(t);
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'login' | 'code' | 'done'>('login');

  const onSend = (event: Event) => {
    const body: PasswordResetBody = { login: login.trim() };
    return form.submit(
      event,
      async () => {
        await requestPasswordReset(body.login);
        setStep('code');
      },
      { schema: PasswordResetBody, value: body },
    );
  };
  const onConfirm = (event: Event) => {
    const body: PasswordResetConfirmBody = { login: login.trim(), code: code.trim(), password };
    return form.submit(
      event,
      async () => {
        await confirmPasswordReset(body);
        setStep('done');
      },
      { schema: PasswordResetConfirmBody, value: body },
    );
  };

  return (
    <Page title={t('web.auth.reset.title')}>
      {step === 'login' && (
        <form class="form" onSubmit={(e) => void onSend(e)} noValidate>
          <p>{t('web.auth.reset.intro')}</p>
          <ErrorNote error={form.error} />
          <ContactField name="login" value={login} onInput={setLogin} error={form.fields.login} />
          <button class="button" type="submit" disabled={form.isBusy}>
            {t('web.auth.reset.send')}
          </button>
        </form>
      )}
      {step === 'code' && (
        <form class="form" onSubmit={(e) => void onConfirm(e)} noValidate>
          <p role="status">{t('web.auth.reset.sent')}</p>
          <ErrorNote error={form.error} />
          <Field
            label={t('web.auth.reset.code')}
            name="code"
            value={code}
            onInput={setCode}
            autocomplete="one-time-code"
            inputMode="numeric"
            error={form.fields.code}
            required
          />
          <NewPasswordField
            label={t('web.auth.reset.new_password')}
            value={password}
            onInput={setPassword}
            error={form.fields.password}
          />
          <button class="button" type="submit" disabled={form.isBusy}>
            {t('web.auth.reset.submit')}
          </button>
        </form>
      )}
      {step === 'done' && (
        <p class="note note-ok" role="status">
          {t('web.auth.reset.done')} <a href="/masuk">{t('web.nav.login')}</a>
        </p>
      )}
    </Page>
  );
}
