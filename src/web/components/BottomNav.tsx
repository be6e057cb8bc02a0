import { useLocation } from 'preact-iso';
import { shellNamespaces } from '../feature-registry.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { linkCovers, visibleLinks } from './nav-links.js';

/**
 * The phone's main navigation, fixed at the bottom within thumb reach: tabs of at least
 * 48 px, the one the current page belongs to marked for screen readers and by colour.
 */
export function BottomNav() {
  const { t } = useI18n(shellNamespaces);
  const { me } = useSession();
  const { path } = useLocation();
  return (
    <nav class="bottom-nav" aria-label={t('web.nav.label')}>
      {visibleLinks('bottom', me).map((tab) => {
        const href = me === null && tab.guestHref ? tab.guestHref : tab.href;
        return (
          <a key={tab.href} href={href} aria-current={linkCovers(tab, path) ? 'page' : undefined}>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
              <path d={tab.icon} />
            </svg>
            <span>{t(tab.labelKey)}</span>
          </a>
        );
      })}
    </nav>
  );
}
