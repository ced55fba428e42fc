import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { PermanentError, TransientError } from "../../../src/errors.js";
import { createSqlJobQueue, type JobQueue } from "../../../src/store/job-queue.js";
import { getJobWriteGuard, JobReleasedError } from "../../../src/github/job-write-guard.js";
import { Worker } from "../../../src/queue/worker.js";
import { createTestStore, silentLog, type TestStore } from "../../helpers/stores.js";

async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("Worker", () => {
  let t: TestStore;
  let queue: JobQueue;
  let worker: Worker | undefined;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
    queue = createSqlJobQueue(t.store);
  });
  afterEach(async () => {
    await worker?.stop(1000);
    await t.drop();
  });

  const statusOf = async (id: string) => (await t.store.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
  const allDone = async () => (await t.store.db.selectFrom("jobs").select("id").where("status", "!=", "done").execute()).length === 0;
  /** A worker of four that holds back while `yieldTo` says the intake is busy. */
  const holdingBack = (options: Pick<ConstructorParameters<typeof Worker>[0], "yieldTo" | "yieldMaxMs" | "processJob">) =>
    new Worker({ queue, log: silentLog, concurrency: 4, maxAttempts: 3, pollMs: 10, ...options });

  it("retries transient failures with backoff, then dead-letters after maxAttempts", async () => {
    const attempts: number[] = [];
    worker = new Worker({
      queue,
      log: silentLog,
      concurrency: 2,
      maxAttempts: 3,
      pollMs: 10,
      baseBackoffMs: 5,
      processJob: async (job) => {
        attempts.push(job.attempts);
        throw new TransientError("GitHub answered 502");
      },
    });
    await queue.enqueue({ id: "flaky", kind: "test", payload: {} });
    worker.start();
    await until(async () => (await statusOf("flaky")).status === "dead");
    expect(attempts).toEqual([1, 2, 3]);
    expect((await statusOf("flaky")).last_error).toBe("gave up after 3 attempts: GitHub answered 502");
  });

  it("runs one job at a time while the intake records deliveries, and all of them once it is done", async () => {
    let intakeBusy = true;
    let running = 0;
    let mostAtOnce = 0;
    const release: Array<() => void> = [];
    worker = holdingBack({
      yieldTo: () => intakeBusy,
      processJob: async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
      },
    });
    for (const id of ["a", "b", "c", "d"]) await queue.enqueue({ id, kind: "test", payload: {} });
    worker.start();
    await until(async () => running === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(mostAtOnce).toBe(1);
    intakeBusy = false;
    worker.notify();
    await until(async () => running === 4);
    for (const done of release) done();
    await until(allDone);
    expect(mostAtOnce).toBe(4);
  });

  it("while the intake stays busy, starts no job until yieldMaxMs has passed, and all of them once it is quiet", async () => {
    let intakeBusy = true;
    const started: string[] = [];
    worker = holdingBack({
      yieldTo: () => intakeBusy,
      yieldMaxMs: 60_000,
      processJob: async (job) => {
        started.push(job.id);
      },
    });
    for (const id of ["a", "b", "c"]) await queue.enqueue({ id, kind: "test", payload: {} });
    worker.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(started).toEqual([]);
    intakeBusy = false;
    worker.notify();
    await until(async () => started.length === 3);
  });

  it("keeps starting jobs, one at a time, under an intake that never goes quiet", async () => {
    let running = 0;
    let mostAtOnce = 0;
    worker = holdingBack({
      yieldTo: () => true,
      yieldMaxMs: 5,
      processJob: async () => {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      },
    });
    for (const id of ["a", "b", "c", "d"]) await queue.enqueue({ id, kind: "test", payload: {} });
    worker.start();
    await until(allDone);
    expect(mostAtOnce).toBe(1);
  });

  it("dead-letters a permanent failure at once", async () => {
    let calls = 0;
    worker = new Worker({ queue, log: silentLog, concurrency: 1, maxAttempts: 5, pollMs: 10, processJob: async () => {
      calls++;
      throw new PermanentError("the app lacks checks: write");
    } });
    await queue.enqueue({ id: "forbidden", kind: "test", payload: {} });
    worker.start();
    await until(async () => (await statusOf("forbidden")).status === "dead");
    expect(calls).toBe(1);
  });

  it("waits at least the retry-after GitHub asked for", async () => {
    worker = new Worker({ queue, log: silentLog, concurrency: 1, maxAttempts: 5, pollMs: 10, baseBackoffMs: 1, processJob: async () => {
      throw new TransientError("secondary rate limit", 120);
    } });
    await queue.enqueue({ id: "limited", kind: "test", payload: {} });
    const before = Date.now();
    worker.start();
    await until(async () => (await statusOf("limited")).status === "queued" && (await statusOf("limited")).attempts === 1);
    expect(Date.parse((await statusOf("limited")).run_at) - before).toBeGreaterThanOrEqual(119_000);
  });

  it("finishes running jobs on stop, or gives them back when they outlast the timeout", async () => {
    let release: () => void = () => undefined;
    worker = new Worker({ queue, log: silentLog, concurrency: 1, maxAttempts: 5, pollMs: 10, processJob: () => new Promise<void>((resolve) => (release = resolve)) });
    await queue.enqueue({ id: "slow", kind: "test", payload: {} });
    worker.start();
    await until(async () => (await statusOf("slow")).status === "running");
    await worker.stop(50);
    expect(await statusOf("slow")).toMatchObject({ status: "queued", attempts: 0, locked_by: null });
    release();
    worker = undefined;
  });

  it("takes back at once, under a stable id, the jobs a crashed process of that id left running", async () => {
    await queue.enqueue({ id: "orphan", kind: "test", payload: {} });
    // the crashed process: claimed with a long lease, and never finished
    expect(await queue.claim("embedded@host", new Date(Date.now() + 600_000))).toMatchObject({ id: "orphan", attempts: 1 });
    const ran: string[] = [];
    worker = new Worker({ queue, log: silentLog, concurrency: 1, maxAttempts: 5, pollMs: 10, leaseMs: 600_000, workerId: "embedded@host", processJob: async (job) => void ran.push(job.id) });
    worker.start();
    await until(async () => (await statusOf("orphan")).status === "done");
    expect(ran).toEqual(["orphan"]);
    expect((await statusOf("orphan")).attempts).toBe(2);
  });

  it("leaves alone the jobs of other workers whose lease still runs", async () => {
    await queue.enqueue({ id: "theirs", kind: "test", payload: {} });
    await queue.claim("worker-other", new Date(Date.now() + 600_000));
    expect(await queue.reclaimOwn("embedded@host")).toBe(0);
    expect(await queue.claim("embedded@host", new Date(Date.now() + 600_000))).toBeNull();
  });

  it("stops a job's GitHub writes once another worker took its lease", async () => {
    await queue.enqueue({ id: "stalled", kind: "test", payload: {} });
    let writeError: unknown;
    let proceed: () => void = () => undefined;
    worker = new Worker({
      queue,
      log: silentLog,
      concurrency: 1,
      maxAttempts: 5,
      pollMs: 10,
      leaseMs: 3000,
      processJob: async () => {
        await new Promise<void>((resolve) => (proceed = resolve));
        try {
          getJobWriteGuard()!.beginWrite()();
        } catch (error) {
          writeError = error;
        }
      },
    });
    worker.start();
    await until(async () => (await statusOf("stalled")).status === "running");
    // the lease passes to another worker (as after a stall longer than the lease)
    await t.store.db.updateTable("jobs").set({ locked_by: "worker-other" }).where("id", "=", "stalled").execute();
    await new Promise((r) => setTimeout(r, 1200)); // a heartbeat (every leaseMs / 3) finds the lease gone
    proceed();
    await until(async () => writeError !== undefined);
    expect(writeError).toBeInstanceOf(JobReleasedError);
  });
});
