// npm run bench:webhooks [-- --pull-requests 150 --concurrency 8 --workers 4 --throttle off]
// Drives signed webhooks at the real server (SQLite store, default worker) with GitHub served by a
// local stand-in over http (as a GitHub Enterprise Server would be), and prints throughput, ack and
// processing latency, and GitHub requests per event.
import { buildPullRequestEvents, createBenchGitHub, percentile, postDelivery, startBenchApp, type BenchEvent } from "./bench-github.js";

const args = new Map(process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith("--") ? [[arg.slice(2), all[i + 1] ?? ""]] : [])));
const PULL_REQUESTS = Number(args.get("pull-requests") ?? 150);
const CONCURRENCY = Number(args.get("concurrency") ?? 8);
const THROTTLE = args.get("throttle") !== "off";
const WORKERS = args.get("workers");

const github = createBenchGitHub();

async function main(): Promise<void> {
  const host = await github.start();
  const { app, env, url } = await startBenchApp(host, { throttle: THROTTLE, env: WORKERS ? { WORKER_CONCURRENCY: WORKERS } : {} });

  const events: BenchEvent[] = [];
  for (let n = 0; n < PULL_REQUESTS; n++) {
    const { opened, review } = buildPullRequestEvents(n, 10_000 + (n % 20));
    events.push(opened, review);
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
          await postDelivery(url, event);
          ackMs.push(performance.now() - t0);
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
