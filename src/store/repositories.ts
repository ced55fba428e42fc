import { sql } from "kysely";
import { z } from "zod";
import { getDefaultConfig } from "../repo-config/default-config.js";
import { mergeConfig } from "../repo-config/merge-config.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { type RepoConfig, repoConfigSchema } from "../repo-config/schema.js";
import { configProblemSchema } from "../repo-config/validate-config.js";
import type { RepositoryRecord } from "./installations.js";
import type { Store } from "./open-store.js";
import type { RepositoryRow } from "./tables.js";

/** A repository as the store keeps it: what GitHub said and the backfill progress. */
export interface Repository extends Omit<RepositoryRecord, "defaultBranch"> {
  owner: string;
  name: string;
  defaultBranch: string | null;
  /** Backfill progress; null when no backfill has started (or the stored state is unreadable). */
  backfillState: BackfillState | null;
  createdAt: string;
  updatedAt: string;
}

/** A repository with the config in effect, as last read from GitHub. */
export interface RepositoryWithConfig extends Repository {
  /** The defaults when it was never read. */
  config: RepoConfig;
  /** The files that shaped it and their problems (the default file and none when it was never read). */
  configSources: LoadedRepoConfig["sources"];
  configProblems: LoadedRepoConfig["problems"];
  /** When it was read; null when it never was. */
  configLoadedAt: string | null;
}

function toRepository(row: RepositoryRow): Repository {
  return {
    id: row.id,
    installationId: row.installation_id,
    owner: row.owner,
    name: row.name,
    fullName: row.full_name,
    private: row.private === 1,
    defaultBranch: row.default_branch,
    backfillState: readBackfillState(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRepositoryWithConfig(row: RepositoryRow): RepositoryWithConfig {
  const stored = readStoredConfig(row);
  return { ...toRepository(row), config: stored.config, configSources: stored.sources, configProblems: stored.problems, configLoadedAt: stored.loadedAt };
}

export async function listRepositories(store: Store, installationId?: number): Promise<RepositoryWithConfig[]> {
  let query = store.db
    .selectFrom("repositories")
    .innerJoin("installations", "installations.id", "repositories.installation_id")
    .selectAll("repositories")
    .where("installations.suspended_at", "is", null);
  if (installationId !== undefined) query = query.where("repositories.installation_id", "=", installationId);
  return (await query.orderBy("repositories.full_name").execute()).map(toRepositoryWithConfig);
}

export async function findRepository(store: Store, repositoryId: number): Promise<RepositoryWithConfig | undefined> {
  const row = await store.db.selectFrom("repositories").selectAll().where("id", "=", repositoryId).executeTakeFirst();
  return row && toRepositoryWithConfig(row);
}

/** The repository named owner/name, matched without regard to case; the latest updated when renames left several. */
export async function findRepositoryByNameIgnoringCase(store: Store, owner: string, name: string): Promise<RepositoryWithConfig | undefined> {
  const row = await store.db
    .selectFrom("repositories")
    .selectAll()
    .where(sql<string>`lower(full_name)`, "=", `${owner}/${name}`.toLowerCase())
    .orderBy("updated_at", "desc")
    .executeTakeFirst();
  return row && toRepositoryWithConfig(row);
}

export async function listRepositoriesById(store: Store, repositoryIds: readonly number[]): Promise<RepositoryWithConfig[]> {
  if (repositoryIds.length === 0) return [];
  return (await store.db.selectFrom("repositories").selectAll().where("id", "in", repositoryIds).execute()).map(toRepositoryWithConfig);
}

/** The installation's repositories by name, whatever the state of its installation row (their configs not read). */
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

const storedSourcesSchema = z.array(z.string());
const storedProblemsSchema = z.array(configProblemSchema);

export type StoredRepoConfig = LoadedRepoConfig & { loadedAt: string | null };

/**
 * The config in effect as last read from GitHub, with its sources and problems; `loadedAt` null (and the
 * defaults) when it was never read.
 */
export function readStoredRepoConfig(repository: Pick<RepositoryWithConfig, "config" | "configSources" | "configProblems" | "configLoadedAt">): StoredRepoConfig {
  return { config: repository.config, sources: repository.configSources, problems: repository.configProblems, loadedAt: repository.configLoadedAt };
}

/** The stored config, or the defaults when it was never read (or no longer matches the schema). */
function readStoredConfig(row: Pick<RepositoryRow, "config" | "config_sources" | "config_problems" | "config_loaded_at">): StoredRepoConfig {
  if (!row.config) return { config: getDefaultConfig(), sources: ["config/default.yml"], problems: [], loadedAt: null };
  const parsed = repoConfigSchema.safeParse(mergeConfig(getDefaultConfig(), JSON.parse(row.config)));
  const sources = storedSourcesSchema.safeParse(row.config_sources ? JSON.parse(row.config_sources) : null);
  const problems = storedProblemsSchema.safeParse(row.config_problems ? JSON.parse(row.config_problems) : null);
  return {
    config: parsed.success ? parsed.data : getDefaultConfig(),
    sources: sources.success ? sources.data : ["config/default.yml"],
    problems: problems.success ? problems.data : [],
    loadedAt: row.config_loaded_at,
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
