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
import { createDashboardRoutes, listMissingSettings } from "../dashboard/create-dashboard-routes.js";
import { renderMessagePage } from "../dashboard/pages/render-message-page.js";
import { sendHtml, sendJson } from "../dashboard/send-response.js";

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
  const routes = [
    createMetricsRoute({ registry: deps.metricsRegistry, token: env.METRICS_TOKEN, log }),
    createBadgeRoute({ store: deps.store, now: deps.now }),
    createDashboardRoutes({
      store: deps.store,
      log,
      now: deps.now,
      env,
      github,
      access: github ? createAccessCache(github, deps.now) : null,
    }),
  ];

  return async (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      return false;
    }
    const path = url.pathname;
    if (!(path === "/dashboard" || path.startsWith("/dashboard/") || path.startsWith("/api/v1/") || path.startsWith("/badge/") || path === "/metrics")) return false;
    // Served over https: browsers keep to https for a year.
    if (env.PUBLIC_URL?.startsWith("https:")) res.setHeader("strict-transport-security", "max-age=31536000");
    try {
      for (const route of routes) if (await route(req, res, url)) return true;
      return false;
    } catch (error) {
      log.error({ err: error, path }, "dashboard request failed");
      if (!res.headersSent) {
        if (path.startsWith("/api/v1/")) sendJson(res, 500, { message: "Something went wrong; it has been logged." });
        else sendHtml(res, 500, renderMessagePage("Something went wrong", "The page could not be built; the error has been logged. Please try again.", null));
      } else {
        res.end();
      }
      return true;
    }
  };
}
