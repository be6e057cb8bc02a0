import { useEffect, useState } from 'preact/hooks';
import type { ConsoleSectionProps } from '../../feature.js';
import { ErrorNote, Field, Skeleton } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import {
  applyQaEvent,
  createQaSession,
  listQaQuestions,
  listQaSessions,
  moderateQaQuestion,
  openQaLive,
  setQaSessionBoundary,
  type QaModeration,
  type QaQuestionView,
  type QaSessionView,
} from '../api.js';
import { formatQaTime, QA_NAMESPACES } from '../labels.js';
import { QuestionBody } from '../QuestionBody.js';

/** Moderators poll the queue: pending questions are not on the public stream. */
const QUEUE_POLL_MS = 5000;

/** The officer's Q&A desk for one station: schedule, then moderate and answer live. */
export function ConsoleQa({ station }: ConsoleSectionProps) {
  const { t, locale } = useI18n(QA_NAMESPACES);
  const [generation, setGeneration] = useState(0);
  const sessions = useLoad(
    () => listQaSessions({ station: station.id }),
    `${station.id}:${generation}`,
  );
  const [selected, setSelected] = useState<string | null>(null);
  const current = sessions.data?.items.find((s) => s.id === selected);
  return (
    <div class="qa-console">
      <h2>{t('qa.console.title')}</h2>
      <ErrorNote error={sessions.error} />
      {sessions.isLoading && !sessions.data && <Skeleton lines={2} />}
      <ul class="plain qa-sessions">
        {sessions.data?.items.map((session) => (
          <li key={session.id} class="card">
            <button
              type="button"
              class="link-button qa-session-title"
              aria-pressed={session.id === selected}
              onClick={() => setSelected(session.id)}
            >
              {session.title}
            </button>
            <small class="muted">
              {' '}
              {t(`qa.state.${session.state}`)} · {formatQaTime(session.startsAt, locale)}
            </small>
          </li>
        ))}
      </ul>
      {current ? (
        <ModerationDesk
          key={current.id}
          session={current}
          onChanged={() => setGeneration((g) => g + 1)}
        />
      ) : (
        <NewSession
          stationId={station.id}
          onCreated={(id) => {
            setSelected(id);
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </div>
  );
}

function NewSession({
  stationId,
  onCreated,
}: {
  stationId: string;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n(QA_NAMESPACES);
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [moderation, setModeration] = useState<'pre' | 'post'>('pre');
  const [error, setError] = useState<unknown>(null);
  const submit = async (kind: 'session' | 'board') => {
    setError(null);
    try {
      const created = await createQaSession({
        stationId,
        kind,
        title,
        moderation,
        ...(topic ? { topic } : {}),
        ...(description ? { description } : {}),
        ...(kind === 'session' && startsAt ? { startsAt: new Date(startsAt).toISOString() } : {}),
        ...(kind === 'session' && endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}),
      });
      onCreated(created.id);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form
      class="card qa-new"
      onSubmit={(event) => {
        event.preventDefault();
        void submit('session');
      }}
    >
      <h3>{t('qa.console.new')}</h3>
      <Field
        label={t('qa.console.title_field')}
        name="qa-title"
        value={title}
        onInput={setTitle}
        required
      />
      <Field label={t('qa.console.topic')} name="qa-topic" value={topic} onInput={setTopic} />
      <Field
        label={t('qa.console.description')}
        name="qa-description"
        value={description}
        onInput={setDescription}
      />
      <Field
        label={t('qa.console.starts')}
        name="qa-starts"
        type="datetime-local"
        value={startsAt}
        onInput={setStartsAt}
      />
      <Field
        label={t('qa.console.ends')}
        name="qa-ends"
        type="datetime-local"
        value={endsAt}
        onInput={setEndsAt}
      />
      <fieldset class="field">
        <legend>{t('qa.console.moderation')}</legend>
        {(['pre', 'post'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="qa-moderation"
              checked={moderation === value}
              onChange={() => setModeration(value)}
            />{' '}
            {t(`qa.console.moderation_${value}`)}
          </label>
        ))}
      </fieldset>
      <ErrorNote error={error} />
      <p class="actions">
        <button type="submit" class="button">
          {t('qa.console.create')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => void submit('board')}>
          {t('qa.console.board')}
        </button>
      </p>
    </form>
  );
}

function ModerationDesk({ session, onChanged }: { session: QaSessionView; onChanged: () => void }) {
  const { t } = useI18n(QA_NAMESPACES);
  const [queue, setQueue] = useState<QaQuestionView[]>([]);
  const [visible, setVisible] = useState<QaQuestionView[]>([]);
  const [cursor, setCursor] = useState(0);
  const [answering, setAnswering] = useState<QaQuestionView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = () => setGeneration((g) => g + 1);

  useEffect(() => {
    let isCurrent = true;
    const load = () => {
      // Oldest first: pending questions have no votes, so this is the order they came in.
      listQaQuestions(session.id, 'votes', true).then(
        (list) => isCurrent && setQueue(list.items),
        (failure: unknown) => isCurrent && setError(failure),
      );
    };
    load();
    listQaQuestions(session.id, 'votes').then(
      (list) => isCurrent && setVisible(list.items),
      (failure: unknown) => isCurrent && setError(failure),
    );
    const timer = setInterval(load, QUEUE_POLL_MS);
    const close = openQaLive(session.id, (event) => {
      if (event.type === 'qa.state') onChanged();
      else setVisible((items) => applyQaEvent(items, event, 'votes'));
    });
    return () => {
      isCurrent = false;
      clearInterval(timer);
      close();
    };
  }, [session.id, generation]);

  const act = async (question: QaQuestionView, action: QaModeration) => {
    setError(null);
    try {
      if (action === 'hide') {
        const reason = window.prompt(t('qa.console.hide_reason'));
        if (!reason) return;
        await moderateQaQuestion(question.id, 'hide', { reason });
      } else if (action === 'answer') {
        setAnswering(question);
        return;
      } else {
        await moderateQaQuestion(question.id, action);
      }
      refresh();
    } catch (failure) {
      setError(failure);
    }
  };

  // Keyboard: J/K move through the queue, A approve, H hide, P pin, R answer.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const list = queue.length > 0 ? queue : visible;
      const question = list[Math.min(cursor, list.length - 1)];
      const key = event.key.toLowerCase();
      if (key === 'j') setCursor((c) => Math.min(c + 1, list.length - 1));
      else if (key === 'k') setCursor((c) => Math.max(c - 1, 0));
      else if (question && key === 'a' && question.status === 'pending')
        void act(question, 'approve');
      else if (question && key === 'h') void act(question, 'hide');
      else if (question && key === 'p' && question.status === 'approved') void act(question, 'pin');
      else if (question && key === 'r') void act(question, 'answer');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const boundary = async (which: 'open' | 'close') => {
    try {
      await setQaSessionBoundary(session.id, which);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const list = queue.length > 0 ? queue : visible;
  const focused = list[Math.min(cursor, list.length - 1)]?.id;
  return (
    <section class="qa-desk">
      <h3>
        {session.title} · {t(`qa.state.${session.state}`)}
      </h3>
      <p class="actions">
        {session.state === 'scheduled' && (
          <button type="button" class="button button-small" onClick={() => void boundary('open')}>
            {t('qa.console.open')}
          </button>
        )}
        {session.state === 'live' && session.kind === 'session' && (
          <button
            type="button"
            class="button button-small button-secondary"
            onClick={() => void boundary('close')}
          >
            {t('qa.console.close')}
          </button>
        )}
        <a class="button button-small button-secondary" href={`/tanya/${session.id}`}>
          {t('qa.session.share')}
        </a>
      </p>
      <p class="muted">{t('qa.console.shortcuts')}</p>
      <ErrorNote error={error} />
      {answering && (
        <AnswerPanel
          question={answering}
          onDone={() => {
            setAnswering(null);
            refresh();
          }}
        />
      )}
      <h4>{t('qa.console.queue', { count: queue.length })}</h4>
      {queue.length === 0 && <p class="muted">{t('qa.console.queue_empty')}</p>}
      <QuestionRows items={queue} focused={focused} onAct={act} />
      <h4>{t('qa.console.live_questions')}</h4>
      <QuestionRows
        items={visible}
        focused={queue.length === 0 ? focused : undefined}
        onAct={act}
      />
    </section>
  );
}

/** The moderator's buttons for a question, the likely next step first. */
function moderationsFor(question: QaQuestionView): QaModeration[] {
  const first: QaModeration[] =
    question.status === 'pending'
      ? ['approve']
      : question.status === 'approved'
        ? [question.pinned ? 'unpin' : 'pin']
        : [];
  return [...first, 'answer', 'hide'];
}

function QuestionRows({
  items,
  focused,
  onAct,
}: {
  items: QaQuestionView[];
  focused: string | undefined;
  onAct: (question: QaQuestionView, action: QaModeration) => Promise<void>;
}) {
  const { t } = useI18n(QA_NAMESPACES);
  return (
    <ol class="plain qa-questions">
      {items.map((question) => (
        <li
          key={question.id}
          class={`card qa-question${question.id === focused ? ' qa-focused' : ''}`}
          aria-current={question.id === focused ? 'true' : undefined}
        >
          <QuestionBody question={question} />
          <p class="actions">
            {moderationsFor(question).map((action) => (
              <button
                key={action}
                type="button"
                class={
                  action === 'approve'
                    ? 'button button-small'
                    : 'button button-small button-secondary'
                }
                onClick={() => void onAct(question, action)}
              >
                {t(`qa.console.${action}`)}
              </button>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}

function AnswerPanel({ question, onDone }: { question: QaQuestionView; onDone: () => void }) {
  const { t } = useI18n(QA_NAMESPACES);
  const [body, setBody] = useState(question.answer?.markdown ?? '');
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      class="card qa-answer-panel"
      onSubmit={(event) => {
        event.preventDefault();
        moderateQaQuestion(question.id, 'answer', { body }).then(onDone, setError);
      }}
    >
      <p class="qa-question-text">{question.text}</p>
      <label for="qa-answer">{t('qa.console.answer_label')}</label>
      <textarea
        id="qa-answer"
        rows={5}
        required
        value={body}
        onInput={(event) => setBody(event.currentTarget.value)}
        // The officer pressed R (or Answer) to write here.
        autoFocus
      />
      <ErrorNote error={error} />
      <button type="submit" class="button">
        {t('qa.console.answer_save')}
      </button>
    </form>
  );
}
