import { useRoute } from 'preact-iso';
import { getStation } from './api.js';
import { ErrorNote, isDemo, Page, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { PhoneLink } from './PhoneLink.js';

export function StationProfile() {
  const { t } = useI18n();
  const slug = useRoute().params.slug ?? '';
  const { data: station, error, isLoading } = useLoad(() => getStation(slug), slug);

  if (!station) {
    return (
      <Page title={t('web.stations.title')}>
        <ErrorNote error={error} />
        {isLoading && <Skeleton lines={6} />}
      </Page>
    );
  }
  const social = Object.entries(station.socialLinks).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  return (
    <Page title={station.name}>
      {isDemo(station) && <p class="demo-badge">{t('web.demo.label')}</p>}
      <p class="muted">{t(`web.station.level.${station.level}`)}</p>
      <h2>{t('web.station.address')}</h2>
      <p>{station.address}</p>
      {station.phones.length > 0 && (
        <>
          <h2>{t('web.station.phones')}</h2>
          <ul class="list">
            {station.phones.map((phone) => (
              <li key={phone.number}>
                <PhoneLink phone={phone} />
              </li>
            ))}
          </ul>
        </>
      )}
      {social.length > 0 && (
        <>
          <h2>{t('web.station.social')}</h2>
          <ul class="list">
            {social.map(([network, url]) => (
              <li key={network}>
                <a href={url} rel="noopener" target="_blank">
                  {network}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {station.parent && (
        <>
          <h2>{t('web.station.parent')}</h2>
          <p>
            <a href={`/kantor/${station.parent.slug}`}>{station.parent.name}</a>
          </p>
        </>
      )}
      {station.children.length > 0 && (
        <>
          <h2>{t('web.station.children')}</h2>
          <ul class="list">
            {station.children.map((child) => (
              <li key={child.id}>
                <a href={`/kantor/${child.slug}`}>{child.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {station.jurisdiction.length > 0 && (
        <>
          <h2>{t('web.station.jurisdiction')}</h2>
          <p>{station.jurisdiction.map((area) => area.name).join(', ')}</p>
        </>
      )}
    </Page>
  );
}
