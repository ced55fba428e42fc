import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { openStore, type Store } from "../../src/store/open-store.js";

/** The PostgreSQL the tests use; the machine runs one on 127.0.0.1:5432 with a `test` database. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export const silentLog = pino({ level: "silent" });

export type Engine = "sqlite" | "postgres";
export const ENGINES: Engine[] = ["sqlite", "postgres"];

export interface TestStore {
  store: Store;
  /** The URL or file the store was opened from, to open a second connection to the same data. */
  location: { databaseUrl?: string; sqlitePath: string };
  drop(): Promise<void>;
}

/**
 * A fresh, migrated store: an SQLite file in a temp folder, or a PostgreSQL schema of its own (so test
 * files can run in parallel against the one server). PostgreSQL must be reachable: it is not skipped.
 */
export async function createTestStore(engine: Engine): Promise<TestStore> {
  if (engine === "sqlite") {
    const sqlitePath = path.join(mkdtempSync(path.join(tmpdir(), "review-coach-test-")), "review-coach.sqlite");
    const store = await openStore({ sqlitePath, log: silentLog });
    return { store, location: { sqlitePath }, drop: () => store.close() };
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required by the store tests and is not reachable at ${TEST_DATABASE_URL} ` +
        `(${(error as Error).message}). Start it (see README, "Tests") or set TEST_DATABASE_URL.`,
    );
  }
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const databaseUrl = url.toString();
  const store = await openStore({ databaseUrl, sqlitePath: "", log: silentLog });
  return {
    store,
    location: { databaseUrl, sqlitePath: "" },
    async drop() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
