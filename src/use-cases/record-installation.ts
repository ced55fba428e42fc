import type { InstallationPayload } from "../github/payloads.js";
import type { Logger } from "../log.js";
import type { JobToEnqueue } from "../store/job-queue.js";
import {
  deleteInstallationData,
  deleteRepositories,
  type InstallationRecord,
  upsertInstallation,
  upsertRepositories,
} from "../store/installations.js";
import type { Store } from "../store/open-store.js";

export interface InstallationContext {
  store: Store;
  log: Logger;
  now: () => Date;
  /** Queues follow-up work (the backfills); a job id that exists already is a no-op. */
  enqueue: (job: JobToEnqueue) => Promise<boolean>;
}

interface RepositoryPayload {
  id: number;
  full_name: string;
  private: boolean;
}

/** Remembers who installed the app and where, backfilling new repositories; forgets everything on uninstall. */
export async function recordInstallation(input: {
  ctx: InstallationContext;
  action: string;
  installation: InstallationPayload;
  repositories: RepositoryPayload[] | undefined;
}): Promise<void> {
  const { ctx, action, installation, repositories } = input;
  if (action === "deleted") {
    await deleteInstallationData(ctx.store, installation.id);
    ctx.log.info("installation deleted: everything stored for it was deleted");
    return;
  }
  await upsertInstallation(ctx.store, toInstallationRecord(installation), ctx.now());
  if (repositories) {
    await upsertRepositories(ctx.store, repositories.map((r) => toRepositoryRecord(installation.id, r)), ctx.now());
    if (action === "created") await queueBackfills(ctx.enqueue, installation.id, repositories);
  }
  ctx.log.info({ action, repositories: repositories?.length }, "installation recorded");
}

/** Follows repositories added to or removed from the installation, backfilling the added ones. */
export async function recordInstallationRepositories(input: {
  ctx: InstallationContext;
  installation: InstallationPayload;
  added: RepositoryPayload[];
  removed: Array<{ id: number }>;
}): Promise<void> {
  const { ctx, installation, added, removed } = input;
  await upsertInstallation(ctx.store, toInstallationRecord(installation), ctx.now());
  await upsertRepositories(ctx.store, added.map((r) => toRepositoryRecord(installation.id, r)), ctx.now());
  await queueBackfills(ctx.enqueue, installation.id, added);
  await deleteRepositories(
    ctx.store,
    removed.map((r) => r.id),
  );
  ctx.log.info({ added: added.length, removed: removed.length }, "installation repositories updated");
}

/** Flow 5: the last weeks of history for each new repository, so the first digest has data. */
async function queueBackfills(enqueue: InstallationContext["enqueue"], installationId: number, repositories: Array<{ id: number; full_name: string }>): Promise<void> {
  for (const repository of repositories) {
    await enqueue({ id: `backfill:${repository.id}`, kind: "backfill", installationId, payload: { installationId, repositoryId: repository.id, fullName: repository.full_name } });
  }
}

function toRepositoryRecord(installationId: number, repository: RepositoryPayload) {
  return { id: repository.id, installationId, fullName: repository.full_name, private: repository.private };
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
