// Flow 2's functional core (DESIGN.md): everything a submitted review asks of the app, decided from
// plain data read once. The use case reads, calls planCoaching, and applies the plan in one go.

import { buildMutedRules, type MutedRule, type RuleOutcome, type RulePins } from "./build-muted-rules.js";
import { buildSavedReviews } from "./build-saved-reviews.js";
import { buildWindowPullRequests } from "./build-window-pull-requests.js";
import { classifyComment } from "./classify-comment.js";
import { classifyReviewComments, type GitHubReviewComment } from "./classify-review-comments.js";
import type { CommentRecord, StoredNudge, StoredReview } from "./coaching-records.js";
import type { DigestPullRequest } from "./digest-records.js";
import { type CoachingReviewPlan, type NudgingPolicy, planCoachingReview } from "./plan-coaching-review.js";
import { type CheckRunRendering, renderCheckRun } from "./render/render-check-run.js";
import { getRuleVersion } from "./risk/rule-versions.js";
import { riskLevelWeight } from "./risk-level-weight.js";
import { scoreRepository } from "./score-repository.js";
import type { ReviewScore } from "./score-review.js";
import { type ScoreWeightsSetting, scoreStoredPullRequest, scoreStoredReview } from "./score-stored-review.js";
import { type ActedOnCandidate, selectActedOnNudges } from "./select-acted-on-nudges.js";
import { toReviewState } from "./to-review-state.js";
import type { CommentClassification, RiskProfile } from "./types.js";

const DAY_MS = 86_400_000;

/** What the repository's config says about coaching (mode off never gets here). */
export interface CoachingSettings {
  mode: "nudge" | "summary" | "shadow";
  weights: ScoreWeightsSetting;
  policy: NudgingPolicy;
  pins: RulePins;
  learning: { enabled: boolean; muteDays: number };
  gate: { enabled: boolean; minScore: number };
  publicScores: boolean;
  /** Config problems to show on the check run (rendered), or null. */
  configProblems: string | null;
  /** Rolling window of the repository score. */
  scoreWindowDays: number;
}

/** A nudge recorded on the PR, as the acted-on rule and the budgets read it. */
export type RecordedNudge = ActedOnCandidate & Pick<StoredNudge, "id" | "fingerprint" | "repositoryId" | "rule" | "ruleVersion" | "createdAt">;

/** Everything a submitted review needs, read once from the event, GitHub and the store. */
export interface CoachingInput {
  now: Date;
  settings: CoachingSettings;
  installationId: number;
  repositoryId: number;
  pullRequest: { id: number; number: number; title: string; url: string; authorLogin: string; openedAt: string; mergedAt: string | null };
  review: { id: number; reviewerLogin: string; reviewerId: number; state: string; body: string; commitId: string | null; submittedAt: string; htmlUrl: string | null };
  /** The risk profile of the PR's head, and whether it was built for this event (then its level is the PR's now). */
  profile: RiskProfile;
  profileBuiltNow: boolean;
  /** The PR's stored risk weight (null when none is stored). */
  storedRiskWeight: number | null;
  /** The review's comments as GitHub lists them. */
  comments: readonly GitHubReviewComment[];
  /** The PR's stored reviews, oldest first, and the comments stored for this review already. */
  reviews: readonly StoredReview[];
  storedComments: readonly CommentRecord[];
  /** The PR's recorded nudges, oldest first. */
  nudges: readonly RecordedNudge[];
  /** What became of the installation's delivered nudges, and `/coach unmute` resets (both empty when learning is off). */
  ruleOutcomes: readonly RuleOutcome[];
  ruleResets: readonly { rule: string; at: string }[];
  /** The reviewer said `/coach off` in this repository. */
  optedOut: boolean;
  /** The repository's PRs stored as merged in the score window. */
  windowPullRequests: readonly DigestPullRequest[];
}

/** What to store and post for one submitted review. */
export interface CoachingPlan {
  /** The review as stored: its state, classified body and comments, and score. */
  review: { state: string; bodyClassification: CommentClassification; comments: CommentRecord[]; score: ReviewScore };
  /** The PR's score from every counted review, and when it was first reviewed. */
  pullRequestScore: ReviewScore | null;
  firstReviewedAt: string | null;
  /** The PR's risk to store with it, when its profile was built now. */
  pullRequestRisk: { level: RiskProfile["level"]; weight: number } | null;
  /** Earlier nudges to this reviewer that this review acted on. */
  actedOnNudgeIds: number[];
  mutedRules: MutedRule[];
  /** The coaching review to post (or, in shadow mode, only record); null for none. */
  coachingReview: CoachingReviewPlan | null;
  /** The check run's output; null in shadow mode. */
  checkRun: CheckRunRendering | null;
}

/** Decides everything a submitted review leads to: scores, acted-on nudges, the coaching review, the check run. Pure. */
export function planCoaching(input: CoachingInput): CoachingPlan {
  const { settings, pullRequest, review, profile } = input;
  const state = toReviewState(review.state);
  const comments = classifyReviewComments(input.comments, {
    installationId: input.installationId,
    repositoryId: input.repositoryId,
    pullRequestId: pullRequest.id,
    reviewId: review.id,
    reviewerLogin: review.reviewerLogin,
  });
  const bodyClassification = classifyComment(review.body);
  const score = scoreStoredReview({ state, body: review.body, bodyClassification, comments }, profile, settings.weights);
  const saved: StoredReview = {
    id: review.id,
    installationId: input.installationId,
    repositoryId: input.repositoryId,
    pullRequestId: pullRequest.id,
    reviewerLogin: review.reviewerLogin,
    reviewerId: review.reviewerId,
    state,
    body: review.body,
    commitSha: review.commitId,
    submittedAt: review.submittedAt,
    htmlUrl: review.htmlUrl,
    bodyClassification,
    score: score.score,
    result: score,
    flags: score.flags,
    comments,
  };
  const reviews = buildSavedReviews(input.reviews, saved, input.storedComments);
  const prScore = scoreStoredPullRequest(reviews, pullRequest.authorLogin, profile, settings.weights);

  const actedOn = planActedOn(input, reviews, bodyClassification, comments);
  const mutedRules = settings.learning.enabled ? planMutedRules(input, actedOn) : [];
  const nudging = !input.optedOut && (settings.mode === "nudge" || settings.mode === "shadow");
  const coachingReview = nudging
    ? planCoachingReview({
        policy: settings.policy,
        pins: settings.pins,
        muted: new Set(mutedRules.map((m) => m.rule)),
        findings: profile.findings,
        addressed: new Set(prScore.score?.addressed ?? score.addressed),
        history: input.nudges.map((n) => ({ fingerprint: n.fingerprint, status: actedOn.includes(n) ? "acted-on" : n.status })),
        flags: score.flags,
        comments,
        nudge: { installationId: input.installationId, repositoryId: input.repositoryId, pullRequestId: pullRequest.id, reviewId: review.id, reviewerLogin: review.reviewerLogin, mode: settings.mode },
      })
    : null;

  const riskWeight = input.profileBuiltNow ? riskLevelWeight(profile.level) : (input.storedRiskWeight ?? 0.5);
  const checkRun =
    settings.mode === "shadow"
      ? null
      : renderCheckRun({
          mutedRules,
          pullRequestScore: prScore.score,
          latestReview: { reviewerLogin: review.reviewerLogin, score },
          riskProfile: profile,
          repositoryScore: planRepositoryScore(input, reviews, prScore.score, riskWeight),
          publicScores: settings.publicScores,
          gate: settings.gate,
          configProblems: settings.configProblems,
          mode: settings.mode,
        });

  return {
    review: { state, bodyClassification, comments, score },
    pullRequestScore: prScore.score,
    firstReviewedAt: prScore.firstReviewedAt,
    pullRequestRisk: input.profileBuiltNow ? { level: profile.level, weight: riskWeight } : null,
    actedOnNudgeIds: actedOn.map((n) => n.id),
    mutedRules,
    coachingReview,
    checkRun,
  };
}

/** The acted-on rule: earlier nudges to this reviewer that this review raised, or answered with a changed verdict. */
function planActedOn(input: CoachingInput, reviews: readonly StoredReview[], bodyClassification: CommentClassification, comments: readonly CommentRecord[]): RecordedNudge[] {
  const coachedStates = new Map(reviews.map((r) => [r.id, r.state]));
  const state = toReviewState(input.review.state);
  return selectActedOnNudges(input.nudges, {
    reviewerLogin: input.review.reviewerLogin,
    concerns: [...bodyClassification.concerns, ...comments.flatMap((c) => c.classification.concerns)],
    reviewId: input.review.id,
    // A changed verdict (approving after changes were requested, say) answers the nudges of the earlier review.
    addresses: (n) => toReviewState(coachedStates.get(n.reviewId) ?? state) !== state,
  });
}

/**
 * The rules learning mutes now. The outcomes were read before this review's acted-on nudges were
 * marked: each of those turns one pending outcome of its rule, repository and send time into acted-on.
 */
function planMutedRules(input: CoachingInput, actedOn: readonly RecordedNudge[]): MutedRule[] {
  const at = input.now.toISOString();
  const left = [...actedOn];
  const outcomes = input.ruleOutcomes.map((o): RuleOutcome => {
    const i = o.outcome === "pending" ? left.findIndex((n) => n.rule === o.rule && (n.ruleVersion ?? "") === o.ruleVersion && n.repositoryId === o.repositoryId && n.createdAt === o.sentAt) : -1;
    if (i === -1) return o;
    left.splice(i, 1);
    return { ...o, outcome: "acted-on", outcomeAt: at };
  });
  return buildMutedRules({
    repositoryId: input.repositoryId,
    outcomes,
    resets: input.ruleResets,
    pins: input.settings.pins,
    ruleVersion: getRuleVersion,
    now: input.now,
    expiryDays: input.settings.learning.muteDays,
  });
}

/** The repository score (rounded) once this PR's new score is stored. */
function planRepositoryScore(input: CoachingInput, reviews: readonly StoredReview[], prScore: ReviewScore | null, riskWeight: number): number | null {
  const since = new Date(input.now.getTime() - input.settings.scoreWindowDays * DAY_MS).toISOString();
  const { pullRequest: pr } = input;
  const window = buildWindowPullRequests(
    input.windowPullRequests,
    { ...pr, riskLevel: input.profile.level, riskWeight, score: prScore?.score ?? null, reviews },
    since,
  );
  const { score } = scoreRepository(window, input.now, input.settings.scoreWindowDays);
  return score === null ? null : Math.round(score);
}
