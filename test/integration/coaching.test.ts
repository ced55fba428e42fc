import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { RISKY_FILES } from "../fixtures/risky-pull-request-files.js";
import { PullRequestScenario, REPO, REVIEWER, reviewComment } from "../helpers/pull-request-scenario.js";
import { isolateNetwork, mockRepoConfig, startTestApp, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";

const APP_BOT = { login: "review-coach[bot]", id: 1, type: "Bot" };
type PostedReview = { commit_id: string; event: string; body: string; comments: Array<{ path: string; line: number; side: string; body: string }> };

/**
 * The GitHub calls of one coached review, in order: the repository's config (none), the review's comments
 * (none), the app's coaching review (answered with `reviewAnswerId`) and its check run, created or updated.
 */
function mockCoaching(
  scope: nock.Scope,
  reviewId: number,
  o: {
    reviewAnswerId: number;
    checkRun: { created: number } | { updated: number };
    onReview: (body: PostedReview) => void;
    onCheckRun?: (body: Record<string, unknown>) => void;
  },
): void {
  const answered = mockRepoConfig(scope, REPO, null)
    .get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`)
    .query({ per_page: 100 })
    .reply(200, [])
    .post(`/repos/${REPO}/pulls/2/reviews`, (body: PostedReview) => (o.onReview(body), true))
    .reply(200, { id: o.reviewAnswerId });
  const seeCheckRun = (body: Record<string, unknown>) => (o.onCheckRun?.(body), true);
  if ("created" in o.checkRun) answered.post(`/repos/${REPO}/check-runs`, seeCheckRun).reply(201, { id: o.checkRun.created });
  else answered.patch(`/repos/${REPO}/check-runs/${o.checkRun.updated}`, seeCheckRun).reply(200, { id: o.checkRun.updated });
}

describe("coaching a reviewer on a risky pull request", () => {
  const app = useTestApp();
  let t: TestApp;
  let seed = 3000;
  beforeEach(() => {
    t = app.current;
  });

  const nudgesOf = (s: PullRequestScenario) =>
    t.app.store.db.selectFrom("nudges").select(["fingerprint", "concern", "path", "line", "status", "mode", "github_comment_id"]).where("pull_request_id", "=", s.prId).orderBy("id").execute();

  it("answers an LGTM approval with one COMMENT review of at most two inline nudges, on the right lines, and a check run", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope);

    const reviewId = s.nextReviewId();
    let posted: PostedReview | undefined;
    let check: Record<string, unknown> | undefined;
    mockCoaching(scope, reviewId, { reviewAnswerId: 880001, checkRun: { created: 770001 }, onReview: (body) => (posted = body), onCheckRun: (body) => (check = body) });
    const delivery = `review-${s.installationId}`;
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }), { id: delivery });
    await t.waitForIdle();
    scope.done();

    expect(posted).toMatchObject({ commit_id: s.headSha, event: "COMMENT" });
    expect(posted!.comments.map(({ path, line, side }) => ({ path, line, side }))).toEqual([
      { path: "src/http/client.ts", line: 3, side: "RIGHT" },
      { path: "src/users/find-user.ts", line: 13, side: "RIGHT" },
    ]);
    expect(posted!.body).toMatchSnapshot("rubber-stamp review body");
    expect(posted!.comments[1]!.body).toMatchSnapshot("SQL nudge");
    expect(posted!.body.match(/@[\w-]+/g)).toEqual(["@octo-reviewer"]);

    expect(check).toMatchObject({ name: "review-coach", head_sha: s.headSha, status: "completed", conclusion: "neutral" });
    expect((check!.output as { title: string }).title).toBe("3 findings still open for review · PR score 15");
    expect((check!.output as { summary: string }).summary).toMatchSnapshot("check run summary");

    const review = await t.app.store.db.selectFrom("reviews").select(["score", "flags", "state"]).where("id", "=", reviewId).executeTakeFirstOrThrow();
    expect(review.score).toBeLessThanOrEqual(20);
    expect(JSON.parse(review.flags)).toContain("rubber-stamp");
    expect(await nudgesOf(s)).toEqual([
      expect.objectContaining({ concern: "security", path: "src/http/client.ts", line: 3, status: "sent", mode: "nudge" }),
      expect.objectContaining({ concern: "security", path: "src/users/find-user.ts", line: 13, status: "sent", mode: "nudge" }),
      expect.objectContaining({ concern: "edge-cases", path: "src/users/find-user.ts", line: 16, status: "listed", mode: "nudge" }),
    ]);

    // GitHub tells the app about its own inline comments; they are tied to their nudges, no request made.
    for (const [index, comment] of posted!.comments.entries()) {
      await t.post("pull_request_review_comment", s.reviewCommentPayload({ id: 660001 + index, body: comment.body, user: APP_BOT, path: comment.path, line: comment.line, reviewId: 880001 }));
    }
    await t.waitForIdle();
    expect((await nudgesOf(s)).map((n) => n.github_comment_id)).toEqual([660001, 660002, null]);

    // The same delivery again: nothing new is posted.
    const again = await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }), { id: delivery });
    expect(again.status).toBe(200);
    await t.waitForIdle();
    expect(await nudgesOf(s)).toHaveLength(3);
  });

  it("never repeats a dismissed nudge on the reviewer's second review", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope);
    const first = s.nextReviewId();
    let firstPosted: PostedReview | undefined;
    mockCoaching(scope, first, { reviewAnswerId: 880002, checkRun: { created: 770002 }, onReview: (body) => (firstPosted = body) });
    await t.post("pull_request_review", s.reviewPayload({ id: first, state: "commented", body: "Had a look, fine by me." }));
    await t.waitForIdle();
    expect(firstPosted!.comments).toHaveLength(2);
    for (const [index, comment] of firstPosted!.comments.entries()) {
      await t.post("pull_request_review_comment", s.reviewCommentPayload({ id: 661001 + index, body: comment.body, user: APP_BOT, reviewId: 880002 }));
    }
    await t.waitForIdle();

    // The reviewer dismisses the TLS nudge in its thread; the app acknowledges with a reaction.
    const reply = s.nextCommentId();
    scope.post(`/repos/${REPO}/pulls/comments/${reply}/reactions`, { content: "+1" }).reply(201, { id: 1, content: "+1" });
    await t.post("pull_request_review_comment", s.reviewCommentPayload({ id: reply, body: "/coach dismiss", user: REVIEWER, inReplyTo: 661001 }));
    await t.waitForIdle();
    expect((await nudgesOf(s)).map((n) => [n.path, n.status])).toEqual([
      ["src/http/client.ts", "dismissed"],
      ["src/users/find-user.ts", "sent"],
    ]);

    // A second review: only the finding never nudged is asked about; the check run is updated in place.
    const second = s.nextReviewId();
    let secondPosted: PostedReview | undefined;
    mockCoaching(scope, second, { reviewAnswerId: 880003, checkRun: { updated: 770002 }, onReview: (body) => (secondPosted = body) });
    await t.post("pull_request_review", s.reviewPayload({ id: second, state: "approved", body: "Approving." }));
    await t.waitForIdle();
    scope.done();
    expect(secondPosted!.comments.map(({ path, line }) => ({ path, line }))).toEqual([{ path: "src/users/find-user.ts", line: 16 }]);
    expect((await nudgesOf(s)).map((n) => [n.path, n.line, n.status])).toEqual([
      ["src/http/client.ts", 3, "dismissed"],
      ["src/users/find-user.ts", 13, "acted-on"], // the reviewer changed their review state after it
      ["src/users/find-user.ts", 16, "sent"],
    ]);
  });

  it("ties a nudge only to the app's own inline comment: a bot quoting its marker neither takes the link nor dismisses it", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope);
    const reviewId = s.nextReviewId();
    let posted: PostedReview | undefined;
    mockCoaching(scope, reviewId, { reviewAnswerId: 880009, checkRun: { created: 770009 }, onReview: (body) => (posted = body) });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }));
    await t.waitForIdle();
    scope.done();
    const mimic = { login: "mimic[bot]", id: 66, type: "Bot" };
    const quoted = posted!.comments[0]!.body;

    // Another bot quotes the first nudge in a review of its own, before and after the app's comments arrive.
    await t.post("pull_request_review_comment", s.reviewCommentPayload({ id: 669001, body: quoted, user: mimic, reviewId: 990001 }));
    await t.waitForIdle();
    for (const [index, comment] of posted!.comments.entries()) {
      await t.post("pull_request_review_comment", s.reviewCommentPayload({ id: 669101 + index, body: comment.body, user: APP_BOT, path: comment.path, line: comment.line, reviewId: 880009 }));
    }
    await t.waitForIdle();
    const late = s.reviewCommentPayload({ id: 669002, body: quoted, user: mimic, reviewId: 880009 });
    await t.post("pull_request_review_comment", late);
    await t.waitForIdle();
    expect((await nudgesOf(s)).map((n) => n.github_comment_id)).toEqual([669101, 669102, null]);

    // Resolving the bot's own thread is not resolving the nudge's.
    await t.post("pull_request_review_thread", s.reviewThreadPayload([late.comment]));
    await t.waitForIdle();
    expect((await nudgesOf(s)).map((n) => n.status)).toEqual(["sent", "sent", "listed"]);
    await t.post("pull_request_review_thread", s.reviewThreadPayload([s.reviewCommentPayload({ id: 669101, body: quoted, user: APP_BOT, reviewId: 880009 }).comment]));
    await t.waitForIdle();
    expect((await nudgesOf(s)).map((n) => n.status)).toEqual(["dismissed", "sent", "listed"]);
  });

  it("shows a right-to-left override from a path as � in the review, its nudges and the check run, and anchors on GitHub's path", async () => {
    const hiddenPath = "src/users/\u202efind-user.ts";
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope, RISKY_FILES.map((file) => (file.filename === "src/users/find-user.ts" ? { ...file, filename: hiddenPath } : file)));
    const reviewId = s.nextReviewId();
    let posted: PostedReview | undefined;
    let check: { output: { summary: string; text?: string } } | undefined;
    mockCoaching(scope, reviewId, { reviewAnswerId: 880010, checkRun: { created: 770010 }, onReview: (body) => (posted = body), onCheckRun: (body) => (check = body as typeof check) });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }));
    await t.waitForIdle();
    scope.done();

    expect(posted!.comments.map((c) => c.path)).toEqual(["src/http/client.ts", hiddenPath]);
    expect(posted!.body.split("\n").slice(1, 4)).toEqual([
      "- **security** (high) at `src/http/client.ts` line 3: disables TLS certificate verification (`rejectUnauthorized: false`): man-in-the-middle risk",
      "- **security** (high) at `src/users/\ufffdfind-user.ts` line 13: builds a SQL query from a variable: injection risk; use bound parameters",
      "- **edge cases** (medium) at `src/users/\ufffdfind-user.ts` line 16: swallows an error (`catch (e) {}`): failures will pass silently; handle, log or rethrow it",
    ]);
    expect(check!.output.summary).toContain("- **security** (high) at `src/users/\ufffdfind-user.ts` line 13: builds a SQL query from a variable");
    const written = JSON.stringify({ body: posted!.body, comments: posted!.comments.map((c) => c.body), check });
    expect(written).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
  });

  it("acknowledges a style-only review's points, then points at what is left", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope);
    const reviewId = s.nextReviewId();
    let posted: PostedReview | undefined;
    mockRepoConfig(scope, REPO, null)
      .get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`)
      .query({ per_page: 100 })
      .reply(200, [
        reviewComment(1, reviewId, "src/users/find-user.ts", 10, "nit: `started` could be named `startedAt`"),
        reviewComment(2, reviewId, "src/http/client.ts", 4, "nit: please run prettier, the indentation is off here"),
      ])
      .post(`/repos/${REPO}/pulls/2/reviews`, (body) => ((posted = body), true))
      .reply(200, { id: 880004 })
      .post(`/repos/${REPO}/check-runs`)
      .reply(201, { id: 770004 });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "commented", body: "" }));
    await t.waitForIdle();
    scope.done();
    expect(posted!.body).toMatchSnapshot("style-only review body");
    expect(posted!.body.startsWith("@octo-reviewer, thanks for the 2 style points.")).toBe(true);
    const review = await t.app.store.db.selectFrom("reviews").select(["flags"]).where("id", "=", reviewId).executeTakeFirstOrThrow();
    expect(JSON.parse(review.flags)).toContain("style-only");
  });

  it("records an exemplary review and posts no nudge, only the check run", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope);
    const reviewId = s.nextReviewId();
    let check: { output: { title: string } } | undefined;
    mockRepoConfig(scope, REPO, null)
      .get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`)
      .query({ per_page: 100 })
      .reply(200, [
        reviewComment(11, reviewId, "src/users/find-user.ts", 13, "This builds the SQL from `req.query.name`, so anyone can inject through it. Could you use a bound parameter here? The driver escapes it for us."),
        reviewComment(12, reviewId, "src/http/client.ts", 3, "Why turn off TLS verification? It lets anyone on the network read and change the traffic, because the certificate is no longer checked. If it is for a self-signed cert, pass its CA instead."),
        reviewComment(13, reviewId, "src/users/find-user.ts", 16, "If audit throws, this empty catch hides the failure and we never learn about it. Should we log the error and rethrow, so the request fails loudly?"),
      ])
      .post(`/repos/${REPO}/check-runs`, (body) => ((check = body), true))
      .reply(201, { id: 770005 });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "changes_requested", body: "Three things to fix before this can go in, details inline." }));
    await t.waitForIdle();
    scope.done();
    const review = await t.app.store.db.selectFrom("reviews").select(["score", "flags"]).where("id", "=", reviewId).executeTakeFirstOrThrow();
    expect(JSON.parse(review.flags)).toContain("exemplary");
    expect(review.score).toBeGreaterThanOrEqual(80);
    expect(check!.output.title).toMatch(/^The reviews covered every finding · PR score \d+$/);
    expect(await nudgesOf(s)).toEqual([]);
  });

  it("in shadow mode posts nothing and records what it would have posted", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope, undefined, "mode: shadow\n");
    const reviewId = s.nextReviewId();
    mockRepoConfig(scope, REPO, "mode: shadow\n").get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`).query({ per_page: 100 }).reply(200, []);
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "👍" }));
    await t.waitForIdle();
    scope.done();
    expect(await nudgesOf(s)).toEqual([
      expect.objectContaining({ path: "src/http/client.ts", line: 3, status: "shadow", mode: "shadow" }),
      expect.objectContaining({ path: "src/users/find-user.ts", line: 13, status: "shadow", mode: "shadow" }),
      expect.objectContaining({ path: "src/users/find-user.ts", line: 16, status: "shadow", mode: "shadow" }),
    ]);
    const review = await t.app.store.db.selectFrom("reviews").select(["flags"]).where("id", "=", reviewId).executeTakeFirstOrThrow();
    expect(JSON.parse(review.flags)).toContain("rubber-stamp");
  });

  it("ignores the PR author's own review and bots' reviews without a single request", async () => {
    const s = new PullRequestScenario(t, seed++);
    await t.post("pull_request_review", s.reviewPayload({ id: s.nextReviewId(), state: "approved", body: "LGTM", user: { login: "Codertocat", id: 21031067, type: "User" } }));
    await t.post("pull_request_review", s.reviewPayload({ id: s.nextReviewId(), state: "commented", body: "Coverage 80%", user: { login: "codecov[bot]", id: 22, type: "Bot" } }));
    await t.waitForIdle();
    expect(await t.app.store.db.selectFrom("reviews").select("id").where("pull_request_id", "=", s.prId).execute()).toEqual([]);
  });
});

describe("the GitHub request budget of a review event", () => {
  let t: TestApp;
  beforeAll(async () => {
    isolateNetwork();
    t = await startTestApp({ configCacheMs: 5 * 60_000 });
  });
  afterAll(async () => {
    await t.stop();
    nock.cleanAll();
  });

  it("is three requests in the common case: the review's comments, one review, one check run", async () => {
    const s = new PullRequestScenario(t, 4000);
    const scope = s.github();
    await s.open(scope); // token, config and the diff, once for this head
    const reviewId = s.nextReviewId();
    const requests: string[] = [];
    const count = (req: { method: string; path: string }) => requests.push(`${req.method} ${req.path.split("?")[0]}`);
    scope.on("request", count);
    scope
      .get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${REPO}/pulls/2/reviews`)
      .reply(200, { id: 1 })
      .post(`/repos/${REPO}/check-runs`)
      .reply(201, { id: 2 });
    requests.length = 0;
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }));
    await t.waitForIdle();
    scope.done();
    expect(requests).toEqual([
      `GET /repos/${REPO}/pulls/2/reviews/${reviewId}/comments`,
      `POST /repos/${REPO}/pulls/2/reviews`,
      `POST /repos/${REPO}/check-runs`,
    ]);
    expect(requests.length).toBeLessThanOrEqual(4);
  });
});
