import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createTestStore, ENGINES, type TestStore } from "../helpers/stores.js";
import { isolateNetwork, startTestApp, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// Recovery of failed deliveries: GitHub's App API (nock) lists the app's delivery attempts, and the app
// asks for each failed one it has not recorded to be delivered again, once per period across replicas.

const NOW = new Date("2026-11-30T12:00:00.000Z");
const METRICS_TOKEN = "metrics-token-0123456789";
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");

let nextId = 1000;
/** One attempt as GET /app/hook/deliveries lists it. */
function attempt(guid: string, hours: number, statusCode: number, redelivery = false) {
  nextId += 1;
  return {
    id: nextId,
    guid,
    delivered_at: hoursAgo(hours),
    redelivery,
    duration: 0.1,
    status: statusCode === 200 ? "OK" : statusCode === 0 ? "timed out" : `Invalid HTTP Response: ${statusCode}`,
    status_code: statusCode,
    event: "pull_request_review",
    action: "submitted",
    installation_id: 4242,
    repository_id: 1296269,
  };
}

/** Requests to GitHub that no mock answered (a redelivery asked for that should not have been). */
const unmatched: string[] = [];
nock.emitter.on("no match", (req: { method?: string; path?: string; hostname?: string; host?: string }) => {
  // Requests to the app under test (loopback) pass through; any other is GitHub's.
  if (!/^(127\.0\.0\.1|localhost)\b/.test(req.hostname ?? req.host ?? "")) unmatched.push(`${req.method} ${req.path}`);
});
beforeEach(() => {
  unmatched.length = 0;
});

/** The App API, authenticated as the app (a JWT), not as an installation. */
const appApi = () => nock("https://api.github.com", { reqheaders: { authorization: /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i } });

describe.each(ENGINES)("recovery of failed deliveries on %s", (engine) => {
  const app = useTestApp({ engine, now: () => NOW, env: { REDELIVERY_WINDOW_HOURS: "24", METRICS_TOKEN } });
  let t: TestApp;
  beforeEach(() => {
    t = app.current;
  });

  it("redelivers each failed delivery not recorded, within the window, oldest first, and counts them", async () => {
    // Answered 503 but recorded after all (a commit that outlived the intake's timeout): not asked again.
    expect((await t.post("star", loadExample("star", "created"), { id: "recorded-after-503" })).status).toBe(200);
    const failedFirst = attempt("failed-503", 5, 503);
    const timedOut = attempt("timed-out", 23, 0);
    const pageOne = [
      attempt("delivered", 1, 200),
      attempt("recorded-after-503", 2, 503),
      attempt("healed", 3, 200, true),
      attempt("gave-up", 3.5, 502, true),
      attempt("gave-up", 4, 502, true),
      failedFirst,
      attempt("healed", 6, 502),
      attempt("gave-up", 7, 502),
    ];
    const pageTwo = [timedOut, attempt("too-old", 25, 503), attempt("too-old-2", 30, 503)];
    const scope = appApi()
      .get("/app/hook/deliveries")
      .query({ per_page: 100 })
      .reply(200, pageOne, { link: '<https://api.github.com/app/hook/deliveries?per_page=100&cursor=v1_page2>; rel="next"' })
      .get("/app/hook/deliveries")
      .query({ per_page: 100, cursor: "v1_page2" })
      .reply(200, pageTwo, { link: '<https://api.github.com/app/hook/deliveries?per_page=100&cursor=v1_page3>; rel="next"' });
    const posted: number[] = [];
    scope
      .post(`/app/hook/deliveries/${timedOut.id}/attempts`, (body: unknown) => (posted.push(timedOut.id), body === "" || JSON.stringify(body) === "{}"))
      .reply(202, {})
      .post(`/app/hook/deliveries/${failedFirst.id}/attempts`, (body: unknown) => (posted.push(failedFirst.id), body === "" || JSON.stringify(body) === "{}"))
      .reply(202, {});

    await t.app.scheduler.tick();
    await t.waitForIdle();
    scope.done();
    expect(posted).toEqual([timedOut.id, failedFirst.id]);
    expect(unmatched).toEqual([]);
    const jobs = await t.app.store.db.selectFrom("jobs").select(["id", "status", "attempts"]).where("kind", "=", "redeliver").execute();
    expect(jobs).toEqual([{ id: "redeliver:start:2026-11-30T12:00", status: "done", attempts: 1 }]);
    const metrics = await (await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toContain('review_coach_redeliveries_total{outcome="requested"} 2');
  });
});

describe("recovery of failed deliveries with two replicas on one PostgreSQL", () => {
  let shared: TestStore;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    isolateNetwork();
    shared = await createTestStore("postgres");
    const options = { sharedStore: shared, now: () => NOW, env: { REDELIVERY_WINDOW_HOURS: "24", REDELIVERY_BUDGET: "1" } };
    first = await startTestApp(options);
    second = await startTestApp(options);
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
    await shared.drop();
    nock.cleanAll();
  });

  it("look once per period however their schedulers race, and keep to the budget", async () => {
    const older = attempt("older", 10, 503);
    const newer = attempt("newer", 2, 500);
    const scope = appApi()
      .get("/app/hook/deliveries")
      .query({ per_page: 100 })
      .reply(200, [newer, older])
      .post(`/app/hook/deliveries/${older.id}/attempts`)
      .reply(202, {});

    await Promise.all([first.app.scheduler.tick(), second.app.scheduler.tick()]);
    await first.waitForIdle();
    await second.waitForIdle();
    scope.done();
    expect(unmatched).toEqual([]);
    const jobs = await shared.store.db.selectFrom("jobs").select(["id", "status"]).where("kind", "=", "redeliver").execute();
    expect(jobs).toEqual([{ id: "redeliver:start:2026-11-30T12:00", status: "done" }]);
  });
});
