import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createRandom, mutatePayload, type Mutation } from "../helpers/mutate-payload.js";
import { isolateNetwork, startTestApp, type TestApp } from "../helpers/test-app.js";
import { loadExamples } from "../helpers/webhook-examples.js";

// Correctly signed, mutated real payloads through the real webhook endpoint and queue. Seeded: a failure
// names its seed. The suite sends 200; `npm run fuzz:webhooks` sends 3,000 (FUZZ_RUNS), and
// FUZZ_SEED=<seed> replays a failure. GitHub answers reads with 404 and has no write scope at all; the
// real network is off, so any write would show as an unmatched request.
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const PARALLEL = 8;
const EVENTS = ["pull_request", "pull_request_review", "pull_request_review_comment", "issue_comment", "pull_request_review_thread", "installation", "installation_repositories"];

describe(`fuzzed webhooks (seed ${SEED}, ${RUNS} payloads)`, () => {
  let t: TestApp;
  const unmatched: Array<{ method: string; path: string }> = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const onNoMatch = (request: { method?: string; path?: string; hostname?: string; host?: string }) => {
    const host = request.hostname ?? request.host ?? "";
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) unmatched.push({ method: request.method ?? "?", path: `${host}${request.path ?? ""}` });
  };

  beforeAll(async () => {
    isolateNetwork();
    process.on("unhandledRejection", onRejection);
    nock.emitter.on("no match", onNoMatch);
    nock("https://api.github.com")
      .persist()
      .post(/^\/app\/installations\/\d+\/access_tokens$/)
      .reply(201, { token: "ghs_fuzz", expires_at: "2099-01-01T00:00:00Z", permissions: {} })
      .get(/.*/)
      .reply(404, { message: "Not Found" });
    t = await startTestApp();
  });
  afterAll(async () => {
    process.off("unhandledRejection", onRejection);
    nock.emitter.off("no match", onNoMatch);
    await t.stop();
    nock.cleanAll();
  });

  it("crashes nothing, rejects nothing unhandled, writes nothing to GitHub, and leaves every job done or dead-lettered", async () => {
    const random = createRandom(SEED);
    const examples = EVENTS.flatMap((name) => loadExamples(name).map((payload) => ({ name, payload })));
    const statuses = new Map<number, number>();
    const serverErrors: Array<{ run: number; name: string; mutations: Mutation[]; status: number; text: string }> = [];
    const cases = Array.from({ length: RUNS }, (_, run) => {
      const { name, payload } = examples[Math.floor(random() * examples.length)]!;
      return { run, name, ...mutatePayload(payload, random) };
    });

    for (let start = 0; start < cases.length; start += PARALLEL) {
      await Promise.all(
        cases.slice(start, start + PARALLEL).map(async ({ run, name, body, mutations }) => {
          const response = await t.postBody(name, body);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500) serverErrors.push({ run, name, mutations, status: response.status, text: response.text.slice(0, 200) });
        }),
      );
    }
    await t.waitForIdle(60_000);

    expect(serverErrors).toEqual([]);
    expect([...statuses.keys()].every((status) => status === 200 || status === 400 || status === 413)).toBe(true);
    expect(rejections).toEqual([]);
    // Reads GitHub could not answer (GraphQL, a repository's config) are fine; a write is not.
    expect(unmatched.filter((request) => request.method !== "GET" && !request.path.endsWith("/graphql"))).toEqual([]);
    const jobs = await t.app.store.db.selectFrom("jobs").select(["status"]).execute();
    expect(jobs.filter((job) => job.status !== "done" && job.status !== "dead")).toEqual([]);
    // Still serving after all of it.
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    // Enough of the payloads got past intake to exercise the handlers, not only the guard.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 4);
  }, 60_000 + RUNS * 150);
});
