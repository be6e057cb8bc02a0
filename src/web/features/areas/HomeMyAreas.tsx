import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

/** A signed-in citizen's way to the areas they follow. */
export function HomeMyAreas() {
  const { t } = useI18n();
  const { me } = useSession();
  if (!me) return null;
  return (
    <div class="card">
      <h2>{t('web.home.my_account')}</h2>
      <p>{t('web.home.greeting', { name: me.name })}</p>
      <a class="button" href="/area-saya">
        {t('web.areas.title')}
      </a>
    </div>
  );
}
