import { installationEventSchema, type InstallationPayload, installationRepositoriesEventSchema } from "../github/payloads.js";
import {
  deleteInstallationData,
  deleteRepositories,
  type InstallationRecord,
  upsertInstallation,
  upsertRepositories,
} from "../store/installations.js";
import type { HandlerContext, WebhookHandler } from "./handler-context.js";

/** installation: remember who installed the app and where; forget everything when it is uninstalled. */
export const handleInstallation: WebhookHandler = async ({ payload, store, log, now, enqueue }) => {
  const event = installationEventSchema.parse(payload);
  const { installation } = event;
  if (event.action === "deleted") {
    await deleteInstallationData(store, installation.id);
    log.info("installation deleted: everything stored for it was deleted");
    return;
  }
  await upsertInstallation(store, toInstallationRecord(installation), now());
  if (event.repositories) {
    await upsertRepositories(
      store,
      event.repositories.map((r) => ({ id: r.id, installationId: installation.id, fullName: r.full_name, private: r.private })),
      now(),
    );
    if (event.action === "created") await queueBackfills(enqueue, installation.id, event.repositories);
  }
  log.info({ action: event.action, repositories: event.repositories?.length }, "installation recorded");
};

/** installation_repositories: follow repositories added to or removed from the installation. */
export const handleInstallationRepositories: WebhookHandler = async ({ payload, store, log, now, enqueue }) => {
  const event = installationRepositoriesEventSchema.parse(payload);
  const { installation } = event;
  await upsertInstallation(store, toInstallationRecord(installation), now());
  await upsertRepositories(
    store,
    event.repositories_added.map((r) => ({ id: r.id, installationId: installation.id, fullName: r.full_name, private: r.private })),
    now(),
  );
  await queueBackfills(enqueue, installation.id, event.repositories_added);
  await deleteRepositories(
    store,
    event.repositories_removed.map((r) => r.id),
  );
  log.info({ added: event.repositories_added.length, removed: event.repositories_removed.length }, "installation repositories updated");
};

/** Flow 5: the last weeks of history for each new repository, so the first digest has data. */
async function queueBackfills(
  enqueue: HandlerContext["enqueue"],
  installationId: number,
  repositories: Array<{ id: number; full_name: string }>,
): Promise<void> {
  for (const repository of repositories) {
    await enqueue({ id: `backfill:${repository.id}`, kind: "backfill", installationId, payload: { installationId, repositoryId: repository.id, fullName: repository.full_name } });
  }
}

function toInstallationRecord(installation: InstallationPayload): InstallationRecord {
  return {
    id: installation.id,
    accountLogin: installation.account?.login ?? "",
    accountType: installation.account?.type ?? "",
    repositorySelection: installation.repository_selection,
    suspendedAt: installation.suspended_at ?? null,
  };
}
