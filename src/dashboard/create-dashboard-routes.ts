// /dashboard/** (server-rendered pages, sign-in) and /api/v1/** (the same data as JSON). Authorization
// comes from GitHub: the viewer's token decides which installations and repositories exist for them.

import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCookie, stringifySetCookie } from "cookie";
import { z } from "zod";
import type { Env } from "../env.js";
import { setCoachingOptOut } from "../store/nudges.js";
import type { AccessCache } from "./auth/create-access-cache.js";
import { buildCsrfToken, isSameOrigin, isValidCsrfToken } from "./auth/csrf-token.js";
import { type GitHubUserApi, GitHubUserApiError } from "../github/github-user-api.js";
import { createOAuthState, OAUTH_STATE_TTL_MS, verifyOAuthState } from "./auth/oauth-state.js";
import { decryptSession, encryptSession, type Session, SESSION_TTL_MS } from "./auth/encrypt-session.js";
import {
  listViewerInstallations,
  listViewerRepositories,
  loadDigestArchive,
  loadInstallationOverview,
  loadMyCoaching,
  loadRepositoryReport,
  type ViewContext,
  type Viewer,
} from "./load-dashboard-views.js";
import { renderDigestsPage } from "./pages/render-digests-page.js";
import { renderHomePage } from "./pages/render-home-page.js";
import { renderInstallationPage } from "./pages/render-installation-page.js";
import { renderMePage } from "./pages/render-me-page.js";
import { renderMessagePage } from "./pages/render-message-page.js";
import type { PageViewer } from "./pages/render-page-layout.js";
import { renderRepositoryPage } from "./pages/render-repository-page.js";
import { BodyTooLargeError, readForm, redirect, requestProtocol, sendHtml, sendJson } from "./send-response.js";
import { hashSession, isSessionRevoked, revokeSession } from "../store/revoked-sessions.js";

export const SESSION_COOKIE = "rc_session";
export const OAUTH_COOKIE = "rc_oauth";

export type DashboardEnv = Pick<Env, "GITHUB_CLIENT_ID" | "GITHUB_CLIENT_SECRET" | "SESSION_SECRET" | "PUBLIC_URL" | "GHE_HOST" | "GHE_PROTOCOL" | "githubApiUrl" | "METRICS_TOKEN">;

export interface DashboardRouteDeps extends ViewContext {
  env: DashboardEnv;
  /** Null when sign-in is not configured. */
  github: GitHubUserApi | null;
  access: AccessCache | null;
}

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const nameSchema = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/);
const returnToSchema = z
  .string()
  .max(500)
  .regex(/^\/dashboard(\/[A-Za-z0-9._~%\-/]*)?(\?[A-Za-z0-9._~%&=-]*)?$/)
  .refine((path) => !path.includes("//") && !path.includes("/.."));
const callbackSchema = z.object({ code: z.string().min(1).max(512), state: z.string().min(1).max(2048) });
const csrfFormSchema = z.object({ csrf: z.string().min(1).max(200) });
const optOutFormSchema = csrfFormSchema.extend({ repository_id: idSchema, opt_out: z.enum(["0", "1"]) });

/** The settings sign-in needs that are not set. */
export function listMissingSettings(env: DashboardEnv): string[] {
  // PUBLIC_URL: the sign-in callback must never come from a request's Host header.
  return (["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "SESSION_SECRET", "PUBLIC_URL"] as const).filter((name) => !env[name]);
}

interface RequestState {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  origin: string;
  secure: boolean;
}

export function createDashboardRoutes(deps: DashboardRouteDeps) {
  const missing = listMissingSettings(deps.env);
  const secret = deps.env.SESSION_SECRET ?? "";
  const publicOrigin = deps.env.PUBLIC_URL ? new URL(deps.env.PUBLIC_URL).origin : null;

  const origin = publicOrigin ?? "";

  function isSecure(req: IncomingMessage): boolean {
    return (publicOrigin?.startsWith("https:") ?? false) || requestProtocol(req) === "https";
  }

  /** The signed-in session, unless it expired or was signed out (revoked server-side). */
  async function sessionOf(state: RequestState): Promise<Session | null> {
    const session = await decryptSession(cookiesOf(state.req)[SESSION_COOKIE], secret, deps.now());
    if (!session || (await isSessionRevoked(deps.store, hashSession(session)))) return null;
    return session;
  }

  function viewerOf(session: Session): Viewer {
    return { login: session.login, id: session.id, access: (deps.access as AccessCache).forToken(session.token) };
  }

  function pageViewer(session: Session): PageViewer {
    return { login: session.login, csrfToken: buildCsrfToken(session, secret) };
  }

  const clearSession = (state: RequestState) => buildSetCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, path: "/", secure: state.secure });

  function notFound(state: RequestState, session: Session | null): void {
    sendHtml(state.res, 404, renderMessagePage("Not found", "There is nothing here, or your GitHub account cannot see it.", session ? pageViewer(session) : null));
  }

  function signInFirst(state: RequestState, hadCookie: boolean): void {
    const returnTo = returnToSchema.safeParse(`${state.url.pathname}${state.url.search}`);
    const target = `/dashboard/login${returnTo.success && state.req.method === "GET" ? `?return_to=${encodeURIComponent(returnTo.data)}` : ""}`;
    redirect(state.res, target, 302, hadCookie ? { "set-cookie": clearSession(state) } : {});
  }

  function failGitHub(state: RequestState, error: unknown, api: boolean): boolean {
    if (error instanceof GitHubUserApiError && error.status === 401) {
      // The token was revoked or expired on GitHub's side: sign in again.
      if (api) sendJson(state.res, 401, { message: "GitHub no longer accepts this token; sign in again." });
      else redirect(state.res, "/dashboard/login", 302, { "set-cookie": clearSession(state) });
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Sign-in

  function login(state: RequestState): void {
    const github = deps.github as GitHubUserApi;
    const wanted = returnToSchema.safeParse(state.url.searchParams.get("return_to") ?? "/dashboard");
    const { state: oauthState, nonce } = createOAuthState(secret, deps.now(), wanted.success ? wanted.data : "/dashboard");
    const cookie = buildSetCookie(OAUTH_COOKIE, nonce, { maxAgeSeconds: OAUTH_STATE_TTL_MS / 1000, path: "/dashboard/auth", secure: state.secure });
    redirect(state.res, github.authorizeUrl(`${state.origin}/dashboard/auth/callback`, oauthState), 302, { "set-cookie": cookie });
  }

  async function callback(state: RequestState): Promise<void> {
    const github = deps.github as GitHubUserApi;
    const clearState = buildSetCookie(OAUTH_COOKIE, "", { maxAgeSeconds: 0, path: "/dashboard/auth", secure: state.secure });
    const query = callbackSchema.safeParse(Object.fromEntries(state.url.searchParams));
    const verified = query.success ? verifyOAuthState(query.data.state, cookiesOf(state.req)[OAUTH_COOKIE], secret, deps.now()) : null;
    if (!query.success || !verified) {
      sendHtml(state.res, 400, renderMessagePage("Sign-in failed", "The sign-in link expired or did not start in this browser. Please sign in again.", null, { label: "Sign in with GitHub", href: "/dashboard/login" }), {
        "set-cookie": clearState,
      });
      return;
    }
    let session: Session;
    try {
      const { token, expiresInSeconds } = await github.exchangeCode(query.data.code, `${state.origin}/dashboard/auth/callback`);
      const user = await github.getUser(token);
      const issued = deps.now().getTime();
      const lifetime = Math.min(SESSION_TTL_MS, expiresInSeconds ? expiresInSeconds * 1000 : SESSION_TTL_MS);
      session = { login: user.login, id: user.id, token, issued, expires: issued + lifetime };
    } catch (error) {
      deps.log.warn({ err: error }, "dashboard sign-in failed");
      sendHtml(state.res, 502, renderMessagePage("Sign-in failed", "GitHub did not confirm the sign-in. Please try again.", null, { label: "Sign in with GitHub", href: "/dashboard/login" }), {
        "set-cookie": clearState,
      });
      return;
    }
    deps.log.info({ login: session.login }, "signed in to the dashboard");
    const cookie = buildSetCookie(SESSION_COOKIE, await encryptSession(session, secret), {
      maxAgeSeconds: (session.expires - session.issued) / 1000,
      path: "/",
      secure: state.secure,
    });
    redirect(state.res, verified.returnTo, 302, { "set-cookie": [cookie, clearState] });
  }

  /** Origin/Referer and the session's synchroniser token; answers 403 itself when either is wrong. */
  async function checkPost(state: RequestState, session: Session | null): Promise<Record<string, string> | null> {
    let form: Record<string, string>;
    try {
      form = await readForm(state.req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendHtml(state.res, 413, renderMessagePage("Too large", "That form was larger than expected.", null));
        return null;
      }
      throw error;
    }
    const csrf = csrfFormSchema.safeParse(form);
    if (!session || !isSameOrigin(state.req, state.origin) || !csrf.success || !isValidCsrfToken(csrf.data.csrf, session, secret)) {
      deps.log.warn({ path: state.url.pathname }, "refused a dashboard form: wrong origin or CSRF token");
      sendHtml(state.res, 403, renderMessagePage("Refused", "This form expired or did not come from the dashboard. Reload the page and try again.", session ? pageViewer(session) : null));
      return null;
    }
    return form;
  }

  async function logout(state: RequestState): Promise<void> {
    const session = await sessionOf(state);
    if (!(await checkPost(state, session))) return;
    if (session) await revokeSession(deps.store, hashSession(session), new Date(session.expires), deps.now());
    redirect(state.res, "/dashboard", 303, { "set-cookie": clearSession(state) });
  }

  async function optOut(state: RequestState, session: Session): Promise<void> {
    const form = await checkPost(state, session);
    if (!form) return;
    const parsed = optOutFormSchema.safeParse(form);
    if (!parsed.success) {
      sendHtml(state.res, 400, renderMessagePage("Bad request", "The form was incomplete.", pageViewer(session)));
      return;
    }
    const viewer = viewerOf(session);
    const visible = await listViewerRepositories(deps, viewer);
    if (!visible.has(parsed.data.repository_id)) return notFound(state, session);
    await setCoachingOptOut(deps.store, parsed.data.repository_id, session.login, parsed.data.opt_out === "1", deps.now());
    deps.log.info({ login: session.login, repositoryId: parsed.data.repository_id, optOut: parsed.data.opt_out === "1" }, "coaching opt-out changed from the dashboard");
    redirect(state.res, `/dashboard/me?updated=${parsed.data.opt_out === "1" ? "off" : "on"}`, 303);
  }

  // ---------------------------------------------------------------------------------------------
  // Pages

  async function page(state: RequestState, parts: string[]): Promise<void> {
    const method = state.req.method ?? "GET";
    const [first, second, third, fourth, ...rest] = parts;
    if (first === "login" && parts.length === 1 && method === "GET") return login(state);
    if (first === "auth" && second === "callback" && parts.length === 2 && method === "GET") return callback(state);
    if (first === "logout" && parts.length === 1 && method === "POST") return logout(state);

    const hadCookie = cookiesOf(state.req)[SESSION_COOKIE] !== undefined;
    const session = await sessionOf(state);
    if (!session) {
      if (method === "POST") {
        await checkPost(state, null);
        return;
      }
      if (parts.length === 0) {
        sendHtml(
          state.res,
          200,
          renderMessagePage("review-coach dashboard", "Sign in with your GitHub account to see the installations and repositories you have access to.", null, {
            label: "Sign in with GitHub",
            href: "/dashboard/login",
          }),
          hadCookie ? { "set-cookie": clearSession(state) } : {},
        );
        return;
      }
      return signInFirst(state, hadCookie);
    }
    const viewer = viewerOf(session);
    const shown = pageViewer(session);

    if (first === "me" && second === "opt-out" && parts.length === 2 && method === "POST") return optOut(state, session);
    if (method !== "GET") {
      sendHtml(state.res, 405, renderMessagePage("Not allowed", "This address only answers GET.", shown), { allow: "GET" });
      return;
    }
    if (parts.length === 0) {
      sendHtml(state.res, 200, renderHomePage(shown, await listViewerInstallations(deps, viewer)));
      return;
    }
    if (first === "me" && parts.length === 1) {
      const updated = state.url.searchParams.get("updated");
      const notice = updated === "off" ? "Coaching is now off for that repository." : updated === "on" ? "Coaching is back on for that repository." : null;
      sendHtml(state.res, 200, renderMePage(shown, await loadMyCoaching(deps, viewer), notice));
      return;
    }
    if (first === "installations" && parts.length === 2) {
      const id = idSchema.safeParse(second);
      const overview = id.success ? await loadInstallationOverview(deps, viewer, id.data) : null;
      if (!overview) return notFound(state, session);
      sendHtml(state.res, 200, renderInstallationPage(shown, overview));
      return;
    }
    if (first === "repos" && rest.length === 0 && (parts.length === 3 || (parts.length === 4 && fourth === "digests"))) {
      const owner = nameSchema.safeParse(second);
      const name = nameSchema.safeParse(third);
      if (!owner.success || !name.success) return notFound(state, session);
      if (fourth === "digests") {
        const archive = await loadDigestArchive(deps, viewer, owner.data, name.data);
        if (!archive) return notFound(state, session);
        sendHtml(
          state.res,
          200,
          renderDigestsPage(shown, { fullName: archive.repository.full_name, installationId: archive.repository.installation_id, installationLogin: archive.installationLogin }, archive.digests),
        );
        return;
      }
      const loaded = await loadRepositoryReport(deps, viewer, owner.data, name.data);
      if (!loaded) return notFound(state, session);
      sendHtml(state.res, 200, renderRepositoryPage(shown, loaded.report, loaded.installationLogin));
      return;
    }
    return notFound(state, session);
  }

  // ---------------------------------------------------------------------------------------------
  // JSON API

  async function apiViewer(state: RequestState): Promise<Viewer | null> {
    const authorization = state.req.headers.authorization;
    if (authorization !== undefined) {
      const match = authorization.match(/^(?:Bearer|token)\s+([A-Za-z0-9_.-]{10,500})$/i);
      if (!match?.[1]) return null;
      const user = await (deps.access as AccessCache).identify(match[1]);
      return { login: user.login, id: user.id, access: (deps.access as AccessCache).forToken(match[1]) };
    }
    const session = await sessionOf(state);
    return session ? viewerOf(session) : null;
  }

  async function api(state: RequestState, parts: string[]): Promise<void> {
    if (state.req.method !== "GET") {
      sendJson(state.res, 405, { message: "The API is read-only: use GET." }, { allow: "GET" });
      return;
    }
    let viewer: Viewer | null;
    try {
      viewer = await apiViewer(state);
    } catch (error) {
      if (error instanceof GitHubUserApiError && (error.status === 401 || error.status === 403)) viewer = null;
      else throw error;
    }
    if (!viewer) {
      sendJson(state.res, 401, { message: "Sign in to the dashboard, or send Authorization: Bearer <GitHub user token>." }, { "www-authenticate": 'Bearer realm="review-coach"' });
      return;
    }
    const [first, second, third, ...rest] = parts;
    const notFoundJson = () => sendJson(state.res, 404, { message: "Not found" });
    if (first === "installations" && parts.length === 1) {
      const installations = await listViewerInstallations(deps, viewer);
      sendJson(state.res, 200, { installations: installations.map((installation) => ({ ...installation, url: installation.known ? `/api/v1/installations/${installation.id}` : null })) });
      return;
    }
    if (first === "installations" && parts.length === 2) {
      const id = idSchema.safeParse(second);
      const overview = id.success ? await loadInstallationOverview(deps, viewer, id.data) : null;
      return overview ? sendJson(state.res, 200, overview) : notFoundJson();
    }
    if (first === "repos" && parts.length === 3 && rest.length === 0) {
      const owner = nameSchema.safeParse(second);
      const name = nameSchema.safeParse(third);
      const loaded = owner.success && name.success ? await loadRepositoryReport(deps, viewer, owner.data, name.data) : null;
      return loaded ? sendJson(state.res, 200, loaded.report) : notFoundJson();
    }
    if (first === "me" && parts.length === 1) {
      sendJson(state.res, 200, await loadMyCoaching(deps, viewer));
      return;
    }
    return notFoundJson();
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
    const state: RequestState = { req, res, url, origin, secure: isSecure(req) };
    const parts = url.pathname
      .replace(isApi ? /^\/api\/v1\/?/ : /^\/dashboard\/?/, "")
      .split("/")
      .filter((part) => part !== "")
      .map((part) => {
        try {
          return decodeURIComponent(part);
        } catch {
          return "\u0000";
        }
      });
    try {
      if (isApi) await api(state, parts);
      else await page(state, parts);
    } catch (error) {
      if (!isApi && failGitHub(state, error, false)) return true;
      if (isApi && failGitHub(state, error, true)) return true;
      throw error;
    }
    return true;
  };
}

/** The request's cookies by name (the first of a repeated name wins). */
function cookiesOf(req: IncomingMessage): Record<string, string | undefined> {
  return parseCookie(req.headers.cookie ?? "");
}

/** A Set-Cookie value: always HttpOnly and SameSite=Lax; maxAgeSeconds 0 deletes the cookie. */
function buildSetCookie(name: string, value: string, options: { maxAgeSeconds: number; path: string; secure: boolean }): string {
  const maxAge = Math.max(0, Math.floor(options.maxAgeSeconds));
  return stringifySetCookie(name, value, {
    maxAge,
    path: options.path,
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    ...(maxAge === 0 ? { expires: new Date(0) } : {}),
  });
}
