import type { Kysely } from "kysely";

/** A hash of each webhook payload, so a captured body replayed under a fresh delivery id is recognised. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("payload_digests")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("delivery_id", "text", (c) => c.notNull())
    .addColumn("installation_id", "bigint")
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("payload_digests_received").on("payload_digests").column("received_at").execute();
  await db.schema.createIndex("payload_digests_installation").on("payload_digests").column("installation_id").execute();
}
