import type { Kysely } from "kysely";

/**
 * Claiming walks the due jobs in the order it takes them (run_at, then created_at) and stops at the first
 * that may run, instead of sorting every queued job: the index holds that whole order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("jobs_claim_order").on("jobs").columns(["status", "run_at", "created_at"]).execute();
  await db.schema.dropIndex("jobs_due").execute();
}
