import { PassThrough } from "node:stream";
import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createDigestCommand } from "../../src/cli/run-digest-command.js";
import { RISKY_FILES } from "../fixtures/risky-pull-request-files.js";
import { mockGitHub, mockRepoConfig, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// Installed on Monday 2026-11-09 at 08:30 UTC; the default schedule (Monday 09:00 UTC) falls due half an
// hour later, for 2026-W45 (Nov 2–8), while the backfill is paused on the installation's request budget.
const INSTALLED = Date.parse("2026-11-09T08:30:00Z");
const DUE = Date.parse("2026-11-09T09:00:00Z");
const MINUTE = 60_000;
const REPO = "Codertocat/Hello-World";
const REPOSITORY_ID = 1296269;
const ISSUES_QUERY = { state: "all", sort: "created", direction: "desc", per_page: 50 };

function closedPull(number: number, mergedAt: string | null, updatedAt: string) {
  return {
    id: 60_000 + number,
    number,
    title: `Change ${number}`,
    html_url: `https://github.com/${REPO}/pull/${number}`,
    state: "closed",
    draft: false,
    user: { login: "author-a", id: 77, type: "User" },
    head: { sha: number.toString(16).padStart(40, "d"), ref: `branch-${number}`, repo: { full_name: REPO } },
    base: { ref: "main", sha: "f".repeat(40) },
    created_at: "2026-10-01T08:00:00Z",
    updated_at: updatedAt,
    closed_at: mergedAt ?? updatedAt,
    merged_at: mergedAt,
  };
}

function review(id: number, login: string, state: string, body: string, submittedAt: string) {
  return { id, user: { login, id: id + 1, type: "User" }, body, state, commit_id: "d".repeat(40), submitted_at: submittedAt, html_url: `https://github.com/${REPO}/pull/1#pullrequestreview-${id}` };
}

/** The digest issue opened in REPO: none found by its marker, then one created. */
function mockNewIssue(scope: nock.Scope, number: number): nock.Scope & { body: () => string } {
  let body = "";
  scope
    .get(`/repos/${REPO}/issues`)
    .query(ISSUES_QUERY)
    .reply(200, [])
    .post(`/repos/${REPO}/issues`, (sent: { body: string }) => ((body = sent.body), true))
    .reply(201, { number, html_url: `https://github.com/${REPO}/issues/${number}` });
  return Object.assign(scope, { body: () => body });
}

/** One merged PR as the backfill reads it: files, reviews, comments. */
function mockImport(scope: nock.Scope, number: number, reviews: unknown[]): void {
  scope.get(`/repos/${REPO}/pulls/${number}/files`).query({ per_page: 100 }).reply(200, RISKY_FILES);
  scope.get(`/repos/${REPO}/pulls/${number}/reviews`).query({ per_page: 100 }).reply(200, reviews);
  scope.get(`/repos/${REPO}/pulls/${number}/comments`).query({ per_page: 100 }).reply(200, []);
}

/** Page 1 of closed PRs: two merges of the reported week (a rubber stamp and a careful review), then 28 closed unmerged. */
function mockFirstPage(scope: nock.Scope, resetAt: number): void {
  const page = [closedPull(101, "2026-11-04T12:00:00Z", "2026-11-04T12:00:00Z"), closedPull(102, "2026-11-06T12:00:00Z", "2026-11-06T12:00:00Z")];
  for (let n = 0; n < 28; n++) page.push(closedPull(200 + n, null, "2026-11-03T12:00:00Z"));
  scope
    .get(`/repos/${REPO}/pulls`)
    .query({ state: "closed", sort: "updated", direction: "desc", per_page: 30, page: 1 })
    .reply(200, page, { "x-ratelimit-remaining": "120", "x-ratelimit-reset": String(Math.floor(resetAt / 1000)) });
  mockImport(scope, 101, [review(41, "reviewer-b", "APPROVED", "LGTM", "2026-11-04T09:00:00Z")]);
  mockImport(scope, 102, [review(42, "reviewer-c", "APPROVED", "Checked the token handling and the error paths: both look right to me.", "2026-11-06T09:00:00Z")]);
}

async function install(t: TestApp, installationId: number): Promise<void> {
  const payload = loadExample<{ installation: { id: number }; repositories: unknown[] }>("installation", "created");
  payload.installation.id = installationId;
  payload.repositories = [{ id: REPOSITORY_ID, node_id: "x", name: "Hello-World", full_name: REPO, private: false }];
  await t.post("installation", payload);
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting until ${what}`);
}

async function jobStatus(t: TestApp, id: string) {
  return t.app.store.db.selectFrom("jobs").select(["status", "attempts", "last_error"]).where("id", "=", id).executeTakeFirst();
}

async function printDigest(t: TestApp, installationId: number, now: string): Promise<string> {
  const stdout = new PassThrough();
  const out: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => out.push(chunk));
  const code = await createDigestCommand({ DATA_DIR: t.env.DATA_DIR }).run(["--dry-run", "--installation", String(installationId), "--repo", REPO, "--now", now], {
    stdin: new PassThrough(),
    stdout,
    stderr: new PassThrough(),
    readFile: async () => "",
  });
  expect(code).toBe(0);
  return Buffer.concat(out).toString();
}

const headlineOf = (markdown: string) => markdown.split("\n").find((line) => line.startsWith("**Review-quality score"));

describe("installing on a Monday, the digest due that morning while the backfill runs", () => {
  let clock = INSTALLED;
  const app = useTestApp({ now: () => new Date(clock) });
  const installationId = 6200;

  it("waits for the backfill, and its headline is the figure a later rebuild of the week gives", async () => {
    const t = app.current;
    const resumeAt = INSTALLED + 60 * MINUTE;
    const firstPage = mockRepoConfig(mockGitHub(installationId), REPO, null);
    mockFirstPage(firstPage, resumeAt);
    await install(t, installationId);
    await waitFor("the backfill pauses", async () => {
      const job = await jobStatus(t, `backfill:${REPOSITORY_ID}`);
      return job?.status === "queued" && job.attempts === 1;
    });
    firstPage.done();
    const paused = await t.app.store.db.selectFrom("repositories").select("backfill_state").where("id", "=", REPOSITORY_ID).executeTakeFirstOrThrow();
    expect(JSON.parse(paused.backfill_state!)).toEqual({ page: 2, imported: 2, done: false, since: "2026-10-12T00:00:00.000Z", reached: "2026-11-03T12:00:00Z" });

    // 09:05: the digest is due, the backfill still paused. Yesterday's snapshot is not stored from part of
    // the history, and the digest is not queued yet.
    clock = DUE + 5 * MINUTE;
    await t.app.scheduler.tick();
    await waitFor("the snapshot job ran", async () => (await jobStatus(t, `snapshot:${REPOSITORY_ID}:2026-11-08`))?.status === "done");
    expect(await t.app.store.db.selectFrom("repo_score_snapshots").selectAll().execute()).toEqual([]);
    expect(await t.app.store.db.selectFrom("jobs").select("id").where("kind", "=", "digest").execute()).toEqual([]);

    // 09:35: the backfill resumes and finishes (an older merge of the window on page 2).
    clock = resumeAt + 5 * MINUTE;
    const secondPage = mockRepoConfig(nock("https://api.github.com"), REPO, null)
      .get(`/repos/${REPO}/pulls`)
      .query({ state: "closed", sort: "updated", direction: "desc", per_page: 30, page: 2 })
      .reply(200, [closedPull(103, "2026-10-20T12:00:00Z", "2026-10-20T12:00:00Z"), closedPull(104, "2026-08-01T12:00:00Z", "2026-08-01T12:00:00Z")]);
    mockImport(secondPage, 103, [review(43, "reviewer-b", "APPROVED", "", "2026-10-20T11:00:00Z")]);
    t.app.worker.notify();
    await t.waitForIdle();
    secondPage.done();
    const snapshots = await t.app.store.db.selectFrom("repo_score_snapshots").select(["day", "score", "merged_pull_requests"]).execute();
    expect(snapshots).toEqual([{ day: "2026-11-08", score: expect.any(Number), merged_pull_requests: 3 }]);

    // The next tick queues the digest, built from the whole history.
    const delivery = mockNewIssue(nock("https://api.github.com"), 7);
    await t.app.scheduler.tick();
    await t.waitForIdle();
    delivery.done();

    const headline = headlineOf(delivery.body());
    // The week before reaches back before the history (W44's window starts on Oct 5): no change is claimed.
    expect(headline).toMatch(new RegExp(`^\\*\\*Review-quality score ${Math.round(snapshots[0]!.score!)}\\*\\* · 2 PRs merged`));
    expect(delivery.body()).not.toContain("Partial history");
    // Rebuilt on Wednesday from the same store: the same headline.
    const rebuilt = await printDigest(t, installationId, "2026-11-11T15:00:00Z");
    expect(headlineOf(rebuilt)).toBe(headline);
    expect(rebuilt).toContain("Risk-weighted over the 3 PRs merged in the 28 days to the end of the week.");
  });
});

describe("a backfill that does not finish in time", () => {
  const clock = DUE + 3 * 60 * MINUTE + MINUTE;
  const app = useTestApp({ now: () => new Date(clock) });
  const installationId = 6300;

  it("lets the digest go out three hours after it fell due, saying the history is partial and what is missing", async () => {
    const t = app.current;
    const page = mockRepoConfig(mockGitHub(installationId), REPO, null);
    mockFirstPage(page, clock + 5 * 60 * MINUTE);
    await install(t, installationId);
    await waitFor("the backfill pauses", async () => {
      const job = await jobStatus(t, `backfill:${REPOSITORY_ID}`);
      return job?.status === "queued" && job.attempts === 1;
    });
    page.done();
    // Installed before the schedule fell due (the first digest is the first one due after installing).
    await t.app.store.db.updateTable("repositories").set({ created_at: new Date(INSTALLED).toISOString() }).execute();

    const delivery = mockNewIssue(nock("https://api.github.com"), 8);
    await t.app.scheduler.tick();
    await waitFor("the digest is delivered", async () => (await jobStatus(t, `digest:repository:${REPO}:2026-W45`))?.status === "done");
    delivery.done();
    expect(delivery.body()).toContain("**Partial history.** The score's 28-day window reaches back before what review-coach has stored");
    expect(delivery.body()).toContain(
      `the backfill of ${REPO} had not finished when this digest was built (2 pull requests imported so far). PRs merged from 2026-10-12 to 2026-11-03 are not imported yet.`,
    );
    expect(delivery.body()).toContain("Risk-weighted over the 2 PRs merged in the 28 days to the end of the week.");
    // Let the paused backfill go, so the block ends with no job pending.
    await t.app.store.db.updateTable("jobs").set({ status: "done" }).where("id", "=", `backfill:${REPOSITORY_ID}`).execute();
  });
});

describe("GitHub answers 502 after creating the digest issue", () => {
  const clock = DUE + 5 * MINUTE;
  // Octokit's retries on, as in production.
  const app = useTestApp({ now: () => new Date(clock), octokitPolicy: { throttle: false, retry: true } });
  const installationId = 6400;

  it("finds the issue by its marker instead of posting a second one", async () => {
    const t = app.current;
    await seedRepository(t, installationId);
    let posts = 0;
    let body = "";
    const scope = mockGitHub(installationId)
      .get(`/repos/${REPO}/issues`)
      .query(ISSUES_QUERY)
      .reply(200, [])
      .post(`/repos/${REPO}/issues`, (sent: { body: string }) => ((posts += 1), (body = sent.body), true))
      .reply(502, { message: "Server Error" })
      .get(`/repos/${REPO}/issues`)
      .query(ISSUES_QUERY)
      .reply(200, () => [{ number: 21, body, html_url: `https://github.com/${REPO}/issues/21` }]);
    await t.app.scheduler.tick();
    await t.waitForIdle();
    scope.done();
    expect(posts).toBe(1);
    const digests = await t.app.store.db.selectFrom("digests").select(["id", "issue_number"]).execute();
    expect(digests).toEqual([{ id: `repository:${REPO}:2026-W45`, issue_number: 21 }]);
  });
});

describe("where the digest goes, and which issue it closes", () => {
  const clock = DUE + 5 * MINUTE;
  const app = useTestApp({ now: () => new Date(clock) });
  const installationId = 6500;

  it("refuses a digest.repository that neither the repository nor the org's .github config chose, and says so in the digest", async () => {
    const t = app.current;
    await seedRepository(t, installationId, { digest: { repository: "Codertocat/Other" } });
    const delivery = mockNewIssue(mockGitHub(installationId), 9);
    await t.app.scheduler.tick();
    await t.waitForIdle();
    delivery.done();
    expect(delivery.body()).toContain(
      `digest.repository "Codertocat/Other" is not allowed, so this digest is opened in ${REPO}. It must be ${REPO} itself or the repository that the org's Codertocat/.github config names in digest.repository (it names none).`,
    );
  });

  it("opens it where the org's .github config says, and never closes an issue of another repository", async () => {
    const t = app.current;
    await t.app.store.db.deleteFrom("digests").execute();
    await t.app.store.db.deleteFrom("jobs").execute();
    await t.app.store.db.updateTable("repositories").set({ config: JSON.stringify({ digest: { repository: "Codertocat/Digests" } }) }).where("id", "=", REPOSITORY_ID).execute();
    await t.app.store.db
      .insertInto("repositories")
      .values({ ...repositoryRow(installationId), id: 4400, name: ".github", full_name: "Codertocat/.github", config: JSON.stringify({ digest: { enabled: false, repository: "Codertocat/Digests" } }) })
      .execute();
    // Last week's digest went to the repository itself, as #5 there; #5 in Codertocat/Digests is someone else's issue.
    await t.app.store.db
      .insertInto("digests")
      .values({
        id: `repository:${REPO}:2026-W44`,
        installation_id: installationId,
        target: `repository:${REPO}`,
        week: "2026-W44",
        markdown: "",
        data: "{}",
        issue_number: 5,
        issue_url: `https://github.com/${REPO}/issues/5`,
        slack_delivered_at: null,
        created_at: "2026-11-02T09:00:00.000Z",
        delivered_at: "2026-11-02T09:00:00.000Z",
      })
      .execute();
    const scope = nock("https://api.github.com")
      .get("/repos/Codertocat/Digests/issues")
      .query(ISSUES_QUERY)
      .reply(200, [])
      .post("/repos/Codertocat/Digests/issues", (sent: { title: string }) => sent.title === `review-coach digest: ${REPO}, 2026-W45`)
      .reply(201, { number: 6, html_url: "https://github.com/Codertocat/Digests/issues/6" });
    await t.app.scheduler.tick();
    await t.waitForIdle();
    scope.done(); // and no PATCH of Codertocat/Digests#5
  });

  it("closes last week's digest in the same repository only when the issue still carries its marker", async () => {
    const t = app.current;
    await t.app.store.db.deleteFrom("jobs").execute();
    await t.app.store.db.deleteFrom("repositories").where("id", "=", 4400).execute();
    await t.app.store.db.updateTable("repositories").set({ config: null }).where("id", "=", REPOSITORY_ID).execute();
    await t.app.store.db.deleteFrom("digests").where("week", "=", "2026-W45").execute();
    const scope = nock("https://api.github.com")
      .get(`/repos/${REPO}/issues`)
      .query(ISSUES_QUERY)
      .reply(200, [])
      .post(`/repos/${REPO}/issues`)
      .reply(201, { number: 10, html_url: `https://github.com/${REPO}/issues/10` })
      // #5 is now an ordinary issue (its body was edited): it is left open.
      .get(`/repos/${REPO}/issues/5`)
      .reply(200, { number: 5, state: "open", body: "Unrelated bug report", html_url: `https://github.com/${REPO}/issues/5` });
    await t.app.scheduler.tick();
    await t.waitForIdle();
    scope.done();
  });
});

function repositoryRow(installationId: number) {
  return {
    id: REPOSITORY_ID,
    installation_id: installationId,
    owner: "Codertocat",
    name: "Hello-World",
    full_name: REPO,
    private: 0,
    default_branch: "main",
    backfill_state: JSON.stringify({ page: 2, imported: 0, done: true, since: "2026-10-12T00:00:00.000Z" }),
    config: null as string | null,
    config_loaded_at: null,
    created_at: "2026-11-01T00:00:00.000Z",
    updated_at: "2026-11-01T00:00:00.000Z",
  };
}

/** An installed repository whose backfill is done, with the given config over the defaults. */
async function seedRepository(t: TestApp, installationId: number, config: object | null = null): Promise<void> {
  await t.app.store.db
    .insertInto("installations")
    .values({ id: installationId, account_login: "Codertocat", account_type: "User", repository_selection: "all", suspended_at: null, created_at: "2026-11-01T00:00:00.000Z", updated_at: "2026-11-01T00:00:00.000Z" })
    .execute();
  await t.app.store.db
    .insertInto("repositories")
    .values({ ...repositoryRow(installationId), config: config === null ? null : JSON.stringify(config) })
    .execute();
}
