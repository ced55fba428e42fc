import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createSqlJobQueue } from "../../src/store/job-queue.js";
import { deleteInstallationData, upsertInstallation, upsertRepositories } from "../../src/store/installations.js";
import { openStore } from "../../src/store/open-store.js";
import { findPullRequest, upsertPullRequest } from "../../src/store/pull-requests.js";
import { findRepository, readStoredRepoConfig, saveRepositoryConfig } from "../../src/store/repositories.js";
import { getDefaultConfig } from "../../src/repo-config/default-config.js";
import { recordDelivery } from "../../src/store/record-delivery.js";
import { createTestStore, ENGINES, silentLog, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-02T09:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

// The same suite on both engines: the embedded default and PostgreSQL.
describe.each(ENGINES)("store on %s", (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(engine);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("applies the migrations once, and again is a no-op", async () => {
    const tables = ["installations", "repositories", "pull_requests", "risk_profiles", "reviews", "review_comments", "nudges", "reviewer_settings", "deliveries", "jobs", "digests", "repo_score_snapshots"];
    for (const table of tables) {
      await expect(t.store.db.selectFrom(table as "jobs").selectAll().execute()).resolves.toEqual([]);
    }
    const again = await openStore({ ...t.location, log: silentLog });
    await again.close();
    expect(await t.store.ping()).toBe(true);
  });

  it("records a delivery with its job once; a redelivery is a no-op", async () => {
    const delivery = {
      id: `d-${engine}-1`,
      event: "pull_request",
      action: "opened",
      installationId: 7,
      repositoryId: 70,
      receivedAt: T0,
      job: { kind: "webhook", payload: { hello: "world" } },
    };
    expect(await recordDelivery(t.store, delivery)).toBe("new");
    expect(await recordDelivery(t.store, delivery)).toBe("duplicate");
    const jobs = await t.store.db.selectFrom("jobs").selectAll().where("id", "=", delivery.id).execute();
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ hello: "world" });
  });

  it("claims due jobs in order, leases them, retries, completes and dead-letters", async () => {
    const queue = createSqlJobQueue(t.store, () => at(0));
    expect(await queue.enqueue({ id: `q-${engine}-a`, kind: "test", payload: { n: 1 }, runAt: at(-10) })).toBe(true);
    expect(await queue.enqueue({ id: `q-${engine}-a`, kind: "test", payload: { n: 9 } })).toBe(false);
    await queue.enqueue({ id: `q-${engine}-later`, kind: "test", payload: { n: 2 }, runAt: at(3600) });

    // the delivery job from the previous test is due too; take everything due now
    const first = await queue.claim("w1", at(30));
    expect(first).not.toBeNull();
    const claimed = [first!];
    for (let next = await queue.claim("w1", at(30)); next; next = await queue.claim("w1", at(30))) claimed.push(next);
    expect(claimed.map((j) => j.id)).toContain(`q-${engine}-a`);
    expect(claimed.map((j) => j.id)).not.toContain(`q-${engine}-later`);
    const job = claimed.find((j) => j.id === `q-${engine}-a`)!;
    expect(job).toMatchObject({ kind: "test", payload: { n: 1 }, attempts: 1 });

    await queue.retryLater(job.id, "w1", at(-1), "GitHub answered 502");
    const again = await queue.claim("w2", at(30));
    expect(again).toMatchObject({ id: job.id, attempts: 2 });
    await queue.complete(job.id, "w1"); // not w1's any more: no effect
    expect(await queue.depth()).toMatchObject({ running: claimed.length });
    await queue.deadLetter(job.id, "w2", "gave up");
    const row = await t.store.db.selectFrom("jobs").selectAll().where("id", "=", job.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "dead", last_error: "gave up", locked_by: null });
    for (const other of claimed.filter((j) => j.id !== job.id)) await queue.complete(other.id, "w1");
    expect(await queue.depth()).toEqual({ queued: 1, running: 0, dead: 1 });
  });

  it("drops a finished job's payload at once and the job itself once it is old", async () => {
    const queue = createSqlJobQueue(t.store, () => at(0));
    await queue.enqueue({ id: `prune-${engine}`, kind: "test", payload: { big: "payload" }, runAt: at(-1) });
    const job = await queue.claim("w1", at(30));
    await queue.complete(job!.id, "w1");
    expect(await t.store.db.selectFrom("jobs").select("payload").where("id", "=", `prune-${engine}`).executeTakeFirst()).toEqual({ payload: "null" });
    expect(await queue.prune(at(-60))).toBe(0);
    expect(await queue.prune(at(60))).toBeGreaterThanOrEqual(1);
    expect(await t.store.db.selectFrom("jobs").select("id").where("id", "=", `prune-${engine}`).execute()).toEqual([]);
  });

  it("gives a job whose lease ran out (its worker died) to another worker", async () => {
    let clock = at(0);
    const queue = createSqlJobQueue(t.store, () => clock);
    await queue.enqueue({ id: `lease-${engine}`, kind: "test", payload: {}, runAt: at(-5) });
    const taken = await queue.claim("dead-worker", at(30));
    expect(taken?.id).toBe(`lease-${engine}`);
    expect(await queue.claim("w2", at(60))).toBeNull();
    clock = at(31);
    const retaken = await queue.claim("w2", at(90));
    expect(retaken).toMatchObject({ id: `lease-${engine}`, attempts: 2 });
    await queue.complete(`lease-${engine}`, "dead-worker");
    expect((await t.store.db.selectFrom("jobs").select("status").where("id", "=", `lease-${engine}`).executeTakeFirstOrThrow()).status).toBe("running");
    await queue.complete(`lease-${engine}`, "w2");
  });

  it("releases a running job at shutdown without counting the attempt", async () => {
    const queue = createSqlJobQueue(t.store, () => at(0));
    await queue.enqueue({ id: `release-${engine}`, kind: "test", payload: {}, runAt: at(-1) });
    const job = await queue.claim("w1", at(30));
    await queue.release(job!.id, "w1");
    expect(await queue.claim("w2", at(30))).toMatchObject({ id: `release-${engine}`, attempts: 1 });
    await queue.complete(`release-${engine}`, "w2");
  });

  it("lets only one of several concurrent claimers take a job", async () => {
    const queue = createSqlJobQueue(t.store, () => at(0));
    await queue.enqueue({ id: `race-${engine}`, kind: "test", payload: {}, runAt: at(-1) });
    const results = await Promise.all(["a", "b", "c", "d"].map((w) => queue.claim(w, at(30))));
    expect(results.filter((r) => r?.id === `race-${engine}`)).toHaveLength(1);
  });

  it("stores GitHub ids above 2^31 and reads them back as numbers", async () => {
    await upsertPullRequest(
      t.store,
      {
        id: 3_000_000_001,
        installationId: 9,
        repositoryId: 2_500_000_000,
        number: 12,
        title: "Add login",
        htmlUrl: "https://github.com/acme/api/pull/12",
        authorLogin: "alice",
        authorIsBot: false,
        state: "open",
        draft: false,
        merged: false,
        headSha: "a".repeat(40),
        baseRef: "main",
        additions: 10,
        deletions: 2,
        changedFiles: 1,
        openedAt: T0.toISOString(),
        mergedAt: null,
        closedAt: null,
      },
      T0,
    );
    const pr = await findPullRequest(t.store, 3_000_000_001);
    expect(pr).toMatchObject({ id: 3_000_000_001, repositoryId: 2_500_000_000, number: 12, draft: false });
  });

  it("deletes everything stored for an uninstalled installation and nothing else", async () => {
    await upsertInstallation(t.store, { id: 9, accountLogin: "acme", accountType: "Organization", repositorySelection: "all", suspendedAt: null }, T0);
    await upsertInstallation(t.store, { id: 10, accountLogin: "other", accountType: "Organization", repositorySelection: "all", suspendedAt: null }, T0);
    await upsertRepositories(t.store, [{ id: 2_500_000_000, installationId: 9, fullName: "acme/api", private: true }], T0);
    await upsertRepositories(t.store, [{ id: 11, installationId: 10, fullName: "other/web", private: false }], T0);
    await recordDelivery(t.store, { id: `purge-${engine}`, event: "pull_request", action: "opened", installationId: 9, repositoryId: 2_500_000_000, receivedAt: T0, job: { kind: "webhook", payload: { secret: "payload" } } });

    await deleteInstallationData(t.store, 9);

    expect(await findPullRequest(t.store, 3_000_000_001)).toBeUndefined();
    expect(await t.store.db.selectFrom("installations").select("id").execute()).toEqual([{ id: 10 }]);
    expect(await t.store.db.selectFrom("repositories").select("id").execute()).toEqual([{ id: 11 }]);
    expect(await t.store.db.selectFrom("jobs").select("id").where("id", "=", `purge-${engine}`).execute()).toEqual([]);
    expect(await t.store.db.selectFrom("deliveries").select("id").where("installation_id", "=", 9).execute()).toEqual([]);
  });

  it("keeps the config in effect whole (config, sources, problems) and reads defaults for a repository never read", async () => {
    await upsertInstallation(t.store, { id: 12, accountLogin: "initech", accountType: "Organization", repositorySelection: "all", suspendedAt: null }, T0);
    await upsertRepositories(t.store, [{ id: 120, installationId: 12, fullName: "initech/tps", private: true }], T0);
    const row = async () => (await findRepository(t.store, 120))!;
    expect(readStoredRepoConfig(await row())).toEqual({ config: getDefaultConfig(), sources: ["config/default.yml"], problems: [], loadedAt: null });

    const defaults = getDefaultConfig();
    const loaded = {
      config: { ...defaults, mode: "summary" as const },
      sources: ["config/default.yml", "initech/tps: .github/review-coach.yml"],
      problems: [{ file: "initech/.github: .github/review-coach.yml", key: "strictnes", message: 'unknown key: did you mean "strictness"?', line: 2 }],
    };
    await saveRepositoryConfig(t.store, 120, loaded, at(60));
    expect(readStoredRepoConfig(await row())).toEqual({ ...loaded, loadedAt: at(60).toISOString() });
    // The same config read again is not rewritten: the time it was first read stays.
    await saveRepositoryConfig(t.store, 120, loaded, at(120));
    expect((await row()).configLoadedAt).toBe(at(60).toISOString());
    // A config whose problems were fixed is.
    await saveRepositoryConfig(t.store, 120, { ...loaded, problems: [] }, at(180));
    expect(readStoredRepoConfig(await row())).toEqual({ ...loaded, problems: [], loadedAt: at(180).toISOString() });
  });
});
