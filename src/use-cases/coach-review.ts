import { classifyComment } from "../coach/classify-comment.js";
import { countsAsReview } from "../coach/counts-as-review.js";
import { renderCheckRun, COACH_CHECK_NAME } from "../coach/render/render-check-run.js";
import { renderCoachingReview } from "../coach/render/render-coaching-review.js";
import { renderNudge } from "../coach/render/render-nudge.js";
import { scorePullRequest } from "../coach/score-pull-request.js";
import { isStyleOnly, type ReviewScore, type ReviewState, type ScoredComment, scoreReview } from "../coach/score-review.js";
import type { MutedRule } from "../coach/build-muted-rules.js";
import { getRuleVersion } from "../coach/risk/rule-versions.js";
import { selectActedOnNudges } from "../coach/select-acted-on-nudges.js";
import { planReviewNudges } from "../coach/select-nudges.js";
import type { CommentClassification, Finding, RiskProfile } from "../coach/types.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { PullRequestPayload } from "../github/payloads.js";
import type { UseCaseContext } from "./use-case-context.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { buildNudgePolicy } from "../repo-config/build-nudge-policy.js";
import { renderConfigProblems } from "../repo-config/render-config-problems.js";
import { findCheckRunId, insertNudgesForWrite, isCoachingOptedOut, listNudges, markNudgesActedOn, type NudgeRecord, saveCheckRunIdForWrite } from "../store/nudges.js";
import { findGitHubWrite, markGitHubWriteStarted } from "../store/github-writes.js";
import type { Store } from "../store/open-store.js";
import { type CommentRecord, listReviews, savePullRequestScore, saveReview, saveReviewScore, type StoredReview } from "../store/reviews.js";
import { classifyReviewComments } from "./classify-review-comments.js";
import { ensureRiskProfile } from "./ensure-risk-profile.js";
import { getMutedRules } from "./get-muted-rules.js";
import { getRepositoryScore } from "./get-repository-score.js";
import { recordPullRequest } from "./record-pull-request.js";
import { GitHubUnprocessableError } from "../github/to-github-error.js";

export interface ReviewEvent {
  repo: RepoRef;
  installationId: number;
  repositoryId: number;
  pullRequest: PullRequestPayload;
  review: { id: number; reviewerLogin: string; reviewerId: number; state: string; body: string; commitId: string | null; submittedAt: string; htmlUrl: string | null };
}

/**
 * Flow 2 (DESIGN.md): a review was submitted. Read it against the PR's risk profile, score it, store
 * everything, and coach the reviewer as the repository's mode says. GitHub calls in the common case:
 * the review's comments, one COMMENT review for all nudges, one check-run write.
 */
export async function coachReview(ctx: UseCaseContext, event: ReviewEvent, loaded: LoadedRepoConfig): Promise<void> {
  const { github, store, log } = ctx;
  const now = ctx.now();
  const { config } = loaded;
  if (config.mode === "off") return;

  // 1. The PR and its risk profile (fetched once per head SHA).
  const pr = event.pullRequest;
  await recordPullRequest(store, pr, event, now);
  const { profile } = await ensureRiskProfile(github, store, { repo: event.repo, pullRequestId: pr.id, number: pr.number, headSha: pr.head.sha }, config, now, { log });

  // 2. The review's comments, classified, and the review stored.
  const comments = await github.listReviewComments(event.repo, pr.number, event.review.id);
  const records = classifyReviewComments(comments, {
    installationId: event.installationId,
    repositoryId: event.repositoryId,
    pullRequestId: pr.id,
    reviewId: event.review.id,
    reviewerLogin: event.review.reviewerLogin,
  });
  const bodyClassification = classifyComment(event.review.body);
  await saveReview(
    store,
    { ...event.review, state: toReviewState(event.review.state), commitSha: event.review.commitId, installationId: event.installationId, repositoryId: event.repositoryId, pullRequestId: pr.id },
    bodyClassification,
    records,
    now,
  );

  // 3. Scores: this review, and the PR as the union of its reviews.
  const reviewScore = scoreOne(event.review.state, event.review.body, bodyClassification, records, profile, pr, loaded);
  await saveReviewScore(store, event.review.id, reviewScore, now);
  const reviews = await listReviews(store, pr.id);
  const prScore = await rescoreAndSavePullRequest(store, reviews, pr, profile, loaded, now);

  // 4. Effectiveness of earlier nudges to this reviewer.
  await recordActedOnNudges(store, pr.id, reviews, event.review, bodyClassification, records, now);

  // 5. Coaching, by mode, leaving out the rules this repository (or its org) has muted.
  const mutedRules = await getMutedRules(store, event, config, now);
  if (mutedRules.length > 0) log.info({ mutedRules: mutedRules.map((m) => `${m.rule} (${m.scope})`) }, "rules muted by learning");
  const optedOut = await isCoachingOptedOut(store, event.repositoryId, event.review.reviewerLogin);
  if (optedOut) log.info({ reviewer: event.review.reviewerLogin }, "reviewer opted out of nudges: summary only");
  if (!optedOut && (config.mode === "nudge" || config.mode === "shadow")) {
    await nudgeReviewer(ctx, event, profile, reviewScore, prScore, records, loaded, mutedRules);
  }
  if (config.mode === "nudge" || config.mode === "summary") {
    await writeCoachCheckRun({ github, store, event, profile, prScore, latestReview: { reviewerLogin: event.review.reviewerLogin, score: reviewScore }, loaded, now, mutedRules });
  }
}

export function scoreOne(
  state: string,
  body: string,
  bodyClassification: CommentClassification,
  comments: readonly CommentRecord[],
  profile: RiskProfile,
  pr: PullRequestPayload,
  loaded: LoadedRepoConfig,
): ReviewScore {
  return scoreReview(
    {
      review: { state: toReviewState(state), body, bodyClassification },
      comments: comments.map(toScoredComment),
      riskProfile: profile,
      pullRequest: pullRequestFacts(profile),
    },
    { weights: loaded.config.scoring.weights },
  );
}

/** A stored comment as the scorer reads it. */
export function toScoredComment(c: CommentRecord): ScoredComment {
  return { id: c.id, path: c.path ?? undefined, line: c.line, classification: c.classification, text: c.body };
}

/** Size facts from the diff itself: review webhooks' PR objects do not carry them. */
export function pullRequestFacts(profile: RiskProfile) {
  return { additions: profile.stats.additions, deletions: profile.stats.deletions, changedFiles: profile.stats.files };
}

/** Scores the PR from every counted review (not the author's own, not bots', not dismissed) and saves the score. */
export async function rescoreAndSavePullRequest(
  store: Store,
  reviews: StoredReview[],
  pr: PullRequestPayload,
  profile: RiskProfile,
  loaded: LoadedRepoConfig,
  now: Date,
): Promise<ReviewScore | null> {
  const counted = reviews.filter((r) => countsAsReview(r, pr.user.login));
  const prScore =
    counted.length === 0
      ? null
      : scorePullRequest(
          {
            reviews: counted.map((r) => ({
              review: { state: toReviewState(r.state), body: r.body, bodyClassification: r.bodyClassification },
              comments: r.comments.map(toScoredComment),
            })),
            riskProfile: profile,
            pullRequest: pullRequestFacts(profile),
          },
          { weights: loaded.config.scoring.weights },
        );
  const firstReviewedAt = counted.map((r) => r.submittedAt).sort()[0] ?? null;
  await savePullRequestScore(store, pr.id, prScore?.score ?? null, firstReviewedAt, now);
  return prScore;
}

async function recordActedOnNudges(
  store: Store,
  pullRequestId: number,
  reviews: readonly StoredReview[],
  review: ReviewEvent["review"],
  bodyClassification: CommentClassification,
  comments: readonly CommentRecord[],
  now: Date,
): Promise<void> {
  const coachedStates = new Map(reviews.map((r) => [r.id, r.state]));
  const state = toReviewState(review.state);
  const actedOn = selectActedOnNudges(await listNudges(store, pullRequestId), {
    reviewerLogin: review.reviewerLogin,
    concerns: [...bodyClassification.concerns, ...comments.flatMap((c) => c.classification.concerns)],
    reviewId: review.id,
    // A changed verdict (approving after changes were requested, say) answers the nudges of the earlier review.
    addresses: (n) => toReviewState(coachedStates.get(n.review_id) ?? state) !== state,
  });
  await markNudgesActedOn(store, actedOn.map((n) => n.id), now);
}

async function nudgeReviewer(
  ctx: UseCaseContext,
  event: ReviewEvent,
  profile: RiskProfile,
  reviewScore: ReviewScore,
  prScore: ReviewScore | null,
  records: readonly CommentRecord[],
  loaded: LoadedRepoConfig,
  mutedRules: readonly MutedRule[],
): Promise<void> {
  const { github, store, log } = ctx;
  const { config } = loaded;
  const pr = event.pullRequest;
  const writeKey = `coaching-review:${pr.id}:${event.review.id}`;
  const earlier = await findGitHubWrite(store, writeKey);
  if (earlier?.status === "done") {
    log.info({ githubReviewId: earlier.githubId }, "this review was coached by an earlier attempt: nothing to post");
    return;
  }
  const history = await listNudges(store, pr.id);
  const selection = planReviewNudges({
    ...buildNudgePolicy(config),
    findings: profile.findings,
    addressed: new Set(prScore?.addressed ?? reviewScore.addressed),
    history: history.map((h) => ({ fingerprint: h.fingerprint, status: h.status })),
    pins: config.rules,
    muted: new Set(mutedRules.map((m) => m.rule)),
    flags: reviewScore.flags,
  });
  const { listed } = selection;
  if (selection.inline.length === 0 && listed.length === 0) return;

  const view = {
    reviewerLogin: event.review.reviewerLogin,
    flags: reviewScore.flags,
    styleComments: records.filter((c) => isStyleOnly(c.classification)).length,
    inline: selection.inline,
    listed,
  };
  const nudgeRecord = (finding: Finding, status: NudgeRecord["status"], githubReviewId: number | null): NudgeRecord => ({
    installationId: event.installationId,
    repositoryId: event.repositoryId,
    pullRequestId: pr.id,
    reviewId: event.review.id,
    reviewerLogin: event.review.reviewerLogin,
    concern: finding.concern,
    path: finding.path,
    line: finding.line,
    fingerprint: finding.fingerprint,
    severity: finding.severity,
    mode: config.mode,
    status,
    githubReviewId,
    body: renderNudge(finding, event.review.reviewerLogin),
    rule: finding.rule,
    ruleVersion: getRuleVersion(finding.rule),
  });

  // The coaching review is written once per review, even when the job is retried: progress is marked
  // before the post, and the post carries a hidden marker an attempt that crashed can be found by.
  const rows = (variant: CoachingVariant, githubReviewId: number | null) =>
    variant === "inline"
      ? [...selection.inline.map((f) => nudgeRecord(f, "sent", githubReviewId)), ...listed.map((f) => nudgeRecord(f, "listed", githubReviewId))]
      : [...selection.inline, ...listed].map((f) => nudgeRecord(f, variant, githubReviewId));
  const record = (variant: CoachingVariant, githubReviewId: number | null) =>
    insertNudgesForWrite(store, rows(variant, githubReviewId), { key: writeKey, installationId: event.installationId, githubId: githubReviewId }, ctx.now());

  if (config.mode === "shadow") {
    await record("shadow", null);
    log.info({ wouldNudge: selection.inline.length + listed.length }, "shadow mode: recorded the nudges that would have been posted");
    return;
  }

  const marker = renderCoachingReviewMarker(event.review.id);
  if (earlier) {
    const found = await github.findReviewWithMarker(event.repo, pr.number, marker);
    if (found) {
      await record(earlier.variant === "listed" ? "listed" : "inline", found.id);
      log.info({ githubReviewId: found.id }, "an earlier attempt had posted the coaching review: recorded it, not posted again");
      return;
    }
  }
  const body = `${renderCoachingReview(view) ?? ""}\n\n${marker}`;
  try {
    await markGitHubWriteStarted(store, writeKey, event.installationId, "inline", ctx.now());
    const posted = await github.createCommentReview(event.repo, pr.number, {
      commitId: pr.head.sha,
      body,
      comments: selection.inline.map((f) => ({ path: f.path, line: f.line!, body: renderNudge(f, event.review.reviewerLogin) })),
    });
    await record("inline", posted.id);
    log.info({ nudges: selection.inline.length, listed: listed.length, githubReviewId: posted.id }, "coached the reviewer");
  } catch (error) {
    if (!(error instanceof GitHubUnprocessableError) || selection.inline.length === 0) throw error;
    // GitHub refused a line (outside the diff it knows): list the findings in the review body instead.
    log.warn({ err: error }, "GitHub refused an inline nudge's line; listing the findings in the review body");
    const fallback = renderCoachingReview({ ...view, inline: [], listed: [...selection.inline, ...view.listed] });
    await markGitHubWriteStarted(store, writeKey, event.installationId, "listed", ctx.now());
    const posted = await github.createCommentReview(event.repo, pr.number, { commitId: pr.head.sha, body: `${fallback ?? ""}\n\n${marker}`, comments: [] });
    await record("listed", posted.id);
  }
}

type CoachingVariant = "inline" | "listed" | "shadow";

/** The hidden line in the app's coaching review that ties it to the review it coaches. */
export function renderCoachingReviewMarker(reviewId: number): string {
  return `<!-- review-coach:coaching-review ${reviewId} -->`;
}

export interface CoachCheckRunInput {
  github: GitHubClient;
  store: Store;
  event: Pick<ReviewEvent, "repo" | "installationId" | "repositoryId" | "pullRequest">;
  profile: RiskProfile;
  prScore: ReviewScore | null;
  /** The review that prompted the check run, with its score; null for a new head. */
  latestReview: { reviewerLogin: string; score: ReviewScore } | null;
  loaded: LoadedRepoConfig;
  now: Date;
  /** The rules muted for the repository, when the caller has read them already. */
  mutedRules?: readonly MutedRule[] | undefined;
}

/** Creates or updates, in place, the review-coach check run on the PR's head. */
export async function writeCoachCheckRun(input: CoachCheckRunInput): Promise<void> {
  const { github, store, event, profile, prScore, latestReview, loaded, now, mutedRules } = input;
  const { config } = loaded;
  const pr = event.pullRequest;
  const rendering = renderCheckRun({
    mutedRules: mutedRules ?? (await getMutedRules(store, event, config, now)),
    pullRequestScore: prScore,
    latestReview,
    riskProfile: profile,
    repositoryScore: await getRepositoryScore(store, event.repositoryId, now, config.score.windowDays),
    publicScores: config.privacy.publicScores,
    gate: config.gate,
    configProblems: loaded.problems.length ? renderConfigProblems(loaded.problems) : null,
    mode: config.mode === "summary" ? "summary" : "nudge",
  });
  // Keyed by external_id: an attempt that created the check run but crashed before storing its id has
  // marked the write started, so the retry finds that check run and updates it in place.
  const externalId = `review-coach:${pr.id}:${pr.head.sha}`;
  const writeKey = `check-run:${externalId}:${COACH_CHECK_NAME}`;
  const storedId = await findCheckRunId(store, pr.id, pr.head.sha, COACH_CHECK_NAME);
  let existingId = storedId;
  if (existingId === undefined && (await findGitHubWrite(store, writeKey))) {
    existingId = await github.findCheckRunByExternalId(event.repo, pr.head.sha, COACH_CHECK_NAME, externalId);
  }
  if (existingId === undefined) await markGitHubWriteStarted(store, writeKey, event.installationId, null, now);
  const id = await github.writeCheckRun({
    ...event.repo,
    name: COACH_CHECK_NAME,
    headSha: pr.head.sha,
    conclusion: rendering.conclusion,
    output: { title: rendering.title, summary: rendering.summary },
    externalId,
    existingId,
  });
  if (id === storedId) return;
  await saveCheckRunIdForWrite(store, { pullRequestId: pr.id, headSha: pr.head.sha, name: COACH_CHECK_NAME }, { key: writeKey, installationId: event.installationId, githubId: id }, now);
}

export function toReviewState(state: string): ReviewState {
  const upper = state.toUpperCase();
  if (upper === "APPROVED" || upper === "CHANGES_REQUESTED" || upper === "DISMISSED") return upper;
  return "COMMENTED";
}
