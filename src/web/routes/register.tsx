import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { register } from '../api/endpoints.js';
import { ErrorNote, Field, Page } from '../components/ui.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

export function Register() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const { route } = useLocation();
  const [contact, setContact] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    const value = contact.trim();
    const byContact = value.includes('@') ? { email: value } : { phone: value };
    try {
      setMe(await register({ ...byContact, name: name.trim(), password }));
      route('/area-saya');
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setFields(caught.fieldProblems());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('web.auth.register.title')}>
      <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNote error={error} />
        <Field
          label={t('web.auth.contact')}
          hint={t('web.auth.contact.hint')}
          name="contact"
          value={contact}
          onInput={setContact}
          autocomplete="username"
          inputMode="email"
          error={fields.email ?? fields.phone}
          required
        />
        <Field
          label={t('web.auth.name')}
          name="name"
          value={name}
          onInput={setName}
          autocomplete="name"
          error={fields.name}
          required
        />
        <Field
          label={t('web.auth.password')}
          hint={t('web.auth.password.hint')}
          name="password"
          type="password"
          value={password}
          onInput={setPassword}
          autocomplete="new-password"
          error={fields.password}
          required
        />
        <button class="button" type="submit" disabled={isBusy}>
          {t('web.auth.register.submit')}
        </button>
        <p>
          {t('web.auth.register.have_account')} <a href="/masuk">{t('web.nav.login')}</a>
        </p>
      </form>
    </Page>
  );
}
