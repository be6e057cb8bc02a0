import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import { login } from './api.js';
import { ContactField } from './account-fields.js';
import { LoginBody } from '../../../common/api/accounts.js';
import { ErrorNote, Field, Page } from '../../components/ui.js';
import { useForm } from '../../components/use-form.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

const TOTP_REQUIRED = 'auth.totp_required';

export function Login() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const { route } = useLocation();
  const form = useForm(t);
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);

  const onSubmit = (event: Event) => {
    const body: LoginBody = {
      login: loginName.trim(),
      password,
      ...(needsTotp ? { totp: totp.trim() } : {}),
    };
    return form.submit(
      event,
      async () => {
        try {
          const me = await login(body);
          setMe(me);
          route(me.roles.length > 0 ? '/konsol' : '/');
        } catch (caught) {
          // The server asks for the code only once the password is right: show the field then.
          if (caught instanceof ApiError && caught.code === TOTP_REQUIRED && !needsTotp) {
            setNeedsTotp(true);
            return;
          }
          throw caught;
        }
      },
      { schema: LoginBody, value: body },
    );
  };

  return (
    <Page title={t('web.auth.login.title')}>
      <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNote error={form.error} />
        <ContactField
          name="login"
          value={loginName}
          onInput={setLoginName}
          error={form.fields.login}
        />
        <Field
          label={t('web.auth.password')}
          name="password"
          type="password"
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          error={form.fields.password}
          required
        />
        {needsTotp && (
          <Field
            label={t('web.auth.totp')}
            hint={t('web.auth.totp.hint')}
            name="totp"
            value={totp}
            onInput={setTotp}
            autocomplete="one-time-code"
            inputMode="numeric"
            error={form.fields.totp}
            required
          />
        )}
        <button class="button" type="submit" disabled={form.isBusy}>
          {t('web.auth.login.submit')}
        </button>
        <p>
          <a href="/lupa-sandi">{t('web.auth.reset.link')}</a>
        </p>
        <p>
          {t('web.auth.login.no_account')} <a href="/daftar">{t('web.nav.register')}</a>
        </p>
      </form>
    </Page>
  );
}
