import { useRoute } from 'preact-iso';
import { ErrorNote, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { getCampaign } from './api.js';
import { PostCards, POSTS_NAMESPACES } from './PostCards.js';

/** A campaign's landing page: its theme, then its series of posts in order. */
export function CampaignPage() {
  const id = useRoute().params.id ?? '';
  const { t } = useI18n(POSTS_NAMESPACES);
  const campaign = useLoad(() => getCampaign(id), id);
  if (campaign.error) return <ErrorNote error={campaign.error} />;
  if (!campaign.data) return <Skeleton />;
  const view = campaign.data;
  return (
    <main class="campaign-page">
      <p class="post-kicker">
        {view.station.name} · {t('posts.campaign.label')}
      </p>
      <h1>{view.title}</h1>
      <p class="meta">
        {view.startsOn} – {view.endsOn}
      </p>
      {view.coverUrl && <img class="campaign-cover" src={view.coverUrl} alt="" />}
      <div class="post-body" dangerouslySetInnerHTML={{ __html: view.themeHtml }} />
      <h2>{t('posts.page.series')}</h2>
      <PostCards items={view.posts} />
    </main>
  );
}
