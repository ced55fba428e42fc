import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { renderBadge } from "../dashboard/render-badge.js";
import { findRepositoryByNameIgnoringCase } from "../store/repositories.js";
import type { Store } from "../store/open-store.js";
import { getRepositoryScore } from "../use-cases/get-repository-score.js";

const pathSchema = z.object({ owner: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/), repo: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/) });

export interface BadgeRouteDeps {
  store: Store;
  now: () => Date;
}

/**
 * GET /badge/<owner>/<repo>.svg: the public score badge, only for repositories whose config in effect (as
 * the store last read it from GitHub) has `badge.enabled: true` (404 otherwise, the same as an unknown
 * repository). Browsers and caches may keep the image for five minutes.
 */
export function createBadgeRoute(deps: BadgeRouteDeps) {
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
    const { config } = repository;
    if (!config.badge.enabled) return notFound(), true;
    const score = await getRepositoryScore({ store: deps.store, repositoryId: repository.id, now: deps.now(), windowDays: config.score.windowDays });
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
