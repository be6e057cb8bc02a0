import type { ContestRankingItem } from '../../../common/api/contests.js';

/** Rounded so that both databases and every platform compare the same numbers. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The criteria-weighted score on 0–10: Σ weight × score / Σ weight. */
export function weightedScore(
  criteria: ReadonlyArray<{ name: string; weight: number }>,
  scores: Readonly<Record<string, number>>,
): number {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const sum = criteria.reduce((acc, c) => acc + c.weight * (scores[c.name] ?? 0), 0);
  return round(sum / totalWeight);
}

export interface RankInput {
  entryId: string;
  title: string;
  authorName: string;
  createdAt: string;
  votes: number;
  /** Each judge's weighted score of the entry. */
  judgeScores: number[];
}

/**
 * total = juryWeight × juryScore / 10 + publicWeight × publicShare, where juryScore is the mean
 * of the judges' weighted scores and publicShare the entry's share of all valid votes. Ties
 * go by jury score, then by the earlier entry.
 */
export function rankEntries(
  weights: { juryWeight: number; publicWeight: number },
  entries: readonly RankInput[],
): ContestRankingItem[] {
  const totalVotes = entries.reduce((sum, e) => sum + e.votes, 0);
  const scored = entries.map((e) => {
    const juryScore = e.judgeScores.length
      ? round(e.judgeScores.reduce((a, b) => a + b, 0) / e.judgeScores.length)
      : 0;
    const publicShare = totalVotes ? round(e.votes / totalVotes) : 0;
    return {
      entry: e,
      juryScore,
      publicShare,
      total: round(weights.juryWeight * (juryScore / 10) + weights.publicWeight * publicShare),
    };
  });
  scored.sort(
    (a, b) =>
      b.total - a.total ||
      b.juryScore - a.juryScore ||
      a.entry.createdAt.localeCompare(b.entry.createdAt) ||
      a.entry.entryId.localeCompare(b.entry.entryId),
  );
  return scored.map((s, i) => ({
    entryId: s.entry.entryId,
    title: s.entry.title,
    authorName: s.entry.authorName,
    juryScore: s.juryScore,
    publicShare: s.publicShare,
    votes: s.entry.votes,
    judges: s.entry.judgeScores.length,
    total: s.total,
    rank: i + 1,
  }));
}
