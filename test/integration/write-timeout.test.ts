import { beforeEach, describe, expect, it } from "@jest/globals";
import { PullRequestScenario, REPO } from "../helpers/pull-request-scenario.js";
import { ENGINES } from "../helpers/stores.js";
import { mockRepoConfig, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";

// GitHub applied the write, but the answer never reached the app (the request timed out): the retried
// job finds what it wrote and does not write it again.

describe.each(ENGINES)("a GitHub write that timed out but was applied (%s)", (engine) => {
  const app = useTestApp({ engine });
  let t: TestApp;
  beforeEach(() => {
    t = app.current;
  });

  it("is found on the retry: one coaching review, one check run updated in place", async () => {
    const s = new PullRequestScenario(t, 4100);
    const scope = s.github();
    await s.open(scope);
    const reviewId = s.nextReviewId();
    const externalId = `review-coach:${s.prId}:${s.headSha}`;
    const timeout = { code: "ETIMEDOUT", message: "request timed out" };
    let posted: { body: string } | undefined;
    let check: { external_id: string } | undefined;
    let update: Record<string, unknown> | undefined;
    const readReview = () => mockRepoConfig(scope, REPO, null).get(`/repos/${REPO}/pulls/2/reviews/${reviewId}/comments`).query({ per_page: 100 }).reply(200, []);
    // attempt 1: the review is applied, the answer lost
    readReview()
      .post(`/repos/${REPO}/pulls/2/reviews`, (body) => ((posted = body), true))
      .replyWithError(timeout);
    // attempt 2: the review is found by its marker; the check run is applied, the answer lost
    readReview()
      .get(`/repos/${REPO}/pulls/2/reviews`)
      .query({ per_page: 100 })
      .reply(200, () => [{ id: 5550, body: "someone else's review" }, { id: 880001, body: posted!.body }])
      .post(`/repos/${REPO}/check-runs`, (body) => ((check = body), true))
      .replyWithError(timeout);
    // attempt 3: the check run is found by its external_id and updated in place
    readReview()
      .get(`/repos/${REPO}/commits/${s.headSha}/check-runs`)
      .query({ check_name: "review-coach", filter: "all", per_page: 100 })
      .reply(200, () => ({ total_count: 1, check_runs: [{ id: 770001, name: "review-coach", external_id: check!.external_id }] }))
      .patch(`/repos/${REPO}/check-runs/770001`, (body) => ((update = body), true))
      .reply(200, { id: 770001 });

    await t.post("pull_request_review", s.reviewPayload({ id: reviewId, state: "approved", body: "LGTM" }));
    await t.waitForIdle();
    scope.done();

    expect(posted!.body).toContain(`<!-- review-coach:coaching-review ${reviewId} -->`);
    expect(check).toMatchObject({ name: "review-coach", head_sha: s.headSha, external_id: externalId });
    expect(update).toMatchObject({ name: "review-coach", external_id: externalId, conclusion: "neutral" });
    const nudges = await t.app.store.db.selectFrom("nudges").select(["status", "github_review_id"]).where("pull_request_id", "=", s.prId).orderBy("id").execute();
    expect(nudges).toEqual([
      { status: "sent", github_review_id: 880001 },
      { status: "sent", github_review_id: 880001 },
      { status: "listed", github_review_id: 880001 },
    ]);
    const job = await t.app.store.db.selectFrom("jobs").select(["status", "attempts"]).where("kind", "=", "webhook").orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(job).toEqual({ status: "done", attempts: 3 });
    expect(await t.app.store.db.selectFrom("check_runs").select("github_id").where("pull_request_id", "=", s.prId).execute()).toEqual([{ github_id: 770001 }]);
  });
});
