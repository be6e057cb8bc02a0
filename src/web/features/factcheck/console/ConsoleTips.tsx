import { useState } from 'preact/hooks';
import { claimReviewJsonLd } from '../../../../common/api/claim-review.js';
import type { TipGroupView } from '../../../../common/api/tipline.js';
import { formatDateTime } from '../../../../common/i18n/format.js';
import { ErrorNote, Field, Skeleton } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import type { ConsoleSectionProps } from '../../feature.js';
import { useI18n } from '../../../i18n/i18n.js';
import {
  draftClarification,
  listStationClarifications,
  listTipGroups,
  listVerdicts,
  publishClarification,
  type ClarificationView,
} from '../api.js';
import { FACTCHECK_NAMESPACES, VerdictStamp } from '../Verdict.js';
import { ClarificationManager } from './ClarificationManager.js';

const TABS = ['open', 'answered', 'published'] as const;
type Tab = (typeof TABS)[number];

/**
 * The tip queue (similar tips grouped, most asked first), the clarification editor, and the
 * station's published clarifications, each opened to correct, withdraw or add evidence.
 */
export function ConsoleTips({ station, roles }: ConsoleSectionProps) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const [tab, setTab] = useState<Tab>('open');
  const [editing, setEditing] = useState<TipGroupView | null>(null);
  const [managing, setManaging] = useState<string | null>(null);
  if (managing) {
    return <ClarificationManager id={managing} roles={roles} onBack={() => setManaging(null)} />;
  }
  if (editing) {
    return (
      <ClarificationEditor station={station} group={editing} onDone={() => setEditing(null)} />
    );
  }
  return (
    <section class="console-tips">
      <h2>{t('factcheck.web.console.queue')}</h2>
      <div class="tabs" role="group">
        {TABS.map((value) => (
          <button
            key={value}
            type="button"
            class={value === tab ? 'button' : 'button button-secondary'}
            aria-pressed={value === tab}
            onClick={() => setTab(value)}
          >
            {t(`factcheck.web.console.status_${value}`)}
          </button>
        ))}
      </div>
      {tab === 'published' ? (
        <StationClarifications station={station} onOpen={setManaging} />
      ) : (
        <TipGroups station={station} status={tab} onWrite={setEditing} onOpen={setManaging} />
      )}
    </section>
  );
}

/** The station's published clarifications, newest first. */
function StationClarifications(props: {
  station: ConsoleSectionProps['station'];
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const list = useLoad(() => listStationClarifications(props.station.id), props.station.id);
  return (
    <>
      <ErrorNote error={list.error} />
      {list.isLoading && !list.data && <Skeleton />}
      {list.data?.items.length === 0 && <p>{t('factcheck.web.empty')}</p>}
      <ul class="tip-groups">
        {list.data?.items.map((item) => (
          <li key={item.id} class="tip-group" data-clarification-id={item.id}>
            <p>
              <VerdictStamp verdict={item.verdict} /> <strong>{item.title}</strong>
            </p>
            <button type="button" class="button" onClick={() => props.onOpen(item.id)}>
              {t('factcheck.web.console.manage')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function TipGroups(props: {
  station: ConsoleSectionProps['station'];
  status: 'open' | 'answered';
  onWrite: (group: TipGroupView) => void;
  onOpen: (id: string) => void;
}) {
  const { t, locale } = useI18n(FACTCHECK_NAMESPACES);
  const { station, status } = props;
  const groups = useLoad(() => listTipGroups(station.id, status), `${station.id}:${status}`);
  return (
    <>
      {groups.error !== undefined && <ErrorNote error={groups.error} />}
      {groups.isLoading && !groups.data && <Skeleton />}
      {groups.data?.items.length === 0 && <p>{t('factcheck.web.console.empty')}</p>}
      <ul class="tip-groups">
        {groups.data?.items.map((group) => (
          <li key={group.id} class="tip-group" data-group-id={group.id}>
            <p>
              <strong class="tip-count">
                {t('factcheck.web.console.asked', { count: group.tipCount })}
              </strong>{' '}
              <small class="meta">{formatDateTime(group.lastAt, locale)}</small>
            </p>
            <blockquote>{group.text}</blockquote>
            {group.samples.length > 1 && (
              <details>
                <summary>{t('factcheck.web.console.samples')}</summary>
                <ul>
                  {group.samples.map((sample, index) => (
                    <li key={index}>{sample}</li>
                  ))}
                </ul>
              </details>
            )}
            {group.answer ? (
              <p>
                <VerdictStamp verdict={group.answer.verdict} />{' '}
                <a href={`/k/${encodeURIComponent(group.answer.clarificationId)}`}>
                  {group.answer.title}
                </a>{' '}
                <button
                  type="button"
                  class="button button-secondary button-small"
                  onClick={() => group.answer && props.onOpen(group.answer.clarificationId)}
                >
                  {t('factcheck.web.console.manage')}
                </button>
              </p>
            ) : (
              <button type="button" class="button" onClick={() => props.onWrite(group)}>
                {t('factcheck.web.console.write')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ClarificationEditor(props: {
  station: ConsoleSectionProps['station'];
  group: TipGroupView;
  onDone: () => void;
}) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const verdicts = useLoad(listVerdicts, 'verdicts');
  const [title, setTitle] = useState('');
  const [claim, setClaim] = useState(props.group.text.slice(0, 2000));
  const [verdict, setVerdict] = useState('HOAKS');
  const [explanation, setExplanation] = useState('');
  const [draft, setDraft] = useState<ClarificationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const now = new Date().toISOString();
  const preview = {
    url: `${location.origin}/k/…`,
    claim,
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
    title,
    station: { id: props.station.id, slug: props.station.slug, name: props.station.name },
    verdict,
    examples: props.group.samples,
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      setDraft(
        await draftClarification({
          stationId: props.station.id,
          title,
          claim,
          verdict,
          explanation,
          examples: props.group.samples,
          tipGroupId: props.group.id,
        }),
      );
    } catch (failure) {
      setError(failure);
    }
  };
  const publish = async () => {
    if (!draft) return;
    setError(null);
    try {
      await publishClarification(draft.id);
      props.onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section class="clarification-editor">
      <h2>{t('factcheck.web.console.editor')}</h2>
      <p class="meta">{t('factcheck.web.console.asked', { count: props.group.tipCount })}</p>
      <form onSubmit={(event) => void save(event)}>
        <Field
          name="title"
          label={t('factcheck.web.console.title_label')}
          value={title}
          onInput={setTitle}
          required
        />
        <div class="field">
          <label for="f-claim">{t('factcheck.web.console.claim_label')}</label>
          <textarea
            id="f-claim"
            rows={4}
            value={claim}
            onInput={(e) => setClaim(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="f-verdict">{t('factcheck.web.console.verdict_label')}</label>
          <select
            id="f-verdict"
            value={verdict}
            onChange={(e) => setVerdict(e.currentTarget.value)}
          >
            {(verdicts.data?.verdicts ?? [verdict]).map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-explanation">{t('factcheck.web.console.explanation_label')}</label>
          <textarea
            id="f-explanation"
            rows={6}
            value={explanation}
            onInput={(e) => setExplanation(e.currentTarget.value)}
          />
        </div>
        {!draft && (
          <button class="button" type="submit">
            {t('factcheck.web.console.save_draft')}
          </button>
        )}
      </form>
      {draft && (
        <p>
          {t('factcheck.web.console.drafted')}{' '}
          <button type="button" class="button" onClick={() => void publish()}>
            {t('factcheck.web.console.publish')}
          </button>
        </p>
      )}
      {error !== null && <ErrorNote error={error} />}
      <h3>{t('factcheck.web.console.card_preview')}</h3>
      <div class="card-preview" aria-label={t('factcheck.web.console.card_preview')}>
        <VerdictStamp verdict={verdict} />
        <p class="card-preview-claim">“{claim}”</p>
        <p class="card-preview-station">{props.station.name}</p>
      </div>
      <h3>{t('factcheck.web.console.markup_preview')}</h3>
      <pre class="markup-preview">{JSON.stringify(claimReviewJsonLd(preview), null, 2)}</pre>
      <button type="button" class="button button-secondary" onClick={props.onDone}>
        {t('factcheck.web.console.back')}
      </button>
    </section>
  );
}
