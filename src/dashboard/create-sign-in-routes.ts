import { z } from "zod";
import type { GitHubUserApi } from "../github/github-user-api.js";
import { hashSession, revokeSession } from "../store/revoked-sessions.js";
import { buildSetCookie, cookiesOf, OAUTH_COOKIE, SESSION_COOKIE } from "./auth/build-set-cookie.js";
import { createOAuthState, OAUTH_STATE_TTL_MS, verifyOAuthState } from "./auth/oauth-state.js";
import { encryptSession, type Session, SESSION_TTL_MS } from "./auth/encrypt-session.js";
import { type DashboardRequest, type DashboardRouteDeps, type DashboardSession, returnToSchema } from "./create-dashboard-session.js";
import type { Route } from "./match-route.js";
import { renderMessagePage } from "./pages/render-message-page.js";
import { redirect, sendHtml } from "./send-response.js";

const callbackSchema = z.object({ code: z.string().min(1).max(512), state: z.string().min(1).max(2048) });

/** /dashboard/login, /dashboard/auth/callback (GitHub's OAuth web flow) and /dashboard/logout: open to anyone. */
export function createSignInRoutes(deps: DashboardRouteDeps, kit: DashboardSession): Route<DashboardRequest>[] {
  const { secret } = kit;

  function login(state: DashboardRequest): void {
    const github = deps.github as GitHubUserApi;
    const wanted = returnToSchema.safeParse(state.url.searchParams.get("return_to") ?? "/dashboard");
    const { state: oauthState, nonce } = createOAuthState(secret, deps.now(), wanted.success ? wanted.data : "/dashboard");
    const cookie = buildSetCookie(OAUTH_COOKIE, nonce, { maxAgeSeconds: OAUTH_STATE_TTL_MS / 1000, path: "/dashboard/auth", secure: state.secure });
    redirect(state.res, github.authorizeUrl(`${state.origin}/dashboard/auth/callback`, oauthState), 302, { "set-cookie": cookie });
  }

  async function callback(state: DashboardRequest): Promise<void> {
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

  async function logout(state: DashboardRequest): Promise<void> {
    const session = await kit.sessionOf(state);
    if (!(await kit.checkPost(state, session))) return;
    if (session) await revokeSession(deps.store, hashSession(session), new Date(session.expires), deps.now());
    redirect(state.res, "/dashboard", 303, { "set-cookie": kit.clearSession(state) });
  }

  return [
    { method: "GET", pattern: "login", handle: login },
    { method: "GET", pattern: "auth/callback", handle: callback },
    { method: "POST", pattern: "logout", handle: logout },
  ];
}
