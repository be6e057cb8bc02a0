import type {
  AskedQuestion,
  AskQuestionBody,
  CreateQaSessionBody,
  QaAnswerView,
  QaQuestionList,
  QaQuestionView,
  QaSessionList,
  QaSessionView,
  VoteCount,
} from '../../../common/api/qa.js';
import type { QaState } from '../../../common/domain/qa.js';
import { api } from '../../api/client.js';

export type { QaQuestionView, QaSessionView };

const enc = encodeURIComponent;

export const listQaSessions = (query: { station?: string; q?: string } = {}) => {
  const params = new URLSearchParams();
  if (query.station) params.set('station', query.station);
  if (query.q) params.set('q', query.q);
  const search = params.toString();
  return api<QaSessionList>('GET', `/api/qa/sessions${search ? `?${search}` : ''}`);
};
export const getQaSession = (id: string) =>
  api<QaSessionView>('GET', `/api/qa/sessions/${enc(id)}`);
export const createQaSession = (body: CreateQaSessionBody) =>
  api<QaSessionView>('POST', '/api/qa/sessions', body);
export const setQaSessionBoundary = (id: string, boundary: 'open' | 'close') =>
  api<QaSessionView>('POST', `/api/qa/sessions/${enc(id)}/${boundary}`);
export const setQaFollow = (id: string, isFollowing: boolean) =>
  api<{ isFollowing: boolean }>(
    isFollowing ? 'PUT' : 'DELETE',
    `/api/qa/sessions/${enc(id)}/follow`,
  );
export const listQaQuestions = (id: string, sort: 'votes' | 'new', pending = false) =>
  api<QaQuestionList>(
    'GET',
    `/api/qa/sessions/${enc(id)}/questions?sort=${sort}${pending ? '&status=pending' : ''}`,
  );
export const askQaQuestion = (id: string, body: AskQuestionBody) =>
  api<AskedQuestion>('POST', `/api/qa/sessions/${enc(id)}/questions`, body);
export const setQaVote = (questionId: string, cast: boolean) =>
  api<VoteCount>(cast ? 'PUT' : 'DELETE', `/api/qa/questions/${enc(questionId)}/vote`);

export type QaModeration = 'approve' | 'pin' | 'unpin' | 'hide' | 'answer' | 'merge';
export const moderateQaQuestion = (
  questionId: string,
  action: QaModeration,
  body?: { reason: string } | { body: string } | { intoId: string },
) => api<QaQuestionView>('POST', `/api/qa/questions/${enc(questionId)}/${action}`, body);

/** The `data` of each live Q&A event on the stream. */
export type QaLiveEvent =
  | { type: 'qa.question'; data: QaQuestionView }
  | { type: 'qa.removed'; data: { questionId: string } }
  | { type: 'qa.votes'; data: { questionId: string; votes: number } }
  | { type: 'qa.answer'; data: { questionId: string; answer: QaAnswerView | null } }
  | { type: 'qa.pin'; data: { questionId: string; pinned: boolean } }
  | { type: 'qa.state'; data: { sessionId: string; state: QaState } };

const LIVE_TYPES = ['qa.question', 'qa.removed', 'qa.votes', 'qa.answer', 'qa.pin', 'qa.state'];

/**
 * Follows one session on the stream. The browser resumes a dropped connection with
 * Last-Event-ID; after an error answer we reopen with the last id in the query.
 */
export function openQaLive(sessionId: string, onEvent: (event: QaLiveEvent) => void): () => void {
  let source: EventSource | undefined;
  let lastEventId = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    const after = lastEventId ? `&lastEventId=${enc(lastEventId)}` : '';
    source = new EventSource(`/api/stream?qa=${enc(sessionId)}${after}`, { withCredentials: true });
    for (const type of LIVE_TYPES) {
      source.addEventListener(type, (message) => {
        lastEventId = message.lastEventId || lastEventId;
        try {
          const frame = JSON.parse(message.data as string) as { data: unknown };
          onEvent({ type, data: frame.data } as QaLiveEvent); // the server's frame for this type
        } catch {
          // A malformed frame is skipped.
        }
      });
    }
    source.addEventListener('error', () => {
      if (source?.readyState === EventSource.CLOSED) timer = setTimeout(connect, 3000);
    });
  };
  connect();
  return () => {
    clearTimeout(timer);
    source?.close();
  };
}

/** Applies a live event to the list a page shows (new questions land by the current sort). */
export function applyQaEvent(
  items: QaQuestionView[],
  event: QaLiveEvent,
  sort: 'votes' | 'new',
): QaQuestionView[] {
  const patch = (id: string, change: Partial<QaQuestionView>) =>
    items.map((item) => (item.id === id ? { ...item, ...change } : item));
  switch (event.type) {
    case 'qa.question': {
      const existing = items.find((item) => item.id === event.data.id);
      const merged = existing ? { ...existing, ...event.data } : event.data;
      return sortQuestions([...items.filter((item) => item.id !== event.data.id), merged], sort);
    }
    case 'qa.removed':
      return items.filter((item) => item.id !== event.data.questionId);
    case 'qa.votes':
      return sortQuestions(patch(event.data.questionId, { votes: event.data.votes }), sort);
    case 'qa.answer':
      return patch(event.data.questionId, { answer: event.data.answer });
    case 'qa.pin':
      return sortQuestions(patch(event.data.questionId, { pinned: event.data.pinned }), sort);
    case 'qa.state':
      return items;
  }
}

/** The server's order: pinned first, then by votes (oldest first among equals) or newest. */
export function sortQuestions(items: QaQuestionView[], sort: 'votes' | 'new'): QaQuestionView[] {
  return [...items].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (sort === 'votes' && a.votes !== b.votes) return b.votes - a.votes;
    return sort === 'votes'
      ? a.createdAt.localeCompare(b.createdAt)
      : b.createdAt.localeCompare(a.createdAt);
  });
}
