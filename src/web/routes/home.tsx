import { lazy } from 'preact-iso';
import type { ComponentType } from 'preact';
import { Page } from '../components/ui.js';
import { homeSections } from '../feature-registry.js';
import { useI18n } from '../i18n/i18n.js';

function Intro() {
  const { t } = useI18n();
  return (
    <>
      <p class="lead">{t('web.home.intro')}</p>
      <ul class="feature-list">
        <li>{t('web.home.point.inform')}</li>
        <li>{t('web.home.point.alerts')}</li>
        <li>{t('web.home.point.contact')}</li>
      </ul>
    </>
  );
}

/** The features' cards and the shell's own introduction, in their order. */
const SECTIONS: readonly ComponentType[] = [
  ...homeSections.map((section) => ({ order: section.order, component: lazy(section.load) })),
  { order: 30, component: Intro },
]
  .sort((a, b) => a.order - b.order)
  .map((section) => section.component);

export function Home() {
  const { t } = useI18n();
  return (
    <Page title={t('web.home.title')}>
      {SECTIONS.map((Section, i) => (
        <Section key={i} />
      ))}
    </Page>
  );
}
