import { useLocation } from 'preact-iso';
import { logout } from '../features/accounts/api.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

export function Header() {
  const { t, locale, switchLocale } = useI18n();
  const { me, setMe } = useSession();
  const { route } = useLocation();
  const isStaff = (me?.roles.length ?? 0) > 0; // citizen is implicit, never listed

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      // The server forgets the session; even if that call failed, the UI must not look logged in.
      setMe(null);
      route('/');
    }
  };

  return (
    <header class="header">
      <div class="header-top">
        <a href="/" class="brand">
          Siaga
        </a>
        <button
          type="button"
          class="link-button lang-switch"
          lang={locale === 'id' ? 'en' : 'id'}
          onClick={() => void switchLocale(locale === 'id' ? 'en' : 'id')}
        >
          {locale === 'id' ? 'English' : 'Bahasa Indonesia'}
        </button>
      </div>
      {/* The main pages are in the bottom bar; the header keeps what concerns the account. */}
      <nav class="nav" aria-label={t('web.nav.account_label')}>
        <a href="/statistik">{t('web.nav.stats')}</a>
        {me && <a href="/area-saya">{t('web.areas.title')}</a>}
        {isStaff && <a href="/konsol">{t('web.nav.console')}</a>}
        {me === null && <a href="/masuk">{t('web.nav.login')}</a>}
        {me === null && <a href="/daftar">{t('web.nav.register')}</a>}
        {me && (
          <button type="button" class="link-button" onClick={() => void onLogout()}>
            {t('web.nav.logout')}
          </button>
        )}
      </nav>
    </header>
  );
}
