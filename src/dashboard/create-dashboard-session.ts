import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Env } from "../env.js";
import type { GitHubUserApi } from "../github/github-user-api.js";
import { hashSession, isSessionRevoked } from "../store/revoked-sessions.js";
import type { AccessCache } from "./auth/create-access-cache.js";
import { buildCsrfToken, isSameOrigin, isValidCsrfToken } from "./auth/csrf-token.js";
import { buildSetCookie, cookiesOf, SESSION_COOKIE } from "./auth/build-set-cookie.js";
import { decryptSession, type Session } from "./auth/encrypt-session.js";
import type { ViewContext, Viewer } from "./load-dashboard-views.js";
import type { PageViewer } from "./pages/render-page-layout.js";
import { renderMessagePage } from "./pages/render-message-page.js";
import { BodyTooLargeError, readForm, redirect, requestProtocol, sendHtml } from "./send-response.js";

export type DashboardEnv = Pick<Env, "GITHUB_CLIENT_ID" | "GITHUB_CLIENT_SECRET" | "SESSION_SECRET" | "PUBLIC_URL" | "GHE_HOST" | "GHE_PROTOCOL" | "githubApiUrl" | "METRICS_TOKEN">;

export interface DashboardRouteDeps extends ViewContext {
  env: DashboardEnv;
  /** Null when sign-in is not configured. */
  github: GitHubUserApi | null;
  access: AccessCache | null;
}

/** One request to the dashboard, as its routes see it. */
export interface DashboardRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  origin: string;
  secure: boolean;
}

export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const nameSchema = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/);
export const returnToSchema = z
  .string()
  .max(500)
  .regex(/^\/dashboard(\/[A-Za-z0-9._~%\-/]*)?(\?[A-Za-z0-9._~%&=-]*)?$/)
  .refine((path) => !path.includes("//") && !path.includes("/.."));
export const csrfFormSchema = z.object({ csrf: z.string().min(1).max(200) });

export type DashboardSession = ReturnType<typeof createDashboardSession>;

/** What every dashboard route shares: the session cookie, the viewer, CSRF-checked forms and the usual answers. */
export function createDashboardSession(deps: DashboardRouteDeps) {
  const secret = deps.env.SESSION_SECRET ?? "";
  const publicOrigin = deps.env.PUBLIC_URL ? new URL(deps.env.PUBLIC_URL).origin : null;

  function pageViewer(session: Session): PageViewer {
    return { login: session.login, csrfToken: buildCsrfToken(session, secret) };
  }

  const clearSession = (state: DashboardRequest) => buildSetCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, path: "/", secure: state.secure });

  return {
    secret,
    origin: publicOrigin ?? "",
    pageViewer,
    clearSession,

    isSecure(req: IncomingMessage): boolean {
      return (publicOrigin?.startsWith("https:") ?? false) || requestProtocol(req) === "https";
    },

    /** The signed-in session, unless it expired or was signed out (revoked server-side). */
    async sessionOf(state: DashboardRequest): Promise<Session | null> {
      const session = await decryptSession(cookiesOf(state.req)[SESSION_COOKIE], secret, deps.now());
      if (!session || (await isSessionRevoked(deps.store, hashSession(session)))) return null;
      return session;
    },

    viewerOf(session: Session): Viewer {
      return { login: session.login, id: session.id, access: (deps.access as AccessCache).forToken(session.token) };
    },

    notFound(state: DashboardRequest, session: Session | null): void {
      sendHtml(state.res, 404, renderMessagePage("Not found", "There is nothing here, or your GitHub account cannot see it.", session ? pageViewer(session) : null));
    },

    signInFirst(state: DashboardRequest, hadCookie: boolean): void {
      const returnTo = returnToSchema.safeParse(`${state.url.pathname}${state.url.search}`);
      const target = `/dashboard/login${returnTo.success && state.req.method === "GET" ? `?return_to=${encodeURIComponent(returnTo.data)}` : ""}`;
      redirect(state.res, target, 302, hadCookie ? { "set-cookie": clearSession(state) } : {});
    },

    /** Origin/Referer and the session's synchroniser token; answers 403 itself when either is wrong. */
    async checkPost(state: DashboardRequest, session: Session | null): Promise<Record<string, string> | null> {
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
    },
  };
}
