import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import nock from "nock";
import { isolateNetwork, mockGitHub, mockRepoConfig, startTestApp, type TestApp } from "../helpers/test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// With REDIS_URL, GitHub rate limiting (Probot's Bottleneck throttling) is kept in Redis and shared by
// every replica. This runs against the real Redis on 127.0.0.1:6379.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("shared GitHub rate limiting in Redis", () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    isolateNetwork();
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
    } catch (error) {
      throw new Error(`Redis is required by this test and is not reachable at ${REDIS_URL} (${(error as Error).message}). Start it (see .ci/run) or set TEST_REDIS_URL.`);
    }
    await redis.del(...(await redis.keys("b_octokit-*")), "none");
    t = await startTestApp({ env: { REDIS_URL }, octokitPolicy: { throttle: true, retry: true } });
  });
  afterAll(async () => {
    await t.stop();
    await redis.del(...(await redis.keys("b_octokit-*")), "none");
    await redis.quit();
    nock.cleanAll();
  });

  it("throttles GitHub requests through limiters stored in Redis", async () => {
    const payload = loadExample("pull_request", "opened");
    payload.installation.id = 8000;
    const scope = mockRepoConfig(mockGitHub(8000), "Codertocat/Hello-World", null).get("/repos/Codertocat/Hello-World/pulls/2/files").query({ per_page: 100 }).reply(200, []);
    await t.post("pull_request", payload);
    await t.waitForIdle();
    scope.done();
    expect(await t.app.store.db.selectFrom("jobs").select("status").execute()).toEqual([{ status: "done" }]);
    const keys = await redis.keys("b_octokit-*");
    expect(keys.length).toBeGreaterThan(0);
  });
});
