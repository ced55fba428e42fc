import { pullRequestEventSchema } from "../github/payloads.js";
import { followPullRequest } from "../use-cases/follow-pull-request.js";
import type { WebhookHandler } from "./handler-context.js";

/**
 * pull_request (flows 1 and 4): keep the PR record current; on a new head build its risk profile and
 * check a changed review-coach config; on the next event and on close, read reactions on its nudges.
 */
export const handlePullRequest: WebhookHandler = async (ctx) => {
  const event = pullRequestEventSchema.parse(ctx.payload);
  await followPullRequest({ ctx, event });
};
