// The dashboard's single entry point, mounted with Probot's addHandler: /dashboard/** and /api/v1/**
// (sign-in with GitHub, pages and JSON), /badge/<owner>/<repo>.svg and /metrics.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { Env } from "../env.js";
import { createBadgeRoute } from "./badge-route.js";
import { createMetricsRoute } from "./metrics-route.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/open-store.js";
import { createAccessCache } from "../dashboard/auth/create-access-cache.js";
import type { OctokitPolicy } from "../github/create-octokit-class.js";
import { createGitHubUserApi } from "../github/github-user-api.js";
import { listMissingSettings } from "../dashboard/list-missing-settings.js";
import { sendHtml, sendJson } from "../dashboard/send-response.js";

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface DashboardDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  env: Pick<Env, "GITHUB_CLIENT_ID" | "GITHUB_CLIENT_SECRET" | "SESSION_SECRET" | "PUBLIC_URL" | "GHE_HOST" | "GHE_PROTOCOL" | "githubApiUrl" | "METRICS_TOKEN">;
  /** The repository's review-coach config in effect and its source files, read with the installation's token. */
  /** Prometheus registry (prom-client) whose metrics /metrics serves. */
  metricsRegistry: Registry;
  /** Throttling and retry of the signed-in people's GitHub requests (both on by default, as for the app's). */
  octokitPolicy?: OctokitPolicy | undefined;
}

/** github.com, or the GHES host the app talks to. */
export function githubWebUrl(env: Pick<Env, "GHE_HOST" | "GHE_PROTOCOL">): string {
  return env.GHE_HOST ? `${env.GHE_PROTOCOL}://${env.GHE_HOST}` : "https://github.com";
}

function isDashboardPath(path: string): boolean {
  return path === "/dashboard" || path.startsWith("/dashboard/") || path.startsWith("/api/v1/");
}

export function createDashboardHandler(deps: DashboardDeps): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const log = deps.log.child({ name: "dashboard" });
  const { env } = deps;
  const configured = listMissingSettings(env).length === 0;
  const github = configured
    ? createGitHubUserApi({
        webUrl: githubWebUrl(env),
        apiUrl: env.githubApiUrl,
        clientId: env.GITHUB_CLIENT_ID as string,
        clientSecret: env.GITHUB_CLIENT_SECRET as string,
        log: log.child({ name: "github-user" }),
        ...(deps.octokitPolicy ? { policy: deps.octokitPolicy } : {}),
      })
    : null;
  if (!configured) log.info({ missing: listMissingSettings(env) }, "dashboard sign-in is off until these settings are set");
  // The pages, sign-in and API (their markdown, charts and session crypto) are loaded by the first request
  // for them: a process that only takes webhooks and runs jobs never holds their modules.
  let dashboardRoutes: Promise<Route> | undefined;
  const loadDashboardRoutes = (): Promise<Route> =>
    (dashboardRoutes ??= import("../dashboard/create-dashboard-routes.js").then(
      ({ createDashboardRoutes }) => createDashboardRoutes({ store: deps.store, log, now: deps.now, env, github, access: github ? createAccessCache(github, deps.now) : null }),
      (error: unknown) => {
        dashboardRoutes = undefined;
        throw error;
      },
    ));
  const routes: Route[] = [
    createMetricsRoute({ registry: deps.metricsRegistry, token: env.METRICS_TOKEN, log }),
    createBadgeRoute({ store: deps.store, now: deps.now }),
    async (req, res, url) => isDashboardPath(url.pathname) && (await loadDashboardRoutes())(req, res, url),
  ];

  return async (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      return false;
    }
    const path = url.pathname;
    if (!(isDashboardPath(path) || path.startsWith("/badge/") || path === "/metrics")) return false;
    // Served over https: browsers keep to https for a year.
    if (env.PUBLIC_URL?.startsWith("https:")) res.setHeader("strict-transport-security", "max-age=31536000");
    try {
      for (const route of routes) if (await route(req, res, url)) return true;
      return false;
    } catch (error) {
      log.error({ err: error, path }, "dashboard request failed");
      if (!res.headersSent) {
        if (path.startsWith("/api/v1/")) sendJson(res, 500, { message: "Something went wrong; it has been logged." });
        else sendHtml(res, 500, (await import("../dashboard/pages/render-message-page.js")).renderMessagePage("Something went wrong", "The page could not be built; the error has been logged. Please try again.", null));
      } else {
        res.end();
      }
      return true;
    }
  };
}
