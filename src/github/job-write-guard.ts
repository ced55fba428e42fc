import { AsyncLocalStorage } from "node:async_hooks";
import { ReviewCoachError } from "../errors.js";

/** A job handed back to the queue (at shutdown) tried to write to GitHub: another run will do it. */
export class JobReleasedError extends ReviewCoachError {}

/**
 * Whether a running job has a GitHub write in flight. The worker may hand a job back to the queue only
 * while it has none, and from then on the job may not start one: so a job is never run twice with a
 * write of each in flight, and a shutdown never leaves a write unrecorded behind a released job.
 */
export class JobWriteGuard {
  private writing = 0;
  private written = false;
  private released = false;

  get isWriting(): boolean {
    return this.writing > 0;
  }

  /** True once the job has started any write. */
  get hasWritten(): boolean {
    return this.written;
  }

  /** Called by the door to GitHub before each write; returns the function to call when it settles. */
  beginWrite(): () => void {
    if (this.released) throw new JobReleasedError("the job was handed back to the queue (shutdown): not writing to GitHub");
    this.writing += 1;
    this.written = true;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.writing -= 1;
    };
  }

  /** Marks the job handed back when no write is in flight; false (and nothing changed) otherwise. */
  tryRelease(): boolean {
    if (this.writing > 0) return false;
    this.released = true;
    return true;
  }

}

const current = new AsyncLocalStorage<JobWriteGuard>();

/** Runs a job's work with its guard, where the door to GitHub finds it (getJobWriteGuard). */
export function runWithJobWriteGuard<T>(guard: JobWriteGuard, work: () => Promise<T>): Promise<T> {
  return current.run(guard, work);
}

/** The guard of the job this code runs for, if any (none outside jobs: CLI, dashboard). */
export function getJobWriteGuard(): JobWriteGuard | undefined {
  return current.getStore();
}
