import { refreshScoreSnapshots } from "../digest/record-score-snapshot.js";
import { pullRequestEventSchema } from "../github/payloads.js";
import { markReviewRequested } from "../store/pull-requests.js";
import { markNudgesIgnored } from "../store/rule-learning.js";
import { listReviews } from "../store/reviews.js";
import { checkConfigChange } from "../use-cases/check-config-change.js";
import { rescoreAndSavePullRequest, writeCoachCheckRun } from "../use-cases/coach-review.js";
import { ensureRiskProfile } from "../use-cases/ensure-risk-profile.js";
import { pollNudgeReactions } from "../use-cases/poll-nudge-reactions.js";
import { recordPullRequest } from "../use-cases/record-pull-request.js";
import type { WebhookHandler } from "./handler-context.js";

const NEW_HEAD = new Set(["opened", "reopened", "synchronize", "ready_for_review"]);

/**
 * pull_request (flows 1 and 4): keep the PR record current; on a new head build its risk profile and
 * check a changed review-coach config; on the next event and on close, read reactions on its nudges.
 */
export const handlePullRequest: WebhookHandler = async (ctx) => {
  const { github, store, log } = ctx;
  const event = pullRequestEventSchema.parse(ctx.payload);
  const pr = event.pull_request;
  const repo = { owner: event.repository.owner.login, repo: event.repository.name };
  const ids = { installationId: event.installation.id, repositoryId: event.repository.id };
  const now = ctx.now();
  await recordPullRequest(store, pr, ids, now);
  // A merge that arrives late (a redelivery) changes the stored snapshots whose window holds it.
  if (event.action === "closed" && pr.merged_at) await refreshScoreSnapshots(store, ids.repositoryId, pr.merged_at, now, log);
  if (event.action === "review_requested") await markReviewRequested(store, pr.id, pr.updated_at ?? now.toISOString());
  if (event.action === "opened" && (pr.requested_reviewers?.length ?? 0) > 0) await markReviewRequested(store, pr.id, pr.created_at);

  if (NEW_HEAD.has(event.action)) {
    const loaded = await ctx.loadConfig(repo);
    const { config } = loaded;
    if (config.mode !== "off") {
      // The config check runs before the profile is stored, so a retry after a failure never skips it.
      const [headOwner, headName] = (pr.head.repo?.full_name ?? `${repo.owner}/${repo.repo}`).split("/");
      const checkConfig = (files: Array<{ filename: string }>) =>
        checkConfigChange(github, { repo, headRepo: { owner: headOwner ?? repo.owner, repo: headName ?? repo.repo }, headSha: pr.head.sha, changedPaths: files.map((f) => f.filename) }, log);
      const { profile } = await ensureRiskProfile(github, store, { repo, pullRequestId: pr.id, number: pr.number, headSha: pr.head.sha }, config, now, { log, beforeSave: checkConfig });
      log.info({ risk: profile.level, findings: profile.findings.length }, "risk profile ready");
      // With the merge gate on, every head gets the check at once, so branch protection can wait on it.
      if (config.gate.enabled && (config.mode === "nudge" || config.mode === "summary")) {
        const prScore = await rescoreAndSavePullRequest(store, await listReviews(store, pr.id), pr, profile, loaded, now);
        await writeCoachCheckRun({ github, store, event: { repo, ...ids, pullRequest: pr }, profile, prScore, latestReview: null, loaded, now });
      }
    }
  }
  if (event.action === "synchronize" || event.action === "closed") {
    await pollNudgeReactions(github, store, repo, pr.id, log, now);
  }
  // What nobody answered by the time the PR closed was ignored (it counts against its rule's usefulness).
  if (event.action === "closed") {
    const ignored = await markNudgesIgnored(store, pr.id, now);
    if (ignored > 0) log.info({ ignored }, "nudges left unanswered on a closed pull request: ignored");
  }
};
