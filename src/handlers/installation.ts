import { installationEventSchema } from "../github/payloads.js";
import { recordInstallation } from "../use-cases/record-installation.js";
import type { WebhookHandler } from "./handler-context.js";

/** installation: remember who installed the app and where; forget everything when it is uninstalled. */
export const handleInstallation: WebhookHandler = async (ctx) => {
  const event = installationEventSchema.parse(ctx.payload);
  await recordInstallation({ ctx, action: event.action, installation: event.installation, repositories: event.repositories });
};
