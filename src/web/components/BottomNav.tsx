import { useLocation } from 'preact-iso';
import type { MessageKey } from '../../common/i18n/index.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

interface Tab {
  key: MessageKey;
  href: string;
  /** The pages under this tab (the current one is marked `aria-current`). */
  covers: (path: string) => boolean;
  /** A 24×24 outline icon (stroke paths). */
  icon: string;
}

const under =
  (...prefixes: string[]) =>
  (path: string) =>
    prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

const TABS: readonly Tab[] = [
  {
    key: 'web.bar.home',
    href: '/',
    covers: (path) => path === '/',
    icon: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  },
  {
    key: 'web.bar.alerts',
    href: '/peringatan',
    covers: under('/peringatan', '/pengaturan/peringatan'),
    icon: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 21h4',
  },
  {
    key: 'web.bar.report',
    href: '/lapor',
    covers: under('/lapor'),
    icon: 'M5 4h14v16H5zM9 9h6M9 13h6M9 17h3',
  },
  {
    key: 'web.bar.stations',
    href: '/kantor',
    covers: under('/kantor'),
    icon: 'M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  },
  {
    key: 'web.bar.account',
    href: '/akun',
    covers: under('/akun', '/area-saya', '/masuk', '/daftar', '/konsol'),
    icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  },
];

/**
 * The phone's main navigation, fixed at the bottom within thumb reach: five tabs of at least
 * 48 px, the one the current page belongs to marked for screen readers and by colour.
 */
export function BottomNav() {
  const { t } = useI18n();
  const { me } = useSession();
  const { path } = useLocation();
  return (
    <nav class="bottom-nav" aria-label={t('web.nav.label')}>
      {TABS.map((tab) => {
        // A guest's account tab is the login page.
        const href = tab.href === '/akun' && me === null ? '/masuk' : tab.href;
        return (
          <a key={tab.href} href={href} aria-current={tab.covers(path) ? 'page' : undefined}>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
              <path d={tab.icon} />
            </svg>
            <span>{t(tab.key)}</span>
          </a>
        );
      })}
    </nav>
  );
}
