import { Page } from '../components/ui.js';
import { useI18n } from '../i18n/i18n.js';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('web.not_found.title')}>
      <p>{t('web.not_found.text')}</p>
      <a href="/">{t('web.nav.home')}</a>
    </Page>
  );
}
