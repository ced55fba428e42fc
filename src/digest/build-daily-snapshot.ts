// One day's score snapshot: the score as of the end of `day` (00:00 UTC the next day). The stored
// snapshots and the digest's headline and trend all come from this one function over the stored PRs, so
// a digest never reads a stale copy. Pure: the day is passed in, never read from the clock.

import type { DigestPullRequest, DigestScoreSnapshot, DigestTarget } from "./digest-types.js";
import { scoreRepository } from "../coach/score-repository.js";

const DAY_MS = 86_400_000;

/** The instant a snapshot's day ends: "2026-11-08" → 2026-11-09T00:00:00Z. */
export function snapshotInstant(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`snapshot day must be YYYY-MM-DD, got "${day}"`);
  const midnight = Date.parse(`${day}T00:00:00.000Z`);
  if (!Number.isFinite(midnight)) throw new RangeError(`snapshot day is not a date: "${day}"`);
  return new Date(midnight + DAY_MS);
}

/** The snapshot whose day ends at the instant (the instant must be a UTC midnight). */
export function snapshotDayEndingAt(instant: Date): string {
  return new Date(instant.getTime() - DAY_MS).toISOString().slice(0, 10);
}

/**
 * The target's score as of the end of `day`. A repository target scores its own PRs; an org target scores
 * every PR given (store it under the org login, and the org digest's trend will use it).
 */
export function buildDailySnapshot(
  pullRequests: readonly DigestPullRequest[],
  target: DigestTarget,
  day: string,
  windowDays: number,
): DigestScoreSnapshot {
  const scoped =
    target.kind === "repository" ? pullRequests.filter((pullRequest) => pullRequest.repository === target.name) : pullRequests;
  const { score, mergedPullRequests } = scoreRepository(scoped, snapshotInstant(day), windowDays);
  return { repository: target.name, day, score, mergedPullRequests };
}
