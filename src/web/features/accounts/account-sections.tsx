import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Me } from '../../api/types.js';
import { ErrorNote, Field } from '../../components/ui.js';
import { useForm, type FormState } from '../../components/use-form.js';
import { formatDateTime } from '../../../common/i18n/format.js';
import { TotpEnableBody, VerificationConfirmBody } from '../../../common/api/accounts.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';
import {
  confirmVerification,
  deleteAccount,
  disableTotp,
  enableTotp,
  EXPORT_URL,
  requestVerification,
  setUpTotp,
  type VerificationChannel,
} from './api.js';

/** The catalog namespaces the account page takes its strings from. */
export const NAMESPACES = ['alerts-web'];

/** The account's email and phone, each confirmed with a code sent to it. */
export function Verification({ me }: { me: Me }) {
  const { t, locale } = useI18n(NAMESPACES);
  const form = useForm(t);
  const channels: Array<{ channel: VerificationChannel; value: string; isVerified: boolean }> = [];
  if (me.email)
    channels.push({ channel: 'email', value: me.email, isVerified: me.isEmailVerified });
  if (me.phone)
    channels.push({ channel: 'phone', value: me.phone, isVerified: me.isPhoneVerified });
  // Registration already sent a code to the first address: its field is there from the start.
  const [sent, setSent] = useState<{ channel: VerificationChannel; expiresAt?: string } | null>(
    () => {
      const first = channels.find((c) => !c.isVerified);
      return first ? { channel: first.channel } : null;
    },
  );

  return (
    <section class="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('alertsweb.account.verification')}</h2>
      <p class={me.isVerified ? 'note note-ok' : 'note'}>
        {me.isVerified ? t('alertsweb.account.verified') : t('alertsweb.account.unverified')}
      </p>
      <ErrorNote error={form.error} />
      {channels.map(({ channel, value, isVerified }) => (
        <p key={channel} class="actions">
          <span>
            {t(`alertsweb.account.channel_${channel}`, { value })} {isVerified && '✓'}
          </span>
          {!isVerified && (
            <button
              type="button"
              class="button button-small"
              disabled={form.isBusy}
              onClick={(event) =>
                void form.submit(event, async () => setSent(await requestVerification(channel)))
              }
            >
              {t('alertsweb.account.send_code')}
            </button>
          )}
        </p>
      ))}
      {sent && (
        <CodeForm channel={sent.channel} form={form} onDone={() => setSent(null)}>
          {sent.expiresAt && (
            <p class="muted" role="status">
              {t('alertsweb.account.code_sent', { time: formatDateTime(sent.expiresAt, locale) })}
            </p>
          )}
        </CodeForm>
      )}
    </section>
  );
}

/** Two-step verification with an authenticator app (offered to officers). */
export function Totp({ me }: { me: Me }) {
  const { t } = useI18n(NAMESPACES);
  const { setMe } = useSession();
  const form = useForm(t);
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [password, setPassword] = useState('');

  return (
    <section class="card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('alertsweb.account.totp')}</h2>
      <p class={me.isTotpEnabled ? 'note note-ok' : 'note'}>
        {me.isTotpEnabled ? t('alertsweb.account.totp_on') : t('alertsweb.account.totp_off')}
      </p>
      <ErrorNote error={form.error} />
      {me.isTotpEnabled ? (
        <form
          onSubmit={(event) =>
            void form.submit(event, async () => {
              setMe(await disableTotp(password));
              setPassword('');
            })
          }
        >
          <PasswordField name="password" value={password} onInput={setPassword} form={form} />
          <button type="submit" class="button button-secondary" disabled={form.isBusy}>
            {t('alertsweb.account.totp_disable')}
          </button>
        </form>
      ) : setup ? (
        <CodeForm channel="totp" form={form} onDone={() => setSetup(null)}>
          <p>{t('alertsweb.account.totp_instructions')}</p>
          <p>
            <strong>{t('alertsweb.account.totp_uri')}</strong>
            <br />
            <a href={setup.otpauthUri} class="break">
              {setup.otpauthUri}
            </a>
          </p>
          <p>
            <strong>{t('alertsweb.account.totp_secret')}</strong>
            <br />
            <code class="break">{setup.secret}</code>
          </p>
        </CodeForm>
      ) : (
        <button
          type="button"
          class="button"
          disabled={form.isBusy}
          onClick={(event) => void form.submit(event, async () => setSetup(await setUpTotp()))}
        >
          {t('alertsweb.account.totp_setup')}
        </button>
      )}
    </section>
  );
}

/** Export of the account's data, and deleting the account. */
export function PersonalData() {
  const { t } = useI18n(NAMESPACES);
  const { setMe } = useSession();
  const form = useForm(t);
  const [password, setPassword] = useState('');
  const [isDeleted, setDeleted] = useState(false);
  if (isDeleted) return <p class="note note-ok">{t('alertsweb.account.deleted')}</p>;
  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">{t('alertsweb.account.data')}</h2>
      <p>
        <a class="button button-secondary" href={EXPORT_URL} download>
          {t('alertsweb.account.export')}
        </a>
      </p>
      <form
        onSubmit={(event) =>
          void form.submit(event, async () => {
            await deleteAccount(password);
            setDeleted(true);
            setMe(null);
          })
        }
      >
        <p>{t('alertsweb.account.delete_warning')}</p>
        <ErrorNote error={form.error} />
        <PasswordField name="delete-password" value={password} onInput={setPassword} form={form} />
        <button type="submit" class="button button-danger" disabled={form.isBusy}>
          {t('alertsweb.account.delete')}
        </button>
      </form>
    </section>
  );
}

/**
 * Entering a one-time code: the one sent by email or SMS (`channel` names which), or the one
 * an authenticator app shows (`totp`, which turns two-step verification on).
 */
function CodeForm({
  channel,
  form,
  onDone,
  children,
}: {
  channel: VerificationChannel | 'totp';
  form: FormState;
  onDone: () => void;
  children: ComponentChildren;
}) {
  const { t } = useI18n(NAMESPACES);
  const { setMe } = useSession();
  const [code, setCode] = useState('');
  const confirm = () =>
    channel === 'totp' ? enableTotp(code) : confirmVerification(channel, code);
  return (
    <form
      onSubmit={(event) =>
        void form.submit(
          event,
          async () => {
            setMe(await confirm());
            setCode('');
            onDone();
          },
          channel === 'totp'
            ? { schema: TotpEnableBody, value: { code } }
            : { schema: VerificationConfirmBody, value: { channel, code } },
        )
      }
    >
      {children}
      <Field
        label={t('alertsweb.account.code')}
        name="code"
        value={code}
        onInput={setCode}
        inputMode="numeric"
        autocomplete="one-time-code"
        error={form.fields.code}
        required
      />
      <button type="submit" class="button" disabled={form.isBusy}>
        {channel === 'totp' ? t('alertsweb.account.totp_enable') : t('alertsweb.account.confirm')}
      </button>
    </form>
  );
}

/** The account's current password, asked before a change that needs it. */
function PasswordField(props: {
  name: string;
  value: string;
  onInput: (value: string) => void;
  form: FormState;
}) {
  const { t } = useI18n(NAMESPACES);
  return (
    <Field
      label={t('alertsweb.account.password')}
      name={props.name}
      type="password"
      autocomplete="current-password"
      value={props.value}
      onInput={props.onInput}
      error={props.form.fields.password}
      required
    />
  );
}
