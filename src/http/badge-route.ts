import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { renderBadge } from "../dashboard/render-badge.js";
import type { Logger } from "../log.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { findRepositoryByNameIgnoringCase } from "../store/repositories.js";
import type { Store } from "../store/open-store.js";
import { getRepositoryScore } from "../use-cases/get-repository-score.js";

export const BADGE_CONFIG_CACHE_MS = 5 * 60_000;

const pathSchema = z.object({ owner: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/), repo: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/) });

export interface BadgeRouteDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  getRepoConfig: (installationId: number, repo: { owner: string; repo: string }) => Promise<LoadedRepoConfig>;
  cacheMs?: number;
}

/**
 * GET /badge/<owner>/<repo>.svg: the public score badge, only for repositories whose config in effect
 * has `badge.enabled: true` (404 otherwise, the same as an unknown repository). The config answer is
 * remembered for a few minutes; browsers and caches may keep the image for five.
 */
export function createBadgeRoute(deps: BadgeRouteDeps) {
  const cacheMs = deps.cacheMs ?? BADGE_CONFIG_CACHE_MS;
  const configs = new Map<string, { enabled: boolean; windowDays: number; expires: number }>();

  async function badgeSettings(installationId: number, owner: string, repo: string): Promise<{ enabled: boolean; windowDays: number }> {
    const key = `${installationId}:${owner}/${repo}`.toLowerCase();
    const time = deps.now().getTime();
    const hit = configs.get(key);
    if (hit && hit.expires > time) return hit;
    const { config } = await deps.getRepoConfig(installationId, { owner, repo });
    const settings = { enabled: config.badge.enabled, windowDays: config.score.windowDays, expires: time + cacheMs };
    if (configs.size > 5000) configs.clear();
    configs.set(key, settings);
    return settings;
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const match = url.pathname.match(/^\/badge\/([^/]+)\/([^/]+)\.svg$/);
    if (!match) return false;
    const notFound = () => res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "max-age=300" }).end("Not Found");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET" }).end();
      return true;
    }
    const parsed = pathSchema.safeParse({ owner: safeDecode(match[1] ?? ""), repo: safeDecode(match[2] ?? "") });
    if (!parsed.success) return notFound(), true;
    const repository = await findRepositoryByNameIgnoringCase(deps.store, parsed.data.owner, parsed.data.repo);
    if (!repository) return notFound(), true;
    let settings;
    try {
      settings = await badgeSettings(repository.installation_id, repository.owner, repository.name);
    } catch (error) {
      deps.log.warn({ err: error, repository: repository.full_name }, "badge: could not read the repository's config");
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("Try again later");
      return true;
    }
    if (!settings.enabled) return notFound(), true;
    const score = await getRepositoryScore(deps.store, repository.id, deps.now(), settings.windowDays);
    res
      .writeHead(200, {
        "content-type": "image/svg+xml; charset=utf-8",
        "cache-control": "max-age=300",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(req.method === "HEAD" ? undefined : renderBadge(score));
    return true;
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return "";
  }
}
