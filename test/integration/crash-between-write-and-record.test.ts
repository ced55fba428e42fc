import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { RISKY_FILES } from "../fixtures/risky-pull-request-files.js";
import { appProcessEnv, freePort, killHard, postSignedWebhook, startAppProcess, waitFor, waitForHealthy } from "../helpers/app-process.js";
import { GitHubStandIn, json } from "../helpers/github-stand-in.js";
import { createTestStore, ENGINES } from "../helpers/stores.js";
import { loadExample } from "../helpers/webhook-examples.js";

// The app as its own process against a GitHub stand-in that applies a write and never answers it: the
// process is killed with SIGKILL while GitHub holds the answer, so the write is on GitHub and not in the
// store. The restarted process must find it (review by its marker, check run by its external_id).

const SHA = "ab12c3e57ca3a959ca5aad62de7213c562f8c821";
const REPO_PATH = "/api/v3/repos/Codertocat/Hello-World";
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe.each(ENGINES)("a crash between a GitHub write and its record (%s)", (engine) => {
  it("leaves exactly one coaching review and one check run", async () => {
    const reviews: Array<{ id: number; body: string }> = [];
    const checkRuns: Array<{ id: number; name: string; external_id: string }> = [];
    let holdWrites = true;
    const github = new GitHubStandIn()
      .route((req, res) => req.method === "POST" && /\/app\/installations\/\d+\/access_tokens$/.test(req.url ?? "") && json(res, 201, { token: "ghs_x", expires_at: "2099-01-01T00:00:00Z" }))
      .route((req, res) => (req.url ?? "").includes("/contents/.github%2Freview-coach.yml") && json(res, 404, { message: "Not Found" }))
      .route((req, res) => req.method === "GET" && (req.url ?? "").startsWith(`${REPO_PATH}/pulls/2/files`) && json(res, 200, RISKY_FILES))
      .route((req, res) => req.method === "GET" && /\/pulls\/2\/reviews\/\d+\/comments/.test(req.url ?? "") && json(res, 200, []))
      .route((req, res) => req.method === "GET" && (req.url ?? "").startsWith(`${REPO_PATH}/pulls/2/reviews?`) && json(res, 200, reviews))
      .route((req, res, body) => {
        if (req.method !== "POST" || req.url !== `${REPO_PATH}/pulls/2/reviews`) return false;
        const review = { id: 880001 + reviews.length, body: (body as { body: string }).body };
        reviews.push(review); // applied on GitHub ...
        return holdWrites || json(res, 200, review); // ... and, while held, never answered
      })
      .route((req, res) => req.method === "GET" && (req.url ?? "").startsWith(`${REPO_PATH}/commits/${SHA}/check-runs`) && json(res, 200, { total_count: checkRuns.length, check_runs: checkRuns }))
      .route((req, res, body) => {
        if (req.method !== "POST" || req.url !== `${REPO_PATH}/check-runs`) return false;
        const run = { id: 770001 + checkRuns.length, ...(body as { name: string; external_id: string }) };
        checkRuns.push(run);
        return holdWrites || json(res, 201, run);
      })
      .route((req, res) => req.method === "PATCH" && /\/check-runs\/\d+$/.test(req.url ?? "") && json(res, 200, { id: Number(req.url!.split("/").pop()) }));
    const gheHost = await github.start();
    const testStore = await createTestStore(engine);
    const port = await freePort();
    const env = appProcessEnv(
      gheHost,
      port,
      testStore.location.databaseUrl ? { DATABASE_URL: testStore.location.databaseUrl } : { DATA_DIR: path.dirname(testStore.location.sqlitePath) },
    );
    try {
      const payload = loadExample<{ review: Record<string, unknown>; pull_request: { head: { sha: string }; number: number } }>("pull_request_review", "submitted");
      payload.pull_request.head.sha = SHA;
      payload.review = { ...payload.review, id: 7101, state: "approved", body: "LGTM", commit_id: SHA, user: { login: "octo-reviewer", id: 5001, type: "User" } };

      // 1. The coaching review is applied on GitHub; the process dies before hearing back.
      const first = startAppProcess(env, children);
      await waitForHealthy(port);
      expect(await postSignedWebhook(port, "pull_request_review", payload)).toBe(200);
      await waitFor(() => reviews.length === 1, "the coaching review to reach GitHub");
      await killHard(first);

      // 2. The retry finds that review by its marker and goes on to the check run, which meets the same fate.
      const second = startAppProcess(env, children);
      await waitFor(() => checkRuns.length === 1, "the check run to reach GitHub");
      await killHard(second);

      // 3. The retry finds the check run by its external_id and updates it in place.
      holdWrites = false;
      const third = startAppProcess(env, children);
      await waitFor(() => github.requests.some((r) => r.method === "PATCH"), "the check run to be updated in place");
      await waitFor(async () => (await testStore.store.db.selectFrom("jobs").select("status").executeTakeFirst())?.status === "done", "the job to finish");
      await killHard(third);

      expect(reviews).toHaveLength(1);
      expect(reviews[0]!.body).toContain("<!-- review-coach:coaching-review 7101 -->");
      expect(checkRuns).toHaveLength(1);
      expect(checkRuns[0]!.external_id).toMatch(/^review-coach:\d+:ab12c3e/);
      expect(github.requests.filter((r) => r.method === "PATCH").map((r) => r.path)).toEqual([`${REPO_PATH}/check-runs/770001`]);
      const nudges = await testStore.store.db.selectFrom("nudges").select(["github_review_id", "status"]).execute();
      expect(nudges.length).toBeGreaterThan(0);
      expect(new Set(nudges.map((n) => n.github_review_id))).toEqual(new Set([880001]));
      const stored = await testStore.store.db.selectFrom("check_runs").select("github_id").execute();
      expect(stored).toEqual([{ github_id: 770001 }]);
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
      await github.stop();
      await testStore.drop();
    }
  }, 90_000);
});
