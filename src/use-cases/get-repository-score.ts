import { loadRepositoryScore } from "../digest/load-repository-score.js";
import type { Store } from "../store/open-store.js";

/** The repository's review-quality score now: risk-weighted PR scores of the merges in the window. */
export async function getRepositoryScore(input: { store: Store; repositoryId: number; now: Date; windowDays: number }): Promise<number | null> {
  const { store, repositoryId, now, windowDays } = input;
  const { score } = await loadRepositoryScore(store, repositoryId, now, windowDays);
  return score === null ? null : Math.round(score);
}
