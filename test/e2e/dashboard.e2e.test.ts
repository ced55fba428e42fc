// The dashboard in a real browser: sign in through a GitHub OAuth stand-in on loopback, open every page
// and the badge, check the charts are drawn with data, and keep screenshots.

import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { OAuthStandIn } from "../helpers/oauth-stand-in.js";
import { DASHBOARD_SECRETS, type DashboardServer, SEEDED, seedDashboardData, startDashboardServer } from "../helpers/seed-dashboard-data.js";
import { createTestStore, type TestStore } from "../helpers/stores.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "__screenshots__");
const COPIES = "/tmp/dashboard-shots";
const NOW = new Date("2026-11-11T10:00:00.000Z");

// Skipped only on a machine without Chromium outside CI; in CI a missing browser fails the run.
const maybe = !existsSync(CHROMIUM) && !process.env.CI ? describe.skip : describe;

maybe("dashboard in a browser", () => {
  let testStore: TestStore;
  let server: DashboardServer;
  let github: OAuthStandIn;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const problems: string[] = [];

  const shot = async (name: string, copy = false) => {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (copy) copyFileSync(file, path.join(COPIES, `${name}.png`));
  };
  const scores = (selector: string) => page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-score") ?? node.getAttribute("data-share")));

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(COPIES, { recursive: true });
    testStore = await createTestStore("sqlite");
    await seedDashboardData(testStore.store, NOW);
    const repository = (r: { id: number; fullName: string }) => ({ id: r.id, full_name: r.fullName });
    github = new OAuthStandIn(
      {
        login: "alice",
        id: SEEDED.alice.id,
        installations: [
          {
            id: SEEDED.acme.id,
            account: { login: "acme", type: "Organization" },
            repositories: [repository(SEEDED.repositories.shop), repository(SEEDED.repositories.api), repository(SEEDED.repositories.docs)],
          },
        ],
      },
      DASHBOARD_SECRETS.GITHUB_CLIENT_ID,
      DASHBOARD_SECRETS.GITHUB_CLIENT_SECRET,
    );
    const host = await github.start();
    server = await startDashboardServer(testStore.store, {
      now: () => NOW,
      env: { GHE_HOST: host, GHE_PROTOCOL: "http", githubApiUrl: `http://${host}/api/v3` },
    });
    userDataDir = mkdtempSync(path.join(tmpdir(), "review-coach-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await github?.stop();
    await testStore?.drop();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it("signs in with GitHub and lands on the page it asked for", async () => {
    await page.goto(`${server.url}/dashboard/me`);
    await page.waitForURL(`${server.url}/dashboard/me`);
    expect(await page.locator("h1").textContent()).toBe("My coaching");
    expect(github.stand.requests.map((request) => `${request.method} ${request.path.split("?")[0]}`)).toEqual(
      expect.arrayContaining(["GET /login/oauth/authorize", "POST /login/oauth/access_token", "GET /api/v3/user"]),
    );
    const cookies = await context.cookies(server.url);
    expect(cookies.find((cookie) => cookie.name === "rc_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  }, 30_000);

  it("draws my trend and shows my reviews, nudges and tone suggestions; the opt-out switch works", async () => {
    await page.goto(`${server.url}/dashboard/me`);
    const points = await scores('svg[data-chart="line"] circle.point');
    expect(points.length).toBeGreaterThan(3);
    expect(points.every((value) => Number(value) >= 0 && Number(value) <= 100)).toBe(true);
    expect(await page.locator("svg[data-chart] > title").first().textContent()).toBe("My mean review score per week");
    expect(await page.locator('section[aria-labelledby="tone-heading"] blockquote').first().textContent()).toContain("obviously wrong");
    expect(await page.locator('section[aria-labelledby="tone-heading"] li').count()).toBeGreaterThan(1);
    await shot("me", true);

    const form = page.locator('form[action="/dashboard/me/opt-out"]', { hasText: "acme/shop" });
    await form.getByRole("button").click();
    await page.waitForURL(`${server.url}/dashboard/me?updated=off`);
    expect(await page.getByRole("status").textContent()).toContain("Coaching is now off");
    expect(await page.locator('form[action="/dashboard/me/opt-out"]', { hasText: "acme/shop" }).textContent()).toContain("coaching is off");
  }, 30_000);

  it("shows the org overview with a sparkline per repository and coverage bars", async () => {
    await page.goto(`${server.url}/dashboard/installations/${SEEDED.acme.id}`);
    expect(await page.locator("h1").textContent()).toBe("acme: review quality");
    expect(await page.locator('svg[data-chart="sparkline"]').count()).toBe(3);
    expect((await scores('svg[data-chart="sparkline"] circle.point')).length).toBeGreaterThan(12);
    const bars = await scores('svg[data-chart="coverage"] rect[data-key]');
    expect(bars).toHaveLength(5);
    expect(bars.filter((share) => share !== "").length).toBeGreaterThan(2);
    await shot("org", true);
  }, 30_000);

  it("shows a repository's trend, weekly coverage, weak merges and config; on a phone too", async () => {
    await page.goto(`${server.url}/dashboard/repos/acme/shop`);
    const trend = await scores('svg[data-chart="line"] circle.point');
    expect(trend).toHaveLength(8);
    expect(await page.locator('svg[data-chart="weekly-coverage"]').count()).toBe(5);
    expect(await page.locator('svg[data-chart="weekly-coverage"] rect.bar').count()).toBeGreaterThan(8);
    const weak = page.locator('section[aria-labelledby="weak-heading"] a');
    expect(await weak.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(SEEDED.hostileTitle)]));
    expect(await page.locator('section[aria-labelledby="config-heading"] code').allTextContents()).toContain("acme/shop: .github/review-coach.yml");
    // Rules: the one reviewers kept dismissing is muted, with its counts and since when; every rule's effectiveness.
    const muted = await page.locator("#muted-rules tbody tr").evaluateAll((rows) => rows.map((row) => Array.from((row as unknown as { children: ArrayLike<{ textContent: string | null }> }).children, (cell) => cell.textContent)));
    expect(muted).toEqual([["code-eval", "this repository", "3", "0", "3", "0", expect.stringMatching(/^2026-11-\d\d$/), expect.stringMatching(/^2027-02-\d\d$/)]]);
    const effectiveness = page.locator("#rule-effectiveness tbody tr");
    expect(await effectiveness.locator("th code").allTextContents()).toEqual(expect.arrayContaining(["code-eval", "sql-from-variable"]));
    expect(await page.locator("#rule-effectiveness tbody tr.flagged th code").first().textContent()).toBe("code-eval");
    expect(await page.locator("#rule-effectiveness tbody tr.flagged").first().locator("td").last().textContent()).toBe("100% above 10%");
    await shot("repo", true);

    // Keyboard: the first Tab reaches the skip link, which moves focus to the content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent)).toBe("Skip to content");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    const wide = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ tagName: string; className: unknown; closest(s: string): unknown; getBoundingClientRect(): { right: number } }> } }).document;
      // Text alternatives are clipped to 1px on purpose; everything else must fit the phone's width.
      return Array.from(doc.querySelectorAll("body *"))
        .filter((element) => !element.closest(".visually-hidden") && !element.closest(".table-wrap") && element.getBoundingClientRect().right > 391)
        .map((element) => `${element.tagName}.${String(element.className)}`)
        .slice(0, 8);
    });
    expect({ width, wide }).toEqual({ width: 390, wide: [] });
    await shot("repo-phone", true);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 30_000);

  it("shows the shadow-mode repository and the digest archive with its trend drawn", async () => {
    await page.goto(`${server.url}/dashboard/repos/acme/api`);
    expect(await page.locator('section[aria-labelledby="shadow-heading"]').textContent()).toContain("shadow mode");
    await shot("repo-shadow");

    await page.goto(`${server.url}/dashboard/repos/acme/shop/digests`);
    expect(await page.locator("article.digest h2").first().textContent()).toMatch(/^Review digest for acme\/shop, 2026-W45$/);
    expect((await scores('article.digest svg[data-chart="line"] circle.point')).length).toBeGreaterThan(1);
    expect(await page.locator("article.digest table.data").count()).toBeGreaterThan(0);
    await shot("digests", true);
  }, 30_000);

  it("serves the badge as an SVG image that renders in an <img>", async () => {
    const response = await page.goto(`${server.url}/badge/acme/shop.svg`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(await response?.text()).toMatch(/<title>review score: \d+<\/title>/);
    // An SVG document cannot be screenshotted full-page: show it the way a README does, as an image.
    await page.goto(`${server.url}/dashboard`);
    await page.setContent(`<p>Badge: <img alt="review score" src="${server.url}/badge/acme/shop.svg"></p>`, { waitUntil: "load" });
    const size = await page.locator("img").evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth);
    expect(size).toBeGreaterThan(60);
    const file = path.join(SHOTS, "badge.png");
    await page.locator("img").screenshot({ path: file });
    copyFileSync(file, path.join(COPIES, "badge.png"));
  }, 30_000);

  it("ran without console errors or CSP violations", () => {
    expect(problems).toEqual([]);
  });
});
