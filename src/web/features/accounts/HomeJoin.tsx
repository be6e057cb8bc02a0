import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

/** A guest's invitation to register or log in. */
export function HomeJoin() {
  const { t } = useI18n();
  const { me } = useSession();
  if (me !== null) return null;
  return (
    <div class="card">
      <h2>{t('web.home.join.title')}</h2>
      <p>{t('web.home.join.text')}</p>
      <p class="actions">
        <a class="button" href="/daftar">
          {t('web.nav.register')}
        </a>
        <a class="button button-secondary" href="/masuk">
          {t('web.nav.login')}
        </a>
      </p>
    </div>
  );
}
