import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createSqlJobQueue, type JobQueue, MAX_RUNNING_PER_INSTALLATION } from "../../../src/store/job-queue.js";
import { recordDelivery } from "../../../src/store/record-delivery.js";
import { createTestStore, ENGINES, type TestStore } from "../../helpers/stores.js";

describe.each(ENGINES)("fair claiming across installations (%s)", (engine) => {
  let t: TestStore;
  let queue: JobQueue;
  beforeEach(async () => {
    t = await createTestStore(engine);
    queue = createSqlJobQueue(t.store);
  });
  afterEach(() => t.drop());

  const lease = () => new Date(Date.now() + 60_000);
  const deliver = (id: string, installationId: number, receivedAt: Date) =>
    recordDelivery(t.store, { id, event: "pull_request_review", action: "submitted", installationId, repositoryId: 1, receivedAt, job: { kind: "webhook", payload: {} } });

  it("passes over an installation that has its share running", async () => {
    const start = Date.now() - 60_000;
    for (let n = 0; n < 20; n++) await deliver(`a-${n}`, 1, new Date(start + n));
    await deliver("b-0", 2, new Date(start + 1000));
    await queue.enqueue({ id: "digest:x", kind: "digest", payload: {}, runAt: new Date(start + 2000) });

    const claimed: string[] = [];
    for (let n = 0; n < MAX_RUNNING_PER_INSTALLATION + 2; n++) claimed.push((await queue.claim(`w${n}`, lease()))!.id);
    expect(claimed).toEqual([...Array.from({ length: MAX_RUNNING_PER_INSTALLATION }, (_, n) => `a-${n}`), "b-0", "digest:x"]);
    // nothing more until one of the installation's jobs finishes
    expect(await queue.claim("w9", lease())).toBeNull();
    await queue.complete("a-0", "w0");
    expect((await queue.claim("w9", lease()))!.id).toBe(`a-${MAX_RUNNING_PER_INSTALLATION}`);
  });

  it("does not count a running job whose lease ran out (its worker died)", async () => {
    for (let n = 0; n < MAX_RUNNING_PER_INSTALLATION + 1; n++) await deliver(`a-${n}`, 1, new Date(Date.now() - 10_000 + n));
    for (let n = 0; n < MAX_RUNNING_PER_INSTALLATION; n++) await queue.claim(`dead${n}`, new Date(Date.now() - 1));
    expect((await queue.claim("w", lease()))!.id).toBe("a-0");
  });

  it("takes back a job whose worker died before the queued jobs, even those that waited longer", async () => {
    await deliver("orphan", 2, new Date(Date.now() - 1_000));
    expect((await queue.claim("dead", new Date(Date.now() - 1)))!.id).toBe("orphan");
    await deliver("waiting", 1, new Date(Date.now() - 60_000));
    expect((await queue.claim("w", lease()))!.id).toBe("orphan");
    expect((await queue.claim("w", lease()))!.id).toBe("waiting");
  });
});
