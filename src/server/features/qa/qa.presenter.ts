import ical, { ICalCalendarMethod } from 'ical-generator';
import type { QaAnswerView, QaQuestionView, QaSessionView } from '../../../common/api/qa.js';
import { translate, type Locale } from '../../../common/i18n/index.js';
import type { QaState } from '../../../common/domain/qa.js';
import type { PageMeta } from '../../pages/document.js';
import { html, rawHtml, type SafeHtml } from '../../pages/html.js';
import type { QaAnswerRow, QaQuestionRow, QaSessionRow } from './qa.table.js';

/** Where a session stands at `now`: a moderator's open/close wins over the times. */
export function qaStateAt(row: QaSessionRow, now: Date): QaState {
  const at = now.toISOString();
  if (row.closedAt !== null || (row.endsAt !== null && row.endsAt <= at)) return 'ended';
  if (row.openedAt !== null || row.startsAt <= at) return 'live';
  return 'scheduled';
}

export function toQaSessionView(
  row: QaSessionRow,
  extra: {
    now: Date;
    station: { id: string; slug: string; name: string };
    panel: Array<{ id: string; name: string }>;
    questionCount: number;
    isFollowing: boolean | undefined;
    canModerate: boolean;
  },
): QaSessionView {
  return {
    id: row.id,
    kind: row.kind,
    station: extra.station,
    title: row.title,
    topic: row.topic,
    description: row.description,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    moderation: row.moderation,
    state: qaStateAt(row, extra.now),
    panel: extra.panel,
    questionCount: extra.questionCount,
    ...(extra.isFollowing !== undefined ? { isFollowing: extra.isFollowing } : {}),
    canModerate: extra.canModerate,
  };
}

/** The newest version is the answer; the older ones stay visible as its history. */
export function toQaAnswerView(
  versions: readonly QaAnswerRow[],
  names: ReadonlyMap<string, string>,
): QaAnswerView | null {
  const [latest, ...older] = versions;
  if (!latest) return null;
  return {
    html: latest.html,
    markdown: latest.markdown,
    by: names.get(latest.accountId) ?? '',
    at: latest.createdAt,
    history: older.map((version) => ({ html: version.html, at: version.createdAt })),
  };
}

/**
 * One question as its reader may see it: the public never learns who asked; the hiding
 * reason goes to the asker and moderators only.
 */
export function toQaQuestionView(
  row: QaQuestionRow,
  extra: {
    answer: QaAnswerView | null;
    viewerAccountId: string | undefined;
    isModerator: boolean;
    hasMyVote: boolean;
  },
): QaQuestionView {
  const isMine = extra.viewerAccountId !== undefined && row.accountId === extra.viewerAccountId;
  return {
    id: row.id,
    sessionId: row.sessionId,
    text: row.text,
    pseudonym: row.pseudonym,
    votes: row.votes,
    status: row.status,
    pinned: row.isPinned === 1,
    answer: extra.answer,
    createdAt: row.createdAt,
    ...(isMine || extra.isModerator ? { hiddenReason: row.hiddenReason } : {}),
    ...(extra.isModerator ? { isSuspect: row.isSuspect === 1 } : {}),
    ...(extra.viewerAccountId !== undefined ? { isMine, hasMyVote: extra.hasMyVote } : {}),
  };
}

/** Upcoming sessions as iCalendar: one event per session, its page as the URL. */
export function renderQaCalendar(
  publicUrl: string,
  upcoming: { station: { slug: string; name: string }; sessions: QaSessionRow[] },
): string {
  const calendar = ical({
    name: `Tanya jawab ${upcoming.station.name}`,
    prodId: { company: 'Siaga', product: 'qa', language: 'ID' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const session of upcoming.sessions) {
    const url = `${publicUrl}/tanya/${session.id}`;
    calendar.createEvent({
      id: `${session.id}@siaga`,
      start: new Date(session.startsAt),
      end: new Date(session.endsAt ?? session.startsAt),
      summary: session.title,
      description: [session.topic, session.description, url].filter(Boolean).join('\n\n'),
      url,
      organizer: { name: upcoming.station.name, email: `noreply@${new URL(publicUrl).hostname}` },
    });
  }
  return calendar.toString();
}

function questionHtml(question: QaQuestionView, locale: Locale): SafeHtml {
  return html`<li class="qa-question">
    <p class="qa-question-text">${question.text}</p>
    <p class="qa-question-meta">
      ${question.pseudonym} · ${translate(locale, 'qa.votes', { count: question.votes })}
    </p>
    ${
      question.answer
        ? html`<div class="qa-answer">
            <p class="qa-answer-by">
              ${translate(locale, 'qa.answered_by', { name: question.answer.by })}
            </p>
            ${rawHtml(question.answer.html)}
          </div>`
        : ''
    }
  </li>`;
}

/** The share page of a session: readable without scripts, with preview tags for chat apps. */
export function renderQaSharePage(
  publicUrl: string,
  locale: Locale,
  archive: { session: QaSessionView; questions: QaQuestionView[] },
): [PageMeta, SafeHtml] {
  const { session, questions } = archive;
  const url = `${publicUrl}/tanya/${session.id}`;
  const description =
    session.description?.slice(0, 200) ??
    translate(locale, 'qa.page.description', { station: session.station.name });
  const answered = questions.filter((question) => question.answer !== null);
  const meta: PageMeta = {
    title: `${session.title} — ${session.station.name}`,
    description,
    url,
    type: 'article',
    locale,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'QAPage',
        name: session.title,
        url,
        mainEntity: answered.slice(0, 20).map((question) => ({
          '@type': 'Question',
          name: question.text,
          answerCount: 1,
          acceptedAnswer: { '@type': 'Answer', text: question.answer?.markdown ?? '' },
        })),
      },
    ],
  };
  const body = html`<main class="qa-page">
    <p class="qa-station">${session.station.name}</p>
    <h1>${session.title}</h1>
    ${session.topic ? html`<p class="qa-topic">${session.topic}</p>` : ''}
    <p class="qa-state">${translate(locale, `qa.state.${session.state}`)}</p>
    ${session.description ? html`<p>${session.description}</p>` : ''}
    <h2>${translate(locale, 'qa.page.questions', { count: questions.length })}</h2>
    <ol class="qa-questions">
      ${questions.map((question) => questionHtml(question, locale))}
    </ol>
  </main>`;
  return [meta, body];
}
