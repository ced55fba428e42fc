import type { Logger } from "../log.js";
import type { JobQueue } from "../store/job-queue.js";
import type { Store } from "../store/open-store.js";
import { scheduleDigests } from "./schedule-digests.js";

/** Ticks scheduleDigests every intervalMs on this replica; ticks on several replicas are harmless. */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private ticks = 0;

  constructor(
    private readonly deps: {
      store: Store;
      queue: JobQueue;
      log: Logger;
      now: () => Date;
      intervalMs: number;
      onEnqueued?: () => void;
      /** Other periodic work queued on each tick (under natural keys); told whether it is the first tick. Returns jobs queued. */
      onTick?: (now: Date, first: boolean) => Promise<number>;
    },
  ) {}

  start(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
    this.timer.unref();
  }

  async tick(): Promise<void> {
    if (this.running) return this.running;
    const log = this.deps.log.child({ name: "scheduler" });
    const now = this.deps.now();
    const first = this.ticks++ === 0;
    this.running = scheduleDigests(this.deps.store, this.deps.queue, now, log)
      .then(async (digests) => digests + ((await this.deps.onTick?.(now, first)) ?? 0))
      .then((enqueued) => {
        if (enqueued > 0) this.deps.onEnqueued?.();
      })
      .catch((error: unknown) => log.error({ err: error }, "scheduler tick failed; retrying at the next tick"))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
