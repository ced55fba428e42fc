// npm run bench:fairness [-- --flood 400 --rate 2 --seconds 30 --installations 20]
// Fairness across installations, with GitHub's throttling on as in production (content writes spaced
// per installation) and GitHub served by a local stand-in. Prints, in one run: installation B's
// delivery-to-nudge latency alone and behind installation A's flood of review events; p50/p99
// delivery-to-nudge latency at a steady rate over many installations; RSS at the end; GitHub requests
// per review event. Each scenario runs on a fresh app and SQLite file, the app built and as its own
// process with the Dockerfile's node flags, as production runs it (its RSS is the app's alone).
import { rssMb, spawnBenchApp } from "./bench-app-process.js";
import { buildPullRequestEvents, createBenchGitHub, percentile, postDelivery } from "./bench-github.js";

const args = new Map(process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith("--") ? [[arg.slice(2), all[i + 1] ?? ""]] : [])));
const FLOOD = Number(args.get("flood") ?? 400);
const RATE = Number(args.get("rate") ?? 2);
const SECONDS = Number(args.get("seconds") ?? 30);
const INSTALLATIONS = Number(args.get("installations") ?? 20);
const INSTALLATION_A = 20_001;
const INSTALLATION_B = 20_002;

/** When each PR's coaching review reached GitHub, by PR number. */
const nudgedAt = new Map<number, number>();
const github = createBenchGitHub((path) => nudgedAt.set(Number(/\/pulls\/(\d+)\/reviews$/.exec(path)?.[1]), performance.now()));

async function waitForNudge(prNumber: number, timeoutMs = 30 * 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (!nudgedAt.has(prNumber)) {
    if (performance.now() > deadline) throw new Error(`no nudge on PR ${prNumber}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return nudgedAt.get(prNumber)!;
}

/** B's review delivered (after its PR was opened): milliseconds until its coaching review is on GitHub. */
async function nudgeLatencyOfB(url: string, n: number): Promise<number> {
  const { opened, review } = buildPullRequestEvents(n, INSTALLATION_B, `b${n}`);
  await postDelivery(url, opened);
  const t0 = performance.now();
  await postDelivery(url, review);
  return (await waitForNudge(1000 + n)) - t0;
}

async function main(): Promise<void> {
  const host = await github.start();
  const fast = { SHUTDOWN_TIMEOUT_MS: "1000" };

  // 1. B alone.
  let run = await spawnBenchApp(host, fast);
  const alone = await nudgeLatencyOfB(run.url, 100_000);
  await run.stop();

  // 2. B behind A's flood: A's review events all delivered first, then B's.
  run = await spawnBenchApp(host, fast);
  const flood = Array.from({ length: FLOOD }, (_, n) => buildPullRequestEvents(n, INSTALLATION_A, "a").review);
  await Promise.all(Array.from({ length: 32 }, async () => {
    for (let event = flood.shift(); event; event = flood.shift()) await postDelivery(run.url, event);
  }));
  const behindFlood = await nudgeLatencyOfB(run.url, 100_001);
  const aNudged = [...nudgedAt.keys()].filter((k) => k >= 1000 && k < 1000 + FLOOD).length;
  await run.stop();

  // 3. A steady rate of review events over many installations.
  run = await spawnBenchApp(host, fast);
  const requestsBefore = github.requests.length;
  const latencies: Array<Promise<number>> = [];
  const total = Math.round(RATE * SECONDS);
  const base = 200_000;
  for (let i = 0; i < total; i++) {
    const n = base + i;
    const { review } = buildPullRequestEvents(n, 30_000 + (i % INSTALLATIONS), "steady");
    const t0 = performance.now();
    latencies.push(postDelivery(run.url, review).then(async () => (await waitForNudge(1000 + n, 120_000)) - t0));
    await new Promise((r) => setTimeout(r, 1000 / RATE));
  }
  const steady = (await Promise.all(latencies)).sort((a, b) => a - b);
  while (run.pendingJobs() > 0) await new Promise((r) => setTimeout(r, 50));
  const steadyRequests = github.requests.slice(requestsBefore);
  const reviewJobRequests = steadyRequests.filter((r) => /\/reviews\/\d+\/comments|\/pulls\/\d+\/reviews$|\/check-runs$/.test(r.path)).length;
  const rss = rssMb(run.pid);
  await run.stop();
  await github.stop();

  console.log(`review-coach fairness benchmark: node ${[...run.flags, "dist/src/main.js"].join(" ")}, SQLite, worker concurrency ${run.env.WORKER_CONCURRENCY ?? "8 (default)"}, GitHub throttling on (writes spaced per installation)`);
  console.log(`B's nudge alone:                 ${alone.toFixed(0)} ms (delivery → coaching review on GitHub)`);
  console.log(`B's nudge behind A's ${FLOOD} events: ${behindFlood.toFixed(0)} ms (A had ${aNudged} of ${FLOOD} nudged by then)`);
  console.log(`steady ${RATE} review events/s over ${INSTALLATIONS} installations for ${SECONDS} s: delivery → nudge p50 ${percentile(steady, 50).toFixed(0)} ms, p99 ${percentile(steady, 99).toFixed(0)} ms`);
  console.log(`GitHub requests per review event: ${(steadyRequests.length / total).toFixed(2)} overall (incl. token exchanges, config reads and the PR's files), ${(reviewJobRequests / total).toFixed(2)} of the review job (its comments, the COMMENT review, the check run)`);
  console.log(`RSS at the end:                  ${rss.toFixed(0)} MB (the app process)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
