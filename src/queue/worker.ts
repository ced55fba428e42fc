import { randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import { classifyFailure } from "./classify-failure.js";
import type { ClaimedJob, JobQueue } from "../store/job-queue.js";
import { JobWriteGuard, runWithJobWriteGuard } from "../github/job-write-guard.js";

/** How often a worker holding back for the intake looks whether the intake has gone quiet. */
const YIELD_RECHECK_MS = 20;

export type ProcessJob = (job: ClaimedJob, log: Logger) => Promise<void>;
export type JobOutcome = "done" | "retry" | "throttled" | "dead" | "gone";

export interface WorkerOptions {
  queue: JobQueue;
  processJob: ProcessJob;
  log: Logger;
  concurrency: number;
  maxAttempts: number;
  leaseMs?: number;
  pollMs?: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  now?: () => Date;
  /**
   * A stable id (the embedded store, where only this process can hold jobs): at start the jobs an
   * earlier process of this id left running are taken again at once rather than after their lease.
   */
  workerId?: string;
  /**
   * While this says true (deliveries arriving), the intake comes first: at most one job runs, and the next
   * starts once it says false or yieldMaxMs after it turned true or after the previous start, so jobs
   * still move under a flood.
   */
  yieldTo?: () => boolean;
  /** Longest a job waits to start while yielding (default 2 s). */
  yieldMaxMs?: number;
  /** Told how each attempt ended, for metrics. */
  onJobFinished?: (kind: string, outcome: JobOutcome, seconds: number) => void;
}

/**
 * Takes jobs from the queue and runs them, `concurrency` at a time. A running job holds a lease that it
 * renews; if the process dies, the lease runs out and another worker (or this one after a restart) takes
 * the job again. Failures are retried with exponential backoff (honouring GitHub's retry-after) and
 * dead-lettered after maxAttempts.
 */
export class Worker {
  readonly id: string;
  private readonly stableId: boolean;
  private readonly running = new Map<string, Promise<void>>();
  private readonly guards = new Map<string, JobWriteGuard>();
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastStartedAt = -Infinity;
  private yieldingSince: number | undefined;
  private readonly opts: Required<Omit<WorkerOptions, "workerId" | "onJobFinished" | "yieldTo">> & Pick<WorkerOptions, "onJobFinished" | "yieldTo">;

  constructor(options: WorkerOptions) {
    this.id = options.workerId ?? `worker-${randomUUID()}`;
    this.stableId = options.workerId !== undefined;
    this.opts = {
      leaseMs: 30_000,
      pollMs: 1_000,
      yieldMaxMs: 2_000,
      baseBackoffMs: 5_000,
      maxBackoffMs: 3_600_000,
      now: () => new Date(),
      ...options,
      log: options.log.child({ name: "queue", workerId: this.id }),
    };
  }

  start(): void {
    this.stopping = false;
    this.loop ??= this.run();
  }

  /** Something was enqueued: look now rather than at the next poll. */
  notify(): void {
    this.wake?.();
  }

  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Stops taking jobs and waits up to timeoutMs for running ones. Then each job that has not started a
   * GitHub write is handed back to the queue (and may write no more here); jobs that have written get up
   * to timeoutMs more to finish (their writes recorded), and are then handed back only when no write is
   * in flight. A job still writing keeps its lease: its retry finds what the write did.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.notify();
    await this.loop;
    this.loop = undefined;
    if (await this.settles([...this.running.values()], timeoutMs)) return;
    for (const [id, guard] of this.guards) if (!guard.hasWritten) await this.handBack(id, guard);
    if (await this.settles([...this.running.values()], timeoutMs)) return;
    for (const [id, guard] of this.guards) {
      if (!(await this.handBack(id, guard))) this.opts.log.warn({ jobId: id }, "job still writing to GitHub at shutdown: kept; its retry finds what it wrote");
    }
  }

  /** Releases a running job to the queue unless a GitHub write of it is in flight. */
  private async handBack(id: string, guard: JobWriteGuard): Promise<boolean> {
    if (!guard.tryRelease()) return false;
    await this.opts.queue.release(id, this.id).catch((err: unknown) => this.opts.log.error({ err, jobId: id }, "could not hand the job back; its lease will expire"));
    this.opts.log.warn({ jobId: id, hasWritten: guard.hasWritten }, "job still running at shutdown, with no write in flight: released to the queue");
    return true;
  }

  /** True when all settle within timeoutMs. */
  private async settles(pending: Array<Promise<unknown>>, timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      Promise.allSettled(pending).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, timeoutMs)))),
    ]);
    clearTimeout(timer);
    return settled;
  }

  private async run(): Promise<void> {
    const { queue, concurrency, pollMs, log } = this.opts;
    if (this.stableId) {
      const reclaimed = await queue.reclaimOwn(this.id).catch((err: unknown) => (log.error({ err }, "could not reclaim this worker's unfinished jobs; they run when their lease expires"), 0));
      if (reclaimed > 0) log.warn({ reclaimed }, "took back the jobs an earlier process left running");
    }
    while (!this.stopping) {
      // Requests that arrived meanwhile are read before a job takes the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      let claimed: ClaimedJob | null = null;
      const waitMs = this.yieldWaitMs();
      if (this.running.size < concurrency && waitMs === 0) {
        try {
          claimed = await queue.claim(this.id, this.leaseUntil());
        } catch (error) {
          log.error({ err: error }, "could not read the job queue; retrying");
        }
      }
      if (claimed) {
        const job = claimed;
        const guard = new JobWriteGuard();
        const done = this.execute(job, guard).finally(() => {
          this.running.delete(job.id);
          this.guards.delete(job.id);
          this.notify();
        });
        this.running.set(job.id, done);
        this.guards.set(job.id, guard);
        this.lastStartedAt = performance.now();
        continue;
      }
      await new Promise<void>((resolve) => {
        // Holding back for the intake: look again soon, as a lull ends without a notice.
        const timer = setTimeout(resolve, waitMs > 0 ? Math.min(pollMs, waitMs, YIELD_RECHECK_MS) : pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /**
   * 0 when a job may start now; otherwise how long the intake still comes first (Infinity while a job
   * runs): yieldMaxMs from when the worker saw the intake busy, or from the last start if later.
   */
  private yieldWaitMs(): number {
    if (this.opts.yieldTo?.() !== true) {
      this.yieldingSince = undefined;
      return 0;
    }
    const now = performance.now();
    this.yieldingSince ??= now;
    if (this.running.size > 0) return Infinity;
    return Math.max(0, Math.ceil(Math.max(this.lastStartedAt, this.yieldingSince) + this.opts.yieldMaxMs - now));
  }

  private leaseUntil(): Date {
    return new Date(this.opts.now().getTime() + this.opts.leaseMs);
  }

  private async execute(job: ClaimedJob, guard: JobWriteGuard): Promise<void> {
    const { queue, processJob, leaseMs } = this.opts;
    const log = this.opts.log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const heartbeat = setInterval(() => {
      queue
        .extendLease(job.id, this.id, this.leaseUntil())
        .then((held) => {
          // Another worker took the job (this one stalled past its lease): it may write no more here.
          if (!held && guard.tryRelease()) log.warn("lost the job's lease to another worker: not writing to GitHub for it any more");
        })
        .catch((err: unknown) => log.warn({ err }, "could not renew job lease"));
    }, Math.max(1000, Math.floor(leaseMs / 3)));
    const started = Date.now();
    try {
      await runWithJobWriteGuard(guard, () => processJob(job, log));
      await queue.complete(job.id, this.id);
      log.info({ durationMs: Date.now() - started }, "job done");
      this.opts.onJobFinished?.(job.kind, "done", (Date.now() - started) / 1000);
    } catch (error) {
      const outcome = await this.fail(job, error, log);
      this.opts.onJobFinished?.(job.kind, outcome, (Date.now() - started) / 1000);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async fail(job: ClaimedJob, error: unknown, log: Logger): Promise<Exclude<JobOutcome, "done">> {
    const { queue, maxAttempts, baseBackoffMs, maxBackoffMs, now } = this.opts;
    const failure = classifyFailure(error, now().getTime());
    try {
      if (failure.kind === "gone") {
        log.warn({ reason: failure.reason }, "job dropped: what it acts on no longer exists");
        await queue.complete(job.id, this.id);
        return "gone";
      }
      if (failure.kind === "throttled") {
        // Waiting here would hold a worker (and the installation's share) for as long as GitHub asked.
        const runAt = new Date(now().getTime() + failure.retryAfterSeconds * 1000);
        const held = await queue.postpone(job.id, this.id, runAt, failure.reason);
        log.warn({ reason: failure.reason, retryAt: runAt.toISOString(), heldJobs: held }, "job waits on GitHub's rate limit: rescheduled with the installation's queued jobs, worker released");
        return "throttled";
      }
      if (failure.kind === "permanent" || job.attempts >= maxAttempts) {
        const reason = failure.kind === "permanent" ? failure.reason : `gave up after ${job.attempts} attempts: ${failure.reason}`;
        log.error({ err: error, reason }, "job dead-lettered");
        await queue.deadLetter(job.id, this.id, reason);
        return "dead";
      }
      const backoff = Math.min(maxBackoffMs, baseBackoffMs * 2 ** (job.attempts - 1));
      const jittered = backoff * (0.8 + Math.random() * 0.4);
      const delayMs = Math.max(jittered, (failure.retryAfterSeconds ?? 0) * 1000);
      const runAt = new Date(now().getTime() + delayMs);
      log.warn({ reason: failure.reason, retryAt: runAt.toISOString() }, "job failed; will retry");
      await queue.retryLater(job.id, this.id, runAt, failure.reason);
      return "retry";
    } catch (queueError) {
      log.error({ err: queueError }, "could not record the job's failure; its lease will expire and it will run again");
      return "retry";
    }
  }
}
