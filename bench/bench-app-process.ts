// review-coach as production runs it, for the benchmarks: built (`node [the Dockerfile's flags]
// dist/src/main.js`) as its own process against a GitHub stand-in, on a fresh SQLite file, so what is
// measured (its RSS, CPU, acknowledgements) is the app's alone, not the bench's senders and stand-in.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { appProcessEnv, freePort, waitFor, waitForHealthy } from "../test/helpers/app-process.js";
import { productionGlibcTunables, productionNodeFlags } from "./production-node-flags.js";

export interface BenchAppProcess {
  url: string;
  port: number;
  pid: number;
  env: Record<string, string>;
  flags: string[];
  /** Jobs queued or running in its database. */
  pendingJobs(): number;
  stop(): Promise<void>;
}

/** The node flags of production plus BENCH_NODE_OPTIONS (a later flag wins). */
export function benchNodeFlags(): string[] {
  return [...productionNodeFlags(), ...(process.env.BENCH_NODE_OPTIONS ?? "").split(" ").filter(Boolean)];
}

/** The image's GLIBC_TUNABLES, or the bench's own when set (empty turns them off). */
function glibcTunables(): Record<string, string> {
  const tunables = process.env.GLIBC_TUNABLES ?? productionGlibcTunables();
  return tunables ? { GLIBC_TUNABLES: tunables } : {};
}

export async function spawnBenchApp(host: string, extraEnv: Record<string, string> = {}): Promise<BenchAppProcess> {
  if (!existsSync("dist/src/main.js")) throw new Error("run `npm run build` first");
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "review-coach-bench-"));
  const env = appProcessEnv(host, port, { DATA_DIR: dataDir, LOG_LEVEL: "error", JOB_LEASE_MS: "10000", ...extraEnv });
  const flags = benchNodeFlags();
  const child: ChildProcess = spawn(process.execPath, [...flags, "dist/src/main.js"], {
    env: { PATH: process.env.PATH ?? "", ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}), ...glibcTunables(), ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealthy(port);
  let database: SQLite.Database | undefined;
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    port,
    pid: child.pid!,
    env,
    flags,
    pendingJobs() {
      database ??= new SQLite(path.join(dataDir, "review-coach.sqlite"), { readonly: true });
      return (database.prepare("select count(*) as n from jobs where status in ('queued', 'running')").get() as { n: number }).n;
    },
    async stop() {
      database?.close();
      child.kill("SIGTERM");
      await waitFor(() => child.exitCode !== null || child.signalCode !== null, "the app process to stop").catch(() => child.kill("SIGKILL"));
    },
  };
}

/** The resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? NaN) / 1024;
}
