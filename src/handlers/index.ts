import type { WebhookHandler } from "./handler-context.js";
import { handleInstallation, handleInstallationRepositories } from "./installation.js";
import { handlePullRequest } from "./pull-request.js";

/** Event name → handler. Deliveries of other events are recorded and acknowledged, not queued. */
export const webhookHandlers: Readonly<Record<string, WebhookHandler>> = {
  installation: handleInstallation,
  installation_repositories: handleInstallationRepositories,
  pull_request: handlePullRequest,
};
