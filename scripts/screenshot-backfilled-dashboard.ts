// npm run screenshots: fills a fresh SQLite store through the real backfill (GitHub served by a loopback
// stand-in with four weeks of generated pull requests and reviews), signs in to the dashboard through
// the OAuth stand-in in Debian's Chromium, and saves the org, repository and private pages to
// docs/screenshots/backfilled-*.png.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { chromium } from "playwright-core";
import { createOctokitClass } from "../src/github/create-octokit-class.js";
import { GitHubClient } from "../src/github/github-client.js";
import { loadRepoConfig } from "../src/repo-config/load-repo-config.js";
import { upsertInstallation, upsertRepositories } from "../src/store/installations.js";
import { openStore } from "../src/store/open-store.js";
import { backfillRepository } from "../src/use-cases/backfill-repository.js";
import { RISKY_FILES } from "../test/fixtures/risky-pull-request-files.js";
import { GitHubStandIn, json } from "../test/helpers/github-stand-in.js";
import { OAuthStandIn } from "../test/helpers/oauth-stand-in.js";
import { DASHBOARD_SECRETS, startDashboardServer } from "../test/helpers/seed-dashboard-data.js";

const NOW = new Date("2026-11-11T10:00:00.000Z");
const DAY = 86_400_000;
const INSTALLATION = 1001;
const REPOS = [
  { id: 501, fullName: "acme/shop" },
  { id: 502, fullName: "acme/api" },
];
const PEOPLE = { alice: 9001, bob: 9002, carol: 9003, dave: 9004, erin: 9005, frank: 9006 } as const;
type Person = keyof typeof PEOPLE;
const user = (login: Person) => ({ login, id: PEOPLE[login], type: "User" });

const BENIGN = [{ filename: "docs/guide.md", status: "modified", additions: 2, deletions: 2, changes: 4, patch: "@@ -3,2 +3,2 @@\n-teh setup\n+the setup\n-recieve\n+receive" }];
const SUBSTANTIVE: Record<number, string> = {
  13: "This builds the SQL from the query string, so anyone can inject through `name`. Could we use a bound parameter, because the driver escapes it?",
  3: "Why turn off TLS verification? Anyone on the network could read and change the traffic, because certificates are no longer checked.",
  16: "If audit throws, this empty catch hides the failure, so we never learn about it. Should we log and rethrow?",
};

/** Four weeks of merged PRs per repository, reviewed in different ways. */
function pullRequests(repoIndex: number) {
  return Array.from({ length: 12 }, (_, i) => {
    const number = 100 + i;
    const mergedAt = new Date(NOW.getTime() - (2 + i * 2.2 + repoIndex) * DAY).toISOString();
    const risky = i % 3 !== 2;
    const style = ["thorough", "rubber-stamp", "style-only", "harsh", "partial"][(i + repoIndex) % 5]!;
    const reviewer: Person = (["bob", "carol", "alice", "dave", "erin", "frank"] as Person[])[(i + repoIndex * 2) % 6]!;
    return { number, mergedAt, risky, style, reviewer };
  });
}

async function main(): Promise<void> {
  const log = pino({ level: "warn" });
  const store = await openStore({ sqlitePath: path.join(mkdtempSync(path.join(tmpdir(), "review-coach-shots-")), "review-coach.sqlite"), log });
  const github = new GitHubStandIn();
  REPOS.forEach((repo, repoIndex) => {
    const prs = pullRequests(repoIndex);
    const base = `/api/v3/repos/${repo.fullName}`;
    github.route((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === `${base}/pulls` && url.searchParams.get("state") === "closed") {
        if (url.searchParams.get("page") !== "1") return json(res, 200, []);
        return json(
          res,
          200,
          prs.map((pr) => ({
            id: repo.id * 1000 + pr.number,
            number: pr.number,
            title: pr.risky ? `feat(auth): token login, part ${pr.number - 99}` : `docs: fix typos in the guide (${pr.number})`,
            html_url: `https://github.com/${repo.fullName}/pull/${pr.number}`,
            state: "closed",
            draft: false,
            user: user("frank"),
            head: { sha: (repo.id * 1000 + pr.number).toString(16).padStart(40, "a"), ref: `b${pr.number}`, repo: { full_name: repo.fullName } },
            base: { ref: "main", sha: "f".repeat(40) },
            created_at: new Date(Date.parse(pr.mergedAt) - 2 * DAY).toISOString(),
            updated_at: pr.mergedAt,
            closed_at: pr.mergedAt,
            merged_at: pr.mergedAt,
          })),
        );
      }
      const match = new RegExp(`^${base}/pulls/(\\d+)/(files|reviews|comments)$`).exec(url.pathname);
      if (!match) return false;
      const pr = prs.find((p) => p.number === Number(match[1]));
      if (!pr) return false;
      const submittedAt = new Date(Date.parse(pr.mergedAt) - DAY).toISOString();
      const reviewId = repo.id * 1000 + pr.number;
      if (match[2] === "files") return json(res, 200, pr.risky ? RISKY_FILES : BENIGN);
      if (match[2] === "reviews") {
        const state = pr.style === "thorough" || pr.style === "harsh" ? "CHANGES_REQUESTED" : pr.style === "rubber-stamp" ? "APPROVED" : "COMMENTED";
        const body = pr.style === "rubber-stamp" ? "LGTM 👍" : pr.style === "harsh" ? "Did you even run this? Obviously wrong." : "";
        return json(res, 200, [{ id: reviewId, user: user(pr.reviewer), body, state, commit_id: "a".repeat(40), submitted_at: submittedAt, html_url: `https://github.com/${repo.fullName}/pull/${pr.number}#pullrequestreview-${reviewId}` }]);
      }
      const comment = (id: number, path: string, line: number, body: string) => ({ id, pull_request_review_id: reviewId, path, line, body, user: user(pr.reviewer), created_at: submittedAt, diff_hunk: "@@" });
      const comments =
        !pr.risky
          ? []
          : pr.style === "thorough"
            ? [comment(reviewId * 10 + 1, "src/users/find-user.ts", 13, SUBSTANTIVE[13]!), comment(reviewId * 10 + 2, "src/http/client.ts", 3, SUBSTANTIVE[3]!), comment(reviewId * 10 + 3, "src/users/find-user.ts", 16, SUBSTANTIVE[16]!)]
            : pr.style === "partial"
              ? [comment(reviewId * 10 + 1, "src/users/find-user.ts", 13, SUBSTANTIVE[13]!)]
              : pr.style === "style-only"
                ? [comment(reviewId * 10 + 1, "src/users/find-user.ts", 11, "nit: rename `started` to `startedAt`"), comment(reviewId * 10 + 2, "src/http/client.ts", 2, "nit: drop the blank line")]
                : pr.style === "harsh"
                  ? [comment(reviewId * 10 + 1, "src/users/find-user.ts", 13, "This is garbage, who writes SQL like this?")]
                  : [];
      return json(res, 200, comments);
    });
  });
  github.route((req, res) => (req.url ?? "").includes("/contents/") && json(res, 404, { message: "Not Found" }));
  const githubHost = await github.start();

  await upsertInstallation(store, { id: INSTALLATION, accountLogin: "acme", accountType: "Organization", repositorySelection: "all", suspendedAt: null }, new Date(NOW.getTime() - 40 * DAY));
  await upsertRepositories(store, REPOS.map((r) => ({ id: r.id, installationId: INSTALLATION, fullName: r.fullName, private: true })), new Date(NOW.getTime() - 40 * DAY));
  const Octokit = createOctokitClass({ throttle: false, retry: false });
  for (const repo of REPOS) {
    const client = new GitHubClient(new Octokit({ auth: "ghs_backfill", baseUrl: `http://${githubHost}/api/v3` }), log);
    await backfillRepository({
      job: { installationId: INSTALLATION, repositoryId: repo.id, fullName: repo.fullName },
      deps: { github: client, store, log, now: () => NOW, loadConfig: (gh, ref, l) => loadRepoConfig(gh, ref, l) },
    });
  }
  const imported = await store.db.selectFrom("pull_requests").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  console.log(`backfilled ${imported?.n} pull requests through ${github.requests.length} GitHub requests`);

  const oauth = new OAuthStandIn(
    { login: "alice", id: PEOPLE.alice, installations: [{ id: INSTALLATION, account: { login: "acme", type: "Organization" }, repositories: REPOS.map((r) => ({ id: r.id, full_name: r.fullName })) }] },
    DASHBOARD_SECRETS.GITHUB_CLIENT_ID,
    DASHBOARD_SECRETS.GITHUB_CLIENT_SECRET,
  );
  const host = await oauth.start();
  const server = await startDashboardServer(store, {
    now: () => NOW,
    env: { GHE_HOST: host, GHE_PROTOCOL: "http", githubApiUrl: `http://${host}/api/v3` },
  });
  const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "review-coach-chromium-")), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  for (const [name, url] of [
    ["org", `/dashboard/installations/${INSTALLATION}`],
    ["repo", "/dashboard/repos/acme/shop"],
    ["me", "/dashboard/me"],
  ] as const) {
    await page.goto(`${server.url}${url}`);
    await page.waitForURL(`${server.url}${url}`);
    const file = `docs/screenshots/backfilled-${name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(`saved ${file}`);
  }
  await browser.close();
  await server.stop();
  await oauth.stop();
  await github.stop();
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
