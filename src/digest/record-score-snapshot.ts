import { listDigestPullRequests } from "../store/list-digest-pull-requests.js";
import type { Store } from "../store/open-store.js";
import { readRepositoryConfig } from "../store/repositories.js";
import { snapshotInstant } from "./build-daily-snapshot.js";
import { scoreRepository } from "./score-repository.js";

/** Stores a repository's score as of the end of `day` (YYYY-MM-DD, UTC), once. */
export async function recordScoreSnapshot(store: Store, repositoryId: number, day: string, now: Date): Promise<void> {
  const repository = await store.db.selectFrom("repositories").selectAll().where("id", "=", repositoryId).executeTakeFirst();
  if (!repository) return;
  const { windowDays } = readRepositoryConfig(repository).score;
  const end = snapshotInstant(day);
  const since = new Date(end.getTime() - windowDays * 86_400_000).toISOString();
  const prs = await listDigestPullRequests(store, [repositoryId], since);
  const { score, mergedPullRequests } = scoreRepository(prs, end, windowDays);
  await store.db
    .insertInto("repo_score_snapshots")
    .values({ repository_id: repositoryId, day, score: score === null ? null : Math.round(score * 10) / 10, merged_pull_requests: mergedPullRequests, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["repository_id", "day"]).doNothing())
    .execute();
}
