import type { Store } from "../store/open-store.js";
import { readRepositoryConfig } from "../store/repositories.js";
import { snapshotInstant } from "./build-daily-snapshot.js";
import { loadRepositoryScore } from "./load-repository-score.js";

/** Stores a repository's score as of the end of `day` (YYYY-MM-DD, UTC), once. */
export async function recordScoreSnapshot(store: Store, repositoryId: number, day: string, now: Date): Promise<void> {
  const repository = await store.db.selectFrom("repositories").selectAll().where("id", "=", repositoryId).executeTakeFirst();
  if (!repository) return;
  const { windowDays } = readRepositoryConfig(repository).score;
  const { score, mergedPullRequests } = await loadRepositoryScore(store, repositoryId, snapshotInstant(day), windowDays);
  await store.db
    .insertInto("repo_score_snapshots")
    .values({ repository_id: repositoryId, day, score: score === null ? null : Math.round(score * 10) / 10, merged_pull_requests: mergedPullRequests, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["repository_id", "day"]).doNothing())
    .execute();
}
