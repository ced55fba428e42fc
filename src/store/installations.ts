import type { Store } from "./open-store.js";

export interface InstallationRecord {
  id: number;
  accountLogin: string;
  accountType: string;
  repositorySelection: string;
  suspendedAt: string | null;
}

export interface RepositoryRecord {
  id: number;
  installationId: number;
  fullName: string;
  private: boolean;
  defaultBranch?: string | null;
}

export async function upsertInstallation(store: Store, installation: InstallationRecord, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.db
    .insertInto("installations")
    .values({
      id: installation.id,
      account_login: installation.accountLogin,
      account_type: installation.accountType,
      repository_selection: installation.repositorySelection,
      suspended_at: installation.suspendedAt,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        account_login: installation.accountLogin,
        account_type: installation.accountType,
        repository_selection: installation.repositorySelection,
        suspended_at: installation.suspendedAt,
        updated_at: at,
      }),
    )
    .execute();
}

export async function upsertRepositories(store: Store, repositories: RepositoryRecord[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const repository of repositories) {
    const [owner = "", name = ""] = repository.fullName.split("/");
    await store.db
      .insertInto("repositories")
      .values({
        id: repository.id,
        installation_id: repository.installationId,
        owner,
        name,
        full_name: repository.fullName,
        private: repository.private ? 1 : 0,
        default_branch: repository.defaultBranch ?? null,
        backfill_state: null,
        config: null,
        config_loaded_at: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({
          installation_id: repository.installationId,
          owner,
          name,
          full_name: repository.fullName,
          private: repository.private ? 1 : 0,
          ...(repository.defaultBranch ? { default_branch: repository.defaultBranch } : {}),
          updated_at: at,
        }),
      )
      .execute();
  }
}

/** Forgets repositories removed from an installation, with everything stored about them. */
export async function deleteRepositories(store: Store, repositoryIds: number[]): Promise<void> {
  if (repositoryIds.length === 0) return;
  await store.db.transaction().execute(async (trx) => {
    const prs = trx.selectFrom("pull_requests").select("id").where("repository_id", "in", repositoryIds);
    await trx.deleteFrom("risk_profiles").where("pull_request_id", "in", prs).execute();
    await trx.deleteFrom("check_runs").where("pull_request_id", "in", prs).execute();
    for (const table of ["nudges", "review_comments", "reviews", "pull_requests", "reviewer_settings", "repo_score_snapshots"] as const) {
      await trx.deleteFrom(table).where("repository_id", "in", repositoryIds).execute();
    }
    await trx.deleteFrom("repositories").where("id", "in", repositoryIds).execute();
  });
}

/** Installation deleted: delete everything stored for it. */
export async function deleteInstallationData(store: Store, installationId: number): Promise<void> {
  const repositoryIds = (
    await store.db.selectFrom("repositories").select("id").where("installation_id", "=", installationId).execute()
  ).map((r) => r.id);
  await deleteRepositories(store, repositoryIds);
  await store.db.transaction().execute(async (trx) => {
    const deliveries = trx.selectFrom("deliveries").select("id").where("installation_id", "=", installationId);
    // Stored webhook payloads are data too; the job deleting them is the one still running.
    await trx.deleteFrom("jobs").where("id", "in", deliveries).where("status", "!=", "running").execute();
    for (const table of ["nudges", "review_comments", "reviews", "pull_requests", "digests", "deliveries", "check_runs", "github_writes"] as const) {
      await trx.deleteFrom(table).where("installation_id", "=", installationId).execute();
    }
    await trx.deleteFrom("installations").where("id", "=", installationId).execute();
  });
}
