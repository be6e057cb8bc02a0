import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';
import {
  applyQaEvent,
  askQaQuestion,
  getQaSession,
  listQaQuestions,
  openQaLive,
  setQaFollow,
  setQaVote,
  type QaQuestionView,
  type QaSessionView,
} from './api.js';
import { formatQaTime, QA_NAMESPACES } from './labels.js';
import { QuestionBody } from './QuestionBody.js';

type Sort = 'votes' | 'new';

/** One session, live: questions re-sort as votes arrive; an ended session is its archive. */
export function QaLive({ id }: { id: string }) {
  const { t } = useI18n(QA_NAMESPACES);
  const { me } = useSession();
  const session = useLoad(() => getQaSession(id), `${id}:${me?.id ?? ''}`);
  const [state, setState] = useState<QaSessionView['state'] | undefined>(undefined);
  const [sort, setSort] = useState<Sort>('votes');
  const [items, setItems] = useState<QaQuestionView[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  // Bumped after asking, so the asker's own (maybe pending) question shows.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    listQaQuestions(id, sort).then(
      (list) => isCurrent && setItems(list.items),
      (failure: unknown) => isCurrent && setError(failure),
    );
    const close = openQaLive(id, (event) => {
      if (event.type === 'qa.state') setState(event.data.state);
      else setItems((current) => current && applyQaEvent(current, event, sort));
    });
    return () => {
      isCurrent = false;
      close();
    };
  }, [id, sort, me?.id, generation]);

  if (session.error) return <ErrorNote error={session.error} />;
  if (!session.data) return <Skeleton />;
  const view = { ...session.data, state: state ?? session.data.state };
  const onVote = async (question: QaQuestionView) => {
    const cast = !question.hasMyVote;
    // Instant feedback; the answer (or a live event) brings the true count.
    setItems((current) =>
      current?.map((item) =>
        item.id === question.id
          ? { ...item, hasMyVote: cast, votes: item.votes + (cast ? 1 : -1) }
          : item,
      ),
    );
    try {
      const { votes } = await setQaVote(question.id, cast);
      setItems((current) =>
        current?.map((item) => (item.id === question.id ? { ...item, votes } : item)),
      );
    } catch (failure) {
      setError(failure);
      setItems((current) =>
        current?.map((item) =>
          item.id === question.id ? { ...item, hasMyVote: !cast, votes: question.votes } : item,
        ),
      );
    }
  };
  return (
    <Page title={view.title}>
      <SessionHeader session={view} />
      {view.state !== 'ended' && (
        <AskBox session={view} onAsked={() => setGeneration((g) => g + 1)} />
      )}
      <div class="tabs" role="tablist">
        {(['votes', 'new'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            class="link-button"
            aria-selected={sort === value}
            aria-current={sort === value ? 'page' : undefined}
            onClick={() => setSort(value)}
          >
            {t(`qa.sort.${value}`)}
          </button>
        ))}
      </div>
      <ErrorNote error={error} />
      {!items && <Skeleton />}
      {items?.length === 0 && <p class="muted">{t('qa.questions.empty')}</p>}
      <ol class="plain qa-questions">
        {items?.map((question) => (
          <li key={question.id} class={`card qa-question${question.pinned ? ' qa-pinned' : ''}`}>
            <QuestionBody question={question} />
            {question.status === 'approved' && (
              <button
                type="button"
                class={`button button-small qa-vote${question.hasMyVote ? ' qa-voted' : ''}`}
                aria-pressed={question.hasMyVote === true}
                disabled={!me?.isVerified || view.state === 'ended'}
                onClick={() => void onVote(question)}
              >
                ▲ {question.hasMyVote ? t('qa.question.voted') : t('qa.question.vote')} ·{' '}
                <span class="qa-vote-count">{question.votes}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
    </Page>
  );
}

function SessionHeader({ session }: { session: QaSessionView }) {
  const { t, locale } = useI18n(QA_NAMESPACES);
  const { me } = useSession();
  const [isFollowing, setFollowing] = useState(session.isFollowing === true);
  return (
    <div class="qa-header">
      <p class="badges">
        <span class={`badge qa-state-${session.state}`}>{t(`qa.state.${session.state}`)}</span>
        {session.kind === 'board' && <span class="badge">{t('qa.list.board')}</span>}
      </p>
      <p class="muted">
        {session.station.name}
        {session.endsAt &&
          ` · ${t('qa.session.when', {
            start: formatQaTime(session.startsAt, locale),
            end: formatQaTime(session.endsAt, locale),
          })}`}
      </p>
      {session.topic && <p class="qa-topic">{session.topic}</p>}
      {session.description && <p>{session.description}</p>}
      {session.panel.length > 0 && (
        <p class="muted">
          {t('qa.session.panel', { names: session.panel.map((p) => p.name).join(', ') })}
        </p>
      )}
      <p class="muted">{t(`qa.session.moderation_${session.moderation}`)}</p>
      <p class="actions">
        {me && session.state === 'scheduled' && (
          <button
            type="button"
            class="button button-small button-secondary"
            aria-pressed={isFollowing}
            onClick={() =>
              void setQaFollow(session.id, !isFollowing).then((r) => setFollowing(r.isFollowing))
            }
          >
            {isFollowing ? t('qa.session.unfollow') : t('qa.session.follow')}
          </button>
        )}
        <a
          class="button button-small button-secondary"
          href={`https://wa.me/?text=${encodeURIComponent(`${session.title} ${location.origin}/tanya/${session.id}`)}`}
          rel="noopener"
          target="_blank"
        >
          {t('qa.session.share')}
        </a>
      </p>
    </div>
  );
}

function AskBox({ session, onAsked }: { session: QaSessionView; onAsked: () => void }) {
  const { t } = useI18n(QA_NAMESPACES);
  const { me } = useSession();
  const [text, setText] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [sent, setSent] = useState<'pending' | 'approved' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isSending, setSending] = useState(false);
  if (me === null) {
    return (
      <p class="note">
        <a href="/masuk">{t('qa.ask.login')}</a>
      </p>
    );
  }
  if (!me) return null;
  if (!me.isVerified) {
    return (
      <p class="note">
        <a href="/akun">{t('qa.ask.verify')}</a>
      </p>
    );
  }
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const asked = await askQaQuestion(session.id, {
        text,
        ...(pseudonym.trim() ? { pseudonym: pseudonym.trim() } : {}),
      });
      setSent(asked.status === 'pending' ? 'pending' : 'approved');
      setText('');
      onAsked();
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };
  return (
    <form class="card qa-ask" onSubmit={(event) => void onSubmit(event)}>
      <label for="qa-text">{t('qa.ask.label')}</label>
      <textarea
        id="qa-text"
        name="text"
        rows={3}
        minLength={10}
        maxLength={500}
        required
        value={text}
        aria-describedby="qa-text-hint"
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <small id="qa-text-hint" class="hint">
        {t('qa.ask.hint')} ({text.length}/500)
      </small>
      <label for="qa-pseudonym">{t('qa.ask.pseudonym')}</label>
      <input
        id="qa-pseudonym"
        name="pseudonym"
        maxLength={40}
        value={pseudonym}
        onInput={(event) => setPseudonym(event.currentTarget.value)}
      />
      <ErrorNote error={error} />
      {sent && (
        <p class="note note-ok" role="status">
          {sent === 'pending' ? t('qa.ask.sent_pending') : t('qa.ask.sent')}
        </p>
      )}
      <button type="submit" class="button" disabled={isSending}>
        {t('qa.ask.submit')}
      </button>
    </form>
  );
}

/** `/tanya/:id`: one session, live. */
export function QaSessionPage() {
  return <QaLive id={useRoute().params.id ?? ''} />;
}
