import { installationRepositoriesEventSchema } from "../github/payloads.js";
import { recordInstallationRepositories } from "../use-cases/record-installation.js";
import type { WebhookHandler } from "./handler-context.js";

/** installation_repositories: follow repositories added to or removed from the installation. */
export const handleInstallationRepositories: WebhookHandler = async (ctx) => {
  const event = installationRepositoriesEventSchema.parse(ctx.payload);
  await recordInstallationRepositories({ ctx, installation: event.installation, added: event.repositories_added, removed: event.repositories_removed });
};
