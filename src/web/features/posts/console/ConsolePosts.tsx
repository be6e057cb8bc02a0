import { useEffect, useState } from 'preact/hooks';
import type { CampaignView } from '../../../../common/api/posts.js';
import {
  localToInstant,
  POST_KINDS,
  stationZone,
  type PostKind,
  type PostStatus,
} from '../../../../common/domain/posts.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { ErrorNote, Field, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ConsoleSectionProps } from '../../feature.js';
import {
  createCampaign,
  createPost,
  editPost,
  getReach,
  listCampaigns,
  listManagedPosts,
  movePost,
  orderCampaign,
  previewMarkdown,
  schedulePost,
  uploadPostImage,
  type PostMove,
  type PostView,
} from '../api.js';
import { POSTS_NAMESPACES } from '../PostCards.js';

const PREVIEW_DELAY_MS = 300;

/** The moves offered for a status, when the officer may make them. */
function movesFor(post: PostView): PostMove[] {
  const byStatus: Record<PostStatus, PostMove[]> = {
    draft: ['submit', 'publish'],
    in_review: ['approve', 'publish'],
    approved: ['publish'],
    scheduled: ['publish', 'unpublish'],
    published: ['unpublish', 'archive'],
    unpublished: ['publish', 'archive'],
    archived: [],
  };
  return byStatus[post.status].filter((move) => move === 'submit' || post.canPublish);
}

/** The station's newsroom: review queue, composer with live preview, campaigns and reach. */
export function ConsolePosts({ station }: ConsoleSectionProps) {
  const { t } = useI18n(POSTS_NAMESPACES);
  const [generation, setGeneration] = useState(0);
  const [filter, setFilter] = useState<'in_review' | 'all'>('all');
  const posts = useLoad(
    () => listManagedPosts(station.id, filter === 'all' ? undefined : filter),
    `${station.id}:${filter}:${generation}`,
  );
  const campaigns = useLoad(() => listCampaigns(station.id), `${station.id}:c:${generation}`);
  const [editing, setEditing] = useState<PostView | 'new' | null>(null);
  // Saving a new draft keeps the composer (and its "saved" note) open: only a choice remounts it.
  const [composerKey, setComposerKey] = useState(0);
  const open = (post: PostView | 'new') => {
    setEditing(post);
    setComposerKey((k) => k + 1);
  };
  const changed = () => setGeneration((g) => g + 1);
  const timezone = posts.data?.timezone ?? 'Asia/Jakarta';
  return (
    <div class="posts-console">
      <h2>{t('posts.console.title')}</h2>
      <div class="tabs" role="tablist">
        {(['all', 'in_review'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={filter === value}
            onClick={() => setFilter(value)}
          >
            {value === 'all' ? t('posts.console.all') : t('posts.console.queue')}
          </button>
        ))}
      </div>
      <ErrorNote error={posts.error} />
      {posts.isLoading && !posts.data && <Skeleton lines={2} />}
      {posts.data?.items.length === 0 && <p class="muted">{t('posts.console.empty')}</p>}
      <ul class="plain post-queue">
        {posts.data?.items.map((post) => (
          <QueueItem
            key={post.id}
            post={post}
            timezone={timezone}
            onEdit={() => open(post)}
            onChanged={changed}
          />
        ))}
      </ul>
      {editing ? (
        <Composer
          key={composerKey}
          stationId={station.id}
          post={editing === 'new' ? undefined : editing}
          campaigns={campaigns.data?.items ?? []}
          onSaved={(saved) => {
            setEditing(saved);
            changed();
          }}
          onClose={() => setEditing(null)}
        />
      ) : (
        <button type="button" class="button" onClick={() => open('new')}>
          {t('posts.console.new')}
        </button>
      )}
      <Campaigns
        stationId={station.id}
        campaigns={campaigns.data?.items ?? []}
        posts={posts.data?.items ?? []}
        onChanged={changed}
      />
      <Reach stationId={station.id} generation={generation} />
    </div>
  );
}

function QueueItem(props: {
  post: PostView;
  timezone: string;
  onEdit: () => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n(POSTS_NAMESPACES);
  const { post } = props;
  const form = useForm(t);
  const [publishAt, setPublishAt] = useState('');
  const zone = stationZone(props.timezone).label;
  const act = (event: Event, run: () => Promise<unknown>) =>
    form.submit(event, async () => {
      await run();
      props.onChanged();
    });
  return (
    <li class="card post-queue-item">
      <p class="badges">
        <span class={`badge post-status-${post.status}`}>{t(`posts.status.${post.status}`)}</span>
        <span class="badge">{t(`posts.kind.${post.kind}`)}</span>
      </p>
      <strong>{post.title}</strong>
      <small class="muted">
        {' '}
        {post.station.name}
        {post.publishAt &&
          ` · ${t('posts.console.scheduled_for', { date: formatDateTime(post.publishAt, locale) })}`}
      </small>
      <ErrorNote error={form.error} />
      <div class="actions">
        {post.canEdit && (
          <button type="button" class="button button-small button-secondary" onClick={props.onEdit}>
            {t('posts.console.edit')}
          </button>
        )}
        {movesFor(post).map((move) => (
          <button
            key={move}
            type="button"
            class="button button-small"
            disabled={form.isBusy}
            onClick={(e) => void act(e, () => movePost(post.id, move))}
          >
            {t(`posts.console.move.${move}`)}
          </button>
        ))}
        {post.status === 'published' && (
          <a class="button button-small button-secondary" href={post.url}>
            {t('posts.console.open')}
          </a>
        )}
      </div>
      {post.canPublish &&
        ['draft', 'in_review', 'approved', 'unpublished'].includes(post.status) && (
          <form
            class="post-schedule"
            onSubmit={(e) =>
              void act(e, () => schedulePost(post.id, localToInstant(publishAt, props.timezone)))
            }
          >
            <div class="field">
              <label for={`at-${post.id}`}>{t('posts.console.schedule_at', { zone })}</label>
              <input
                id={`at-${post.id}`}
                type="datetime-local"
                required
                value={publishAt}
                onInput={(e) => setPublishAt(e.currentTarget.value)}
              />
              {form.fields.publishAt && <small class="field-error">{form.fields.publishAt}</small>}
            </div>
            <button type="submit" class="button button-small" disabled={form.isBusy}>
              {t('posts.console.schedule')}
            </button>
          </form>
        )}
    </li>
  );
}

function Composer(props: {
  stationId: string;
  post: PostView | undefined;
  campaigns: CampaignView[];
  onSaved: (post: PostView) => void;
  onClose: () => void;
}) {
  const { t } = useI18n(POSTS_NAMESPACES);
  const { post } = props;
  const [kind, setKind] = useState<PostKind>(post?.kind ?? 'pengumuman');
  const [title, setTitle] = useState(post?.title ?? '');
  const [body, setBody] = useState(post?.body ?? '');
  const [tags, setTags] = useState(post?.tags.join(', ') ?? '');
  const [campaignId, setCampaignId] = useState(post?.campaignId ?? '');
  const [preview, setPreview] = useState(post?.html ?? '');
  const [isSaved, setSaved] = useState(false);
  const form = useForm(t);
  useEffect(() => {
    const timer = setTimeout(() => {
      previewMarkdown(body).then(
        (rendered) => setPreview(rendered.html),
        () => undefined,
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body]);
  const save = (event: Event) =>
    form.submit(event, async () => {
      const fields = {
        kind,
        title,
        body,
        tags: tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      };
      const saved = post
        ? await editPost(post.id, { ...fields, campaignId: campaignId || null })
        : await createPost({
            stationId: props.stationId,
            ...fields,
            ...(campaignId ? { campaignId } : {}),
          });
      setSaved(true);
      props.onSaved(saved);
    });
  return (
    <section class="card post-composer">
      <h3>{post ? post.title : t('posts.console.new')}</h3>
      <form class="form" onSubmit={(e) => void save(e)}>
        <div class="field">
          <label for="post-kind-select">{t('posts.console.kind')}</label>
          <select
            id="post-kind-select"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as PostKind)}
          >
            {POST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`posts.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="title"
          label={t('posts.console.title_label')}
          value={title}
          onInput={setTitle}
          required
          error={form.fields.title}
        />
        <div class="field">
          <label for="post-body">{t('posts.console.body')}</label>
          <textarea
            id="post-body"
            rows={8}
            value={body}
            required
            onInput={(e) => setBody(e.currentTarget.value)}
          />
        </div>
        <Field name="tags" label={t('posts.console.tags')} value={tags} onInput={setTags} />
        <div class="field">
          <label for="post-campaign">{t('posts.console.campaign')}</label>
          <select
            id="post-campaign"
            value={campaignId}
            onChange={(e) => setCampaignId(e.currentTarget.value)}
          >
            <option value="">{t('posts.console.campaign_none')}</option>
            {props.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <ErrorNote error={form.error} />
        {isSaved && <p class="note note-ok">{t('posts.console.saved')}</p>}
        <div class="actions">
          <button type="submit" class="button" disabled={form.isBusy}>
            {t('posts.console.save')}
          </button>
          <button type="button" class="button button-secondary" onClick={props.onClose}>
            {t('posts.console.close')}
          </button>
        </div>
      </form>
      <h4>{t('posts.console.preview')}</h4>
      <div class="post-preview">
        <h1>{title}</h1>
        <div class="post-body" dangerouslySetInnerHTML={{ __html: preview }} />
      </div>
      {post && <Images post={post} onSaved={props.onSaved} />}
    </section>
  );
}

function Images({ post, onSaved }: { post: PostView; onSaved: (post: PostView) => void }) {
  const { t } = useI18n(POSTS_NAMESPACES);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const form = useForm(t);
  const upload = (event: Event) =>
    form.submit(event, async () => {
      if (!file) return;
      onSaved(await uploadPostImage(post.id, file, { alt, caption }));
      setFile(null);
      setAlt('');
      setCaption('');
    });
  return (
    <div class="post-images">
      <h4>{t('posts.console.images')}</h4>
      <ul class="plain post-thumbs">
        {post.images.map((image) => (
          <li key={image.mediaId}>
            <img src={image.files[0]?.url} alt={image.alt} width={96} />
            <small>{image.caption}</small>
          </li>
        ))}
      </ul>
      <form class="form" onSubmit={(e) => void upload(e)}>
        <div class="field">
          <label for="post-image-file">{t('posts.console.image_file')}</label>
          <input
            id="post-image-file"
            type="file"
            accept="image/*"
            required
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <Field
          name="alt"
          label={t('posts.console.image_alt')}
          value={alt}
          onInput={setAlt}
          required
          error={form.fields.alt}
        />
        <Field
          name="caption"
          label={t('posts.console.image_caption')}
          value={caption}
          onInput={setCaption}
          error={form.fields.caption}
        />
        <ErrorNote error={form.error} />
        <button type="submit" class="button button-small" disabled={form.isBusy || !file}>
          {t('posts.console.image_upload')}
        </button>
      </form>
    </div>
  );
}

function Campaigns(props: {
  stationId: string;
  campaigns: CampaignView[];
  posts: PostView[];
  onChanged: () => void;
}) {
  const { t } = useI18n(POSTS_NAMESPACES);
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const form = useForm(t);
  const create = (event: Event) =>
    form.submit(event, async () => {
      await createCampaign({ stationId: props.stationId, title, theme, startsOn, endsOn });
      setTitle('');
      setTheme('');
      props.onChanged();
    });
  const moveUp = async (campaign: CampaignView, index: number) => {
    const ids = campaign.posts.map((p) => p.id);
    [ids[index - 1], ids[index]] = [ids[index]!, ids[index - 1]!];
    await orderCampaign(campaign.id, ids);
    props.onChanged();
  };
  return (
    <section class="post-campaigns">
      <h3>{t('posts.console.campaigns')}</h3>
      {props.campaigns.map((campaign) => (
        <div key={campaign.id} class="card">
          <a href={campaign.url}>
            <strong>{campaign.title}</strong>
          </a>{' '}
          <small class="muted">
            {campaign.startsOn} – {campaign.endsOn}
          </small>
          <ol>
            {campaign.posts.map((post, index) => (
              <li key={post.id}>
                {post.title}{' '}
                {index > 0 && (
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t('posts.console.campaign_up', { title: post.title })}
                    onClick={() => void moveUp(campaign, index)}
                  >
                    ↑
                  </button>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
      <form class="form" onSubmit={(e) => void create(e)}>
        <Field
          name="campaign-title"
          label={t('posts.console.campaign_title')}
          value={title}
          onInput={setTitle}
          required
        />
        <div class="field">
          <label for="campaign-theme">{t('posts.console.campaign_theme')}</label>
          <textarea
            id="campaign-theme"
            rows={3}
            required
            value={theme}
            onInput={(e) => setTheme(e.currentTarget.value)}
          />
        </div>
        <Field
          name="startsOn"
          type="date"
          label={t('posts.console.campaign_starts')}
          value={startsOn}
          onInput={setStartsOn}
          required
        />
        <Field
          name="endsOn"
          type="date"
          label={t('posts.console.campaign_ends')}
          value={endsOn}
          onInput={setEndsOn}
          required
          error={form.fields.endsOn}
        />
        <ErrorNote error={form.error} />
        <button type="submit" class="button button-small" disabled={form.isBusy}>
          {t('posts.console.campaign_create')}
        </button>
      </form>
    </section>
  );
}

function Reach({ stationId, generation }: { stationId: string; generation: number }) {
  const { t } = useI18n(POSTS_NAMESPACES);
  const reach = useLoad(() => getReach(stationId), `${stationId}:r:${generation}`);
  return (
    <section class="post-reach">
      <h3>{t('posts.reach.title')}</h3>
      <ErrorNote error={reach.error} />
      {reach.data && (
        <div class="post-reach-figures">
          {/* Drawn by the server from numbers only: no officer text is in it. */}
          <div class="reach-chart-box" dangerouslySetInnerHTML={{ __html: reach.data.chartSvg }} />
          {reach.data.rows.length === 0 ? (
            <p class="muted">{t('posts.reach.empty')}</p>
          ) : (
            <div class="reach-table-box">
              <table class="reach-table">
                <thead>
                  <tr>
                    <th>{t('posts.reach.day')}</th>
                    <th>{t('posts.reach.post')}</th>
                    <th>{t('posts.reach.views')}</th>
                    <th>{t('posts.reach.visitors')}</th>
                    <th>{t('posts.reach.shares')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reach.data.rows.map((row) => (
                    <tr key={`${row.postId}:${row.day}`}>
                      <td>{row.day}</td>
                      <td>{row.title}</td>
                      <td>{row.views}</td>
                      <td>{row.visitors}</td>
                      <td>{row.shares}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <p class="muted">{t('posts.reach.privacy')}</p>
    </section>
  );
}
