// npm run bench:webhooks [-- --pull-requests 150 --concurrency 8 --workers 4 --throttle off --flood 3000 --flood-concurrency 32 --rounds 3]
// Drives signed webhooks at the real server (SQLite store, default worker) with GitHub served by a
// local stand-in over http (as a GitHub Enterprise Server would be), and prints throughput, ack and
// processing latency, and GitHub requests per event. First, the acknowledgement path alone: a flood of
// signed deliveries at a no-op Probot app and at review-coach (its workers running the jobs meanwhile),
// in the same run, with throughput and p99 side by side.
import { spawn } from "node:child_process";
import { sign } from "@octokit/webhooks-methods";
import { freePort, waitFor } from "../test/helpers/app-process.js";
import { WEBHOOK_SECRET } from "../test/helpers/test-app.js";
import { benchNodeFlags, spawnBenchApp } from "./bench-app-process.js";
import { buildPullRequestEvents, createBenchGitHub, percentile, postDelivery, startBenchApp, type BenchEvent } from "./bench-github.js";

const args = new Map(process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith("--") ? [[arg.slice(2), all[i + 1] ?? ""]] : [])));
const PULL_REQUESTS = Number(args.get("pull-requests") ?? 150);
const CONCURRENCY = Number(args.get("concurrency") ?? 8);
const THROTTLE = args.get("throttle") !== "off";
const WORKERS = args.get("workers");
const FLOOD = Number(args.get("flood") ?? 3000);
const FLOOD_CONCURRENCY = Number(args.get("flood-concurrency") ?? 32);
const ROUNDS = Number(args.get("rounds") ?? 3);

const github = createBenchGitHub();

/** Posts every delivery, FLOOD_CONCURRENCY at a time; acknowledgements per second and each one's latency. */
async function flood(url: string, deliveries: Array<BenchEvent & { signature: string }>): Promise<{ perSecond: number; p50: number; p99: number }> {
  const pending = [...deliveries];
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: FLOOD_CONCURRENCY }, async () => {
      for (let event = pending.shift(); event; event = pending.shift()) {
        const t0 = performance.now();
        await postDelivery(url, event);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: deliveries.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Signed review deliveries of distinct PRs (signing is done before the clock starts). */
async function buildFlood(prefix: string): Promise<Array<BenchEvent & { signature: string }>> {
  return Promise.all(
    Array.from({ length: FLOOD }, async (_, n) => {
      const { review } = buildPullRequestEvents(n, 40_000 + (n % 20), prefix);
      return { ...review, signature: await sign(WEBHOOK_SECRET, review.body) };
    }),
  );
}

/** The no-op app as its own process on a free port (stdout and stderr dropped), stopped when `use` is done. */
async function withProcess<T>(argv: string[], env: Record<string, string>, use: (port: number) => Promise<T>): Promise<T> {
  const port = await freePort();
  const child = spawn(process.execPath, argv, { env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port) }, stdio: "ignore" });
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => null)) !== null, "the app process to listen");
    return await use(port);
  } finally {
    child.kill("SIGTERM");
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, "the app process to stop").catch(() => child.kill("SIGKILL"));
  }
}

/** The median of some numbers. */
const median = (values: number[]): number => percentile([...values].sort((x, y) => x - y), 50);

/**
 * The acknowledgement path of a no-op Probot app and of review-coach, in this run, each as its own
 * process with the Dockerfile's node flags, both logging at info (review-coach built, on SQLite, its
 * workers running the jobs meanwhile), while this process sends and plays GitHub. Rounds alternate the
 * two so a change in the machine's load meets both; the medians are compared.
 */
async function compareAcknowledgement(host: string): Promise<void> {
  const flags = benchNodeFlags();
  const noop: Array<Awaited<ReturnType<typeof flood>>> = [];
  const coach: Array<Awaited<ReturnType<typeof flood>> & { jobsDone: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    noop.push(await withProcess([...flags, "--import", "tsx", "bench/noop-probot-app.ts"], { LOG_LEVEL: "info" }, async (port) => flood(`http://127.0.0.1:${port}/api/github/webhooks`, await buildFlood(`noop${round}`))));
    const app = await spawnBenchApp(host, { LOG_LEVEL: "info", ...(WORKERS ? { WORKER_CONCURRENCY: WORKERS } : {}) });
    const deliveries = await buildFlood(`ack${round}`);
    coach.push(await flood(app.url, deliveries).then((result) => ({ ...result, jobsDone: FLOOD - app.pendingJobs() })).finally(() => app.stop()));
  }
  const summary = (runs: typeof noop) => ({ perSecond: median(runs.map((r) => r.perSecond)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)) });
  const baseline = summary(noop);
  const ours = summary(coach);
  const each = (runs: typeof noop) => runs.map((r) => `${r.perSecond.toFixed(0)}/s p99 ${r.p99.toFixed(0)} ms`).join(", ");
  console.log(`acknowledgement path: ${FLOOD} signed review deliveries, ${FLOOD_CONCURRENCY} at a time, ${ROUNDS} alternating rounds; each app its own process (node ${flags.join(" ")}; review-coach on SQLite, its workers running the jobs meanwhile)`);
  console.log(`  no-op Probot app:    ${baseline.perSecond.toFixed(0)} acks/s, p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms (medians; rounds: ${each(noop)})`);
  console.log(`  review-coach:        ${ours.perSecond.toFixed(0)} acks/s, p50 ${ours.p50.toFixed(1)} ms, p99 ${ours.p99.toFixed(1)} ms (medians; rounds: ${each(coach)})`);
  console.log(`  jobs done by the flood's last ack: ${coach.map((r) => r.jobsDone).join(", ")} of ${FLOOD} (the rest run after it)`);
  console.log(`  ratio:               ${(ours.perSecond / baseline.perSecond).toFixed(2)}× the throughput, ${(ours.p99 / baseline.p99).toFixed(2)}× the p99 (target ≥ 0.8× and ≤ 1.5×)`);
}

async function main(): Promise<void> {
  const host = await github.start();
  if (FLOOD > 0) await compareAcknowledgement(host);
  if (PULL_REQUESTS === 0) {
    await github.stop();
    return;
  }
  // The flood's jobs asked GitHub too: the figures below count only this run's requests.
  github.requests.length = 0;
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
