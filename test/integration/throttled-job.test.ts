import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ENGINES } from "../helpers/stores.js";
import { isolateNetwork, mockGitHub, mockRepoConfig, startTestApp, type TestApp } from "../helpers/test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// A job that meets its installation's GitHub rate limit (a 403 secondary limit with retry-after) is put
// back in the queue for when the limit lifts, without using an attempt, and its worker is free at once;
// the installation's other queued jobs wait with it. Throttling (Probot's plugin) is on, as in production.

const START = new Date("2026-11-30T12:00:00.000Z");
const REPO = "Codertocat/Hello-World";

describe.each(ENGINES)("a job throttled by GitHub on %s", (engine) => {
  const installationId = engine === "sqlite" ? 8201 : 8202;
  let clock = START;
  let t: TestApp;
  beforeAll(async () => {
    isolateNetwork();
    t = await startTestApp({ engine, now: () => clock, env: { WORKER_CONCURRENCY: "1" }, octokitPolicy: { throttle: true, retry: false } });
  });
  afterAll(async () => {
    await t.stop();
    nock.cleanAll();
  });

  const opened = (number: number) => {
    const payload = loadExample("pull_request", "opened");
    payload.installation.id = installationId;
    payload.number = number;
    const pr = payload.pull_request as { number: number; id: number; head: { sha: string } };
    pr.number = number;
    pr.id = installationId * 100 + number;
    pr.head.sha = `${number}`.repeat(40).slice(0, 40);
    return payload;
  };
  const jobs = () => t.app.store.db.selectFrom("jobs").select(["status", "attempts", "run_at", "last_error"]).orderBy("created_at").execute();

  it("is rescheduled for when the limit lifts, releasing its worker, and holds the installation's queued jobs", async () => {
    const throttled = mockRepoConfig(mockGitHub(installationId), REPO, null)
      .get("/repos/Codertocat/Hello-World/pulls/1/files")
      .query({ per_page: 100 })
      .reply(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": "30" });
    expect((await t.post("pull_request", opened(1))).status).toBe(200);
    expect((await t.post("pull_request", opened(2))).status).toBe(200);

    const liftsAt = new Date(START.getTime() + 30_000).toISOString();
    // The first job starts queued: wait until it was claimed, throttled and queued again for when the limit lifts.
    const rescheduled = async () => throttled.isDone() && (await jobs())[0]?.run_at === liftsAt;
    for (let i = 0; i < 1000 && !(await rescheduled()); i++) await new Promise((r) => setTimeout(r, 20));
    throttled.done();
    expect(await jobs()).toEqual([
      { status: "queued", attempts: 0, run_at: liftsAt, last_error: expect.stringMatching(/^GitHub secondary rate limit: You have exceeded a secondary rate limit/) },
      { status: "queued", attempts: 0, run_at: liftsAt, last_error: null },
    ]);
    expect(t.app.worker.inFlight).toBe(0);

    // The limit lifts: both run, in their order, and nothing is dead-lettered.
    const files: number[] = [];
    const lifted = nock("https://api.github.com");
    for (const number of [1, 2]) {
      mockRepoConfig(lifted, REPO, null)
        .get(`/repos/Codertocat/Hello-World/pulls/${number}/files`)
        .query({ per_page: 100 })
        .reply(200, () => (files.push(number), []));
    }
    clock = new Date(START.getTime() + 31_000);
    t.app.worker.notify();
    await t.waitForIdle();
    lifted.done();
    expect(files).toEqual([1, 2]);
    expect((await jobs()).map((job) => [job.status, job.attempts])).toEqual([
      ["done", 1],
      ["done", 1],
    ]);
  });
});
