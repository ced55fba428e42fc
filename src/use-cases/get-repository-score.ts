import { scoreRepository } from "../digest/score-repository.js";
import { listDigestPullRequests } from "../store/list-digest-pull-requests.js";
import type { Store } from "../store/open-store.js";

/** The repository's review-quality score now: risk-weighted PR scores of the merges in the window. */
export async function getRepositoryScore(store: Store, repositoryId: number, now: Date, windowDays: number): Promise<number | null> {
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const prs = await listDigestPullRequests(store, [repositoryId], since);
  const { score } = scoreRepository(prs, now, windowDays);
  return score === null ? null : Math.round(score);
}
