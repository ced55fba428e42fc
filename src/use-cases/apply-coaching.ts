import { GitHubUnprocessableError } from "../github/to-github-error.js";
import type { NudgeRecord } from "../coach/coaching-records.js";
import type { CoachingPlan } from "../coach/plan-coaching.js";
import { buildNudgeRecords, type CoachingReviewPlan, type CoachingVariant, renderCoachingReviewMarker } from "../coach/plan-coaching-review.js";
import { markGitHubWriteStarted } from "../store/github-writes.js";
import { type AppliedGitHubWrite, insertNudgesForWrite, markNudgesActedOn, saveCheckRunIdForWrite } from "../store/nudges.js";
import { updatePullRequestRisk } from "../store/risk-profiles.js";
import { savePullRequestScore, saveReview, saveReviewScore } from "../store/reviews.js";
import { withTransaction } from "../store/with-transaction.js";
import type { ReviewEvent } from "./coach-review.js";
import { coachingReviewWriteKey, type EarlierWrites } from "./read-coaching-input.js";
import { recordPullRequest } from "./record-pull-request.js";
import type { UseCaseContext } from "./use-case-context.js";
import { type CheckRunWrite, upsertCoachCheckRun } from "./write-coach-check-run.js";

export interface ApplyCoachingInput {
  ctx: UseCaseContext;
  event: ReviewEvent;
  plan: CoachingPlan;
  earlier: EarlierWrites;
  mode: "nudge" | "summary" | "shadow";
  now: Date;
}

/** The nudges of a coaching review to record with its write. */
interface NudgesWrite {
  nudges: NudgeRecord[];
  write: AppliedGitHubWrite;
}

/**
 * Flow 2's apply step: at most one coaching review and one check-run write on GitHub, then everything
 * stored in one transaction. When a GitHub write fails, what came before it is still stored (the review,
 * its scores, a coaching review that went out) and the error goes on to the job's retry.
 */
export async function applyCoaching(input: ApplyCoachingInput): Promise<void> {
  const { ctx, event, plan, earlier, now } = input;
  const pr = event.pullRequest;
  let nudges: NudgesWrite | null = null;
  let checkRun: CheckRunWrite | null = null;
  let failure: { error: unknown } | null = null;
  try {
    if (plan.coachingReview) nudges = await upsertCoachingReview(input, plan.coachingReview);
    if (plan.checkRun) {
      const target = { repo: event.repo, installationId: event.installationId, pullRequestId: pr.id, headSha: pr.head.sha };
      checkRun = await upsertCoachCheckRun({ github: ctx.github, store: ctx.store, target, state: earlier.checkRun, rendering: plan.checkRun, now });
    }
  } catch (error) {
    failure = { error };
  }

  try {
    await storeCoaching(input, nudges, checkRun);
  } catch (error) {
    // Both failed: the store's error goes on to the retry, the GitHub one is logged rather than lost.
    if (failure) ctx.log.warn({ err: failure.error }, "a GitHub write had failed before the store's");
    throw error;
  }
  if (failure) throw failure.error;
}

/** The review, its scores, the acted-on nudges and what went out on GitHub, stored in one transaction. */
async function storeCoaching(input: ApplyCoachingInput, nudges: NudgesWrite | null, checkRun: CheckRunWrite | null): Promise<void> {
  const { ctx, event, plan, now } = input;
  const pr = event.pullRequest;
  await withTransaction(ctx.store, async (tx) => {
    await recordPullRequest({ store: tx, pr, ids: event, now });
    if (plan.pullRequestRisk) await updatePullRequestRisk(tx, { pullRequestId: pr.id, headSha: pr.head.sha, level: plan.pullRequestRisk.level, riskWeight: plan.pullRequestRisk.weight }, now);
    const { review } = event;
    const record = { ...review, state: plan.review.state, commitSha: review.commitId, installationId: event.installationId, repositoryId: event.repositoryId, pullRequestId: pr.id };
    await saveReview(tx, record, plan.review.bodyClassification, plan.review.comments, now);
    await saveReviewScore(tx, review.id, plan.review.score, now);
    await savePullRequestScore(tx, pr.id, plan.pullRequestScore?.score ?? null, plan.firstReviewedAt, now);
    await markNudgesActedOn(tx, plan.actedOnNudgeIds, now);
    if (nudges) await insertNudgesForWrite(tx, nudges.nudges, nudges.write, ctx.now());
    if (checkRun) await saveCheckRunIdForWrite(tx, checkRun.checkRun, checkRun.write, now);
  });
}

/**
 * Posts the coaching review once per review, even when the job is retried: progress is marked before
 * the post, and the post carries a hidden marker an attempt that crashed can be found by. Returns the
 * nudges to record (shadow mode records them without posting), or null when an earlier attempt did.
 */
async function upsertCoachingReview(input: ApplyCoachingInput, plan: CoachingReviewPlan): Promise<NudgesWrite | null> {
  const { ctx, event, earlier, mode } = input;
  const { github, store, log } = ctx;
  const pr = event.pullRequest;
  const key = coachingReviewWriteKey(pr.id, event.review.id);
  if (earlier.coachingReview?.status === "done") {
    log.info({ githubReviewId: earlier.coachingReview.githubId }, "this review was coached by an earlier attempt: nothing to post");
    return null;
  }
  const recorded = (variant: CoachingVariant, githubReviewId: number | null): NudgesWrite => ({
    nudges: buildNudgeRecords(plan, variant, githubReviewId),
    write: { key, installationId: event.installationId, githubId: githubReviewId },
  });
  const inline = plan.comments.length;
  if (mode === "shadow") {
    log.info({ wouldNudge: plan.nudges.length }, "shadow mode: recorded the nudges that would have been posted");
    return recorded("shadow", null);
  }
  if (earlier.coachingReview) {
    const found = await github.findReviewWithMarker(event.repo, pr.number, renderCoachingReviewMarker(event.review.id));
    if (found) {
      log.info({ githubReviewId: found.id }, "an earlier attempt had posted the coaching review: recorded it, not posted again");
      return recorded(earlier.coachingReview.variant === "listed" ? "listed" : "inline", found.id);
    }
  }
  try {
    await markGitHubWriteStarted(store, key, event.installationId, "inline", ctx.now());
    const posted = await github.createCommentReview(event.repo, pr.number, { commitId: pr.head.sha, body: plan.body, comments: plan.comments });
    log.info({ nudges: inline, listed: plan.nudges.length - inline, githubReviewId: posted.id }, "coached the reviewer");
    return recorded("inline", posted.id);
  } catch (error) {
    if (!(error instanceof GitHubUnprocessableError) || inline === 0) throw error;
    // GitHub refused a line (outside the diff it knows): list the findings in the review body instead.
    log.warn({ err: error }, "GitHub refused an inline nudge's line; listing the findings in the review body");
    await markGitHubWriteStarted(store, key, event.installationId, "listed", ctx.now());
    const posted = await github.createCommentReview(event.repo, pr.number, { commitId: pr.head.sha, body: plan.listedBody, comments: [] });
    return recorded("listed", posted.id);
  }
}
