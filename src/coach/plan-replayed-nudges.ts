// What the app would have posted on a merged pull request, review by review, had it been installed:
// the same selection as a live review event (coach-review.ts), replayed in submission order. Pure.

import { countsAsReview } from "./counts-as-review.js";
import { type ReviewWithComments, scorePullRequest } from "./score-pull-request.js";
import { isStyleOnly, type ReviewScore, type ScoreOptions } from "./score-review.js";
import { type NudgeHistoryEntry, type PlanReviewNudgesInput, planReviewNudges, type ReviewNudgePlan } from "./select-nudges.js";
import type { RiskProfile } from "./types.js";

export interface ReplayedReview extends ReviewWithComments {
  id: number;
  reviewerLogin: string;
  /** The review's own score, as stored. */
  score: ReviewScore;
}

/** The selection's thresholds, budgets and rule pins, as the repository's config sets them. */
type ReplaySelection = Pick<PlanReviewNudgesInput, "minSeverity" | "minConfidence" | "maxPerReview" | "maxPerPullRequest" | "maxListed" | "pins">;

export interface ReplayPolicy extends ReplaySelection {
  /** The repository's mode: "off" and "summary" post no nudges; "shadow" records them without posting. */
  mode: "nudge" | "summary" | "shadow" | "off";
  /** Logins the repository's config leaves alone. */
  ignoredReviewers: readonly string[];
  scoreOptions: ScoreOptions;
}

export interface ReplayedCoaching extends ReviewNudgePlan {
  reviewId: number;
  reviewerLogin: string;
  /** How many of the review's comments were about style, for the coaching review's acknowledgement. */
  styleComments: number;
}

/**
 * The nudges each review of a PR would have received: at each review, what the reviews so far (this one
 * included) left uncovered, minus what earlier nudges on the PR already raised, within the budgets.
 * Reviews are given in submission order; the author's own and bots' reviews are never coached.
 */
export function planReplayedNudges(
  reviews: readonly ReplayedReview[],
  pullRequest: { authorLogin: string; riskProfile: RiskProfile; facts?: { additions: number; deletions: number; changedFiles: number } },
  policy: ReplayPolicy,
): ReplayedCoaching[] {
  if (policy.mode !== "nudge" && policy.mode !== "shadow") return [];
  const ignored = new Set(policy.ignoredReviewers.map((login) => login.toLowerCase()));
  const history: NudgeHistoryEntry[] = [];
  const coachings: ReplayedCoaching[] = [];
  const isCounted = (review: ReplayedReview) => countsAsReview({ reviewerLogin: review.reviewerLogin, state: review.review.state }, pullRequest.authorLogin);
  reviews.forEach((review, index) => {
    const login = review.reviewerLogin.toLowerCase();
    if (login === pullRequest.authorLogin.toLowerCase() || login.endsWith("[bot]") || ignored.has(login)) return;
    const soFar = reviews.slice(0, index + 1).filter(isCounted);
    const pullRequestScore =
      soFar.length === 0
        ? null
        : scorePullRequest({ reviews: soFar, riskProfile: pullRequest.riskProfile, pullRequest: pullRequest.facts }, policy.scoreOptions);
    const plan = planReviewNudges({
      findings: pullRequest.riskProfile.findings,
      addressed: new Set(pullRequestScore?.addressed ?? review.score.addressed),
      history,
      minSeverity: policy.minSeverity,
      minConfidence: policy.minConfidence,
      maxPerReview: policy.maxPerReview,
      maxPerPullRequest: policy.maxPerPullRequest,
      maxListed: policy.maxListed,
      pins: policy.pins,
      flags: review.score.flags,
    });
    if (plan.inline.length === 0 && plan.listed.length === 0) return;
    const status = policy.mode === "shadow" ? "shadow" : "sent";
    history.push(...[...plan.inline, ...plan.listed].map((finding) => ({ fingerprint: finding.fingerprint, status })));
    coachings.push({
      ...plan,
      reviewId: review.id,
      reviewerLogin: review.reviewerLogin,
      styleComments: review.comments.filter((comment) => isStyleOnly(comment.classification)).length,
    });
  });
  return coachings;
}
