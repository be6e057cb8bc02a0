import { useLocation } from 'preact-iso';
import { logout } from '../api/session.js';
import { shellNamespaces } from '../feature-registry.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { visibleLinks } from './nav-links.js';

export function Header() {
  const { t, locale, switchLocale } = useI18n(shellNamespaces);
  const { me, setMe } = useSession();
  const { route } = useLocation();

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
        {visibleLinks('header', me).map((link) => (
          <a key={link.href} href={link.href}>
            {t(link.labelKey)}
          </a>
        ))}
        {me && (
          <button type="button" class="link-button" onClick={() => void onLogout()}>
            {t('web.nav.logout')}
          </button>
        )}
      </nav>
    </header>
  );
}
