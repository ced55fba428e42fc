// npm run bench:webhooks [-- --pull-requests 150 --concurrency 8 --workers 4 --throttle off]
// Drives signed webhooks at the real server (SQLite store, default worker) with GitHub served by a
// local stand-in over http (as a GitHub Enterprise Server would be), and prints throughput, ack and
// processing latency, and GitHub requests per event.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sign } from "@octokit/webhooks-methods";
import pino from "pino";
import { loadEnv } from "../src/env.js";
import { startReviewCoach } from "../src/index.js";
import { RISKY_FILES } from "../test/fixtures/risky-pull-request-files.js";
import { GitHubStandIn, json } from "../test/helpers/github-stand-in.js";
import { testPrivateKey, WEBHOOK_SECRET } from "../test/helpers/test-app.js";
import { loadExample } from "../test/helpers/webhook-examples.js";

const args = new Map(process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith("--") ? [[arg.slice(2), all[i + 1] ?? ""]] : [])));
const PULL_REQUESTS = Number(args.get("pull-requests") ?? 150);
const CONCURRENCY = Number(args.get("concurrency") ?? 8);
const THROTTLE = args.get("throttle") !== "off";
const WORKERS = args.get("workers");

const github = new GitHubStandIn()
  .route((req, res) => req.method === "POST" && /\/access_tokens$/.test(req.url ?? "") && json(res, 201, { token: "ghs_bench", expires_at: "2099-01-01T00:00:00Z" }))
  .route((req, res) => (req.url ?? "").includes("/contents/") && json(res, 404, { message: "Not Found" }))
  .route((req, res) => /\/pulls\/\d+\/files/.test(req.url ?? "") && json(res, 200, RISKY_FILES))
  .route((req, res) => /\/reviews\/\d+\/comments/.test(req.url ?? "") && json(res, 200, []))
  .route((req, res) => req.method === "POST" && /\/pulls\/\d+\/reviews$/.test(req.url ?? "") && json(res, 200, { id: Math.floor(Math.random() * 1e9) }))
  .route((req, res) => req.method === "POST" && /\/check-runs$/.test(req.url ?? "") && json(res, 201, { id: Math.floor(Math.random() * 1e9) }));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const host = await github.start();
  const env = loadEnv({
    APP_ID: "1",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET,
    GHE_HOST: host,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "silent",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "review-coach-bench-")),
    ...(WORKERS ? { WORKER_CONCURRENCY: WORKERS } : {}),
  });
  const app = await startReviewCoach({ env, log: pino({ level: "silent" }), octokitPolicy: { throttle: THROTTLE, retry: true } });
  const url = `http://127.0.0.1:${app.port}${env.WEBHOOK_PATH}`;

  const events: Array<{ name: string; id: string; body: string }> = [];
  for (let n = 0; n < PULL_REQUESTS; n++) {
    const installation = { id: 10_000 + (n % 20) };
    const repository = { ...(loadExample("pull_request", "opened").repository as object), id: 500_000 + n };
    const pr = { ...(loadExample("pull_request", "opened").pull_request as object), id: 900_000 + n, head: { ...((loadExample("pull_request", "opened").pull_request as { head: object }).head), sha: n.toString(16).padStart(40, "b") } };
    events.push({ name: "pull_request", id: `bench-pr-${n}`, body: JSON.stringify({ ...loadExample("pull_request", "opened"), installation, repository, pull_request: pr }) });
    const review = loadExample<{ review: object }>("pull_request_review", "submitted");
    events.push({
      name: "pull_request_review",
      id: `bench-review-${n}`,
      body: JSON.stringify({ ...review, installation, repository, pull_request: pr, review: { ...review.review, id: 700_000 + n, state: "approved", body: "LGTM", user: { login: "octo-reviewer", id: 5001, type: "User" } } }),
    });
  }

  const ackMs: number[] = [];
  const started = Date.now();
  // Each PR's review is sent after its opened event, as on GitHub; PRs go in parallel.
  const queue = [...Array(PULL_REQUESTS).keys()];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        for (const event of [events[2 * n]!, events[2 * n + 1]!]) {
          const t0 = performance.now();
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-github-event": event.name, "x-github-delivery": event.id, "x-hub-signature-256": await sign(WEBHOOK_SECRET, event.body) },
            body: event.body,
          });
          await response.arrayBuffer();
          ackMs.push(performance.now() - t0);
          if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        }
      }
    }),
  );
  for (;;) {
    const pending = await app.store.db.selectFrom("jobs").select("id").where("status", "in", ["queued", "running"]).execute();
    if (pending.length === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const elapsedS = (Date.now() - started) / 1000;
  const jobs = await app.store.db.selectFrom("jobs").select(["id", "status", "created_at", "finished_at"]).execute();
  const processing = jobs.map((j) => Date.parse(j.finished_at ?? j.created_at) - Date.parse(j.created_at)).sort((a, b) => a - b);
  const byKind = (prefix: string) => jobs.filter((j) => j.id.startsWith(prefix)).map((j) => Date.parse(j.finished_at!) - Date.parse(j.created_at)).sort((a, b) => a - b);
  const reviewRequests = github.requests.filter((r) => /\/reviews\/\d+\/comments|\/pulls\/\d+\/reviews$|\/check-runs$/.test(r.path)).length;
  const ackSorted = ackMs.sort((a, b) => a - b);
  const failed = jobs.filter((j) => j.status !== "done").length;

  console.log(`review-coach webhook benchmark: ${PULL_REQUESTS} PRs × (opened + LGTM review) = ${events.length} signed webhooks, ${CONCURRENCY} senders, SQLite, worker concurrency ${env.WORKER_CONCURRENCY}, GitHub throttling ${THROTTLE ? "on (as in production)" : "off"}`);
  console.log(`throughput:            ${(events.length / elapsedS).toFixed(1)} events/s (all processed in ${elapsedS.toFixed(2)} s; ${failed} failed)`);
  console.log(`ack latency:           p50 ${percentile(ackSorted, 50).toFixed(1)} ms, p99 ${percentile(ackSorted, 99).toFixed(1)} ms`);
  console.log(`processing latency:    p50 ${percentile(processing, 50)} ms, p99 ${percentile(processing, 99)} ms (delivery stored → job done)`);
  console.log(`  pull_request.opened: p50 ${percentile(byKind("bench-pr-"), 50)} ms, p99 ${percentile(byKind("bench-pr-"), 99)} ms`);
  console.log(`  review submitted:    p50 ${percentile(byKind("bench-review-"), 50)} ms, p99 ${percentile(byKind("bench-review-"), 99)} ms`);
  console.log(`GitHub requests/event: ${(github.requests.length / events.length).toFixed(2)} overall (${github.requests.length} for ${events.length} events, incl. token exchanges and config reads)`);
  console.log(`  per review event:    ${(reviewRequests / PULL_REQUESTS).toFixed(2)} (review comments, the COMMENT review, the check run)`);
  await app.stop();
  await github.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
