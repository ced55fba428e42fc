import { refreshScoreSnapshots } from "../digest/record-score-snapshot.js";
import type { z } from "zod";
import type { pullRequestEventSchema } from "../github/payloads.js";
import { markReviewRequested } from "../store/pull-requests.js";
import { listReviews } from "../store/reviews.js";
import { markNudgesIgnored } from "../store/rule-learning.js";
import { checkConfigChange } from "./check-config-change.js";
import { ensureRiskProfile } from "./ensure-risk-profile.js";
import { pollNudgeReactions } from "./poll-nudge-reactions.js";
import { recordPullRequest } from "./record-pull-request.js";
import { updatePullRequestScore } from "./update-pull-request-score.js";
import type { UseCaseContext } from "./use-case-context.js";
import { writeCoachCheckRun } from "./write-coach-check-run.js";

/** A `pull_request` webhook, as validated. */
export type PullRequestEvent = z.infer<typeof pullRequestEventSchema>;

const NEW_HEAD = new Set(["opened", "reopened", "synchronize", "ready_for_review"]);

/**
 * Flows 1 and 4 (DESIGN.md): keep the PR record current; on a new head build its risk profile and check
 * a changed review-coach config; on the next event and on close, read reactions on its nudges.
 */
export async function followPullRequest({ ctx, event }: { ctx: UseCaseContext; event: PullRequestEvent }): Promise<void> {
  const { github, store, log } = ctx;
  const pr = event.pull_request;
  const repo = { owner: event.repository.owner.login, repo: event.repository.name };
  const ids = { installationId: event.installation.id, repositoryId: event.repository.id };
  const now = ctx.now();
  await recordPullRequest({ store, pr, ids, now });
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
        checkConfigChange({ github, change: { repo, headRepo: { owner: headOwner ?? repo.owner, repo: headName ?? repo.repo }, headSha: pr.head.sha, changedPaths: files.map((f) => f.filename) }, log });
      const { profile } = await ensureRiskProfile({ github, store, head: { repo, pullRequestId: pr.id, number: pr.number, headSha: pr.head.sha }, config, now, log, beforeSave: checkConfig });
      log.info({ risk: profile.level, findings: profile.findings.length }, "risk profile ready");
      // With the merge gate on, every head gets the check at once, so branch protection can wait on it.
      if (config.gate.enabled && (config.mode === "nudge" || config.mode === "summary")) {
        const prScore = await updatePullRequestScore({ store, reviews: await listReviews(store, pr.id), pullRequest: pr, profile, weights: config.scoring.weights, now });
        await writeCoachCheckRun({ github, store, event: { repo, ...ids, pullRequest: pr }, profile, prScore, latestReview: null, loaded, now });
      }
    }
  }
  if (event.action === "synchronize" || event.action === "closed") {
    await pollNudgeReactions({ github, store, repo, pullRequestId: pr.id, log, now });
  }
  // What nobody answered by the time the PR closed was ignored (it counts against its rule's usefulness).
  if (event.action === "closed") {
    const ignored = await markNudgesIgnored(store, pr.id, now);
    if (ignored > 0) log.info({ ignored }, "nudges left unanswered on a closed pull request: ignored");
  }
}
