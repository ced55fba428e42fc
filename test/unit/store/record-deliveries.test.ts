import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { recordDeliveries, type DeliveryWithDigest } from "../../../src/store/record-delivery.js";
import { hashWebhookPayload } from "../../../src/store/record-payload-digest.js";
import { createTestStore, ENGINES, type TestStore } from "../../helpers/stores.js";

const T0 = new Date("2026-11-02T09:00:00.000Z");

/** A delivery as the intake records it: its payload's digest, the delivery, and a job unless `job` is false. */
function delivery(id: string, payloadJson: string, options: { job?: boolean; at?: Date } = {}): DeliveryWithDigest {
  const receivedAt = options.at ?? T0;
  return {
    digest: { hash: hashWebhookPayload("pull_request", payloadJson), deliveryId: id, installationId: 7, receivedAt },
    delivery: {
      id,
      event: "pull_request",
      action: "opened",
      installationId: 7,
      repositoryId: 70,
      receivedAt,
      job: options.job === false ? null : { kind: "webhook", payloadJson: `{"id":"${id}","payload":${payloadJson}}` },
    },
  };
}

// The group commit's transaction (on SQLite its statements compiled once), the same on both engines.
describe.each(ENGINES)("recordDeliveries on %s", (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(engine);
  });
  afterAll(async () => {
    await t.drop();
  });
  const jobsOf = (ids: string[]) => t.store.db.selectFrom("jobs").select(["id", "kind", "payload", "status", "installation_id"]).where("id", "in", ids).orderBy("id").execute();

  it("records each delivery of a group with its job, the payload stored as given", async () => {
    const outcomes = await recordDeliveries(t.store, [delivery("a-1", '{"n":1}'), delivery("a-2", '{"n":2}', { job: false })]);
    expect(outcomes).toEqual(["new", "new"]);
    expect(await jobsOf(["a-1", "a-2"])).toEqual([{ id: "a-1", kind: "webhook", payload: '{"id":"a-1","payload":{"n":1}}', status: "queued", installation_id: 7 }]);
    const deliveries = await t.store.db.selectFrom("deliveries").select(["id", "event", "action", "installation_id", "repository_id"]).where("id", "in", ["a-1", "a-2"]).orderBy("id").execute();
    expect(deliveries).toEqual([
      { id: "a-1", event: "pull_request", action: "opened", installation_id: 7, repository_id: 70 },
      { id: "a-2", event: "pull_request", action: "opened", installation_id: 7, repository_id: 70 },
    ]);
  });

  it("tells a redelivery (same id) from a replay (same payload, another id), in one group or across groups", async () => {
    const outcomes = await recordDeliveries(t.store, [delivery("b-1", '{"n":3}'), delivery("b-1", '{"n":3}'), delivery("b-2", '{"n":3}')]);
    expect(outcomes).toEqual(["new", "duplicate", "replay"]);
    expect(await recordDeliveries(t.store, [delivery("b-1", '{"n":3}'), delivery("b-3", '{"n":3}')])).toEqual(["duplicate", "replay"]);
    expect((await jobsOf(["b-1", "b-2", "b-3"])).map((job) => job.id)).toEqual(["b-1"]);
  });

  it("gives a dead-lettered delivery's job a fresh start when it is redelivered", async () => {
    await recordDeliveries(t.store, [delivery("c-1", '{"n":4}')]);
    await t.store.db.updateTable("jobs").set({ status: "dead", attempts: 5, last_error: "gave up" }).where("id", "=", "c-1").execute();
    const later = new Date(T0.getTime() + 60_000);
    expect(await recordDeliveries(t.store, [delivery("c-1", '{"n":4}', { at: later })])).toEqual(["requeued"]);
    const job = await t.store.db.selectFrom("jobs").select(["status", "attempts", "last_error", "run_at"]).where("id", "=", "c-1").executeTakeFirstOrThrow();
    expect(job).toEqual({ status: "queued", attempts: 0, last_error: null, run_at: later.toISOString() });
  });

  it("forgets payloads received more than 30 days before the group's latest", async () => {
    await recordDeliveries(t.store, [delivery("d-1", '{"n":5}')]);
    const monthLater = new Date(T0.getTime() + 31 * 86_400_000);
    expect(await recordDeliveries(t.store, [delivery("d-2", '{"n":6}', { at: monthLater })])).toEqual(["new"]);
    // The old payload is no longer remembered: under a new id it is recorded, not taken for a replay.
    expect(await recordDeliveries(t.store, [delivery("d-3", '{"n":5}', { at: monthLater })])).toEqual(["new"]);
  });

  it("records nothing of a group when one of its statements fails", async () => {
    const broken = delivery("e-2", '{"n":8}');
    (broken.delivery as { event: unknown }).event = null; // deliveries.event is not null
    // (The driver's error class may come from another realm under jest: matched by its message.)
    await expect(recordDeliveries(t.store, [delivery("e-1", '{"n":7}'), broken])).rejects.toHaveProperty("message", expect.stringMatching(/not.null/i));
    expect(await jobsOf(["e-1", "e-2"])).toEqual([]);
  });
});
