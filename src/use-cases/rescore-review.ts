import { classifyComment } from "../coach/classify-comment.js";
import type { UseCaseContext } from "./use-case-context.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { findRiskProfile } from "../store/risk-profiles.js";
import { listReviews, saveReview, saveReviewScore } from "../store/reviews.js";
import { type ReviewEvent, rescoreAndSavePullRequest, scoreOne, toReviewState, writeCoachCheckRun } from "./coach-review.js";
import { recordPullRequest } from "./record-pull-request.js";

/**
 * Flow 2 for an edited or dismissed review: rescore it from what is stored, recompute the PR score and
 * update the check run in place. No new nudges: the reviewer was coached when they submitted.
 */
export async function rescoreReview(ctx: UseCaseContext, event: ReviewEvent, loaded: LoadedRepoConfig): Promise<void> {
  const { store, log } = ctx;
  const now = ctx.now();
  if (loaded.config.mode === "off") return;
  const pr = event.pullRequest;
  await recordPullRequest(store, pr, event, now);
  const reviews = await listReviews(store, pr.id);
  const stored = reviews.find((r) => r.id === event.review.id);
  const profile = await findRiskProfile(store, pr.id, pr.head.sha);
  if (!stored || !profile) {
    log.info("review or risk profile not known yet: nothing to rescore");
    return;
  }
  const bodyClassification = classifyComment(event.review.body);
  const updated = { ...stored, state: toReviewState(event.review.state), body: event.review.body, bodyClassification };
  await saveReview(store, updated, bodyClassification, stored.comments, now);
  const score = scoreOne(updated.state, updated.body, bodyClassification, stored.comments, profile, pr, loaded);
  await saveReviewScore(store, stored.id, score, now);
  const prScore = await rescoreAndSavePullRequest(store, reviews.map((r) => (r.id === updated.id ? updated : r)), pr, profile, loaded, now);
  if (loaded.config.mode === "nudge" || loaded.config.mode === "summary") {
    await writeCoachCheckRun({ github: ctx.github, store, event, profile, prScore, latestReview: { reviewerLogin: stored.reviewerLogin, score }, loaded, now });
  }
}
