import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { sign } from "@octokit/webhooks-methods";
import { openStore } from "../../src/store/open-store.js";
import { GitHubStandIn, json } from "../helpers/github-stand-in.js";
import { silentLog } from "../helpers/stores.js";
import { testPrivateKey, WEBHOOK_SECRET } from "../helpers/test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// The app as its own process (`node src/main.ts` through tsx), talking to a GitHub Enterprise Server
// stand-in on http://127.0.0.1: it is killed with SIGKILL in the middle of a job and restarted.

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startApp(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  children.push(child);
  return child;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

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
    const env = {
      APP_ID: "123",
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET,
      GHE_HOST: gheHost,
      GHE_PROTOCOL: "http",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      JOB_LEASE_MS: "1500",
    };
    const first = startApp(env);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true, "the first process to listen");

    const payload = loadExample("pull_request", "opened");
    const body = JSON.stringify(payload);
    const started = Date.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": await sign(WEBHOOK_SECRET, body),
      },
      body,
    });
    const ackMs = Date.now() - started;
    expect(response.status).toBe(200);
    expect(ackMs).toBeLessThan(1000);

    await waitFor(() => filesRequests === 1, "the job to reach GitHub");
    first.kill("SIGKILL");
    await waitFor(() => first.exitCode !== null || first.signalCode !== null, "the first process to die");
    holdFirstFilesRequest = false;

    const second = startApp(env);
    await waitFor(() => github.requests.some((r) => r.method === "POST" && r.path.endsWith("/check-runs")), "the restarted process to finish the job");
    // give a duplicate every chance to appear: several lease lengths
    await new Promise((r) => setTimeout(r, 4000));
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
