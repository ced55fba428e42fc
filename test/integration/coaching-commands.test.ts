import { beforeEach, describe, expect, it } from "@jest/globals";
import { issueCommentPayload, PullRequestScenario, REPO, REVIEWER, reviewComment } from "../helpers/pull-request-scenario.js";
import { mockRepoConfig, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";

describe("/coach commands, edits and GitHub refusing a line", () => {
  const app = useTestApp();
  let t: TestApp;
  let seed = 5000;
  beforeEach(() => {
    t = app.current;
  });

  async function reviewedScenario(config: string | null = null) {
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope, undefined, config);
    const reviewId = s.nextReviewId();
    mockRepoConfig(scope, REPO, config)
      .get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`)
      .query({ per_page: 100 })
      // covers every finding (security by name, the swallowed error by being near it): nothing to nudge
      .reply(200, [reviewComment(21, reviewId, "src/users/find-user.ts", 13, "This concatenates user input into SQL, so it can be injected. Please use a bound parameter because the driver escapes it.")])
      .post(`/repos/${REPO}/check-runs`)
      .reply(201, { id: 550001 });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "commented", body: "One thing inline." }));
    await t.waitForIdle();
    scope.done();
    return { s, scope, reviewId };
  }

  it("/coach explain replies in the conversation with the reviewer's latest breakdown", async () => {
    const { s, scope } = await reviewedScenario();
    let reply: { body: string } | undefined;
    mockRepoConfig(scope, REPO, null).post(`/repos/${REPO}/issues/2/comments`, (body) => ((reply = body), true)).reply(201, { id: 1 });
    await t.post("issue_comment", issueCommentPayload(s, { id: s.nextCommentId(), body: "/coach explain", user: REVIEWER }));
    await t.waitForIdle();
    scope.done();
    expect(reply!.body).toMatch(/^@octo-reviewer, here is how your latest review on this pull request reads:/);
    expect(reply!.body).toMatch(/\| coverage \| 60 \| \d\.\d\d \|/);
    expect(reply!.body).toMatch(/Score: \*\*\d+\/100\*\*/);
  });

  it("keeps numbers out of public answers when privacy.publicScores is false", async () => {
    const { s, scope } = await reviewedScenario("privacy:\n  publicScores: false\n");
    let reply: { body: string } | undefined;
    mockRepoConfig(scope, REPO, "privacy:\n  publicScores: false\n").post(`/repos/${REPO}/issues/2/comments`, (body) => ((reply = body), true)).reply(201, { id: 1 });
    await t.post("issue_comment", issueCommentPayload(s, { id: s.nextCommentId(), body: "/coach explain", user: REVIEWER }));
    await t.waitForIdle();
    scope.done();
    expect(reply!.body).not.toMatch(/Score:|\| \d\.\d\d \||\/100/);
    expect(reply!.body).toContain("| coverage | Addressed 3 of 3 findings");
  });

  it("/coach off and /coach on are acknowledged with a reaction, and off stops nudges", async () => {
    const { s, scope } = await reviewedScenario();
    const off = s.nextCommentId();
    scope.post(`/repos/${REPO}/issues/comments/${off}/reactions`, { content: "+1" }).reply(201, { id: 1 });
    await t.post("issue_comment", issueCommentPayload(s, { id: off, body: "/coach off", user: REVIEWER }));
    await t.waitForIdle();

    // The next review is scored and summarised, but no nudge is posted.
    const next = s.nextReviewId();
    mockRepoConfig(scope, REPO, null)
      .get(`/repos/${REPO}/pulls/2/reviews/${next}/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .patch(`/repos/${REPO}/check-runs/550001`)
      .reply(200, { id: 550001 });
    await t.post("pull_request_review", s.reviewPayload({ id: next, state: "approved", body: "LGTM" }));
    await t.waitForIdle();

    const on = s.nextCommentId();
    scope.post(`/repos/${REPO}/issues/comments/${on}/reactions`, { content: "+1" }).reply(201, { id: 2 });
    await t.post("issue_comment", issueCommentPayload(s, { id: on, body: "/coach on", user: REVIEWER }));
    await t.waitForIdle();
    scope.done();
    const setting = await t.app.store.db.selectFrom("reviewer_settings").selectAll().where("repository_id", "=", s.repositoryId).executeTakeFirstOrThrow();
    expect(setting).toMatchObject({ login: "octo-reviewer", coaching_opt_out: 0 });
  });

  it("answers an unknown /coach word with a short help", async () => {
    const { s, scope } = await reviewedScenario();
    let reply: { body: string } | undefined;
    scope.post(`/repos/${REPO}/issues/2/comments`, (body) => ((reply = body), true)).reply(201, { id: 1 });
    await t.post("issue_comment", issueCommentPayload(s, { id: s.nextCommentId(), body: "/coach @everyone", user: REVIEWER }));
    await t.waitForIdle();
    scope.done();
    expect(reply!.body).toMatch(/^I don't know `\/coach @everyone`\. review-coach understands:/);
  });

  it("rescores an edited review and updates the check run in place", async () => {
    const { s, scope, reviewId } = await reviewedScenario();
    let updated: { output: { title: string } } | undefined;
    mockRepoConfig(scope, REPO, null).patch(`/repos/${REPO}/check-runs/550001`, (body) => ((updated = body), true)).reply(200, { id: 550001 });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "commented", body: "You are clueless, this is garbage." }, "edited"));
    await t.waitForIdle();
    scope.done();
    expect(updated!.output.title).toMatch(/^The reviews covered every finding · PR score \d+$/);
    const review = await t.app.store.db.selectFrom("reviews").select(["body", "flags"]).where("id", "=", reviewId).executeTakeFirstOrThrow();
    expect(review.body).toBe("You are clueless, this is garbage.");
    expect(JSON.parse(review.flags)).toContain("harsh-tone");
    expect(JSON.stringify(updated)).not.toMatch(/clueless|garbage|harsh|toxic|belittl/); // tone is never called out in public
    const checkRuns = await t.app.store.db.selectFrom("check_runs").selectAll().where("pull_request_id", "=", s.prId).execute();
    expect(checkRuns).toHaveLength(1);
  });

  it("lists the findings in the review body when GitHub refuses an inline line (422)", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = s.github();
    await s.open(scope);
    const reviewId = s.nextReviewId();
    let fallback: { body: string; comments: unknown[] } | undefined;
    mockRepoConfig(scope, REPO, null)
      .get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${REPO}/pulls/2/reviews`)
      .reply(422, { message: "Unprocessable Entity", errors: ["Line could not be resolved"] })
      .post(`/repos/${REPO}/pulls/2/reviews`, (body) => ((fallback = body), true))
      .reply(200, { id: 990002 })
      .post(`/repos/${REPO}/check-runs`)
      .reply(201, { id: 550002 });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }));
    await t.waitForIdle();
    scope.done();
    expect(fallback!.comments).toEqual([]);
    expect(fallback!.body).toContain("at `src/http/client.ts` line 3");
    expect(fallback!.body).toContain("at `src/users/find-user.ts` line 13");
    const nudges = await t.app.store.db.selectFrom("nudges").select(["status"]).where("pull_request_id", "=", s.prId).execute();
    expect(nudges.map((n) => n.status)).toEqual(["listed", "listed", "listed"]);
  });
});

describe("the optional merge gate", () => {
  const app = useTestApp();

  it("fails the check on a high-risk head until a review scores at least gate.minScore, then passes", async () => {
    const t = app.current;
    const s = new PullRequestScenario(t, 5900);
    const gate = "gate:\n  enabled: true\n  minScore: 60\n";
    const scope = s.github();
    let opened: { conclusion: string; output: { title: string } } | undefined;
    scope.post(`/repos/${REPO}/check-runs`, (body) => ((opened = body), true)).reply(201, { id: 440001 });
    await s.open(scope, undefined, gate);
    expect(opened).toMatchObject({ conclusion: "failure", output: { title: "Risk high: waiting for a review" } });

    const reviewId = s.nextReviewId();
    let reviewed: { conclusion: string } | undefined;
    mockRepoConfig(scope, REPO, gate)
      .get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`)
      .query({ per_page: 100 })
      .reply(200, [reviewComment(31, reviewId, "src/users/find-user.ts", 13, "This concatenates user input into SQL, so it can be injected. Please use a bound parameter because the driver escapes it.")])
      .patch(`/repos/${REPO}/check-runs/440001`, (body) => ((reviewed = body), true))
      .reply(200, { id: 440001 });
    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "Approving once the SQL uses a bound parameter." }));
    await t.waitForIdle();
    scope.done();
    expect(reviewed).toMatchObject({ conclusion: "success" });
  });
});
