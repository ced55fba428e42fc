import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { openStore } from "../../src/store/open-store.js";
import { GitHubStandIn, json } from "../helpers/github-stand-in.js";
import { silentLog } from "../helpers/stores.js";
import { appProcessEnv, freePort, killHard, postSignedWebhook, startAppProcess, waitFor, waitForHealthy } from "../helpers/app-process.js";
import { loadExample } from "../helpers/webhook-examples.js";

// The app as its own process (`node src/main.ts` through tsx), talking to a GitHub Enterprise Server
// stand-in on http://127.0.0.1: it is killed with SIGKILL in the middle of a job and restarted.

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const children: ChildProcess[] = [];

describe("the app process against a GitHub Enterprise Server on http://127.0.0.1", () => {
  const github = new GitHubStandIn();
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await github.stop();
  });

  it("answers a signed webhook within a second, survives kill -9 mid-job, and completes the job exactly once", async () => {
    let filesRequests = 0;
    let holdFirstFilesRequest = true;
    github
      .route((req, res) => req.method === "POST" && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(req.url ?? "") && json(res, 201, { token: "ghs_x", expires_at: "2099-01-01T00:00:00Z" }))
      .route((req, res) => {
        if (!req.url?.startsWith("/api/v3/repos/Codertocat/Hello-World/pulls/2/files")) return false;
        filesRequests++;
        if (holdFirstFilesRequest) return true; // never answers: the process is killed while waiting
        return json(res, 200, [{ filename: ".github/review-coach.yml", status: "added", additions: 1, deletions: 0, changes: 1 }]);
      })
      .route((req, res) => {
        if (!req.url?.startsWith("/api/v3/repos/Codertocat/Hello-World/contents/.github%2Freview-coach.yml")) return false;
        res.writeHead(200, { "content-type": "text/plain" }).end("mode: shadow\n");
        return true;
      })
      .route((req, res) => req.method === "GET" && (req.url ?? "").startsWith(`/api/v3/repos/Codertocat/Hello-World/commits/${SHA}/check-runs`) && json(res, 200, { total_count: 0, check_runs: [] }))
      .route((req, res) => req.method === "POST" && req.url === "/api/v3/repos/Codertocat/Hello-World/check-runs" && json(res, 201, { id: 1 }));
    const gheHost = await github.start();

    const dataDir = mkdtempSync(path.join(tmpdir(), "review-coach-restart-"));
    const port = await freePort();
    // A lease of ten minutes: the restarted process (same stable worker id on the embedded store) must
    // take the job back at once, not when the lease runs out.
    const env = appProcessEnv(gheHost, port, { DATA_DIR: dataDir, JOB_LEASE_MS: "600000" });
    const first = startAppProcess(env, children);
    await waitForHealthy(port);

    const started = Date.now();
    const status = await postSignedWebhook(port, "pull_request", loadExample("pull_request", "opened"));
    const ackMs = Date.now() - started;
    expect(status).toBe(200);
    expect(ackMs).toBeLessThan(1000);

    await waitFor(() => filesRequests === 1, "the job to reach GitHub");
    await killHard(first);
    holdFirstFilesRequest = false;

    const second = startAppProcess(env, children);
    await waitFor(() => github.requests.some((r) => r.method === "POST" && r.path.endsWith("/check-runs")), "the restarted process to finish the job");
    // give a duplicate every chance to appear
    await new Promise((r) => setTimeout(r, 2000));
    const posts = github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/check-runs"));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ name: "review-coach config", head_sha: SHA, conclusion: "success" });

    second.kill("SIGTERM");
    await waitFor(() => second.exitCode !== null, "a graceful exit on SIGTERM");
    expect(second.exitCode).toBe(0);

    const store = await openStore({ sqlitePath: path.join(dataDir, "review-coach.sqlite"), log: silentLog });
    const jobs = await store.db.selectFrom("jobs").select(["status", "attempts"]).execute();
    await store.close();
    expect(jobs).toEqual([{ status: "done", attempts: 2 }]);
  }, 60_000);
});
