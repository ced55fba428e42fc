import type { Store } from "./open-store.js";
import type { InstallationRow } from "./tables.js";

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
    for (const table of ["nudges", "review_comments", "reviews", "pull_requests", "reviewer_settings", "repo_score_snapshots", "rule_resets"] as const) {
      await trx.deleteFrom(table).where("repository_id", "in", repositoryIds).execute();
    }
    await trx.deleteFrom("repositories").where("id", "in", repositoryIds).execute();
  });
}

/**
 * Installation deleted: delete every row keyed by it, including repositories that never got a row
 * (added after an "all repositories" install), their risk profiles, opt-outs and snapshots, and the
 * jobs whose natural keys name them.
 */
export async function deleteInstallationData(store: Store, installationId: number): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const repositoryIds = new Set<number>();
    for (const table of ["repositories", "pull_requests", "reviews", "review_comments", "nudges", "deliveries"] as const) {
      const column = table === "repositories" ? "id" : "repository_id";
      const rows = await trx.selectFrom(table).select(`${column} as id`).distinct().where("installation_id", "=", installationId).execute();
      for (const row of rows) if (row.id !== null) repositoryIds.add(Number(row.id));
    }
    const ids = [...repositoryIds];
    const prs = trx.selectFrom("pull_requests").select("id").where("installation_id", "=", installationId);
    await trx.deleteFrom("risk_profiles").where("pull_request_id", "in", prs).execute();
    if (ids.length > 0) {
      for (const table of ["reviewer_settings", "repo_score_snapshots"] as const) await trx.deleteFrom(table).where("repository_id", "in", ids).execute();
    }
    // Stored webhook payloads and natural-key jobs are data too; the job deleting them is the one still running.
    const deliveries = trx.selectFrom("deliveries").select("id").where("installation_id", "=", installationId);
    await trx
      .deleteFrom("jobs")
      .where("status", "!=", "running")
      .where((eb) =>
        eb.or([
          eb("id", "in", deliveries),
          // backfill and digest payloads start with their installation (see use-cases/record-installation, digest/schedule-digests)
          eb("payload", "like", `{"installationId":${installationId},%`),
          ...ids.flatMap((id) => [eb("id", "=", `backfill:${id}`), eb("id", "like", `snapshot:${id}:%`)]),
        ]),
      )
      .execute();
    for (const table of ["nudges", "review_comments", "reviews", "pull_requests", "digests", "deliveries", "check_runs", "repositories", "payload_digests", "github_writes", "rule_resets"] as const) {
      await trx.deleteFrom(table).where("installation_id", "=", installationId).execute();
    }
    await trx.deleteFrom("installations").where("id", "=", installationId).execute();
  });
}

/** An installation as the store keeps it. */
export interface Installation extends InstallationRecord {
  createdAt: string;
  updatedAt: string;
}

function toInstallation(row: InstallationRow): Installation {
  return {
    id: row.id,
    accountLogin: row.account_login,
    accountType: row.account_type,
    repositorySelection: row.repository_selection,
    suspendedAt: row.suspended_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findInstallation(store: Store, installationId: number): Promise<Installation | undefined> {
  const row = await store.db.selectFrom("installations").selectAll().where("id", "=", installationId).executeTakeFirst();
  return row && toInstallation(row);
}

export async function listInstallationsById(store: Store, installationIds: readonly number[]): Promise<Installation[]> {
  if (installationIds.length === 0) return [];
  return (await store.db.selectFrom("installations").selectAll().where("id", "in", installationIds).execute()).map(toInstallation);
}
