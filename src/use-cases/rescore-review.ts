import { classifyComment } from "../coach/classify-comment.js";
import { scoreStoredReview } from "../coach/score-stored-review.js";
import { toReviewState } from "../coach/to-review-state.js";
import { findRiskProfile } from "../store/risk-profiles.js";
import { listReviews, saveReview, saveReviewScore } from "../store/reviews.js";
import type { ReviewEventInput } from "./coach-review.js";
import { recordPullRequest } from "./record-pull-request.js";
import { updatePullRequestScore } from "./update-pull-request-score.js";
import { writeCoachCheckRun } from "./write-coach-check-run.js";

/**
 * Flow 2 for an edited or dismissed review: rescore it from what is stored, recompute the PR score and
 * update the check run in place. No new nudges: the reviewer was coached when they submitted.
 */
export async function rescoreReview({ ctx, event, loaded }: ReviewEventInput): Promise<void> {
  const { store, log } = ctx;
  const now = ctx.now();
  if (loaded.config.mode === "off") return;
  const pr = event.pullRequest;
  await recordPullRequest({ store, pr, ids: event, now });
  const reviews = await listReviews(store, pr.id);
  const stored = reviews.find((r) => r.id === event.review.id);
  const profile = await findRiskProfile(store, pr.id, pr.head.sha);
  if (!stored || !profile) {
    log.info("review or risk profile not known yet: nothing to rescore");
    return;
  }
  const weights = loaded.config.scoring.weights;
  const bodyClassification = classifyComment(event.review.body);
  const updated = { ...stored, state: toReviewState(event.review.state), body: event.review.body, bodyClassification };
  await saveReview(store, updated, bodyClassification, stored.comments, now);
  const score = scoreStoredReview(updated, profile, weights);
  await saveReviewScore(store, stored.id, score, now);
  const prScore = await updatePullRequestScore({ store, reviews: reviews.map((r) => (r.id === updated.id ? updated : r)), pullRequest: pr, profile, weights, now });
  if (loaded.config.mode === "nudge" || loaded.config.mode === "summary") {
    await writeCoachCheckRun({ github: ctx.github, store, event, profile, prScore, latestReview: { reviewerLogin: stored.reviewerLogin, score }, loaded, now });
  }
}
