import { Page, Skeleton } from '../../components/ui.js';
import { NAMESPACES, PersonalData, Totp, Verification } from './account-sections.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

export function Account() {
  const { t } = useI18n(NAMESPACES);
  const { me } = useSession();
  if (me === undefined) return <Skeleton />;
  if (me === null)
    return (
      <Page title={t('alertsweb.account.title')}>
        <p>{t('alertsweb.account.login_first')}</p>
        <a class="button" href="/masuk">
          {t('web.nav.login')}
        </a>
      </Page>
    );
  const isOfficer = me.roles.length > 0; // citizen is implicit, never listed
  return (
    <Page title={t('alertsweb.account.title')}>
      <Verification me={me} />
      {(isOfficer || me.isTotpEnabled) && <Totp me={me} />}
      <PersonalData />
    </Page>
  );
}
