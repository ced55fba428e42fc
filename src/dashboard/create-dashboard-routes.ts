// /dashboard/** (server-rendered pages, sign-in) and /api/v1/** (the same data as JSON): one route group,
// its routes in tables. Authorization comes from GitHub: the viewer's token decides which installations
// and repositories exist for them.

import type { IncomingMessage, ServerResponse } from "node:http";
import { GitHubForbiddenError, GitHubRateLimitedError, GitHubUnauthorizedError } from "../github/github-user-api.js";
import type { AccessCache } from "./auth/create-access-cache.js";
import { cookiesOf, SESSION_COOKIE } from "./auth/build-set-cookie.js";
import { createApiRoutes } from "./create-api-routes.js";
import { createDashboardSession, type DashboardRequest, type DashboardRouteDeps } from "./create-dashboard-session.js";
import { createPageRoutes } from "./create-page-routes.js";
import { createSignInRoutes } from "./create-sign-in-routes.js";
import type { Viewer } from "./load-dashboard-views.js";
import { listMissingSettings } from "./list-missing-settings.js";
import { matchRoute } from "./match-route.js";
import { renderMessagePage } from "./pages/render-message-page.js";
import { redirect, sendHtml, sendJson } from "./send-response.js";

export type { DashboardEnv, DashboardRouteDeps } from "./create-dashboard-session.js";

/** The path's segments after the prefix, decoded ("\0" for one that does not decode, which no route matches). */
function pathParts(pathname: string, prefix: RegExp): string[] {
  return pathname
    .replace(prefix, "")
    .split("/")
    .filter((part) => part !== "")
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return "\u0000";
      }
    });
}

export function createDashboardRoutes(deps: DashboardRouteDeps) {
  const missing = listMissingSettings(deps.env);
  const kit = createDashboardSession(deps);
  const signInRoutes = createSignInRoutes(deps, kit);
  const pageRoutes = createPageRoutes(deps, kit);
  const apiRoutes = createApiRoutes(deps);

  /** The token was revoked or expired on GitHub's side: sign in again. */
  function failGitHub(state: DashboardRequest, error: unknown, api: boolean): boolean {
    if (!(error instanceof GitHubUnauthorizedError)) return false;
    if (api) sendJson(state.res, 401, { message: "GitHub no longer accepts this token; sign in again." });
    else redirect(state.res, "/dashboard/login", 302, { "set-cookie": kit.clearSession(state) });
    return true;
  }

  async function page(state: DashboardRequest, parts: string[]): Promise<void> {
    const method = state.req.method ?? "GET";
    const open = matchRoute(signInRoutes, method, parts);
    if (open) return open.route.handle(state, open.params);

    const hadCookie = cookiesOf(state.req)[SESSION_COOKIE] !== undefined;
    const session = await kit.sessionOf(state);
    if (!session) {
      if (method === "POST") {
        await kit.checkPost(state, null);
        return;
      }
      if (parts.length === 0) {
        const signIn = { label: "Sign in with GitHub", href: "/dashboard/login" };
        const text = "Sign in with your GitHub account to see the installations and repositories you have access to.";
        sendHtml(state.res, 200, renderMessagePage("review-coach dashboard", text, null, signIn), hadCookie ? { "set-cookie": kit.clearSession(state) } : {});
        return;
      }
      return kit.signInFirst(state, hadCookie);
    }
    const signedIn = { ...state, session, viewer: kit.viewerOf(session), shown: kit.pageViewer(session) };
    const found = matchRoute(pageRoutes, method, parts);
    if (found) return found.route.handle(signedIn, found.params);
    if (method !== "GET") {
      sendHtml(state.res, 405, renderMessagePage("Not allowed", "This address only answers GET.", signedIn.shown), { allow: "GET" });
      return;
    }
    return kit.notFound(state, session);
  }

  /** The viewer of an API request: a GitHub user token in Authorization, or the dashboard's session. */
  async function apiViewer(state: DashboardRequest): Promise<Viewer | null> {
    const authorization = state.req.headers.authorization;
    if (authorization !== undefined) {
      const match = authorization.match(/^(?:Bearer|token)\s+([A-Za-z0-9_.-]{10,500})$/i);
      if (!match?.[1]) return null;
      const user = await (deps.access as AccessCache).identify(match[1]);
      return { login: user.login, id: user.id, access: (deps.access as AccessCache).forToken(match[1]) };
    }
    const session = await kit.sessionOf(state);
    return session ? kit.viewerOf(session) : null;
  }

  async function api(state: DashboardRequest, parts: string[]): Promise<void> {
    if (state.req.method !== "GET") {
      sendJson(state.res, 405, { message: "The API is read-only: use GET." }, { allow: "GET" });
      return;
    }
    let viewer: Viewer | null;
    try {
      viewer = await apiViewer(state);
    } catch (error) {
      if (error instanceof GitHubRateLimitedError) {
        const seconds = error.secondsToWait(deps.now().getTime());
        sendJson(state.res, 503, { message: `GitHub's rate limit for this token is spent: try again in ${seconds} s.` }, { "retry-after": String(seconds) });
        return;
      }
      if (error instanceof GitHubUnauthorizedError || error instanceof GitHubForbiddenError) viewer = null;
      else throw error;
    }
    if (!viewer) {
      sendJson(state.res, 401, { message: "Sign in to the dashboard, or send Authorization: Bearer <GitHub user token>." }, { "www-authenticate": 'Bearer realm="review-coach"' });
      return;
    }
    const found = matchRoute(apiRoutes, "GET", parts);
    if (found) return found.route.handle({ ...state, viewer }, found.params);
    sendJson(state.res, 404, { message: "Not found" });
  }

  /** Serves /dashboard/** and /api/v1/**; false for any other path. */
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const isPage = url.pathname === "/dashboard" || url.pathname.startsWith("/dashboard/");
    const isApi = url.pathname.startsWith("/api/v1/");
    if (!isPage && !isApi) return false;
    if (missing.length > 0) {
      const message = `The dashboard is not configured: set ${missing.join(", ")} (see the README, "Dashboard").`;
      if (isApi) sendJson(res, 503, { message, missing });
      else sendHtml(res, 503, renderMessagePage("Dashboard not configured", message, null));
      return true;
    }
    const state: DashboardRequest = { req, res, url, origin: kit.origin, secure: kit.isSecure(req) };
    try {
      if (isApi) await api(state, pathParts(url.pathname, /^\/api\/v1\/?/));
      else await page(state, pathParts(url.pathname, /^\/dashboard\/?/));
    } catch (error) {
      if (failGitHub(state, error, isApi)) return true;
      throw error;
    }
    return true;
  };
}
