import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createPreviewCommand } from "../../src/cli/run-preview-command.js";
import { previewReportSchema } from "../../src/use-cases/preview-report.js";
import {
  docsFiles,
  headShaOf,
  HISTORY_REPO,
  restPull,
  restRepository,
  restReview,
  restReviewComment,
  RISKY_BLOBS,
  RISKY_TEXTS,
  riskyFiles,
} from "../fixtures/pull-request-history.js";
import { fakeIo } from "../helpers/fake-cli-io.js";
import { isolateNetwork } from "../helpers/test-app.js";
import { blobAnswer, fileTextsQuery } from "../helpers/file-texts-query.js";

// A GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql.
const HOST = "github.example.com";
const ORIGIN = `https://${HOST}`;
const REST = "/api/v3";
const REPO = `${HISTORY_REPO.owner}/${HISTORY_REPO.name}`;
// Wednesday of 2026-W47: --since 2w reads merges from Monday 2026-11-02 (W45 and W46, and W47 so far).
const NOW = Date.parse("2026-11-18T10:00:00Z");
const RESET = Math.floor(NOW / 1000) + 90;
const CONFIG = "maxNudgesPerPullRequest: 3\n";
const LIST_QUERY = { state: "closed", sort: "updated", direction: "desc", per_page: 30 };

// Like every suite: GitHub is nock, only loopback is real (a bare disableNetConnect would outlive this file
// in the worker and refuse the next suite's local app).
beforeAll(() => {
  isolateNetwork();
});
afterEach(() => {
  nock.cleanAll();
});

/** Two weeks of merged pull requests, with their reviews and comments, listed by update, newest first. */
const page1 = [
  restPull({ number: 106, author: "dependabot[bot]", authorType: "Bot", mergedAt: "2026-11-14T16:00:00Z", title: "Bump lodash" }, HOST),
  restPull({ number: 105, author: "alice-dev", mergedAt: "2026-11-13T15:00:00Z", title: "Search users by name, audited" }, HOST),
  restPull({ number: 104, author: "bob-dev", mergedAt: "2026-11-12T11:00:00Z", title: "Trust the staging certificate" }, HOST),
  restPull({ number: 103, author: "bob-dev", mergedAt: "2026-11-10T09:30:00Z", title: "Fix a typo in the checkout guide" }, HOST),
  ...Array.from({ length: 24 }, (_, i) => restPull({ number: 200 + i, author: "alice-dev", mergedAt: null, updatedAt: "2026-11-08T12:00:00Z", title: `Experiment ${i}` }, HOST)),
  restPull({ number: 102, author: "alice-dev", mergedAt: "2026-11-05T17:00:00Z", title: "Look users up by name" }, HOST),
  restPull({ number: 101, author: "bob-dev", mergedAt: "2026-11-03T10:00:00Z", title: "Audit user lookups" }, HOST),
];
const page2 = [
  restPull({ number: 99, author: "alice-dev", mergedAt: "2026-11-02T09:00:00Z", title: "Checkout guide: the basket's lifetime" }, HOST),
  restPull({ number: 90, author: "alice-dev", mergedAt: "2026-10-20T12:00:00Z", title: "Older than the window" }, HOST),
];
const reviews: Record<number, unknown[][]> = {
  99: [[restReview(99, { id: 9901, login: "dave-rev", state: "APPROVED", body: "Good catch on the lifetime, thanks.", submittedAt: "2026-11-02T08:30:00Z" }, HOST)]],
  101: [[restReview(101, { id: 10101, login: "carol-rev", state: "APPROVED", body: "LGTM", submittedAt: "2026-11-03T09:00:00Z" }, HOST)]],
  // Two pages (Link header): a comment review, then the approval.
  102: [
    [restReview(102, { id: 10201, login: "dave-rev", state: "COMMENTED", body: "", submittedAt: "2026-11-05T10:00:00Z" }, HOST)],
    [restReview(102, { id: 10202, login: "dave-rev", state: "APPROVED", body: "Approving once the query is parameterised.", submittedAt: "2026-11-05T16:00:00Z" }, HOST)],
  ],
  103: [[restReview(103, { id: 10301, login: "carol-rev", state: "APPROVED", body: "Reads well.", submittedAt: "2026-11-10T09:00:00Z" }, HOST)]],
  104: [[]],
  105: [
    [
      restReview(105, { id: 10501, login: "alice-dev", state: "COMMENTED", body: "Noting why the audit call is here.", submittedAt: "2026-11-13T09:00:00Z" }, HOST),
      restReview(105, { id: 10502, login: "erin-rev", state: "CHANGES_REQUESTED", body: "One question on the error path.", submittedAt: "2026-11-13T10:00:00Z" }, HOST),
      restReview(105, { id: 10503, login: "erin-rev", state: "APPROVED", body: "", submittedAt: "2026-11-13T14:00:00Z" }, HOST),
    ],
  ],
};
const comments: Record<number, unknown[]> = {
  99: [],
  101: [],
  102: [
    restReviewComment(102, {
      id: 20201,
      reviewId: 10201,
      login: "dave-rev",
      path: "src/users/find-user.ts",
      line: 13,
      body: "This concatenates req.query.name into the SQL, so anyone can inject a query. Could we use a parameterised query ($1) instead?",
      createdAt: "2026-11-05T10:00:00Z",
    }, HOST),
  ],
  103: [],
  104: [],
  105: [
    restReviewComment(105, {
      id: 20501,
      reviewId: 10502,
      login: "erin-rev",
      path: "src/users/find-user.ts",
      line: 16,
      body: "What happens when audit() throws? The empty catch swallows the error, so a failed audit goes unnoticed: log it or rethrow?",
      createdAt: "2026-11-13T10:00:00Z",
    }, HOST),
  ],
};
const files: Record<number, unknown[][]> = {
  99: [docsFiles(HOST)],
  // Two pages (Link header), one file each.
  101: [riskyFiles(HOST).slice(0, 1), riskyFiles(HOST).slice(1)],
  102: [riskyFiles(HOST)],
  103: [docsFiles(HOST)],
  104: [riskyFiles(HOST)],
  105: [riskyFiles(HOST)],
};

type Run = "fresh" | "unchanged";
const etagOf = (key: string) => `W/"${Buffer.from(key).toString("hex").slice(-32)}"`;
const rate = (remaining: number) => ({ "x-ratelimit-limit": "5000", "x-ratelimit-remaining": String(remaining), "x-ratelimit-reset": String(RESET), "x-ratelimit-used": String(5000 - remaining) });

/**
 * One GET as GitHub answers it: 200 with an ETag on a fresh run; on a second run it must come with that
 * ETag in If-None-Match, and is answered 304.
 */
function mockGet(scope: nock.Scope, run: Run, pathname: string, query: Record<string, string | number> | null, body: unknown, headers: Record<string, string> = {}, remaining = 4900) {
  const key = `${pathname}?${JSON.stringify(query)}`;
  const interceptor = query ? scope.get(pathname).query(query) : scope.get(pathname);
  if (run === "fresh") {
    interceptor.reply(200, body as nock.Body, { etag: etagOf(key), ...rate(remaining), ...headers });
  } else {
    interceptor.matchHeader("if-none-match", etagOf(key)).reply(304, "", { etag: etagOf(key), ...rate(remaining) });
  }
}

/** A paginated list: each page but the last has a Link header to the next one. */
function mockPages(scope: nock.Scope, run: Run, pathname: string, pages: unknown[][]) {
  pages.forEach((page, index) => {
    const next: Record<string, string> = index + 1 < pages.length ? { link: `<${ORIGIN}${pathname}?per_page=100&page=${index + 2}>; rel="next", <${ORIGIN}${pathname}?per_page=100&page=${pages.length}>; rel="last"` } : {};
    mockGet(scope, run, pathname, index === 0 ? { per_page: 100 } : { per_page: 100, page: index + 1 }, page, next);
  });
}

/** Every read of a preview of REPO with --since 2w. The list's second page leaves the token's budget at 0. */
function mockPreview(run: Run, requests: string[]): nock.Scope {
  const repoPath = `${REST}/repos/${REPO}`;
  const scope = nock(ORIGIN);
  scope.on("request", (req: { method: string; path: string }) => requests.push(`${req.method} ${req.path}`));
  mockGet(scope, run, repoPath, null, restRepository(HOST));
  mockGet(scope, run, `${repoPath}/contents/.github%2Freview-coach.yml`, null, CONFIG, { "content-type": "text/plain; charset=utf-8" });
  mockGet(scope, run, `${repoPath}/pulls`, { ...LIST_QUERY, page: 1 }, page1, {
    link: `<${ORIGIN}${repoPath}/pulls?state=closed&sort=updated&direction=desc&per_page=30&page=2>; rel="next"`,
  });
  mockGet(scope, run, `${repoPath}/pulls`, { ...LIST_QUERY, page: 2 }, page2, {}, 0);
  for (const number of [99, 101, 102, 103, 104, 105]) {
    mockPages(scope, run, `${repoPath}/pulls/${number}/files`, files[number]!);
    mockPages(scope, run, `${repoPath}/pulls/${number}/reviews`, reviews[number]!);
    mockPages(scope, run, `${repoPath}/pulls/${number}/comments`, [comments[number]!]);
  }
  if (run === "fresh") {
    // The changed code files' texts at #101's head, once: later heads with the same blobs read the cache.
    scope
      .post("/api/graphql", {
        query: fileTextsQuery(2),
        variables: { owner: HISTORY_REPO.owner, name: HISTORY_REPO.name, e0: `${headShaOf(101)}:${RISKY_BLOBS[0]!.path}`, e1: `${headShaOf(101)}:${RISKY_BLOBS[1]!.path}` },
      })
      .reply(200, { data: { repository: { f0: blobAnswer(RISKY_BLOBS[0]!.sha, RISKY_TEXTS[0]!), f1: blobAnswer(RISKY_BLOBS[1]!.sha, RISKY_TEXTS[1]!) } } }, rate(4890));
  }
  return scope;
}

async function runPreview(args: string[], cacheDir: string, env: Record<string, string> = { GITHUB_TOKEN: "ghp_preview_token" }, localFiles: Record<string, string> = {}) {
  let clock = NOW;
  const sleeps: number[] = [];
  const io = fakeIo("", localFiles);
  const command = createPreviewCommand(env, {
    now: () => new Date(clock),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    policy: { throttle: false, retry: false },
  });
  const code = await command.run([...args, "--cache-dir", cacheDir], io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text, sleeps };
}

describe("review-coach preview of two weeks of merged pull requests", () => {
  it("reports what the app would have scored and posted, reading only, then reads nothing unchanged the second time", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "review-coach-preview-"));
    const args = ["--repo", REPO, "--since", "2w", "--host", HOST];

    const firstRequests: string[] = [];
    const first = mockPreview("fresh", firstRequests);
    const run1 = await runPreview(args, cacheDir);
    expect(run1.stderr).not.toContain("could not");
    expect(run1.code).toBe(0);
    first.done();
    // Only reads: GETs, and the one GraphQL query of file texts.
    expect(firstRequests.filter((r) => !r.startsWith("GET "))).toEqual(["POST /api/graphql"]);
    // The repository, its config, two pages of the list, then per PR its files (#101: two pages and the
    // GraphQL read), reviews (#102: two pages) and comments.
    expect(firstRequests).toHaveLength(1 + 1 + 2 + 3 + 5 + 4 + 3 + 3 + 3);
    // The list's second page used up the budget: the next read waited for the reset, saying so.
    expect(run1.sleeps).toEqual([91_000]);
    expect(run1.stderr).toContain("review-coach preview: the token's rate limit is used up: waiting 1m 31s, until 10:01:31 UTC\n");
    expect(run1.stderr).toContain("review-coach preview: 6 merged pull requests to read and analyse (0 requests left)\n");
    expect(run1.stderr).toContain("review-coach preview: #105 analysed, 6/6 PRs read and analysed, 4900 requests left, done in 1m 31s\n");
    expect(run1.stdout).toMatchSnapshot("text report");

    // Second run, same cache: every GET is conditional and answered 304; the blobs are not read again.
    const secondRequests: string[] = [];
    const second = mockPreview("unchanged", secondRequests);
    const run2 = await runPreview(args, cacheDir);
    expect(run2.code).toBe(0);
    second.done();
    expect(secondRequests.every((r) => r.startsWith("GET "))).toBe(true);
    expect(secondRequests).toHaveLength(firstRequests.length - 1);
    const withoutCount = (text: string) => text.replace(/\d+ GitHub requests made.*\n$/, "");
    expect(withoutCount(run2.stdout)).toBe(withoutCount(run1.stdout));
  });

  it("writes Markdown to a file and JSON that follows the documented schema", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "review-coach-preview-"));
    const out = path.join(cacheDir, "report.md");
    const scope = mockPreview("fresh", []);
    const markdown = await runPreview(["--repo", REPO, "--since", "2w", "--host", HOST, "--format", "markdown", "--out", out], cacheDir);
    expect(markdown.code).toBe(0);
    scope.done();
    expect(markdown.stdout).toBe("");
    expect(markdown.stderr).toContain(`review-coach preview: report written to ${out}\n`);
    const text = readFileSync(out, "utf8");
    expect(text).toMatchSnapshot("markdown report");
    // Pasted into an issue, a quoted nudge pings nobody, and the digest does not pass for the delivered one.
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toContain("<!-- review-coach:");

    const again = mockPreview("unchanged", []);
    const json = await runPreview(["--repo", REPO, "--since", "2w", "--host", HOST, "--format", "json"], cacheDir);
    again.done();
    const report = previewReportSchema.parse(JSON.parse(json.stdout));
    expect(report.totals).toMatchObject({ pullRequests: 6, reviews: 7 });
    expect(report.pullRequests.map((pr) => pr.number)).toEqual([99, 101, 102, 103, 104, 105]);
    expect(report.pullRequests.flatMap((pr) => pr.nudges.map((n) => n.link))).toContain(
      `${ORIGIN}/${REPO}/pull/101/files#diff-${createHash("sha256").update("src/users/find-user.ts").digest("hex")}R13`,
    );
  });
});

describe("review-coach preview of chosen pull requests (--prs)", () => {
  it("replays the merged ones on github.com and says why the others were left out", async () => {
    const requests: string[] = [];
    const scope = nock("https://api.github.com");
    scope.on("request", (req: { method: string; path: string }) => requests.push(`${req.method} ${req.path}`));
    const repoPath = `/repos/${REPO}`;
    scope
      .get(repoPath)
      .reply(200, restRepository())
      .get(`${repoPath}/contents/.github%2Freview-coach.yml`)
      .reply(404, { message: "Not Found" })
      .get(`/repos/${HISTORY_REPO.owner}/.github/contents/.github%2Freview-coach.yml`)
      .reply(404, { message: "Not Found" })
      .get(`${repoPath}/pulls/103`)
      .reply(200, restPull({ number: 103, author: "bob-dev", mergedAt: "2026-11-10T09:30:00Z", title: "Fix a typo in the checkout guide" }))
      .get(`${repoPath}/pulls/150`)
      .reply(200, { ...restPull({ number: 150, author: "bob-dev", mergedAt: null, title: "Still open" }), state: "open", closed_at: null })
      .get(`${repoPath}/pulls/151`)
      .reply(404, { message: "Not Found" })
      .get(`${repoPath}/pulls/103/files`)
      .query({ per_page: 100 })
      .reply(200, docsFiles())
      .get(`${repoPath}/pulls/103/reviews`)
      .query({ per_page: 100 })
      .reply(200, [restReview(103, { id: 10301, login: "carol-rev", state: "APPROVED", body: "Reads well.", submittedAt: "2026-11-10T09:00:00Z" })])
      .get(`${repoPath}/pulls/103/comments`)
      .query({ per_page: 100 })
      .reply(200, []);
    const result = await runPreview(["--repo", REPO, "--prs", "103,150,151", "--format", "json", "--no-cache"], mkdtempSync(path.join(tmpdir(), "review-coach-preview-")));
    expect(result.code).toBe(0);
    scope.done();
    expect(requests.every((r) => r.startsWith("GET "))).toBe(true);
    const report = previewReportSchema.parse(JSON.parse(result.stdout));
    expect(report.window).toEqual({ since: null, pullRequests: [103, 150, 151] });
    expect(report.skipped).toEqual([
      { number: 150, reason: "still open" },
      { number: 151, reason: "no such pull request" },
    ]);
    expect(report.pullRequests.map((pr) => [pr.number, pr.risk.level, pr.score, pr.nudges.length])).toEqual([[103, "none", 100, 0]]);
    expect(report.config.sources).toEqual(["config/default.yml"]);
  });
});

describe("review-coach preview when it cannot read", () => {
  const repoPath = `/repos/${REPO}`;
  const run = (args: string[] = [], files: Record<string, string> = {}) =>
    runPreview(["--repo", REPO, ...args], mkdtempSync(path.join(tmpdir(), "review-coach-preview-")), { GITHUB_TOKEN: "ghp_preview_token" }, files);

  it("says the token was refused (401)", async () => {
    const scope = nock("https://api.github.com").get(repoPath).reply(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
    const result = await run();
    scope.done();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "review-coach preview: github.com did not accept the token (GitHub said: Bad credentials - https://docs.github.com/rest). Check --token or GITHUB_TOKEN: it may be mistyped, expired or revoked.\n",
    );
  });

  it("says the repository is missing or hidden from the token (404)", async () => {
    const scope = nock("https://api.github.com").get(repoPath).reply(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest/repos/repos#get-a-repository" });
    const result = await run();
    scope.done();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`review-coach preview: github.com has no repository ${REPO} that this token can see`);
    expect(result.stderr).toContain("a private repository also answers 404 to a token without access to it.\n");
  });

  it("says the token may not read the repository (403)", async () => {
    const scope = nock("https://api.github.com")
      .get(repoPath)
      .reply(403, { message: "Resource not accessible by personal access token" }, { "x-ratelimit-remaining": "4999", "x-ratelimit-reset": String(RESET) });
    const result = await run();
    scope.done();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`review-coach preview: the token may not read ${REPO} on github.com (GitHub said: Resource not accessible by personal access token). It needs read access`);
  });

  it("waits out a 403 'rate limit exceeded' and tries again rather than failing", async () => {
    const limited = { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(RESET) };
    const scope = nock("https://api.github.com")
      .get(repoPath)
      .reply(403, { message: "API rate limit exceeded for user ID 7001." }, limited)
      .get(repoPath)
      .reply(401, { message: "Bad credentials" });
    const result = await run();
    scope.done();
    expect(result.sleeps).toEqual([91_000]);
    expect(result.stderr).toContain("review-coach preview: the token's rate limit is used up: waiting 1m 31s, until 10:01:31 UTC\n");
    expect(result.stderr).toContain("github.com did not accept the token");
  });

  it("gives the app's message for a config file that does not validate, with the file and line", async () => {
    const scope = nock("https://api.github.com")
      .get(repoPath)
      .reply(200, restRepository())
      .get(`${repoPath}/contents/.github%2Freview-coach.yml`)
      .reply(200, "severity: medium\nmaxNudgePerReview: 1\nmode: loud\n", { "content-type": "text/plain" });
    const result = await run();
    scope.done();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "review-coach preview: review-coach config has 2 problems\n" +
        `- \`${REPO}: .github/review-coach.yml\` line 3, key \`mode\`: Invalid option: expected one of "nudge"|"summary"|"shadow"|"off"\n` +
        `- \`${REPO}: .github/review-coach.yml\` line 2, key \`maxNudgePerReview\`: unknown key: did you mean "maxNudgesPerReview"? Expected one of: ` +
        "mode, strictness, severity, confidence, maxNudgesPerReview, maxNudgesPerPullRequest, rules, learning, coachDrafts, paths, reviewers, gate, privacy, scoring, score, digest, backfill, badge\n" +
        "A file with a problem is ignored as a whole: review-coach uses the defaults in its place. Fix it and run the preview again.\n",
    );
  });

  it("names the local file given with --config in the problems", async () => {
    const scope = nock("https://api.github.com").get(repoPath).reply(200, restRepository());
    const result = await run(["--config", "draft.yml"], { "draft.yml": "gate:\n  minScore: 150\n" });
    scope.done();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("- `draft.yml` line 2, key `gate.minScore`: Too big: expected number to be <=100\n");
    expect(result.stderr).toContain("A file with a problem is ignored as a whole: review-coach uses the defaults in its place.");
  });

  it("asks for a token, and for --since or --prs but not both", async () => {
    const noToken = await runPreview(["--repo", REPO], mkdtempSync(path.join(tmpdir(), "review-coach-preview-")), {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/^review-coach preview: a token is required: --token or GITHUB_TOKEN\n/);
    const both = await run(["--since", "4w", "--prs", "20,31"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^review-coach preview: give --since or --prs, not both\n/);
  });
});
