import { sql } from "kysely";
import { z } from "zod";
import { getDefaultConfig } from "../repo-config/default-config.js";
import { mergeConfig } from "../repo-config/merge-config.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { type RepoConfig, repoConfigSchema } from "../repo-config/schema.js";
import type { RepositoryRecord } from "./installations.js";
import type { Store } from "./open-store.js";
import type { RepositoryRow } from "./tables.js";

/** A repository as the store keeps it: what GitHub said, the backfill progress and the config in effect. */
export interface Repository extends Omit<RepositoryRecord, "defaultBranch"> {
  owner: string;
  name: string;
  defaultBranch: string | null;
  /** Backfill progress; null when no backfill has started (or the stored state is unreadable). */
  backfillState: BackfillState | null;
  /** The config in effect as last read from GitHub, or the defaults when it never was. */
  config: RepoConfig;
  /** The files that shaped it and their problems (the default file and none when it was never read). */
  configSources: LoadedRepoConfig["sources"];
  configProblems: LoadedRepoConfig["problems"];
  /** When it was read; null when it never was. */
  configLoadedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

function toRepository(row: RepositoryRow): Repository {
  const stored = readStoredConfig(row);
  return {
    id: row.id,
    installationId: row.installation_id,
    owner: row.owner,
    name: row.name,
    fullName: row.full_name,
    private: row.private === 1,
    defaultBranch: row.default_branch,
    backfillState: readBackfillState(row),
    config: stored.config,
    configSources: stored.sources,
    configProblems: stored.problems,
    configLoadedAt: stored.loadedAt,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listRepositories(store: Store, installationId?: number): Promise<Repository[]> {
  let query = store.db
    .selectFrom("repositories")
    .innerJoin("installations", "installations.id", "repositories.installation_id")
    .selectAll("repositories")
    .where("installations.suspended_at", "is", null);
  if (installationId !== undefined) query = query.where("repositories.installation_id", "=", installationId);
  return (await query.orderBy("repositories.full_name").execute()).map(toRepository);
}

export async function findRepository(store: Store, repositoryId: number): Promise<Repository | undefined> {
  const row = await store.db.selectFrom("repositories").selectAll().where("id", "=", repositoryId).executeTakeFirst();
  return row && toRepository(row);
}

/** The repository named owner/name, matched without regard to case; the latest updated when renames left several. */
export async function findRepositoryByNameIgnoringCase(store: Store, owner: string, name: string): Promise<Repository | undefined> {
  const row = await store.db
    .selectFrom("repositories")
    .selectAll()
    .where(sql<string>`lower(full_name)`, "=", `${owner}/${name}`.toLowerCase())
    .orderBy("updated_at", "desc")
    .executeTakeFirst();
  return row && toRepository(row);
}

export async function listRepositoriesById(store: Store, repositoryIds: readonly number[]): Promise<Repository[]> {
  if (repositoryIds.length === 0) return [];
  return (await store.db.selectFrom("repositories").selectAll().where("id", "in", repositoryIds).execute()).map(toRepository);
}

/** The installation's repositories by name, whatever the state of its installation row. */
export async function listInstallationRepositories(store: Store, installationId: number): Promise<Repository[]> {
  return (await store.db.selectFrom("repositories").selectAll().where("installation_id", "=", installationId).orderBy("full_name").execute()).map(toRepository);
}

/** Remembers the config in effect, the files that shaped it and their problems, written only when they changed. */
export async function saveRepositoryConfig(store: Store, repositoryId: number, loaded: LoadedRepoConfig, now: Date): Promise<void> {
  const config = JSON.stringify(loaded.config);
  const sources = JSON.stringify(loaded.sources);
  const problems = JSON.stringify(loaded.problems);
  await store.db
    .updateTable("repositories")
    .set({ config, config_sources: sources, config_problems: problems, config_loaded_at: now.toISOString() })
    .where("id", "=", repositoryId)
    .where((eb) =>
      eb.or([
        eb("config", "is", null),
        eb("config", "!=", config),
        eb("config_sources", "is", null),
        eb("config_sources", "!=", sources),
        eb("config_problems", "is", null),
        eb("config_problems", "!=", problems),
      ]),
    )
    .execute();
}

/** The stored config in effect, or the defaults when it was never read (or no longer matches the schema). */
function readRepositoryConfig(row: Pick<RepositoryRow, "config">): RepoConfig {
  if (!row.config) return getDefaultConfig();
  const parsed = repoConfigSchema.safeParse(mergeConfig(getDefaultConfig(), JSON.parse(row.config)));
  return parsed.success ? parsed.data : getDefaultConfig();
}

const storedSourcesSchema = z.array(z.string());
const storedProblemsSchema = z.array(z.object({ file: z.string(), key: z.string(), message: z.string(), line: z.number().optional() }));

/**
 * The config in effect as last read from GitHub, with its sources and problems; `loadedAt` null (and the
 * defaults) when it was never read.
 */
export function readStoredRepoConfig(repository: Pick<Repository, "config" | "configSources" | "configProblems" | "configLoadedAt">): StoredRepoConfig {
  return { config: repository.config, sources: repository.configSources, problems: repository.configProblems, loadedAt: repository.configLoadedAt };
}

export type StoredRepoConfig = LoadedRepoConfig & { loadedAt: string | null };

function readStoredConfig(row: Pick<RepositoryRow, "config" | "config_sources" | "config_problems" | "config_loaded_at">): StoredRepoConfig {
  const config = readRepositoryConfig(row);
  const sources = storedSourcesSchema.safeParse(row.config_sources ? JSON.parse(row.config_sources) : null);
  const problems = storedProblemsSchema.safeParse(row.config_problems ? JSON.parse(row.config_problems) : null);
  return {
    config,
    sources: row.config && sources.success ? sources.data : ["config/default.yml"],
    problems: row.config && problems.success ? problems.data : [],
    loadedAt: row.config ? row.config_loaded_at : null,
  };
}

export async function saveBackfillState(store: Store, repositoryId: number, state: unknown, now: Date): Promise<void> {
  await store.db
    .updateTable("repositories")
    .set({ backfill_state: JSON.stringify(state), updated_at: now.toISOString() })
    .where("id", "=", repositoryId)
    .execute();
}

/** Backfill progress as stored (see use-cases/backfill-repository). */
export const backfillStateSchema = z.object({
  page: z.number().int().min(1),
  imported: z.number().int().min(0),
  done: z.boolean(),
  since: z.string(),
  /** The oldest updated_at of the pages read so far. */
  reached: z.string().optional(),
});
export type BackfillState = z.infer<typeof backfillStateSchema>;

/** The stored backfill progress, or null when no backfill has started (or the state is unreadable). */
function readBackfillState(row: Pick<RepositoryRow, "backfill_state">): BackfillState | null {
  if (!row.backfill_state) return null;
  try {
    const parsed = backfillStateSchema.safeParse(JSON.parse(row.backfill_state));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
