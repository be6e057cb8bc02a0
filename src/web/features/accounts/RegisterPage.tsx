import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { register } from './api.js';
import { ContactField, NewPasswordField } from './account-fields.js';
import { RegisterBody } from '../../../common/api/accounts.js';
import { ErrorNote, Field, Page } from '../../components/ui.js';
import { useForm } from '../../components/use-form.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

/** One field for either: an address with @ is an email, anything else a phone number. */
const contactFields = (value: string) =>
  value.includes('@') ? { email: value.trim() } : { phone: value.trim() };

export function Register() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const { route } = useLocation();
  const form = useForm(t);
  const [contact, setContact] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: Event) => {
    const body: RegisterBody = { ...contactFields(contact), name: name.trim(), password };
    return form.submit(
      event,
      async () => {
        setMe(await register(body));
        // The account page shows the field for the code registration just sent.
        route('/akun');
      },
      { schema: RegisterBody, value: body },
    );
  };

  return (
    <Page title={t('web.auth.register.title')}>
      <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNote error={form.error} />
        <ContactField
          name="contact"
          hint={t('web.auth.contact.hint')}
          value={contact}
          onInput={setContact}
          error={form.fields.email ?? form.fields.phone}
        />
        <Field
          label={t('web.auth.name')}
          name="name"
          value={name}
          onInput={setName}
          autocomplete="name"
          error={form.fields.name}
          required
        />
        <NewPasswordField
          label={t('web.auth.password')}
          value={password}
          onInput={setPassword}
          error={form.fields.password}
        />
        <button class="button" type="submit" disabled={form.isBusy}>
          {t('web.auth.register.submit')}
        </button>
        <p>
          {t('web.auth.register.have_account')} <a href="/masuk">{t('web.nav.login')}</a>
        </p>
      </form>
    </Page>
  );
}
