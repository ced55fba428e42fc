import { classifyComment } from "../coach/classify-comment.js";
import type { HandlerContext } from "../handlers/handler-context.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { findRiskProfile } from "../store/risk-profiles.js";
import { listReviews, saveReview, saveReviewScore, updateReviewState } from "../store/reviews.js";
import { type ReviewEvent, rescorePullRequest, scoreOne, toReviewState, writeCoachCheckRun } from "./coach-review.js";
import { recordPullRequest } from "./record-pull-request.js";

/**
 * Flow 2 for an edited or dismissed review: rescore it from what is stored, recompute the PR score and
 * update the check run in place. No new nudges: the reviewer was coached when they submitted.
 */
export async function rescoreReview(ctx: HandlerContext, event: ReviewEvent, loaded: LoadedRepoConfig): Promise<void> {
  const { store, log } = ctx;
  const now = ctx.now();
  if (loaded.config.mode === "off") return;
  const pr = event.pullRequest;
  await recordPullRequest(store, pr, event, now);
  const known = await updateReviewState(store, event.review.id, toReviewState(event.review.state), event.review.body, now);
  const profile = await findRiskProfile(store, pr.id, pr.head.sha);
  if (!known || !profile) {
    log.info("review or risk profile not known yet: nothing to rescore");
    return;
  }
  const stored = (await listReviews(store, pr.id)).find((r) => r.id === event.review.id)!;
  const bodyClassification = classifyComment(event.review.body);
  await saveReview(store, stored, bodyClassification, stored.comments, now);
  const score = scoreOne(stored.state, event.review.body, bodyClassification, stored.comments, profile, pr, loaded);
  await saveReviewScore(store, stored.id, score, now);
  const prScore = await rescorePullRequest(store, await listReviews(store, pr.id), pr, profile, loaded, now);
  if (loaded.config.mode === "nudge" || loaded.config.mode === "summary") {
    await writeCoachCheckRun(ctx.github, store, event, profile, prScore, { reviewerLogin: stored.reviewerLogin, score }, loaded, now);
  }
}
