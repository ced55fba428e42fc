import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "kysely";
import { deleteInstallationData } from "../../../src/store/installations.js";
import { createTestStore, ENGINES, type TestStore } from "../../helpers/stores.js";

// One installation's row in each table, keyed as the app keys them. Its repository 501 never got a
// `repositories` row (added after an "all repositories" install); 502 did.
interface Owner {
  installationId: number;
  repositoryId: number;
  listedRepositoryId: number;
  pullRequestId: number;
}
const GONE: Owner = { installationId: 91, repositoryId: 501, listedRepositoryId: 502, pullRequestId: 7001 };
const KEPT: Owner = { installationId: 92, repositoryId: 601, listedRepositoryId: 602, pullRequestId: 8001 };

/** Values for a table's columns: the owner's keys where a column names one, a filler of the column's type elsewhere. */
function rowsFor(table: string, columns: Array<{ name: string; dataType: string }>, o: Owner): Array<Record<string, unknown>> {
  const base = (id: unknown, overrides: Record<string, unknown> = {}) => {
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      if (c.name === "id") row.id = id;
      else if (c.name === "installation_id") row.installation_id = o.installationId;
      else if (c.name === "repository_id") row.repository_id = o.repositoryId;
      else if (c.name === "pull_request_id") row.pull_request_id = o.pullRequestId;
      else if (c.name.endsWith("_at") || c.name === "day") row[c.name] = "2026-11-01T00:00:00.000Z";
      else row[c.name] = /int|real|float|double|numeric/i.test(c.dataType) ? 1 : "x";
    }
    return { ...row, ...overrides };
  };
  switch (table) {
    case "installations":
      return [base(o.installationId)];
    case "repositories":
      return [base(o.listedRepositoryId)];
    case "pull_requests":
      return [base(o.pullRequestId)];
    case "deliveries":
      return [base(`delivery-${o.installationId}`)];
    case "revoked_sessions":
      // not keyed by an installation: signed-out dashboard sessions, kept until they expire
      return [base(undefined, { session_hash: `session-${o.installationId}` })];
    case "payload_digests":
      return [base(undefined, { hash: `hash-${o.installationId}` })];
    case "github_writes":
      return [base(undefined, { key: `review:${o.installationId}` })];
    case "digests":
      return [base(`repository:acme-${o.installationId}/api:2026-W45`)];
    case "reviewer_settings":
      return [base(undefined, { login: `opted-out-${o.installationId}` }), base(undefined, { login: `listed-${o.installationId}`, repository_id: o.listedRepositoryId })];
    case "jobs":
      return [
        base(`delivery-${o.installationId}`, { payload: "{}" }),
        base(`backfill:${o.repositoryId}`, { payload: JSON.stringify({ installationId: o.installationId, repositoryId: o.repositoryId, fullName: "acme/api" }) }),
        base(`snapshot:${o.listedRepositoryId}:2026-11-01`, { payload: JSON.stringify({ repositoryId: o.listedRepositoryId, day: "2026-11-01" }) }),
        base(`digest:repository:acme-${o.installationId}/api:2026-W45`, { payload: JSON.stringify({ installationId: o.installationId, target: { kind: "repository" } }) }),
      ];
    default:
      return [base(o.pullRequestId * 10 + table.length)];
  }
}

describe.each(ENGINES)("uninstalling on %s", (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(engine);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("deletes every row keyed by the installation in every table of the schema, and nothing of another", async () => {
    // PostgreSQL lists every schema's tables: keep this store's own
    const schema = engine === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(t.store.db)).rows[0]!.schema : undefined;
    const tables = (await t.store.db.introspection.getTables()).filter((table) => !/^kysely_/.test(table.name) && (schema === undefined || table.schema === schema));
    expect(tables.length).toBeGreaterThanOrEqual(13);
    const seeded = new Map<string, number>();
    for (const table of tables) {
      for (const owner of [GONE, KEPT]) {
        const rows = rowsFor(table.name, table.columns, owner);
        for (const row of rows) await t.store.db.insertInto(table.name as "jobs").values(row as never).execute();
        seeded.set(table.name, rows.length);
      }
    }
    // the snapshot job of a repository that was only ever seen in a delivery
    await t.store.db.updateTable("deliveries").set({ repository_id: GONE.listedRepositoryId }).where("installation_id", "=", GONE.installationId).execute();

    await deleteInstallationData(t.store, GONE.installationId);

    const left: Record<string, number> = {};
    for (const table of tables) {
      const { count } = (await sql<{ count: string | number }>`select count(*) as count from ${sql.table(table.name)}`.execute(t.store.db)).rows[0]!;
      left[table.name] = Number(count);
    }
    const notKeyedByInstallation = new Set(["revoked_sessions"]);
    expect(left).toEqual(Object.fromEntries(tables.map((table) => [table.name, (seeded.get(table.name) ?? 0) * (notKeyedByInstallation.has(table.name) ? 2 : 1)])));
  });
});
