// npm run bench:memory [-- --rate 20 --seconds 60 --installations 20] [--files typical|large]
// The app alone, as production runs it (`node dist/src/main.js`, built first), against a local GitHub
// stand-in, driven with PRs opened and reviewed at a steady rate over many installations. Prints the
// process's resident memory (VmRSS) sampled each second: at start, its peak, and at the end, with the
// events processed. The bench process (senders, stand-in) is apart from the measured one. The app runs
// with the V8 flags of the Dockerfile's CMD (the heap bounds production uses); BENCH_NODE_OPTIONS adds
// flags after them (a later flag wins), e.g. BENCH_NODE_OPTIONS="--max-semi-space-size=16".
// --files: every PR changes three code files whose contents the app reads and parses: typical (48, 20 and
// 10 KB) or large (950, 400 and 200 KB, near the size limit; defaults then 2 events/s). Without it the
// stand-in serves no contents and nothing is parsed.
import { readFileSync } from "node:fs";
import { waitFor } from "../test/helpers/app-process.js";
import { rssMb, spawnBenchApp } from "./bench-app-process.js";
import { buildPullRequestEvents, createBenchGitHub, postDelivery } from "./bench-github.js";
import { createFileContentRoutes, type FileSizes } from "./file-content-routes.js";

const args = new Map(process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith("--") ? [[arg.slice(2), all[i + 1] ?? ""]] : [])));
const FILES = args.get("files") as FileSizes | undefined;
if (FILES !== undefined && FILES !== "typical" && FILES !== "large") throw new Error("--files is typical or large");
const RATE = Number(args.get("rate") ?? (FILES === "large" ? 2 : 20));
const SECONDS = Number(args.get("seconds") ?? 60);
const INSTALLATIONS = Number(args.get("installations") ?? 20);

/** CPU seconds (user + system) the process has used: /proc/<pid>/stat fields 14 and 15, in clock ticks of 1/100 s. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Where the app's memory is, from its own /metrics (prom-client's default metrics): V8's heap spaces and memory outside it. */
async function readMemoryBreakdown(port: number): Promise<string> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: "Bearer bench-metrics-token" } })).text();
  const mb = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN) / 1024 / 1024;
  const spaces = [...text.matchAll(/^review_coach_nodejs_heap_space_size_total_bytes\{space="(\w+)"\} (\d+)/gm)].map((m) => `${m[1]} ${(Number(m[2]) / 1024 / 1024).toFixed(1)}`);
  return (
    `V8 heap ${mb(/^review_coach_nodejs_heap_size_total_bytes (\d+)/m).toFixed(0)} MB (used ${mb(/^review_coach_nodejs_heap_size_used_bytes (\d+)/m).toFixed(0)}; ${spaces.join(", ")}), ` +
    `external ${mb(/^review_coach_nodejs_external_memory_bytes (\d+)/m).toFixed(0)} MB`
  );
}

async function main(): Promise<void> {
  const github = createBenchGitHub(undefined, FILES ? createFileContentRoutes(FILES) : []);
  const host = await github.start();
  const app = await spawnBenchApp(host, { METRICS_TOKEN: "bench-metrics-token" });
  const { pid, port, url, flags } = app;
  try {
    const atStart = rssMb(pid);
    const cpuAtStart = cpuSeconds(pid);
    let peak = atStart;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 1000);
    const total = Math.round((RATE * SECONDS) / 2);
    const sends: Array<Promise<void>> = [];
    for (let n = 0; n < total; n++) {
      const { opened, review } = buildPullRequestEvents(n, 50_000 + (n % INSTALLATIONS), "memory");
      sends.push(postDelivery(url, opened).then(() => postDelivery(url, review)));
      await new Promise((r) => setTimeout(r, 2000 / RATE));
    }
    await Promise.all(sends);
    const reviews = () => github.requests.filter((r) => r.method === "POST" && /\/pulls\/\d+\/reviews$/.test(r.path)).length;
    await waitFor(() => reviews() >= total, "every review to be coached", 300_000);
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(sampler);
    const atEnd = rssMb(pid);
    const breakdown = await readMemoryBreakdown(port);
    const cpu = cpuSeconds(pid) - cpuAtStart;
    peak = Math.max(peak, atEnd);
    const files = FILES === "large" ? ", each PR changing 3 large code files (950 + 400 + 200 KB, read and parsed)" : FILES === "typical" ? ", each PR changing 3 code files (48 + 20 + 10 KB, read and parsed)" : ", no file contents served (nothing parsed)";
    console.log(`review-coach memory benchmark: node ${[...flags, "dist/src/main.js"].join(" ")}, SQLite, ${total} PRs opened and reviewed (${total * 2} events) at ${RATE} events/s over ${INSTALLATIONS} installations${files}`);
    console.log(`RSS of the app process: ${atStart.toFixed(0)} MB at start, peak ${peak.toFixed(0)} MB, ${atEnd.toFixed(0)} MB at the end (${reviews()} coaching reviews posted); ${cpu.toFixed(1)} s of CPU after start`);
    console.log(`  at the end: ${breakdown}`);
  } finally {
    await app.stop();
    await github.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
