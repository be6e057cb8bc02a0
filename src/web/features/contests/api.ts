import type {
  ContestEntryList,
  ContestEntryView,
  ContestIntegrityReport,
  ContestJudgeView,
  ContestList,
  ContestResults,
  ContestScoreBoard,
  ContestView,
  ContestVoteView,
  CreateContestBody,
  CreatedEntry,
  ScoreView,
} from '../../../common/api/contests.js';
import type { ContestEntryStatus } from '../../../common/domain/contests.js';
import { api, toApiError } from '../../api/client.js';
import { getLocale } from '../../i18n/locale.js';

export type {
  ContestEntryView,
  ContestIntegrityReport,
  ContestResults,
  ContestScoreBoard,
  ContestView,
};

const enc = encodeURIComponent;
const base = (id: string) => `/api/contests/${enc(id)}`;

export const listContests = (station?: string) =>
  api<ContestList>('GET', `/api/contests${station ? `?station=${enc(station)}` : ''}`);
export const getContest = (id: string) => api<ContestView>('GET', base(id));
export const listEntries = (id: string, status?: ContestEntryStatus | 'all') =>
  api<ContestEntryList>('GET', `${base(id)}/entries${status ? `?status=${status}` : ''}`);
export const vote = (id: string, entryId: string, cast: boolean) =>
  api<ContestVoteView>(cast ? 'PUT' : 'DELETE', `${base(id)}/entries/${enc(entryId)}/vote`);
export const getResults = (id: string) => api<ContestResults>('GET', `${base(id)}/results`);
export const scoreEntry = (id: string, entryId: string, scores: Record<string, number>) =>
  api<ScoreView>('PUT', `${base(id)}/entries/${enc(entryId)}/score`, { scores });

/** Multipart: the JSON client cannot send files. Errors come back in the same envelope. */
export async function submitEntry(id: string, form: FormData): Promise<CreatedEntry> {
  const response = await fetch(`${base(id)}/entries`, {
    method: 'POST',
    body: form,
    headers: { accept: 'application/json', 'accept-language': getLocale() },
    credentials: 'same-origin',
  });
  const body: unknown = await response.json();
  if (!response.ok) throw toApiError(response.status, body);
  return body as CreatedEntry;
}

// ---- console ------------------------------------------------------------------------------------

export const createContest = (body: CreateContestBody) =>
  api<ContestView>('POST', '/api/contests', body);
export const advanceContest = (id: string) => api<ContestView>('POST', `${base(id)}/advance`);
export const moderateEntry = (id: string, entryId: string, reason?: string) =>
  api<CreatedEntry>(
    'POST',
    `${base(id)}/entries/${enc(entryId)}/${reason === undefined ? 'approve' : 'reject'}`,
    reason === undefined ? undefined : { reason },
  );
export const getIntegrity = (id: string) =>
  api<ContestIntegrityReport>('GET', `${base(id)}/integrity`);
export const voidVotes = (id: string, voteIds: string[], reason: string) =>
  api<{ voided: number }>('POST', `${base(id)}/votes/void`, { voteIds, reason });
export const listJudges = (id: string) =>
  api<{ items: ContestJudgeView[] }>('GET', `${base(id)}/judges`);
export const inviteJudge = (id: string, accountId: string) =>
  api<ContestJudgeView>('PUT', `${base(id)}/judges/${enc(accountId)}`);
export const getScoreBoard = (id: string) => api<ContestScoreBoard>('GET', `${base(id)}/scores`);
export const announceWinners = (id: string) =>
  api<{ postId: string; url: string }>('POST', `${base(id)}/announce`);
/** The CSV export is a download: the browser follows the link with the session cookie. */
export const exportUrl = (id: string) => `${base(id)}/export.csv`;
