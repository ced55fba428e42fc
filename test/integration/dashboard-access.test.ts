import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { encryptSession, type Session } from "../../src/dashboard/auth/encrypt-session.js";
import { CONTENT_SECURITY_POLICY } from "../../src/dashboard/send-response.js";
import { getDefaultConfig } from "../../src/repo-config/default-config.js";
import { saveRepositoryConfig } from "../../src/store/repositories.js";
import { DASHBOARD_SECRETS, type DashboardServer, SEEDED, seedDashboardData, startDashboardServer } from "../helpers/seed-dashboard-data.js";
import { createTestStore, type TestStore } from "../helpers/stores.js";
import { isolateNetwork } from "../helpers/test-app.js";

const NOW = new Date("2026-11-11T10:00:00.000Z");
const HOUR = 3_600_000;
const API = "https://api.github.com";

const repo = (r: { id: number; fullName: string }) => ({ id: r.id, full_name: r.fullName });
const ACME_INSTALLATION = { id: SEEDED.acme.id, account: { login: "acme", type: "Organization" }, target_type: "Organization" };

let tokenCounter = 0;
const newToken = () => `ghu_test${String(++tokenCounter).padStart(6, "0")}abcdef`;

async function cookieFor(token: string, overrides: Partial<Session> = {}, secret = DASHBOARD_SECRETS.SESSION_SECRET): Promise<string> {
  const session: Session = { login: "alice", id: SEEDED.alice.id, token, issued: NOW.getTime(), expires: NOW.getTime() + 8 * HOUR, ...overrides };
  return `rc_session=${encodeURIComponent(await encryptSession(session, secret))}`;
}

/** GitHub says alice's token sees the acme installation, and in it acme/shop and acme/api (not acme/docs). */
function mockAliceAccess(token: string, options: { repositories?: boolean; user?: boolean } = {}): nock.Scope {
  const scope = nock(API, { reqheaders: { authorization: `token ${token}` } })
    .get("/user/installations")
    .query({ per_page: "100", page: "1" })
    .reply(200, { total_count: 1, installations: [ACME_INSTALLATION] });
  if (options.repositories ?? true) {
    scope
      .get(`/user/installations/${SEEDED.acme.id}/repositories`)
      .query({ per_page: "100", page: "1" })
      .reply(200, { total_count: 2, repositories: [repo(SEEDED.repositories.shop), repo(SEEDED.repositories.api)] });
  }
  if (options.user) scope.get("/user").reply(200, { login: "alice", id: SEEDED.alice.id });
  return scope;
}

describe("dashboard authorization", () => {
  let testStore: TestStore;
  let server: DashboardServer;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: "manual" });
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, ...headers },
      body: new URLSearchParams(form).toString(),
    });
  const csrfOf = (html: string) => html.match(/name="csrf" value="([^"]+)"/)?.[1] ?? "";

  beforeAll(async () => {
    isolateNetwork();
    testStore = await createTestStore("sqlite");
    await seedDashboardData(testStore.store, NOW);
    server = await startDashboardServer(testStore.store, { now: () => NOW });
  });
  afterAll(async () => {
    await server.stop();
    await testStore.drop();
    nock.cleanAll();
  });
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("refuses every URL of another installation, through pages, digests, the API and forms (404, same as missing)", async () => {
    const token = newToken();
    const scope = mockAliceAccess(token);
    const cookie = { cookie: await cookieFor(token) };
    // Positive control: alice's own installation answers, and its pages never mention globex.
    const own = await get(`/dashboard/installations/${SEEDED.acme.id}`, cookie);
    expect(own.status).toBe(200);
    const ownHtml = await own.text();
    expect(ownHtml).toContain("acme/shop");
    const csrf = csrfOf(ownHtml);
    expect(csrf).not.toBe("");

    const attempts: Array<{ method: string; path: string; run: () => Promise<Response> }> = [
      ...[
        `/dashboard/installations/${SEEDED.globex.id}`,
        "/dashboard/repos/globex/vault",
        "/dashboard/repos/GLOBEX/Vault",
        "/dashboard/repos/globex/vault/digests",
        `/api/v1/installations/${SEEDED.globex.id}`,
        "/api/v1/repos/globex/vault",
        "/api/v1/repos/Globex/VAULT",
        // A repository of alice's own installation that her token cannot see.
        "/dashboard/repos/acme/docs",
        "/dashboard/repos/acme/docs/digests",
        "/api/v1/repos/acme/docs",
      ].map((path) => ({ method: "GET", path, run: () => get(path, cookie) })),
      ...[SEEDED.repositories.vault.id, SEEDED.repositories.docs.id].map((id) => ({
        method: "POST",
        path: `/dashboard/me/opt-out (repository ${id})`,
        run: () => post("/dashboard/me/opt-out", { csrf, repository_id: String(id), opt_out: "1" }, cookie),
      })),
    ];
    const refused: string[] = [];
    for (const attempt of attempts) {
      const response = await attempt.run();
      const text = await response.text();
      if (response.status === 404) refused.push(`${attempt.method} ${attempt.path}`);
      expect(text).not.toMatch(/data-chart=|"summary"|"repositories"|Repository scores/);
    }
    process.stderr.write(`cross-installation access: ${attempts.length} URLs tried, ${refused.length} refused\n`);
    expect(refused).toHaveLength(attempts.length);
    expect(await testStore.store.db.selectFrom("reviewer_settings").selectAll().where("repository_id", "=", SEEDED.repositories.vault.id).execute()).toEqual([]);

    // Nothing of globex, nor of acme/docs, leaks into the pages alice can see.
    for (const path of ["/dashboard", `/dashboard/installations/${SEEDED.acme.id}`, "/dashboard/me", "/api/v1/installations", `/api/v1/installations/${SEEDED.acme.id}`, "/api/v1/me"]) {
      const response = await get(path, cookie);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toMatch(/globex|vault/i);
      expect(text).not.toContain("acme/docs");
    }
    scope.done();
  });

  it("shows a reviewer only their own reviews, nudges and comments on /dashboard/me and /api/v1/me", async () => {
    const token = newToken();
    const scope = mockAliceAccess(token);
    const response = await get("/api/v1/me", { cookie: await cookieFor(token) });
    expect(response.status).toBe(200);
    const me = (await response.json()) as { login: string; reviews: Array<{ id: number }>; nudges: unknown[]; toneSuggestions: Array<{ body: string }> };
    const db = testStore.store.db;
    const visible = [SEEDED.repositories.shop.id, SEEDED.repositories.api.id];
    const own = await db.selectFrom("reviews").select("id").where("reviewer_id", "=", SEEDED.alice.id).where("repository_id", "in", visible).execute();
    expect(me.login).toBe("alice");
    expect(me.reviews.map((review) => review.id).sort()).toEqual(own.map((review) => review.id).sort());
    const reviewers = await db.selectFrom("reviews").select("reviewer_login").where("id", "in", me.reviews.map((review) => review.id)).execute();
    expect(new Set(reviewers.map((row) => row.reviewer_login))).toEqual(new Set(["alice"]));
    const ownNudges = await db.selectFrom("nudges").select("id").where("reviewer_login", "=", "alice").where("repository_id", "in", visible).execute();
    expect(me.nudges).toHaveLength(ownNudges.length);
    expect(me.toneSuggestions.length).toBeGreaterThan(0);
    expect(me.toneSuggestions.every((item) => item.body.includes("obviously wrong"))).toBe(true);

    const html = await (await get("/dashboard/me", { cookie: await cookieFor(token) })).text();
    for (const other of ["bob", "carol", "dave", "erin", "frank"]) expect(html).not.toMatch(new RegExp(`\\b${other}\\b`));
    scope.done();
  });

  it("refuses forged, tampered, foreign-secret and expired session cookies", async () => {
    const token = newToken();
    const good = (await cookieFor(token)).slice("rc_session=".length);
    const value = decodeURIComponent(good);
    // a compact JWE: header . (no wrapped key) . iv . ciphertext . tag
    const parts = value.split(".");
    const tamperedBody = [parts[0], parts[1], parts[2], `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("AA") ? "BB" : "AA"}`, parts[4]].join(".");
    const cookies = {
      forged: "rc_session=v1.AAAA.BBBB.CCCC",
      garbage: "rc_session=%E0%A4%A",
      tampered: `rc_session=${encodeURIComponent(tamperedBody)}`,
      "signature stripped": `rc_session=${encodeURIComponent(parts.slice(0, 4).join("."))}`,
      "other secret": await cookieFor(token, {}, "another-secret-that-is-long-enough-0123"),
      expired: await cookieFor(token, { issued: NOW.getTime() - 9 * HOUR, expires: NOW.getTime() - HOUR }),
      "too long a life": await cookieFor(token, { issued: NOW.getTime() - HOUR, expires: NOW.getTime() + 30 * 24 * HOUR }),
      "issued in the future": await cookieFor(token, { issued: NOW.getTime() + 2 * HOUR, expires: NOW.getTime() + 3 * HOUR }),
    };
    for (const [, cookie] of Object.entries(cookies)) {
      const page = await get("/dashboard/me", { cookie });
      expect(page.status).toBe(302);
      expect(page.headers.get("location")).toBe("/dashboard/login?return_to=%2Fdashboard%2Fme");
      const api = await get("/api/v1/me", { cookie });
      expect(api.status).toBe(401);
      const overview = await get(`/dashboard/installations/${SEEDED.acme.id}`, { cookie });
      expect(overview.status).toBe(302);
    }
    // No GitHub call was made for any of them (nock would have thrown on an unmocked request).
  });

  it("refuses state-changing POSTs without the session's CSRF token or from another origin, and accepts the real form", async () => {
    const token = newToken();
    const scope = mockAliceAccess(token);
    const cookie = { cookie: await cookieFor(token) };
    const page = await get("/dashboard/me", cookie);
    const html = await page.text();
    const csrf = csrfOf(html);
    expect(html).toContain('action="/dashboard/me/opt-out"');
    const form = { repository_id: String(SEEDED.repositories.shop.id), opt_out: "1" };
    const otherToken = newToken();

    const refusals = [
      await post("/dashboard/me/opt-out", form, cookie),
      await post("/dashboard/me/opt-out", { ...form, csrf: "wrong-token" }, cookie),
      await post("/dashboard/me/opt-out", { ...form, csrf: csrf.slice(0, -1) + (csrf.endsWith("A") ? "B" : "A") }, cookie),
      // A token from another session of the same person.
      await post("/dashboard/me/opt-out", { ...form, csrf: csrfOf(await (await get("/dashboard", { cookie: await cookieFor(otherToken, { issued: NOW.getTime() - HOUR }) })).text()) }, cookie),
      await post("/dashboard/me/opt-out", { ...form, csrf }, { ...cookie, origin: "https://evil.example" }),
      await post("/dashboard/me/opt-out", { ...form, csrf }, { ...cookie, origin: "null" }),
      await post("/dashboard/me/opt-out", { ...form, csrf }, {}),
      await post("/dashboard/logout", { csrf: "nope" }, cookie),
    ];
    expect(refusals.map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    const settings = () =>
      testStore.store.db.selectFrom("reviewer_settings").select("coaching_opt_out").where("repository_id", "=", SEEDED.repositories.shop.id).where("login", "=", "alice").executeTakeFirst();
    expect(await settings()).toBeUndefined();

    const accepted = await post("/dashboard/me/opt-out", { ...form, csrf }, cookie);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe("/dashboard/me?updated=off");
    expect(await settings()).toEqual({ coaching_opt_out: 1 });
    const back = await post("/dashboard/me/opt-out", { ...form, opt_out: "0", csrf }, cookie);
    expect(back.status).toBe(303);
    expect(await settings()).toEqual({ coaching_opt_out: 0 });

    const logout = await post("/dashboard/logout", { csrf }, cookie);
    expect(logout.status).toBe(303);
    expect(logout.headers.get("set-cookie")).toMatch(/^rc_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax/);
    scope.done();
    nock.cleanAll();

    // Signing out revokes the session server-side: a copy of the cookie no longer opens anything.
    const replayed = await get("/dashboard/me", cookie);
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get("location")).toBe("/dashboard/login?return_to=%2Fdashboard%2Fme");
    expect((await get("/api/v1/me", cookie)).status).toBe(401);
  });

  it("accepts a GitHub user token as a bearer token on the API, checked the same way", async () => {
    const token = newToken();
    const scope = mockAliceAccess(token, { user: true });
    const list = await get("/api/v1/installations", { authorization: `Bearer ${token}` });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ installations: [{ id: SEEDED.acme.id, accountLogin: "acme", accountType: "Organization", known: true, url: `/api/v1/installations/${SEEDED.acme.id}` }] });
    const repository = await get("/api/v1/repos/acme/shop", { authorization: `Bearer ${token}` });
    expect(repository.status).toBe(200);
    expect(((await repository.json()) as { summary: { fullName: string } }).summary.fullName).toBe("acme/shop");
    expect((await get(`/api/v1/installations/${SEEDED.globex.id}`, { authorization: `Bearer ${token}` })).status).toBe(404);
    scope.done();

    const revoked = newToken();
    nock(API).get("/user").reply(401, { message: "Bad credentials" });
    expect((await get("/api/v1/me", { authorization: `Bearer ${revoked}` })).status).toBe(401);
    expect((await get("/api/v1/me", { authorization: "Basic abc" })).status).toBe(401);
    expect((await get("/api/v1/me")).status).toBe(401);
  });

  it("answers 503 with Retry-After, not 'sign in', when the bearer token's GitHub rate limit is spent", async () => {
    const token = newToken();
    const reset = Math.ceil(Date.now() / 1000) + 3600;
    const scope = nock(API, { reqheaders: { authorization: `token ${token}` } })
      .get("/user")
      .reply(403, { message: "API rate limit exceeded for user ID 1." }, { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) });
    const answer = await get("/api/v1/me", { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await answer.json()) as { message: string }).message).toMatch(/^GitHub's rate limit for this token is spent: try again in \d+ s\.$/);
    scope.done();
  });

  it("signs in through GitHub's web flow with a signed state bound to a cookie", async () => {
    const login = await get("/dashboard/login?return_to=%2Fdashboard%2Fme");
    expect(login.status).toBe(302);
    const location = new URL(login.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe("https://github.com/login/oauth/authorize");
    expect(location.searchParams.get("client_id")).toBe(DASHBOARD_SECRETS.GITHUB_CLIENT_ID);
    expect(location.searchParams.get("redirect_uri")).toBe(`${server.url}/dashboard/auth/callback`);
    const state = location.searchParams.get("state") ?? "";
    const stateCookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(login.headers.get("set-cookie")).toMatch(/^rc_oauth=[^;]+; Max-Age=600; Path=\/dashboard\/auth; HttpOnly; SameSite=Lax$/);

    // Without the browser's cookie, or with a tampered state, the callback is refused and GitHub is not asked.
    expect((await get(`/dashboard/auth/callback?code=abc&state=${encodeURIComponent(state)}`)).status).toBe(400);
    expect((await get(`/dashboard/auth/callback?code=abc&state=${encodeURIComponent(`${state}x`)}`, { cookie: stateCookie })).status).toBe(400);
    expect((await get(`/dashboard/auth/callback?state=${encodeURIComponent(state)}`, { cookie: stateCookie })).status).toBe(400);

    const token = newToken();
    const web = nock("https://github.com")
      .post("/login/oauth/access_token", { client_id: DASHBOARD_SECRETS.GITHUB_CLIENT_ID, client_secret: DASHBOARD_SECRETS.GITHUB_CLIENT_SECRET, code: "abc", redirect_uri: `${server.url}/dashboard/auth/callback` })
      .reply(200, { access_token: token, token_type: "bearer", expires_in: 28800 });
    const api = nock(API, { reqheaders: { authorization: `token ${token}` } }).get("/user").reply(200, { login: "alice", id: SEEDED.alice.id });
    const callback = await get(`/dashboard/auth/callback?code=abc&state=${encodeURIComponent(state)}`, { cookie: stateCookie });
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/dashboard/me");
    const cookies = callback.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^rc_session=[^;]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookies[1]).toMatch(/^rc_oauth=; .*Max-Age=0/);
    expect(cookies[0]).not.toContain(token);
    web.done();
    api.done();

    // The new session works.
    const access = mockAliceAccess(token);
    const me = await get("/dashboard/me", { cookie: cookies[0]!.split(";")[0]! });
    expect(me.status).toBe(200);
    access.done();
  });

  it("serves pages with a strict CSP, escaped data, and no people next to negatives", async () => {
    const token = newToken();
    const scope = mockAliceAccess(token);
    const cookie = { cookie: await cookieFor(token) };
    for (const path of ["/dashboard", `/dashboard/installations/${SEEDED.acme.id}`, "/dashboard/repos/acme/shop", "/dashboard/repos/acme/api", "/dashboard/repos/acme/shop/digests", "/dashboard/me"]) {
      const response = await get(path, cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const html = await response.text();
      expect(html).not.toMatch(/<script|https?:\/\/(cdn|fonts)\./i);
      expect(html).not.toContain("<b>login</b>");
    }
    const shop = await (await get("/dashboard/repos/acme/shop", cookie)).text();
    expect(shop).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Fix &lt;b&gt;login&lt;/b&gt; &amp; &quot;sessions&quot;");
    // The rule acme/shop's reviewers kept dismissing is listed as muted there, and flagged in the per-rule table.
    expect(/<table class="data" id="muted-rules">[\s\S]*?<\/table>/.exec(shop)?.[0]).toMatch(
      /<tr><th scope="row"><code>code-eval<\/code><\/th><td>this repository<\/td><td class="num">3<\/td><td class="num">0<\/td><td class="num">3<\/td><td class="num">0<\/td><td>2026-11-\d\d<\/td><td>2027-02-\d\d<\/td><\/tr>/,
    );
    expect(shop).toMatch(/<tr class="flagged"><th scope="row"><code>code-eval<\/code><\/th>(<td class="num">\d+<\/td>){4}<td class="num">100% <strong>above 10%<\/strong><\/td><\/tr>/);
    // Reviewers appear only in kudos on the repository page, and nowhere on the org page or where the config says "none".
    const withoutKudos = shop.replace(/<section aria-labelledby="kudos-heading">[\s\S]*?<\/section>/, "");
    for (const login of ["alice", "bob", "carol", "dave", "erin", "frank"]) expect(withoutKudos.replace(/Signed in as alice/, "")).not.toMatch(new RegExp(`\\b${login}\\b`));
    const org = await (await get(`/dashboard/installations/${SEEDED.acme.id}`, cookie)).text();
    const api = await (await get("/dashboard/repos/acme/api", cookie)).text();
    for (const html of [org, api]) {
      for (const login of ["bob", "carol", "dave", "erin", "frank"]) expect(html).not.toMatch(new RegExp(`\\b${login}\\b`));
    }
    expect(api).toContain("shadow mode");
    scope.done();
  });

  it("serves the badge only where the config enables it, and /metrics only with its token", async () => {
    const badge = await get("/badge/acme/shop.svg");
    expect(badge.status).toBe(200);
    expect(badge.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(badge.headers.get("cache-control")).toBe("max-age=300");
    expect(await badge.text()).toMatch(/^<svg [^>]*role="img" aria-label="review score: \d+"/);
    expect((await get("/badge/acme/api.svg")).status).toBe(404);
    expect((await get("/badge/nobody/nothing.svg")).status).toBe(404);
    expect((await get("/badge/..%2F..%2Fetc/passwd.svg")).status).toBe(404);

    expect((await get("/metrics")).status).toBe(401);
    expect((await get("/metrics", { authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
    const metrics = await get("/metrics", { authorization: `Bearer ${DASHBOARD_SECRETS.METRICS_TOKEN}` });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
  });

  it("reads the badge's config from the store, as the app last read it, without asking GitHub", async () => {
    const shop = SEEDED.repositories.shop.id;
    const defaults = getDefaultConfig();
    const sources = ["config/default.yml", "acme/shop: .github/review-coach.yml"];
    await saveRepositoryConfig(testStore.store, shop, { config: { ...defaults, badge: { enabled: false } }, sources, problems: [] }, NOW);
    expect((await get("/badge/acme/shop.svg")).status).toBe(404);
    await saveRepositoryConfig(testStore.store, shop, { config: { ...defaults, badge: { enabled: true } }, sources, problems: [] }, NOW);
    expect((await get("/badge/acme/shop.svg")).status).toBe(200);
  });
});

describe("dashboard without sign-in settings", () => {
  let testStore: TestStore;
  let server: DashboardServer;
  beforeAll(async () => {
    isolateNetwork();
    testStore = await createTestStore("sqlite");
    await seedDashboardData(testStore.store, NOW);
    // Without PUBLIC_URL the sign-in redirect_uri would come from the Host header: the dashboard stays off.
    server = await startDashboardServer(testStore.store, { now: () => NOW, env: { SESSION_SECRET: undefined, GITHUB_CLIENT_SECRET: undefined, METRICS_TOKEN: undefined, PUBLIC_URL: undefined } });
  });
  afterAll(async () => {
    await server.stop();
    await testStore.drop();
  });

  it("answers 503 naming the missing settings, while the badge still works and /metrics is off", async () => {
    for (const path of ["/dashboard", "/dashboard/login", "/dashboard/me", "/api/v1/me"]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain("GITHUB_CLIENT_SECRET, SESSION_SECRET, PUBLIC_URL");
      expect(text).not.toContain("GITHUB_CLIENT_ID,");
    }
    expect((await fetch(`${server.url}/badge/acme/shop.svg`)).status).toBe(200);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer anything-at-all-123" } })).status).toBe(404);
  });
});

describe("the dashboard served over https", () => {
  let testStore: TestStore;
  let servers: DashboardServer[];
  beforeAll(async () => {
    isolateNetwork();
    testStore = await createTestStore("sqlite");
    servers = [
      await startDashboardServer(testStore.store, { now: () => NOW, env: { PUBLIC_URL: "https://coach.example.com" } }),
      await startDashboardServer(testStore.store, { now: () => NOW }),
    ];
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await testStore.drop();
  });

  it("sends HSTS when PUBLIC_URL is https, and not over plain http", async () => {
    const [https, http] = servers as [DashboardServer, DashboardServer];
    const secure = await fetch(`${https.url}/dashboard/login`, { redirect: "manual" });
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000");
    // the sign-in callback is PUBLIC_URL's, whatever Host the request names
    expect(new URL(secure.headers.get("location")!).searchParams.get("redirect_uri")).toBe("https://coach.example.com/dashboard/auth/callback");
    expect((await fetch(`${http.url}/dashboard`, { redirect: "manual" })).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("access re-checked with GitHub", () => {
  let testStore: TestStore;
  let server: DashboardServer;
  let clock = NOW.getTime();
  beforeAll(async () => {
    isolateNetwork();
    testStore = await createTestStore("sqlite");
    await seedDashboardData(testStore.store, NOW);
    server = await startDashboardServer(testStore.store, { now: () => new Date(clock) });
  });
  afterAll(async () => {
    await server.stop();
    await testStore.drop();
    nock.cleanAll();
  });

  it("shuts out a member removed from the org, or a revoked token, within a minute", async () => {
    const token = newToken();
    const page = `/dashboard/installations/${SEEDED.acme.id}`;
    const open = async () => (await fetch(`${server.url}${page}`, { headers: { cookie: await cookieFor(token) }, redirect: "manual" })).status;
    const first = mockAliceAccess(token);
    expect(await open()).toBe(200);
    first.done();

    // GitHub no longer lists the installation for her: within the minute her answer is remembered...
    const removed = nock(API, { reqheaders: { authorization: `token ${token}` } })
      .get("/user/installations")
      .query({ per_page: "100", page: "1" })
      .reply(200, { total_count: 0, installations: [] })
      .get("/user/installations")
      .query({ per_page: "100", page: "1" })
      .reply(401, { message: "Bad credentials" });
    clock += 59_000;
    expect(await open()).toBe(200);
    // ...and a minute after the first answer it is asked again: the page is gone.
    clock += 2_000;
    expect(await open()).toBe(404);
    // A revoked token is refused the same way once its answer expires.
    clock += 61_000;
    expect(await open()).toBe(302); // back to sign-in
    removed.done();
  });
});
