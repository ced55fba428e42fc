import { planCoaching } from "../coach/plan-coaching.js";
import type { RepoRef } from "../github/github-client.js";
import type { PullRequestPayload } from "../github/payloads.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { applyCoaching } from "./apply-coaching.js";
import { ensureRiskProfile } from "./ensure-risk-profile.js";
import { readCoachingInput } from "./read-coaching-input.js";
import type { UseCaseContext } from "./use-case-context.js";

export interface ReviewEvent {
  repo: RepoRef;
  installationId: number;
  repositoryId: number;
  pullRequest: PullRequestPayload;
  review: { id: number; reviewerLogin: string; reviewerId: number; state: string; body: string; commitId: string | null; submittedAt: string; htmlUrl: string | null };
}

/** A review event and the repository's config, for the use cases of flow 2. */
export interface ReviewEventInput {
  ctx: UseCaseContext;
  event: ReviewEvent;
  loaded: LoadedRepoConfig;
}

/**
 * Flow 2 (DESIGN.md): a review was submitted. Ensure the head's risk profile (built and stored once per
 * head, as for the pull_request events), read once (the review's comments, what is stored), plan in the
 * domain (scores, acted-on nudges, the coaching review, the check run), apply once (one review, one check
 * run, one transaction). GitHub calls in the common case: the review's comments, one COMMENT review for
 * all nudges, one check-run write.
 */
export async function coachReview({ ctx, event, loaded }: ReviewEventInput): Promise<void> {
  const { mode } = loaded.config;
  if (mode === "off") return;
  const now = ctx.now();
  const pr = event.pullRequest;
  const head = await ensureRiskProfile({
    github: ctx.github,
    store: ctx.store,
    head: { repo: event.repo, pullRequestId: pr.id, number: pr.number, headSha: pr.head.sha },
    config: loaded.config,
    now,
    log: ctx.log,
  });
  const { input, earlier } = await readCoachingInput({ ctx, event, loaded, mode, head, now });
  const plan = planCoaching(input);
  if (plan.mutedRules.length > 0) ctx.log.info({ mutedRules: plan.mutedRules.map((m) => `${m.rule} (${m.scope})`) }, "rules muted by learning");
  if (input.optedOut) ctx.log.info({ reviewer: event.review.reviewerLogin }, "reviewer opted out of nudges: summary only");
  await applyCoaching({ ctx, event, plan, earlier, mode, now });
}
