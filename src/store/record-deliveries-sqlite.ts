import type SQLite from "better-sqlite3";
import type { DeliveryWithDigest, RecordOutcome } from "./record-delivery.js";
import { PAYLOAD_DIGEST_KEEP_MS } from "./record-payload-digest.js";

type RecordAll = (items: readonly DeliveryWithDigest[]) => Array<RecordOutcome | "replay">;

const prepared = new WeakMap<SQLite.Database, RecordAll>();

/**
 * recordDeliveries on SQLite, with the same SQL compiled once: one synchronous transaction (no query
 * built per delivery, no promise per statement). Call it in the database's turn (Store.withDatabase).
 */
export function recordDeliveriesOnSqlite(database: SQLite.Database, items: readonly DeliveryWithDigest[]): Array<RecordOutcome | "replay"> {
  let recordAll = prepared.get(database);
  if (!recordAll) {
    recordAll = prepareRecordAll(database);
    prepared.set(database, recordAll);
  }
  return recordAll(items);
}

function prepareRecordAll(database: SQLite.Database): RecordAll {
  const insertDigest = database.prepare(
    "insert into payload_digests (hash, delivery_id, installation_id, received_at) values (?, ?, ?, ?) on conflict (hash) do nothing",
  );
  const findDigest = database.prepare("select delivery_id from payload_digests where hash = ?").pluck();
  const pruneDigests = database.prepare("delete from payload_digests where received_at < ?");
  const insertDelivery = database.prepare(
    "insert into deliveries (id, event, action, installation_id, repository_id, received_at) values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing",
  );
  const reviveJob = database.prepare(
    "update jobs set status = 'queued', attempts = 0, run_at = ?, last_error = null, updated_at = ?, finished_at = null where id = ? and status = 'dead'",
  );
  const insertJob = database.prepare(
    "insert into jobs (id, kind, payload, installation_id, status, attempts, run_at, created_at, updated_at) values (?, ?, ?, ?, 'queued', 0, ?, ?, ?) on conflict (id) do nothing",
  );

  const recordOne = ({ digest, delivery }: DeliveryWithDigest): RecordOutcome | "replay" => {
    const at = delivery.receivedAt.toISOString();
    const digestAt = digest.receivedAt === delivery.receivedAt ? at : digest.receivedAt.toISOString();
    if (insertDigest.run(digest.hash, digest.deliveryId, digest.installationId, digestAt).changes === 0) {
      if (findDigest.get(digest.hash) !== digest.deliveryId) return "replay";
    }
    if (insertDelivery.run(delivery.id, delivery.event, delivery.action, delivery.installationId, delivery.repositoryId, at).changes === 0) {
      return reviveJob.run(at, at, delivery.id).changes > 0 ? "requeued" : "duplicate";
    }
    const { job } = delivery;
    if (job) {
      const payload = "payloadJson" in job ? job.payloadJson : JSON.stringify(job.payload);
      insertJob.run(delivery.id, job.kind, payload, delivery.installationId, at, at, at);
    }
    return "new";
  };

  return database.transaction((items: readonly DeliveryWithDigest[]) => {
    const outcomes = items.map(recordOne);
    const latest = items.reduce((at, item) => Math.max(at, item.digest.receivedAt.getTime()), 0);
    pruneDigests.run(new Date(latest - PAYLOAD_DIGEST_KEEP_MS).toISOString());
    return outcomes;
  });
}
