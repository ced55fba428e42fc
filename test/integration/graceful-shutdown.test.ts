import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { PullRequestScenario, REPO } from "../helpers/pull-request-scenario.js";
import { ENGINES } from "../helpers/stores.js";
import { isolateNetwork, mockRepoConfig, startTestApp, type TestApp } from "../helpers/test-app.js";

// SIGTERM (app.stop(), as main.ts calls it) while one job's coaching review is in flight and another job
// is still reading: the writing job finishes and records its write; the reading one is handed back and
// writes nothing here; the next process runs it once.

const waitUntil = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.each(ENGINES)("graceful shutdown with GitHub writes in flight (%s)", (engine) => {
  const unmatched: string[] = [];
  // Requests no mock answered, to GitHub only (the app's own loopback server is reached for real).
  const onNoMatch = (req: { method?: string; path?: string; hostname?: string; host?: string }) => {
    if (/github\.com/.test(`${req.hostname ?? ""} ${req.host ?? ""}`)) unmatched.push(`${req.method} ${req.path}`);
  };
  beforeAll(() => {
    isolateNetwork();
    nock.emitter.on("no match", onNoMatch);
  });
  afterAll(() => {
    nock.emitter.removeListener("no match", onNoMatch);
    nock.cleanAll();
  });

  it("never hands back a job with a write in flight, and duplicates nothing", async () => {
    // The write answers after 1.5 s, inside the first of stop()'s two 2 s waits; the read answers after 4.5 s, after both, so
    // the reading job is handed back. Margins of 2.5 s either way keep the outcome independent of the machine's load.
    const first: TestApp = await startTestApp({ engine, env: { SHUTDOWN_TIMEOUT_MS: "2000" } });
    const writing = new PullRequestScenario(first, 4200);
    const reading = new PullRequestScenario(first, 4201);
    const writingScope = writing.github();
    const readingScope = reading.github();
    await writing.open(writingScope);
    await reading.open(readingScope);

    const posts: Record<number, number> = { [writing.prId]: 0, [reading.prId]: 0 };
    let readRequested = false;
    let readAnswered = false;
    const writingReview = writing.nextReviewId();
    mockRepoConfig(writingScope, REPO, null)
      .get(`/repos/${REPO}/pulls/2/reviews/${writingReview}/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${REPO}/pulls/2/reviews`, (body: { body: string }) => body.body.includes(`coaching-review ${writingReview} `) && ++posts[writing.prId]! > 0)
      .delay(1500)
      .reply(200, { id: 880101 })
      .post(`/repos/${REPO}/check-runs`)
      .reply(201, { id: 770101 });
    const readingReview = reading.nextReviewId();
    mockRepoConfig(readingScope, REPO, null)
      .get(`/repos/${REPO}/pulls/2/reviews/${readingReview}/comments`)
      .query({ per_page: 100 })
      .delay(4500)
      .reply(200, () => ((readRequested = true), []));
    readingScope.on("replied", (req: { path: string }) => {
      if (req.path.includes(`/reviews/${readingReview}/comments`)) readAnswered = true;
    });

    await first.post("pull_request_review", writing.reviewPayload({ id: writingReview, state: "approved", body: "LGTM" }));
    await first.post("pull_request_review", reading.reviewPayload({ id: readingReview, state: "approved", body: "LGTM" }));
    await waitUntil(() => posts[writing.prId] === 1 && readRequested, "the coaching review and the other review's read to be in flight");

    await first.app.stop(); // the app's store closes; the test's connection to it stays open
    writingScope.done();
    const jobs = await first.testStore.store.db.selectFrom("jobs").select(["status", "attempts", "locked_by", "payload"]).where("kind", "=", "webhook").execute();
    const jobOf = (reviewId: number) => jobs.find((j) => j.status === "done" ? false : j.payload.includes(`"id":${reviewId}`));
    expect(jobs.filter((j) => j.status === "done")).toHaveLength(3); // two PRs opened, the writing review
    expect(jobOf(readingReview)).toMatchObject({ status: "queued", attempts: 0, locked_by: null });
    expect(await first.testStore.store.db.selectFrom("nudges").select("github_review_id").where("pull_request_id", "=", writing.prId).execute()).toEqual([
      { github_review_id: 880101 },
      { github_review_id: 880101 },
      { github_review_id: 880101 },
    ]);

    // The handed-back job's read answers in the stopped process: it must not write from there.
    await waitUntil(() => readAnswered, "the handed-back job's read to answer");
    await new Promise((r) => setTimeout(r, 200));
    expect(unmatched).toEqual([]);
    readingScope.done();

    const second = await startTestApp({ engine, sharedStore: first.testStore });
    const rerun = mockRepoConfig(reading.github(), REPO, null)
      .get(`/repos/${REPO}/pulls/2/reviews/${readingReview}/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`/repos/${REPO}/pulls/2/reviews`, () => ++posts[reading.prId]! > 0)
      .reply(200, { id: 880102 })
      .post(`/repos/${REPO}/check-runs`)
      .reply(201, { id: 770102 });
    await second.waitForIdle();
    rerun.done();
    await second.app.stop();
    await first.testStore.drop();
    expect(posts).toEqual({ [writing.prId]: 1, [reading.prId]: 1 });
    expect(unmatched).toEqual([]);
  }, 30_000);
});
