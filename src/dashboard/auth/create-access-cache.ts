import { createHash } from "node:crypto";
import type { GitHubUser, GitHubUserApi, UserInstallation } from "../../github/github-user-api.js";

/** A revoked token or a removed member loses access within this long. */
export const ACCESS_CACHE_MS = 60_000;
const MAX_ENTRIES = 2000;

interface Entry<T> {
  value: Promise<T>;
  expires: number;
}

/** What one person's token may see, as GitHub says; the authority for every dashboard and API answer. */
export interface UserAccess {
  installations(): Promise<UserInstallation[]>;
  /** The installation when the person can see it, else undefined. */
  findInstallation(installationId: number): Promise<UserInstallation | undefined>;
  /** Ids of the installation's repositories the person can see (empty when the installation is not theirs). */
  repositoryIds(installationId: number): Promise<Set<number>>;
}

export interface AccessCache {
  forToken(token: string): UserAccess;
  /** Who a bearer token belongs to (GET /user), cached like the rest. */
  identify(token: string): Promise<GitHubUser>;
}

/**
 * Remembers GitHub's answers per token for a few minutes (in memory, keyed by a hash of the token), so a
 * page view costs no GitHub call after the first. A failed answer is not kept.
 */
export function createAccessCache(api: GitHubUserApi, now: () => Date, ttlMs = ACCESS_CACHE_MS): AccessCache {
  const entries = new Map<string, Entry<unknown>>();

  function remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const time = now().getTime();
    const hit = entries.get(key);
    if (hit && hit.expires > time) return hit.value as Promise<T>;
    if (entries.size >= MAX_ENTRIES) {
      for (const [k, entry] of entries) if (entry.expires <= time) entries.delete(k);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    }
    const value = load();
    entries.set(key, { value, expires: time + ttlMs });
    value.catch(() => entries.delete(key));
    return value;
  }

  const keyOf = (token: string) => createHash("sha256").update(token).digest("base64url");

  return {
    forToken(token) {
      const key = keyOf(token);
      const installations = () => remember(`${key}:installations`, () => api.listInstallations(token));
      return {
        installations,
        async findInstallation(installationId) {
          return (await installations()).find((installation) => installation.id === installationId);
        },
        async repositoryIds(installationId) {
          if (!(await installations()).some((installation) => installation.id === installationId)) return new Set();
          const repositories = await remember(`${key}:repositories:${installationId}`, () => api.listRepositories(token, installationId));
          return new Set(repositories.map((repository) => repository.id));
        },
      };
    },
    identify(token) {
      return remember(`${keyOf(token)}:user`, () => api.getUser(token));
    },
  };
}
