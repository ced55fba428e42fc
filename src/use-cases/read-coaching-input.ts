import type { CoachingInput, CoachingSettings } from "../coach/plan-coaching.js";
import { buildNudgePolicy } from "../repo-config/build-nudge-policy.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { renderConfigProblems } from "../repo-config/render-config-problems.js";
import { findGitHubWrite, type GitHubWrite } from "../store/github-writes.js";
import { listDigestPullRequests } from "../store/list-digest-pull-requests.js";
import { isCoachingOptedOut, listNudges } from "../store/nudges.js";
import { findPullRequest } from "../store/pull-requests.js";
import { listReviewsAndComments } from "../store/reviews.js";
import { listRuleOutcomes, listRuleResets } from "../store/rule-learning.js";
import type { ReviewEvent } from "./coach-review.js";
import type { EnsuredProfile } from "./ensure-risk-profile.js";
import type { UseCaseContext } from "./use-case-context.js";
import { type CheckRunState, findCoachCheckRunState } from "./write-coach-check-run.js";

/** What earlier attempts of this event wrote on GitHub, as the store knows it. */
export interface EarlierWrites {
  /** The coaching review's write (read when the reviewer may be nudged). */
  coachingReview: GitHubWrite | undefined;
  /** The check run of the head (read when one is written). */
  checkRun: CheckRunState;
}

export interface CoachingReads {
  input: CoachingInput;
  earlier: EarlierWrites;
}

const DAY_MS = 86_400_000;

/** The idempotency key of the coaching review of one review. */
export function coachingReviewWriteKey(pullRequestId: number, reviewId: number): string {
  return `coaching-review:${pullRequestId}:${reviewId}`;
}

/**
 * Flow 2's read step (it writes nothing): the review's comments from GitHub, and from the store the PR's
 * reviews, nudges, learning and repository window, and what earlier attempts wrote; with the head's risk
 * profile, ensured before it.
 */
export async function readCoachingInput(input: {
  ctx: UseCaseContext;
  event: ReviewEvent;
  loaded: LoadedRepoConfig;
  mode: CoachingSettings["mode"];
  head: EnsuredProfile;
  now: Date;
}): Promise<CoachingReads> {
  const { ctx, event, loaded, mode, head, now } = input;
  const { github, store } = ctx;
  const { config } = loaded;
  const pr = event.pullRequest;
  const comments = await github.listReviewComments(event.repo, pr.number, event.review.id);

  const { reviews, comments: storedComments } = await listReviewsAndComments(store, pr.id);
  const stored = await findPullRequest(store, pr.id);
  const nudges = await listNudges(store, pr.id);
  const ruleOutcomes = config.learning.enabled ? await listRuleOutcomes(store, event.installationId) : [];
  const ruleResets = config.learning.enabled ? await listRuleResets(store, event.repositoryId) : [];
  const optedOut = await isCoachingOptedOut(store, event.repositoryId, event.review.reviewerLogin);
  const nudging = !optedOut && (mode === "nudge" || mode === "shadow");
  const checking = mode === "nudge" || mode === "summary";
  const since = new Date(now.getTime() - config.score.windowDays * DAY_MS).toISOString();
  const target = { repo: event.repo, installationId: event.installationId, pullRequestId: pr.id, headSha: pr.head.sha };

  const settings: CoachingSettings = {
    mode,
    weights: config.scoring.weights,
    policy: buildNudgePolicy(config),
    pins: config.rules,
    learning: config.learning,
    gate: config.gate,
    publicScores: config.privacy.publicScores,
    configProblems: loaded.problems.length ? renderConfigProblems(loaded.problems) : null,
    scoreWindowDays: config.score.windowDays,
  };
  return {
    input: {
      now,
      settings,
      installationId: event.installationId,
      repositoryId: event.repositoryId,
      pullRequest: { id: pr.id, number: pr.number, title: pr.title, url: pr.html_url, authorLogin: pr.user.login, openedAt: pr.created_at, mergedAt: pr.merged_at ?? null },
      review: event.review,
      profile: head.profile,
      profileBuiltNow: head.files !== null,
      storedRiskWeight: stored?.riskWeight ?? null,
      comments,
      reviews,
      storedComments: storedComments.filter((c) => c.reviewId === event.review.id),
      nudges,
      ruleOutcomes,
      ruleResets,
      optedOut,
      windowPullRequests: checking ? await listDigestPullRequests(store, [event.repositoryId], since) : [],
    },
    earlier: {
      coachingReview: nudging ? await findGitHubWrite(store, coachingReviewWriteKey(pr.id, event.review.id)) : undefined,
      checkRun: checking ? await findCoachCheckRunState(store, target) : { storedId: undefined, started: false },
    },
  };
}
