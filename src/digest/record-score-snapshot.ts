import type { Logger } from "../log.js";
import { listDigestPullRequests } from "../store/list-digest-pull-requests.js";
import type { Store } from "../store/open-store.js";
import { findRepository, type Repository } from "../store/repositories.js";
import { deleteScoreSnapshots, listScoreSnapshotDays, upsertScoreSnapshots } from "../store/score-snapshots.js";
import { buildDailySnapshot, snapshotInstant } from "./build-daily-snapshot.js";
import { buildRepositoryHistory, isWindowCovered } from "./build-repository-history.js";
import type { DigestRepositoryHistory } from "./digest-types.js";

const DAY_MS = 86_400_000;

/** How much history the repository has stored, from its backfill progress. */
export function readRepositoryHistory(repository: Pick<Repository, "fullName" | "createdAt" | "backfillState">): DigestRepositoryHistory {
  return buildRepositoryHistory(repository.fullName, repository.createdAt, repository.backfillState);
}

/**
 * Stores the repository's score snapshots for the given days (YYYY-MM-DD, UTC), each computed from the
 * stored PRs by buildDailySnapshot and replacing any stored copy. A day whose window the stored history
 * does not cover (the backfill is running, or the window reaches before it) is not stored, and a stored
 * copy of it is deleted: snapshots are facts of complete history only.
 */
export async function recordScoreSnapshots(store: Store, repositoryId: number, days: readonly string[], now: Date, log?: Logger): Promise<void> {
  const repository = await findRepository(store, repositoryId);
  if (!repository || days.length === 0) return;
  const { windowDays } = repository.config.score;
  const history = readRepositoryHistory(repository);
  const sorted = [...new Set(days)].sort();
  const since = new Date(snapshotInstant(sorted[0] as string).getTime() - windowDays * DAY_MS).toISOString();
  const pullRequests = await listDigestPullRequests(store, [repositoryId], since);
  const target = { kind: "repository" as const, name: repository.fullName };
  const covered = sorted.filter((day) => isWindowCovered(history, snapshotInstant(day).getTime() - windowDays * DAY_MS));
  const uncovered = sorted.filter((day) => !covered.includes(day));
  await upsertScoreSnapshots(store, repositoryId, covered.map((day) => buildDailySnapshot(pullRequests, target, day, windowDays)), now);
  await deleteScoreSnapshots(store, repositoryId, uncovered);
  if (uncovered.length > 0) {
    log?.info({ repo: repository.fullName, days: uncovered, backfill: history.backfill, completeFrom: history.completeFrom }, "score snapshot not stored: the history does not cover its window yet");
  }
}

/** Stores the snapshot of one day (the scheduler's daily job). */
export async function recordScoreSnapshot(store: Store, repositoryId: number, day: string, now: Date, log?: Logger): Promise<void> {
  await recordScoreSnapshots(store, repositoryId, [day], now, log);
}

/**
 * The history changed from `changedAt` on (a late merge): recomputes the stored snapshots whose window
 * holds that instant. A merge today changes no stored snapshot, so this costs nothing in the common case.
 */
export async function refreshScoreSnapshots(store: Store, repositoryId: number, changedAt: string, now: Date, log?: Logger): Promise<void> {
  const changed = Date.parse(changedAt);
  if (!Number.isFinite(changed)) return;
  const repository = await findRepository(store, repositoryId);
  if (!repository) return;
  const { windowDays } = repository.config.score;
  const firstDay = new Date(changed).toISOString().slice(0, 10);
  const lastInstant = changed + windowDays * DAY_MS;
  const days = (await listScoreSnapshotDays(store, repositoryId, firstDay)).filter((day) => snapshotInstant(day).getTime() <= lastInstant);
  if (days.length === 0) return;
  await recordScoreSnapshots(store, repositoryId, days, now, log);
  log?.info({ repositoryId, days }, "score snapshots recomputed: the history they cover changed");
}
