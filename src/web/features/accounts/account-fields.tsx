import { Field } from '../../components/ui.js';
import { useI18n } from '../../i18n/i18n.js';

interface AccountFieldProps {
  value: string;
  onInput: (value: string) => void;
  error: string | undefined;
}

/** Email or phone number, as the login, registration and password reset forms ask for it. */
export function ContactField({
  name,
  hint,
  ...props
}: AccountFieldProps & { name: string; hint?: string }) {
  const { t } = useI18n();
  return (
    <Field
      {...props}
      label={t('web.auth.contact')}
      {...(hint === undefined ? {} : { hint })}
      name={name}
      autocomplete="username"
      inputMode="email"
      required
    />
  );
}

/** A password being chosen (registration, reset), with the hint saying what it needs. */
export function NewPasswordField(props: AccountFieldProps & { label: string }) {
  const { t } = useI18n();
  return (
    <Field
      {...props}
      hint={t('web.auth.password.hint')}
      name="password"
      type="password"
      autocomplete="new-password"
      required
    />
  );
}
