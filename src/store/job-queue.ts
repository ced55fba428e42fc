import { sql } from "kysely";
import type { Store } from "./open-store.js";

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

/** Running jobs one installation may have at once (across replicas), so its backlog never blocks others. */
export const MAX_RUNNING_PER_INSTALLATION = 3;

/**
 * Jobs in the app's own database: SQLite by default, PostgreSQL (with SKIP LOCKED) across replicas.
 * Claiming takes a job whose lease ran out (its worker died), else the due job that has waited longest,
 * among installations with fewer than maxRunningPerInstallation jobs running, so a flood from one
 * installation leaves workers for others.
 */
export function createSqlJobQueue(store: Store, now: () => Date = () => new Date(), maxRunningPerInstallation = MAX_RUNNING_PER_INSTALLATION): JobQueue {
  const { db } = store;
  const iso = () => now().toISOString();

  return {
    async enqueue(job: JobToEnqueue) {
      const at = iso();
      const result = await db
        .insertInto("jobs")
        .values({
          id: job.id,
          kind: job.kind,
          payload: JSON.stringify(job.payload),
          status: "queued",
          attempts: 0,
          run_at: (job.runAt ?? now()).toISOString(),
          installation_id: job.installationId ?? null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column("id").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async claim(workerId, leaseUntil) {
      const at = iso();
      // Installations already running their share: computed once per claim, not once per waiting job.
      const saturated = db
        .selectFrom("jobs as busy")
        .select("busy.installation_id")
        .where("busy.status", "=", "running")
        .where("busy.locked_until", ">", at)
        .where("busy.installation_id", "is not", null)
        .groupBy("busy.installation_id")
        .having((b) => b.fn.countAll(), ">=", maxRunningPerInstallation);
      // The first job of one status in claiming order that may run: the index walk stops there.
      const firstOf = (status: "queued" | "running") => {
        let first = db
          .selectFrom("jobs")
          .select("jobs.id")
          .where("jobs.status", "=", status)
          .where(status === "queued" ? "jobs.run_at" : "jobs.locked_until", "<=", at)
          .where((eb) => eb.or([eb("jobs.installation_id", "is", null), eb("jobs.installation_id", "not in", saturated)]))
          .orderBy("jobs.run_at")
          .orderBy("jobs.created_at")
          .limit(1);
        if (store.dialect === "postgres") first = first.forUpdate().skipLocked();
        return first;
      };
      const row = await db
        .updateTable("jobs")
        .set({
          status: "running",
          locked_by: workerId,
          locked_until: leaseUntil.toISOString(),
          attempts: sql<number>`attempts + 1`,
          updated_at: at,
        })
        // A job whose lease ran out (its worker died) before the queued ones.
        .where("id", "=", (eb) => eb.fn.coalesce(firstOf("running"), firstOf("queued")))
        .returning(["id", "kind", "payload", "attempts"])
        .executeTakeFirst();
      if (!row) return null;
      const claimed: ClaimedJob = { id: row.id, kind: row.kind, payload: JSON.parse(row.payload), attempts: row.attempts };
      return claimed;
    },

    async extendLease(id, workerId, leaseUntil) {
      const result = await db
        .updateTable("jobs")
        .set({ locked_until: leaseUntil.toISOString() })
        .where("id", "=", id)
        .where("locked_by", "=", workerId)
        .where("status", "=", "running")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async reclaimOwn(workerId) {
      const result = await db
        .updateTable("jobs")
        .set({ locked_until: iso() })
        .where("locked_by", "=", workerId)
        .where("status", "=", "running")
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async complete(id, workerId) {
      const at = iso();
      // A finished job's payload (a webhook can be megabytes) is not kept: only failures keep theirs.
      await db
        .updateTable("jobs")
        .set({ status: "done", payload: "null", locked_by: null, locked_until: null, updated_at: at, finished_at: at, last_error: null })
        .where("id", "=", id)
        .where("locked_by", "=", workerId)
        .execute();
    },

    async retryLater(id, workerId, runAt, reason) {
      await db
        .updateTable("jobs")
        .set({
          status: "queued",
          run_at: runAt.toISOString(),
          locked_by: null,
          locked_until: null,
          last_error: reason,
          updated_at: iso(),
        })
        .where("id", "=", id)
        .where("locked_by", "=", workerId)
        .execute();
    },

    async postpone(id, workerId, runAt, reason) {
      const at = iso();
      const until = runAt.toISOString();
      return db.transaction().execute(async (trx) => {
        const job = await trx
          .updateTable("jobs")
          .set({ status: "queued", run_at: until, locked_by: null, locked_until: null, attempts: sql<number>`attempts - 1`, last_error: reason, updated_at: at })
          .where("id", "=", id)
          .where("locked_by", "=", workerId)
          .returning("installation_id")
          .executeTakeFirst();
        if (job?.installation_id == null) return 0;
        const held = await trx
          .updateTable("jobs")
          .set({ run_at: until, updated_at: at })
          .where("installation_id", "=", job.installation_id)
          .where("status", "=", "queued")
          .where("run_at", "<", until)
          .executeTakeFirst();
        return Number(held.numUpdatedRows);
      });
    },

    async deadLetter(id, workerId, reason) {
      const at = iso();
      await db
        .updateTable("jobs")
        .set({ status: "dead", locked_by: null, locked_until: null, last_error: reason, updated_at: at, finished_at: at })
        .where("id", "=", id)
        .where("locked_by", "=", workerId)
        .execute();
    },

    async release(id, workerId) {
      await db
        .updateTable("jobs")
        .set({
          status: "queued",
          locked_by: null,
          locked_until: null,
          attempts: sql<number>`attempts - 1`,
          updated_at: iso(),
        })
        .where("id", "=", id)
        .where("locked_by", "=", workerId)
        .where("status", "=", "running")
        .execute();
    },

    async prune(finishedBefore) {
      const result = await db.deleteFrom("jobs").where("status", "=", "done").where("finished_at", "<", finishedBefore.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async depth(): Promise<QueueDepth> {
      const rows = await db
        .selectFrom("jobs")
        .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
        .where("status", "in", ["queued", "running", "dead"])
        .groupBy("status")
        .execute();
      const count = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0);
      return { queued: count("queued"), running: count("running"), dead: count("dead") };
    },
  };
}
