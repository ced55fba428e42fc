import { pullRequestReviewThreadEventSchema } from "../github/payloads.js";
import { dismissResolvedNudges } from "../use-cases/dismiss-resolved-nudges.js";
import type { WebhookHandler } from "./handler-context.js";

/** pull_request_review_thread (flow 3): resolving a nudge's thread without a reply dismisses the nudge. */
export const handlePullRequestReviewThread: WebhookHandler = async (ctx) => {
  const event = pullRequestReviewThreadEventSchema.parse(ctx.payload);
  if (event.action !== "resolved") return;
  await dismissResolvedNudges({ ctx, pullRequestId: event.pull_request.id, comments: event.thread.comments });
};
