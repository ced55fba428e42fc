import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import nock from "nock";
import pino from "pino";
import { ENGINES } from "../helpers/stores.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";
import { isolateNetwork, mockGitHub, mockRepoConfig, startTestApp, type TestApp } from "../helpers/test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// REDIS_URL set, and Redis goes away: the real Redis of this machine behind a TCP proxy the test cuts
// and restores. While it is away, GitHub calls are limited per replica and go on; when it is back,
// limiting is shared again. The limiter state Redis held is deleted during the outage, as the keys of a
// long outage expire (their TTL is 2 minutes), so the return path meets a Redis that forgot this replica.
const REDIS_PORT = Number(new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379").port || 6379);

interface Health {
  status: string;
  githubRateLimiting: { mode: string; redis: string; since?: string; error?: string };
}

describe.each(ENGINES)("a Redis outage on %s", (engine) => {
  const installationId = engine === "sqlite" ? 8101 : 8102;
  const limiterKeys = `b_octokit-*-${installationId}*`;
  let redis: Redis;
  let proxy: TcpProxy;
  let t: TestApp;
  const logLines: Array<{ level: number; msg: string; rateLimiting?: string }> = [];
  let pullNumber = 0;

  beforeAll(async () => {
    isolateNetwork();
    redis = new Redis(REDIS_PORT, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
    } catch (error) {
      throw new Error(`Redis is required by this test and is not reachable on port ${REDIS_PORT} (${(error as Error).message}). Start it or set TEST_REDIS_URL.`);
    }
    await deleteKeys(redis, limiterKeys);
    proxy = await startTcpProxy(REDIS_PORT);
    const log = pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line) as (typeof logLines)[number]) });
    t = await startTestApp({ engine, env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, octokitPolicy: { throttle: true, retry: false }, log });
  });
  afterAll(async () => {
    await t.stop();
    await proxy.close();
    await deleteKeys(redis, limiterKeys);
    await redis.quit();
    nock.cleanAll();
  });

  const health = async (): Promise<{ code: number; body: Health }> => {
    const response = await fetch(`${t.url}/healthz`);
    return { code: response.status, body: (await response.json()) as Health };
  };
  const waitForMode = async (mode: string) => {
    for (let i = 0; i < 1000; i++) {
      const { body } = await health();
      if (body.githubRateLimiting.mode === mode) return body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`/healthz never said ${mode}`);
  };
  /** A new PR opened: its config and its files are read from GitHub (the installation token is cached after the first). */
  const openPullRequest = async () => {
    pullNumber += 1;
    const payload = loadExample("pull_request", "opened");
    payload.installation.id = installationId;
    payload.number = pullNumber;
    const pr = payload.pull_request as { number: number; id: number; head: { sha: string } };
    pr.number = pullNumber;
    pr.id = installationId * 1000 + pullNumber;
    pr.head.sha = `${String(pullNumber).padStart(2, "0")}${"a".repeat(38)}`;
    const scope = mockRepoConfig(pullNumber === 1 ? mockGitHub(installationId) : nock("https://api.github.com"), "Codertocat/Hello-World", null)
      .get(`/repos/Codertocat/Hello-World/pulls/${pullNumber}/files`)
      .query({ per_page: 100 })
      .reply(200, []);
    expect((await t.post("pull_request", payload)).status).toBe(200);
    return scope;
  };

  it("goes on per replica while Redis is away, says so, and shares limiting again when it is back", async () => {
    expect((await waitForMode("shared")).githubRateLimiting.redis).toBe("connected");
    const before = await openPullRequest();
    await t.waitForIdle();
    before.done();
    expect((await redis.keys(limiterKeys)).length).toBeGreaterThan(0);

    await proxy.cut();
    const down = await waitForMode("per-replica");
    expect(down.githubRateLimiting.redis).toBe("unreachable");
    await deleteKeys(redis, limiterKeys);
    const during = [await openPullRequest(), await openPullRequest(), await openPullRequest()];
    await t.waitForIdle();
    for (const scope of during) scope.done();
    expect(await redis.keys(limiterKeys)).toEqual([]);
    const { code, body } = await health();
    expect(code).toBe(200);
    expect(body).toMatchObject({ status: "ok", githubRateLimiting: { mode: "per-replica", redis: "unreachable" } });

    await proxy.restore();
    expect((await waitForMode("shared")).githubRateLimiting.redis).toBe("connected");
    const after = await openPullRequest();
    await t.waitForIdle();
    after.done();
    expect((await redis.keys(limiterKeys)).length).toBeGreaterThan(0);

    const jobs = await t.app.store.db.selectFrom("jobs").select(["status", "attempts"]).execute();
    expect(jobs).toEqual(Array.from({ length: 5 }, () => ({ status: "done", attempts: 1 })));
    const transitions = logLines.filter((line) => line.rateLimiting).map((line) => [line.level, line.rateLimiting, line.msg]);
    expect(transitions).toEqual([
      [30, "shared", "Redis (REDIS_URL) connected: GitHub rate limiting is shared by every replica"],
      [40, "per-replica", "Redis (REDIS_URL) is unreachable: GitHub rate limiting falls back to per-replica limits until it is back; GitHub calls go on"],
      [30, "shared", "Redis (REDIS_URL) is back: GitHub rate limiting is shared by every replica again"],
    ]);
  });
});

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  const keys = await redis.keys(pattern);
  if (keys.length > 0) await redis.del(...keys);
}
