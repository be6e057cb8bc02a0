/**
 * A contest moves through these phases in order. The phase in force comes from the contest's
 * dates and the clock; an organiser may end the current phase early ("advance"), which sets
 * a floor the dates cannot go below.
 */
export const CONTEST_PHASES = [
  'upcoming',
  'submission',
  'review',
  'voting',
  'judging',
  'results',
] as const;
export type ContestPhase = (typeof CONTEST_PHASES)[number];

export const CONTEST_ENTRY_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ContestEntryStatus = (typeof CONTEST_ENTRY_STATUSES)[number];

/** The dates that bound the phases: each phase runs from its start until the next one's. */
export interface ContestPhaseDates {
  submissionStartsAt: string;
  submissionEndsAt: string;
  votingStartsAt: string;
  votingEndsAt: string;
  judgingEndsAt: string;
}

/** When each phase after `upcoming` begins, in phase order. */
export function phaseStarts(dates: ContestPhaseDates): Array<[ContestPhase, string]> {
  return [
    ['submission', dates.submissionStartsAt],
    ['review', dates.submissionEndsAt],
    ['voting', dates.votingStartsAt],
    ['judging', dates.votingEndsAt],
    ['results', dates.judgingEndsAt],
  ];
}

export const phaseIndex = (phase: ContestPhase) => CONTEST_PHASES.indexOf(phase);

/** The phase the dates put in force at `now`, never below the organiser's `floor`. */
export function contestPhaseAt(
  dates: ContestPhaseDates,
  now: Date,
  floor: ContestPhase | null = null,
): ContestPhase {
  let phase: ContestPhase = 'upcoming';
  for (const [next, startsAt] of phaseStarts(dates)) {
    if (now.getTime() >= Date.parse(startsAt)) phase = next;
  }
  return floor && phaseIndex(floor) > phaseIndex(phase) ? floor : phase;
}

export const CONTEST_TITLE_MAX = 160;
export const CONTEST_TEXT_MAX = 10_000;
export const CONTEST_ENTRY_TITLE_MAX = 160;
export const CONTEST_ENTRY_DESCRIPTION_MAX = 5000;
export const CONTEST_REASON_MAX = 500;
export const CONTEST_SCORE_MAX = 10;

/** The contest's public (share) page. */
export const contestPagePath = (id: string) => `/c/${encodeURIComponent(id)}`;
