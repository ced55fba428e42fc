import { listDigestPullRequests } from "../store/list-digest-pull-requests.js";
import type { Store } from "../store/open-store.js";
import { type RepositoryScore, scoreRepository } from "../coach/score-repository.js";

/** A repository's score as of `at`, from the PRs stored as merged in the window before it. */
export async function loadRepositoryScore(store: Store, repositoryId: number, at: Date, windowDays: number): Promise<RepositoryScore> {
  const since = new Date(at.getTime() - windowDays * 86_400_000).toISOString();
  return scoreRepository(await listDigestPullRequests(store, [repositoryId], since), at, windowDays);
}
