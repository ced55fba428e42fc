// How much of a repository's history review-coach has stored, from the backfill's progress. Pure.
//
// The backfill reads closed PRs most recently updated first, so once it has read back to `reached`,
// every PR merged at or after `reached` is stored (a PR's updated_at is never before its merged_at);
// merges after the app was installed came as webhooks. The history is therefore complete from the
// earlier of the two; what the backfill asked for before that is missing until it finishes.

import type { DigestRepositoryHistory } from "./digest-types.js";

export interface BackfillProgress {
  /** The earliest merge the backfill imports (ISO). */
  since: string;
  done: boolean;
  /** The oldest `updated_at` of the pages read so far (ISO); absent before the first page. */
  reached?: string | undefined;
  imported: number;
}

export function buildRepositoryHistory(repository: string, installedAt: string, backfill: BackfillProgress | null): DigestRepositoryHistory {
  if (backfill === null) {
    return { repository, backfill: "not-started", completeFrom: installedAt, missing: null, importedPullRequests: 0 };
  }
  if (backfill.done) {
    const completeFrom = backfill.since < installedAt ? backfill.since : installedAt;
    return { repository, backfill: "done", completeFrom, missing: null, importedPullRequests: backfill.imported };
  }
  const reached = backfill.reached ?? installedAt;
  const completeFrom = reached < installedAt ? reached : installedAt;
  return {
    repository,
    backfill: "in-progress",
    completeFrom,
    missing: backfill.since < completeFrom ? { from: backfill.since, to: completeFrom } : null,
    importedPullRequests: backfill.imported,
  };
}

/**
 * Whether the stored merges of the window [start, end) are all of them: the backfill is not running and
 * the window starts where the history is complete.
 */
export function isWindowCovered(history: DigestRepositoryHistory, start: number): boolean {
  return history.backfill !== "in-progress" && start >= Date.parse(history.completeFrom);
}
