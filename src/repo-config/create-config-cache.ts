import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import { type LoadedRepoConfig, loadRepoConfig } from "./load-repo-config.js";

export type RepoConfigLoader = (github: GitHubClient, ref: RepoRef, log: Logger) => Promise<LoadedRepoConfig>;

/**
 * Keeps each repository's loaded config for a few minutes, so a review event does not spend GitHub
 * requests re-reading a file that rarely changes. A changed file takes effect within `ttlMs`.
 */
export function createConfigCache(now: () => Date, ttlMs = 5 * 60_000, maxEntries = 1000): RepoConfigLoader {
  const entries = new Map<string, { loadedAt: number; value: LoadedRepoConfig }>();
  return async (github, ref, log) => {
    const key = `${ref.owner}/${ref.repo}`.toLowerCase();
    const at = now().getTime();
    const hit = entries.get(key);
    if (hit && at - hit.loadedAt < ttlMs) return hit.value;
    const value = await loadRepoConfig(github, ref, log);
    entries.delete(key);
    entries.set(key, { loadedAt: at, value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return value;
  };
}
