import { PassThrough } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createDigestCommand } from "../../src/cli/run-digest-command.js";
import { RISKY_FILES } from "../fixtures/risky-pull-request-files.js";
import { isolateNetwork, mockGitHub, mockRepoConfig, startTestApp, type TestApp } from "../helpers/test-app.js";
import { createTestStore, type TestStore } from "../helpers/stores.js";
import { useTestApp } from "../helpers/use-test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// Monday 2026-11-09, 10:00 UTC: the digest due at 09:00 covers 2026-W45 (Nov 2–8).
const MONDAY = Date.parse("2026-11-09T10:00:00Z");
const REPO = "Codertocat/Hello-World";
const SLACK = "https://hooks.slack.com/services/T000/B000/XXXX";

function closedPull(number: number, mergedAt: string | null, updatedAt: string) {
  return {
    id: 50_000 + number,
    number,
    title: number === 101 ? "feat(auth): log in with tokens" : `Change ${number}`,
    html_url: `https://github.com/${REPO}/pull/${number}`,
    state: "closed",
    draft: false,
    user: { login: "author-a", id: 77, type: "User" },
    head: { sha: number.toString(16).padStart(40, "c"), ref: `branch-${number}`, repo: { full_name: REPO } },
    base: { ref: "main", sha: "f".repeat(40) },
    created_at: "2026-11-01T08:00:00Z",
    updated_at: updatedAt,
    closed_at: mergedAt ?? updatedAt,
    merged_at: mergedAt,
  };
}

function review(id: number, login: string, state: string, body: string, submittedAt: string) {
  return { id, user: { login, id: id + 1, type: "User" }, body, state, commit_id: "c".repeat(40), submitted_at: submittedAt, html_url: `https://github.com/${REPO}/pull/1#pullrequestreview-${id}` };
}

async function runCli(args: string[], env: Record<string, string | undefined>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (c: Buffer) => out.push(c));
  stderr.on("data", (c: Buffer) => err.push(c));
  const code = await createDigestCommand(env).run(args, { stdin: new PassThrough(), stdout, stderr, readFile: async () => "" });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe("backfill, weekly digest and delivery", () => {
  let clock = MONDAY;
  const app = useTestApp({ now: () => new Date(clock), env: { SLACK_WEBHOOK_URL: SLACK } });
  let t: TestApp;
  const installation = 6000;
  beforeEach(() => {
    t = app.current;
  });

  it("backfills the last weeks of merged pull requests page by page when installed", async () => {
    const payload = loadExample<{ installation: { id: number; account: { login: string } }; repositories: unknown[] }>("installation", "created");
    payload.installation.id = installation;
    payload.repositories = [{ id: 1296269, node_id: "x", name: "Hello-World", full_name: REPO, private: false }];

    // Page 1: 30 closed PRs, two merged in the last 4 weeks; page 2: one more and an old one, the end.
    const page1 = [closedPull(101, "2026-11-04T12:00:00Z", "2026-11-04T12:00:00Z"), closedPull(102, "2026-11-06T12:00:00Z", "2026-11-06T12:00:00Z")];
    for (let n = 0; n < 28; n++) page1.push(closedPull(200 + n, null, "2026-11-03T12:00:00Z"));
    const page2 = [closedPull(103, "2026-10-20T12:00:00Z", "2026-10-20T12:00:00Z"), closedPull(104, "2026-08-01T12:00:00Z", "2026-08-01T12:00:00Z")];

    const scope = mockRepoConfig(mockGitHub(installation), REPO, null);
    scope.get(`/repos/${REPO}/pulls`).query({ state: "closed", sort: "updated", direction: "desc", per_page: 30, page: 1 }).reply(200, page1);
    scope.get(`/repos/${REPO}/pulls/101/files`).query({ per_page: 100 }).reply(200, RISKY_FILES);
    scope.get(`/repos/${REPO}/pulls/101/reviews`).query({ per_page: 100 }).reply(200, [review(31, "reviewer-b", "APPROVED", "LGTM", "2026-11-03T09:00:00Z")]);
    scope.get(`/repos/${REPO}/pulls/101/comments`).query({ per_page: 100 }).reply(200, []);
    scope.get(`/repos/${REPO}/pulls/102/files`).query({ per_page: 100 }).reply(200, RISKY_FILES);
    scope
      .get(`/repos/${REPO}/pulls/102/reviews`)
      .query({ per_page: 100 })
      .reply(200, [review(32, "reviewer-c", "CHANGES_REQUESTED", "A few security points inline.", "2026-11-05T09:00:00Z")]);
    scope.get(`/repos/${REPO}/pulls/102/comments`).query({ per_page: 100 }).reply(200, [
      { id: 901, pull_request_review_id: 32, path: "src/users/find-user.ts", line: 13, body: "This builds SQL from the query string, so anyone can inject through `name`. Please use a bound parameter, because the driver escapes it.", user: { login: "reviewer-c", id: 33, type: "User" }, created_at: "2026-11-05T09:00:00Z", diff_hunk: "@@" },
      { id: 902, pull_request_review_id: 32, path: "src/http/client.ts", line: 3, body: "Why turn off TLS verification? It lets anyone on the network read the traffic, because certificates are no longer checked.", user: { login: "reviewer-c", id: 33, type: "User" }, created_at: "2026-11-05T09:01:00Z", diff_hunk: "@@" },
      { id: 903, pull_request_review_id: 32, path: "src/users/find-user.ts", line: 16, body: "If audit throws, this empty catch hides it, so we never learn about failures. Should we log and rethrow?", user: { login: "reviewer-c", id: 33, type: "User" }, created_at: "2026-11-05T09:02:00Z", diff_hunk: "@@" },
    ]);
    scope.get(`/repos/${REPO}/pulls`).query({ state: "closed", sort: "updated", direction: "desc", per_page: 30, page: 2 }).reply(200, page2);
    scope.get(`/repos/${REPO}/pulls/103/files`).query({ per_page: 100 }).reply(200, [{ filename: "docs/README.md", status: "modified", additions: 1, deletions: 1, changes: 2, patch: "@@ -1 +1 @@\n-teh\n+the" }]);
    scope.get(`/repos/${REPO}/pulls/103/reviews`).query({ per_page: 100 }).reply(200, [review(33, "reviewer-b", "APPROVED", "", "2026-10-20T11:00:00Z")]);
    scope.get(`/repos/${REPO}/pulls/103/comments`).query({ per_page: 100 }).reply(200, []);

    await t.post("installation", payload);
    await t.waitForIdle();
    scope.done();

    const prs = await t.app.store.db.selectFrom("pull_requests").select(["number", "risk_level", "score", "merged_at"]).orderBy("number").execute();
    expect(prs.map((p) => [p.number, p.risk_level])).toEqual([
      [101, "high"],
      [102, "high"],
      [103, "none"],
    ]);
    expect(prs[0]!.score).toBeLessThanOrEqual(20);
    expect(prs[1]!.score).toBeGreaterThanOrEqual(80);
    const repo = await t.app.store.db.selectFrom("repositories").select(["backfill_state"]).where("full_name", "=", REPO).executeTakeFirstOrThrow();
    expect(JSON.parse(repo.backfill_state!)).toMatchObject({ page: 3, imported: 3, done: true });
  });

  it("prints the digest from the backfilled data with `review-coach digest --dry-run`", async () => {
    const result = await runCli(["--dry-run", "--installation", String(installation), "--repo", REPO, "--now", "2026-11-09T10:00:00Z"], { DATA_DIR: t.env.DATA_DIR });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`## Review digest for ${REPO}, 2026-W45`);
    expect(result.stdout).toContain("xychart-beta");
    expect(result.stdout).toMatch(/Security \| 2 \| 1 \|/);
    expect(result.stdout).toContain("feat(auth): log in with tokens");
    expect(result.stdout).toMatchSnapshot("dry-run digest");
  });

  it("names a reviewer in kudos only while they consent (`/coach kudos off`)", async () => {
    const comment = loadExample<{ issue: Record<string, unknown>; comment: Record<string, unknown>; repository: { id: number } }>("issue_comment", "created");
    comment.installation.id = installation;
    comment.repository.id = 1296269;
    comment.issue = { ...comment.issue, number: 102, pull_request: { url: `https://api.github.com/repos/${REPO}/pulls/102` } };
    comment.comment = { ...comment.comment, id: 4401, body: "/coach kudos off", user: { login: "reviewer-c", id: 33, type: "User" } };
    const scope = nock("https://api.github.com").post(`/repos/${REPO}/issues/comments/4401/reactions`, { content: "+1" }).reply(201, { id: 1 });
    await t.post("issue_comment", comment);
    await t.waitForIdle();
    scope.done();
    const result = await runCli(["--dry-run", "--installation", String(installation), "--repo", REPO, "--now", "2026-11-09T10:00:00Z"], { DATA_DIR: t.env.DATA_DIR });
    expect(result.stdout).not.toContain("reviewer-c");
    expect(result.stdout).toContain("An exemplary review on [#102]");
  });

  it("explains what is wrong with a dry-run call", async () => {
    expect((await runCli(["--installation", "x"], { DATA_DIR: t.env.DATA_DIR })).stderr).toContain("only --dry-run is supported");
    const missing = await runCli(["--dry-run", "--installation", "999"], { DATA_DIR: t.env.DATA_DIR });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no repositories stored for installation 999");
  });

  it("delivers the week's digest once: an issue, the Slack message, and next week the previous issue closed", async () => {
    // The repository was installed a week before, so the 09:00 schedule has fallen due.
    await t.app.store.db.updateTable("repositories").set({ created_at: "2026-11-01T00:00:00.000Z" }).execute();
    let issueBody: { title: string; body: string } | undefined;
    let slack: { text: string; blocks: unknown[] } | undefined;
    const scope = nock("https://api.github.com")
      .get(`/repos/${REPO}/issues`)
      .query({ state: "all", sort: "created", direction: "desc", per_page: 50 })
      .reply(200, [])
      .post(`/repos/${REPO}/issues`, (body) => ((issueBody = body), true))
      .reply(201, { number: 12, html_url: `https://github.com/${REPO}/issues/12` });
    const slackScope = nock("https://hooks.slack.com").post("/services/T000/B000/XXXX", (body) => ((slack = body), true)).reply(200, "ok");

    await t.app.scheduler.tick();
    await t.app.scheduler.tick(); // a second tick (or replica) queues nothing new
    await t.waitForIdle();
    scope.done();
    slackScope.done();
    expect(issueBody!.title).toBe(`review-coach digest: ${REPO}, 2026-W45`);
    expect(issueBody!.body).toContain(`<!-- review-coach:digest repository ${REPO} 2026-W45 -->`);
    expect(slack!.text).toContain("2026-W45");
    expect(JSON.stringify(slack!.blocks)).toContain(`https://github.com/${REPO}/issues/12`);
    // The same tick stored yesterday's score snapshot, for the trend.
    const snapshots = await t.app.store.db.selectFrom("repo_score_snapshots").select(["day", "merged_pull_requests"]).execute();
    expect(snapshots).toEqual([{ day: "2026-11-08", merged_pull_requests: 3 }]);
    const digests = await t.app.store.db.selectFrom("digests").select(["id", "issue_number", "slack_delivered_at"]).execute();
    expect(digests).toEqual([{ id: `repository:${REPO}:2026-W45`, issue_number: 12, slack_delivered_at: expect.any(String) }]);

    // A week later: the new digest, and the previous one closed.
    clock = MONDAY + 7 * 86_400_000;
    const next = nock("https://api.github.com")
      .get(`/repos/${REPO}/issues`)
      .query({ state: "all", sort: "created", direction: "desc", per_page: 50 })
      .reply(200, [{ number: 12, body: issueBody!.body, html_url: `https://github.com/${REPO}/issues/12` }])
      .post(`/repos/${REPO}/issues`, (body) => body.title === `review-coach digest: ${REPO}, 2026-W46`)
      .reply(201, { number: 13, html_url: `https://github.com/${REPO}/issues/13` })
      // Closed only once its marker proves it is last week's digest.
      .get(`/repos/${REPO}/issues/12`)
      .reply(200, { number: 12, state: "open", body: issueBody!.body, html_url: `https://github.com/${REPO}/issues/12` })
      .patch(`/repos/${REPO}/issues/12`, { state: "closed", state_reason: "completed" })
      .reply(200, { number: 12 });
    const nextSlack = nock("https://hooks.slack.com").post("/services/T000/B000/XXXX").reply(200, "ok");
    await t.app.scheduler.tick();
    await t.waitForIdle();
    next.done();
    nextSlack.done();
  });

  it("purges everything stored for the installation when it is deleted", async () => {
    const payload = loadExample<{ installation: { id: number } }>("installation", "deleted");
    payload.installation.id = installation;
    await t.post("installation", payload);
    await t.waitForIdle();
    for (const table of ["pull_requests", "reviews", "review_comments", "repositories", "digests", "risk_profiles"] as const) {
      expect(await t.app.store.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
  });
});

describe("two replicas on one PostgreSQL", () => {
  let shared: TestStore;
  let first: TestApp;
  let second: TestApp;
  const now = () => new Date(MONDAY);
  beforeAll(async () => {
    isolateNetwork();
    shared = await createTestStore("postgres");
    first = await startTestApp({ sharedStore: shared, now });
    second = await startTestApp({ sharedStore: shared, now });
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
    await shared.drop();
    nock.cleanAll();
  });

  it("deliver the week's digest exactly once, however their schedulers race", async () => {
    await shared.store.db
      .insertInto("installations")
      .values({ id: 7000, account_login: "Codertocat", account_type: "User", repository_selection: "all", suspended_at: null, created_at: "2026-10-01T00:00:00.000Z", updated_at: "2026-10-01T00:00:00.000Z" })
      .execute();
    await shared.store.db
      .insertInto("repositories")
      .values({ id: 1296269, installation_id: 7000, owner: "Codertocat", name: "Hello-World", full_name: REPO, private: 0, default_branch: "main", backfill_state: null, config: null, config_loaded_at: null, created_at: "2026-10-01T00:00:00.000Z", updated_at: "2026-10-01T00:00:00.000Z" })
      .execute();
    let posts = 0;
    const scope = mockGitHub(7000)
      .get(`/repos/${REPO}/issues`)
      .query(true)
      .reply(200, [])
      .post(`/repos/${REPO}/issues`, () => (posts++, true))
      .reply(201, { number: 1, html_url: `https://github.com/${REPO}/issues/1` });

    await Promise.all([first.app.scheduler.tick(), second.app.scheduler.tick(), first.app.scheduler.tick(), second.app.scheduler.tick()]);
    await first.waitForIdle();
    await second.waitForIdle();
    scope.done();
    expect(posts).toBe(1);
    const jobs = await shared.store.db.selectFrom("jobs").select(["id", "status", "attempts"]).where("kind", "=", "digest").execute();
    expect(jobs).toEqual([{ id: `digest:repository:${REPO}:2026-W45`, status: "done", attempts: 1 }]);
  });
});

describe("backfill within the installation's request budget", () => {
  const clock = Date.parse("2026-11-09T10:00:00Z");
  let t: TestApp;
  beforeAll(async () => {
    isolateNetwork();
    t = await startTestApp({ now: () => new Date(clock) });
  });
  afterAll(async () => {
    await t.stop();
    nock.cleanAll();
  });

  it("pauses when the hourly budget runs low, saves its place, and is rescheduled for the reset", async () => {
    const payload = loadExample<{ installation: { id: number }; repositories_added: unknown[]; repositories_removed: unknown[] }>("installation_repositories", "added");
    payload.installation.id = 6100;
    payload.repositories_added = [{ id: 4242, node_id: "x", name: "Hello-World", full_name: REPO, private: false }];
    payload.repositories_removed = [];
    const page = Array.from({ length: 30 }, (_, n) => closedPull(300 + n, null, "2026-11-05T12:00:00Z"));
    const reset = String(Math.floor(clock / 1000) + 1800);
    const scope = mockRepoConfig(mockGitHub(6100), REPO, null)
      .get(`/repos/${REPO}/pulls`)
      .query({ state: "closed", sort: "updated", direction: "desc", per_page: 30, page: 1 })
      .reply(200, page, { "x-ratelimit-remaining": "120", "x-ratelimit-reset": reset });
    await t.post("installation_repositories", payload);
    for (let i = 0; i < 1000; i++) {
      const job = await t.app.store.db.selectFrom("jobs").select(["status", "attempts"]).where("id", "=", "backfill:4242").executeTakeFirst();
      if (job?.status === "queued" && job.attempts === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    scope.done();
    const job = await t.app.store.db.selectFrom("jobs").selectAll().where("id", "=", "backfill:4242").executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "queued", attempts: 1 });
    expect(job.last_error).toBe(`backfill of ${REPO} paused at page 2: 120 requests left this hour`);
    expect(Date.parse(job.run_at)).toBeGreaterThanOrEqual(clock + 1800 * 1000);
    const repo = await t.app.store.db.selectFrom("repositories").select("backfill_state").where("id", "=", 4242).executeTakeFirstOrThrow();
    expect(JSON.parse(repo.backfill_state!)).toMatchObject({ page: 2, imported: 0, done: false });
  });
});
