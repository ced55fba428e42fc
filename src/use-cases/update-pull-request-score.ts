import type { StoredReview } from "../coach/coaching-records.js";
import type { ReviewScore } from "../coach/score-review.js";
import { scoreStoredPullRequest, type ScoreWeightsSetting } from "../coach/score-stored-review.js";
import type { RiskProfile } from "../coach/types.js";
import type { Store } from "../store/open-store.js";
import { savePullRequestScore } from "../store/reviews.js";

export interface UpdatePullRequestScoreInput {
  store: Store;
  /** The PR's stored reviews, oldest first. */
  reviews: readonly StoredReview[];
  pullRequest: { id: number; user: { login: string } };
  profile: RiskProfile;
  weights: ScoreWeightsSetting;
  now: Date;
}

/** Scores the PR from every counted review (not the author's own, not bots', not dismissed) and saves the score. */
export async function updatePullRequestScore(input: UpdatePullRequestScoreInput): Promise<ReviewScore | null> {
  const { score, firstReviewedAt } = scoreStoredPullRequest(input.reviews, input.pullRequest.user.login, input.profile, input.weights);
  await savePullRequestScore(input.store, input.pullRequest.id, score?.score ?? null, firstReviewedAt, input.now);
  return score;
}
