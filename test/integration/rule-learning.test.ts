import { beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { issueCommentPayload, PullRequestScenario, REPO, REVIEWER, reviewThreadPayload } from "../helpers/pull-request-scenario.js";
import { mockRepoConfig, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";

type PostedReview = { body: string; comments: Array<{ path: string; line: number; body: string }> };
type CheckRun = { output: { title: string; summary: string } };

const BOT = { login: "review-coach[bot]", id: 1, type: "Bot" };
const SQL = { path: "src/users/find-user.ts", line: 13 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Per-rule learning (issue 13) as the event stream shows it: nudges posted, dismissed in each of the three
// ways GitHub lets a reviewer say no, and what the next pull request of the repository (or org) gets.
// The tests run in order on one app and clock: the pin and unmute tests start from the rule the first mutes.
describe("learning from dismissed nudges, per rule", () => {
  let clock = Date.parse("2026-11-02T10:00:00Z");
  const app = useTestApp({ now: () => new Date(clock) });
  let t: TestApp;
  let commentId = 700_000;
  beforeEach(() => {
    t = app.current;
  });
  const tick = (ms = HOUR) => (clock += ms);

  /** A new PR of the given place, opened and reviewed "LGTM"; its inline nudges linked to their comments. */
  async function reviewedPullRequest(seed: number, place: { installationId: number; repositoryId: number }, scope: nock.Scope, config: string | null = null) {
    const s = new PullRequestScenario(t, seed, { ...place, number: seed });
    tick();
    await s.open(scope, undefined, config);
    const reviewId = s.nextReviewId();
    let posted: PostedReview | undefined;
    let check: CheckRun | undefined;
    mockRepoConfig(scope, REPO, config)
      .get(`/repos/${REPO}/pulls/${s.number}/reviews/${reviewId}/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${REPO}/pulls/${s.number}/reviews`, (body) => ((posted = body), true))
      .reply(200, { id: seed })
      .post(`/repos/${REPO}/check-runs`, (body) => ((check = body), true))
      .reply(201, { id: seed });
    tick();
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }));
    await t.waitForIdle();
    scope.done();
    const comments = new Map<string, { id: number; body: string }>();
    for (const comment of posted!.comments) {
      const id = ++commentId;
      comments.set(`${comment.path}:${comment.line}`, { id, body: comment.body });
      await t.post("pull_request_review_comment", s.reviewCommentPayload({ id, body: comment.body, user: BOT, path: comment.path, line: comment.line, reviewId: seed }));
    }
    await t.waitForIdle();
    return { s, posted: posted!, check: check!, comments, sql: comments.get(`${SQL.path}:${SQL.line}`) };
  }

  async function dismissByCommand(s: PullRequestScenario, scope: nock.Scope, nudgeCommentId: number) {
    const reply = ++commentId;
    scope.post(`/repos/${REPO}/pulls/comments/${reply}/reactions`, { content: "+1" }).reply(201, { id: 1, content: "+1" });
    tick();
    await t.post("pull_request_review_comment", s.reviewCommentPayload({ id: reply, body: "/coach dismiss", user: REVIEWER, inReplyTo: nudgeCommentId }));
    await t.waitForIdle();
    scope.done();
  }

  const statusesOf = (s: PullRequestScenario) =>
    t.app.store.db.selectFrom("nudges").select(["rule", "status"]).where("pull_request_id", "=", s.prId).orderBy("id").execute();
  const mutedSection = (check: CheckRun) => /### Rules muted by learning[\s\S]*?(?=\n### |\n<sub>)/.exec(check.output.summary)?.[0] ?? null;
  const inlinePlaces = (posted: PostedReview) => posted.comments.map((c) => `${c.path}:${c.line}`);

  const repo = { installationId: 6000, repositoryId: 206_000 };
  const api = () => nock("https://api.github.com");

  it("three dismissals (a 👎, /coach dismiss, a resolved thread) mute the rule in the repository; the next PR is not nudged about it and the check run says why", async () => {
    // 1. A 👎 from the coached reviewer, read when the PR closes; the other nudge was left unanswered.
    const first = await reviewedPullRequest(6001, repo, new PullRequestScenario(t, 6000).github());
    expect(inlinePlaces(first.posted)).toEqual(["src/http/client.ts:3", "src/users/find-user.ts:13"]);
    const scope = api();
    scope
      .get(`/repos/${REPO}/pulls/comments/${first.comments.get("src/http/client.ts:3")!.id}/reactions`)
      .query({ content: "-1", per_page: 100 })
      .reply(200, [])
      .get(`/repos/${REPO}/pulls/comments/${first.sql!.id}/reactions`)
      .query({ content: "-1", per_page: 100 })
      .reply(200, [{ id: 1, content: "-1", user: { login: REVIEWER.login, id: REVIEWER.id, type: "User" } }]);
    tick();
    await t.post("pull_request", first.s.pullRequestEvent("closed"));
    await t.waitForIdle();
    scope.done();
    expect(await statusesOf(first.s)).toEqual([
      { rule: "tls-verification-disabled", status: "ignored" },
      { rule: "sql-from-variable", status: "dismissed" },
      { rule: "swallowed-error", status: "ignored" },
    ]);

    // 2. `/coach dismiss` in the nudge's thread.
    const second = await reviewedPullRequest(6002, repo, scope);
    expect(inlinePlaces(second.posted)).toContain("src/users/find-user.ts:13");
    await dismissByCommand(second.s, scope, second.sql!.id);

    // 3. The nudge's thread resolved without a reply.
    const third = await reviewedPullRequest(6003, repo, scope);
    expect(inlinePlaces(third.posted)).toContain("src/users/find-user.ts:13");
    tick();
    await t.post("pull_request_review_thread", reviewThreadPayload(third.s, "resolved", [{ id: third.sql!.id, body: third.sql!.body, user: BOT }]));
    await t.waitForIdle();
    expect((await statusesOf(third.s)).find((n) => n.rule === "sql-from-variable")).toEqual({ rule: "sql-from-variable", status: "dismissed" });

    // The next PR: the same SQL finding, no nudge about it; the check run names the rule and the counts.
    const fourth = await reviewedPullRequest(6004, repo, scope);
    expect(inlinePlaces(fourth.posted)).toEqual(["src/http/client.ts:3", "src/users/find-user.ts:16"]);
    expect(fourth.posted.body).not.toContain("line 13");
    expect(mutedSection(fourth.check)).toMatchSnapshot("check run: muted in the repository");
    expect(mutedSection(fourth.check)).toContain("`sql-from-variable` in this repository: 3 of 3 nudges dismissed, 0 acted on, 0 ignored;");
  });

  it("a resolved thread with the reviewer's reply in it is not a dismissal", async () => {
    const s = (await reviewedPullRequest(6011, { installationId: 6010, repositoryId: 206_010 }, new PullRequestScenario(t, 6010).github())).s;
    const nudge = await t.app.store.db.selectFrom("nudges").select(["github_comment_id", "body"]).where("pull_request_id", "=", s.prId).where("rule", "=", "sql-from-variable").executeTakeFirstOrThrow();
    await t.post(
      "pull_request_review_thread",
      reviewThreadPayload(s, "resolved", [
        { id: nudge.github_comment_id!, body: nudge.body, user: BOT },
        { id: ++commentId, body: "Checked: the name comes from our own enum, not from the request.", user: REVIEWER },
      ]),
    );
    await t.waitForIdle();
    expect((await statusesOf(s)).find((n) => n.rule === "sql-from-variable")?.status).toBe("sent");
  });

  it("a config pin brings the muted rule back", async () => {
    const pinned = "rules:\n  sql-from-variable: on\n";
    const fifth = await reviewedPullRequest(6005, repo, api(), pinned);
    expect(inlinePlaces(fifth.posted)).toEqual(["src/http/client.ts:3", "src/users/find-user.ts:13"]);
    expect(mutedSection(fifth.check)).toBeNull();
  });

  it("/coach unmute is refused to someone without write access and resets the rule for a writer", async () => {
    const s = new PullRequestScenario(t, 6006, { ...repo, number: 6006 });
    const outsider = { login: "drive-by", id: 6661, type: "User" };
    let unknown: { body: string } | undefined;
    const scope = api()
      .post(`/repos/${REPO}/issues/6006/comments`, (body) => ((unknown = body), true))
      .reply(201, { id: 3 });
    await t.post("issue_comment", issueCommentPayload(s, { id: ++commentId, body: "/coach unmute sql-from-varible", user: outsider }));
    await t.waitForIdle();
    scope.done();
    expect(unknown!.body).toBe("review-coach has no rule `sql-from-varible`. Name the rule to unmute, as the review-coach check run lists it: `/coach unmute <rule>`.");

    let refusal: { body: string } | undefined;
    scope
      .get(`/repos/${REPO}/collaborators/drive-by/permission`)
      .reply(200, { permission: "read", role_name: "read", user: { login: "drive-by" } })
      .post(`/repos/${REPO}/issues/6006/comments`, (body) => ((refusal = body), true))
      .reply(201, { id: 1 });
    tick();
    await t.post("issue_comment", issueCommentPayload(s, { id: ++commentId, body: "/coach unmute sql-from-variable", user: outsider }));
    await t.waitForIdle();
    scope.done();
    expect(refusal!.body).toBe(
      "Only people with write access to this repository can unmute a rule; ask a maintainer to comment `/coach unmute sql-from-variable`, or to pin the rule in `.github/review-coach.yml`.",
    );
    expect(await t.app.store.db.selectFrom("rule_resets").selectAll().execute()).toEqual([]);
    const stillMuted = await reviewedPullRequest(6007, repo, scope);
    expect(inlinePlaces(stillMuted.posted)).not.toContain("src/users/find-user.ts:13");

    let answer: { body: string } | undefined;
    scope
      .get(`/repos/${REPO}/collaborators/octo-reviewer/permission`)
      .reply(200, { permission: "write", role_name: "maintain", user: { login: "octo-reviewer" } })
      .post(`/repos/${REPO}/issues/6006/comments`, (body) => ((answer = body), true))
      .reply(201, { id: 2 });
    tick();
    await t.post("issue_comment", issueCommentPayload(s, { id: ++commentId, body: "/coach unmute sql-from-variable", user: REVIEWER }));
    await t.waitForIdle();
    scope.done();
    expect(answer!.body).toBe(
      "`sql-from-variable` is unmuted in this repository: what reviewers did with its nudges until now no longer counts. To keep it on whatever they do, pin it in `.github/review-coach.yml` (`rules: { sql-from-variable: on }`).",
    );
    const unmuted = await reviewedPullRequest(6008, repo, scope);
    expect(inlinePlaces(unmuted.posted)).toEqual(["src/http/client.ts:3", "src/users/find-user.ts:13"]);
    expect(mutedSection(unmuted.check)).toBeNull();
  });

  it("dismissals across two repositories of an org mute the rule in every repository of it", async () => {
    const org = 6100;
    const repositoryA = { installationId: org, repositoryId: 206_101 };
    const repositoryB = { installationId: org, repositoryId: 206_102 };
    const scope = new PullRequestScenario(t, org).github();
    for (const [seed, place] of [
      [6101, repositoryA],
      [6102, repositoryA],
      [6103, repositoryB],
    ] as const) {
      const pr = await reviewedPullRequest(seed, place, scope);
      await dismissByCommand(pr.s, scope, pr.sql!.id);
    }
    // Two in A and one in B: neither repository alone mutes it, the org does, in a third repository too.
    const elsewhere = await reviewedPullRequest(6104, { installationId: org, repositoryId: 206_103 }, scope);
    expect(inlinePlaces(elsewhere.posted)).toEqual(["src/http/client.ts:3", "src/users/find-user.ts:16"]);
    expect(mutedSection(elsewhere.check)).toMatchSnapshot("check run: muted across the org");
    const inA = await reviewedPullRequest(6105, repositoryA, scope);
    expect(inlinePlaces(inA.posted)).not.toContain("src/users/find-user.ts:13");
    expect(mutedSection(inA.check)).toContain("`sql-from-variable` across the organization's repositories: 3 of 3 nudges dismissed");
  });

  it("a muting lapses after learning.muteDays (90 by default)", async () => {
    const place = { installationId: 6200, repositoryId: 206_200 };
    const scope = new PullRequestScenario(t, 6200).github();
    for (const seed of [6201, 6202, 6203]) {
      const pr = await reviewedPullRequest(seed, place, scope);
      await dismissByCommand(pr.s, scope, pr.sql!.id);
    }
    tick(89 * DAY);
    const muted = await reviewedPullRequest(6204, place, scope);
    expect(inlinePlaces(muted.posted)).not.toContain("src/users/find-user.ts:13");
    tick(2 * DAY);
    const lapsed = await reviewedPullRequest(6205, place, scope);
    expect(inlinePlaces(lapsed.posted)).toContain("src/users/find-user.ts:13");
    expect(mutedSection(lapsed.check)).toBeNull();
  });
});

// The strictness dial (issue 13): what one risky PR, approved with "LGTM", gets at each position.
describe("the strictness dial", () => {
  const app = useTestApp();

  it.each([
    ["quiet", 6301],
    ["balanced", 6302],
    ["thorough", 6303],
  ] as const)("%s", async (strictness, seed) => {
    const t = app.current;
    const s = new PullRequestScenario(t, seed);
    const scope = s.github();
    const config = `strictness: ${strictness}\n`;
    await s.open(scope, undefined, config);
    const reviewId = s.nextReviewId();
    let posted: PostedReview | undefined;
    mockRepoConfig(scope, REPO, config)
      .get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${REPO}/pulls/2/reviews`, (body) => ((posted = body), true))
      .reply(200, { id: seed })
      .post(`/repos/${REPO}/check-runs`)
      .reply(201, { id: seed });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }));
    await t.waitForIdle();
    scope.done();
    expect({ body: posted!.body, inline: posted!.comments.map((c) => `${c.path}:${c.line}`) }).toMatchSnapshot();
  });
});
