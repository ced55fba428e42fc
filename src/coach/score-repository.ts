// The repo score (DESIGN.md, vocabulary): the risk-weighted mean of the PR scores of the PRs merged in a
// rolling window; a merge with no counted review counts 0. Pure: the clock is passed in.
//
// The window ending at `now` is the half-open interval [now - windowDays * 24h, now): a PR merged exactly
// at the start counts, one merged exactly at `now` belongs to the next window. Windows that end at the
// end of a week therefore cover exactly the PRs the week's figures count.

import type { DigestPullRequest } from "./digest-records.js";
import { effectivePullRequestScore } from "./is-counted-review.js";

const DAY_MS = 86_400_000;

export interface RepositoryScore {
  /** 0-100, unrounded; null when nothing merged in the window. */
  score: number | null;
  mergedPullRequests: number;
  /** Sum of the risk weights of the merged PRs (the divisor of the mean). */
  weightedBy: number;
}

/** Merged in [start, end). */
export function isMergedBetween(pullRequest: DigestPullRequest, start: number, end: number): boolean {
  if (pullRequest.mergedAt === null) return false;
  const merged = Date.parse(pullRequest.mergedAt);
  return Number.isFinite(merged) && merged >= start && merged < end;
}

/** A usable weight: negative, NaN or infinite weights count as 0. */
export function riskWeightOf(pullRequest: DigestPullRequest): number {
  const weight = pullRequest.riskWeight;
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/**
 * Scores the PRs merged in the `windowDays` before `now`. When every merged PR has weight 0 the mean is
 * unweighted, so a week of trivial changes still has a score.
 */
export function scoreRepository(pullRequests: readonly DigestPullRequest[], now: Date, windowDays: number): RepositoryScore {
  if (!(windowDays > 0)) throw new RangeError(`scoreRepository: windowDays must be positive, got ${windowDays}`);
  const end = now.getTime();
  const start = end - windowDays * DAY_MS;
  const merged = pullRequests.filter((pullRequest) => isMergedBetween(pullRequest, start, end));
  if (merged.length === 0) return { score: null, mergedPullRequests: 0, weightedBy: 0 };

  let weightedSum = 0;
  let weightedBy = 0;
  let plainSum = 0;
  for (const pullRequest of merged) {
    const score = effectivePullRequestScore(pullRequest);
    const weight = riskWeightOf(pullRequest);
    weightedSum += weight * score;
    weightedBy += weight;
    plainSum += score;
  }
  const score = weightedBy > 0 ? weightedSum / weightedBy : plainSum / merged.length;
  return { score, mergedPullRequests: merged.length, weightedBy };
}
