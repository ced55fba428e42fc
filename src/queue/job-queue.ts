// The seam between intake and processing. The SQL implementation keeps jobs in the app's database;
// a distributed engine (e.g. a Redis stream) can implement the same interface.

export interface JobToEnqueue {
  /** Idempotency key: enqueueing an id that exists already is a no-op. */
  id: string;
  kind: string;
  payload: unknown;
  runAt?: Date;
  /** The installation it works for: each installation gets a fair share of the workers. */
  installationId?: number;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  /** Attempts so far, including this one. */
  attempts: number;
}

export interface QueueDepth {
  queued: number;
  running: number;
  dead: number;
}

export interface JobQueue {
  enqueue(job: JobToEnqueue): Promise<boolean>;
  /** Takes the next due job (or one whose lease expired) for this worker, until leaseUntil. */
  claim(workerId: string, leaseUntil: Date): Promise<ClaimedJob | null>;
  /** Renews a running job's lease; false when this worker no longer holds it (it expired and was taken). */
  extendLease(id: string, workerId: string, leaseUntil: Date): Promise<boolean>;
  /**
   * Makes the jobs a worker of this id left running claimable at once (a process restarting under the
   * same stable id, after a crash); returns how many.
   */
  reclaimOwn(workerId: string): Promise<number>;
  complete(id: string, workerId: string): Promise<void>;
  retryLater(id: string, workerId: string, runAt: Date, reason: string): Promise<void>;
  deadLetter(id: string, workerId: string, reason: string): Promise<void>;
  /**
   * Puts a job that waits on its installation's GitHub rate limit back in the queue until runAt, without
   * using an attempt, and holds the installation's other queued jobs until then too (they would only
   * meet the same limit). Returns how many other jobs were held.
   */
  postpone(id: string, workerId: string, runAt: Date, reason: string): Promise<number>;
  /** Gives a running job back to the queue at once (used on shutdown). */
  release(id: string, workerId: string): Promise<void>;
  depth(): Promise<QueueDepth>;
  /** Deletes jobs that finished before the given time; returns how many. */
  prune(finishedBefore: Date): Promise<number>;
}
