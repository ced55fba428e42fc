import type { Kysely } from "kysely";
import type { Store } from "./open-store.js";
import { recordDeliveriesOnSqlite } from "./record-deliveries-sqlite.js";
import { prunePayloadDigests, recordPayloadDigestWith, type PayloadDigest } from "./record-payload-digest.js";
import type { Database } from "./tables.js";

export interface DeliveryToRecord {
  id: string;
  event: string;
  action: string | null;
  installationId: number | null;
  repositoryId: number | null;
  receivedAt: Date;
  /** The job to run for it (its payload, or that payload already serialized), or null for events the app only records. */
  job: { kind: string; payload: unknown } | { kind: string; payloadJson: string } | null;
}

export type RecordOutcome = "new" | "duplicate" | "requeued";

/**
 * Records a webhook delivery and its job in one transaction. A delivery id seen before is a no-op,
 * except that a redelivery of one whose job was dead-lettered gives that job a fresh start.
 */
export async function recordDelivery(store: Store, delivery: DeliveryToRecord): Promise<RecordOutcome> {
  return store.db.transaction().execute((trx) => recordDeliveryWith(trx, delivery));
}

/** A delivery with the digest of its payload, as the intake records it. */
export interface DeliveryWithDigest {
  delivery: DeliveryToRecord;
  digest: PayloadDigest;
}

/**
 * Records several deliveries in one transaction (group commit: the intake's deliveries that arrive
 * while the previous commit runs), each as recordPayloadDigest then recordDelivery would: "replay" for a
 * payload received before under another delivery id (nothing recorded), otherwise recordDelivery's
 * outcome. All are durable when it resolves; none is when it rejects.
 */
export async function recordDeliveries(store: Store, items: readonly DeliveryWithDigest[]): Promise<Array<RecordOutcome | "replay">> {
  if (store.withDatabase) return store.withDatabase((database) => recordDeliveriesOnSqlite(database, items));
  return store.db.transaction().execute(async (trx) => {
    const outcomes: Array<RecordOutcome | "replay"> = [];
    for (const item of items) {
      const seen = await recordPayloadDigestWith(trx, item.digest);
      outcomes.push(seen === "replay" ? "replay" : await recordDeliveryWith(trx, item.delivery));
    }
    const latest = items.reduce((at, item) => (item.digest.receivedAt > at ? item.digest.receivedAt : at), new Date(0));
    await prunePayloadDigests(trx, latest);
    return outcomes;
  });
}

async function recordDeliveryWith(trx: Kysely<Database>, delivery: DeliveryToRecord): Promise<RecordOutcome> {
  const at = delivery.receivedAt.toISOString();
  const inserted = await trx
    .insertInto("deliveries")
    .values({
      id: delivery.id,
      event: delivery.event,
      action: delivery.action,
      installation_id: delivery.installationId,
      repository_id: delivery.repositoryId,
      received_at: at,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const revived = await trx
      .updateTable("jobs")
      .set({ status: "queued", attempts: 0, run_at: at, last_error: null, updated_at: at, finished_at: null })
      .where("id", "=", delivery.id)
      .where("status", "=", "dead")
      .executeTakeFirst();
    return Number(revived.numUpdatedRows) > 0 ? "requeued" : "duplicate";
  }
  if (delivery.job) {
    await trx
      .insertInto("jobs")
      .values({
        id: delivery.id,
        kind: delivery.job.kind,
        payload: "payloadJson" in delivery.job ? delivery.job.payloadJson : JSON.stringify(delivery.job.payload),
        installation_id: delivery.installationId,
        status: "queued",
        attempts: 0,
        run_at: at,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
  return "new";
}

/** GitHub lets a delivery be redelivered for a few days; older records are not needed for dedupe. */
export async function pruneDeliveries(store: Store, receivedBefore: Date): Promise<number> {
  const result = await store.db.deleteFrom("deliveries").where("received_at", "<", receivedBefore.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Which of the given delivery ids (GitHub's guids) the intake has recorded. */
export async function findRecordedDeliveryIds(store: Store, ids: readonly string[]): Promise<Set<string>> {
  const recorded = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await store.db.selectFrom("deliveries").select("id").where("id", "in", ids.slice(start, start + 500)).execute();
    for (const row of rows) recorded.add(row.id);
  }
  return recorded;
}
