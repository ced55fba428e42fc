import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import pg from "pg";
import { createTestStore, TEST_DATABASE_URL, type TestStore } from "../helpers/stores.js";
import type { TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// The real PostgreSQL, faulted: every connection of the app terminated (as a server restart does), and
// the deliveries table locked (a stalled database). The app's connections carry an application_name of
// their own so only they are terminated.

const APPLICATION = `rc_faults_${randomBytes(4).toString("hex")}`;
let testStore: TestStore;
let admin: pg.Client;

beforeAll(async () => {
  testStore = await createTestStore("postgres");
  admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await testStore.drop();
});

/** A delivery the app records but has no handler for (nothing is asked of GitHub). */
// Each delivery a payload of its own: the same payload under a new delivery id is a replay, ignored.
let stars = 0;
const starred = () => {
  stars += 1;
  return { ...loadExample("star", "created"), starred_at: new Date(Date.UTC(2026, 10, 1, 0, 0, stars)).toISOString() };
};
const health = async (t: TestApp) => {
  const response = await fetch(`${t.url}/healthz`);
  return { status: response.status, body: (await response.json()) as { intake: { recording: boolean } } };
};
const countDeliveries = async (t: TestApp) => (await t.app.store.db.selectFrom("deliveries").select("id").execute()).length;

describe("PostgreSQL faults", () => {
  const app = useTestApp({
    get sharedStore() {
      return testStore;
    },
    get env() {
      const url = new URL(testStore.location.databaseUrl!);
      url.searchParams.set("application_name", APPLICATION);
      return { DATABASE_URL: url.toString() };
    },
  });
  let t: TestApp;
  beforeEach(() => {
    t = app.current;
  });

  it("survives a restart of the server: every connection terminated, then the next delivery is recorded", async () => {
    expect((await t.post("star", starred())).status).toBe(200);
    const terminated = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [APPLICATION]);
    expect(terminated.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200)); // the pool hears of the dropped connections
    expect((await t.post("star", starred())).status).toBe(200);
    expect(await countDeliveries(t)).toBe(2);
    expect((await health(t)).status).toBe(200);
  });

  it("survives a restart while a connection is checked out between two statements of a transaction", async () => {
    let terminate!: () => void;
    const terminated = new Promise<void>((resolve) => (terminate = resolve));
    const transaction = t.app.store.db.transaction().execute(async (trx) => {
      await trx.selectFrom("deliveries").select("id").execute();
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [APPLICATION]);
      terminate();
      await new Promise((r) => setTimeout(r, 200)); // the held connection hears it is gone, with nobody querying
      await trx.selectFrom("deliveries").select("id").execute();
    });
    await terminated;
    await expect(transaction).rejects.toThrow();
    expect((await t.post("star", starred())).status).toBe(200);
    expect((await health(t)).status).toBe(200);
  });

  it("answers 503 (not Probot's 202) when the database stalls, says so on /healthz, and recovers", async () => {
    const before = await countDeliveries(t);
    const schema = new URL(testStore.location.databaseUrl!).searchParams.get("options")!.split("=").pop()!;
    await admin.query("begin");
    await admin.query(`lock table ${schema}.deliveries in access exclusive mode`);
    try {
      const refused = await t.post("star", starred(), { id: "stalled-delivery" });
      expect(refused.status).toBe(503);
      expect(refused.text).toContain("could not record delivery stalled-delivery");
      const during = await health(t);
      expect(during.status).toBe(503);
      expect(during.body.intake.recording).toBe(false);
    } finally {
      await admin.query("rollback");
    }
    expect((await t.post("star", starred())).status).toBe(200);
    expect(await health(t)).toMatchObject({ status: 200, body: { intake: { recording: true } } });
    // The refused delivery's insert went through once the lock was gone: a redelivery is a duplicate.
    expect(await countDeliveries(t)).toBe(before + 2);
  }, 30_000);
});
