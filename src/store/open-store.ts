import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from "kysely";
import type pg from "pg";
import { ReviewCoachError } from "../errors.js";
import type { Logger } from "../log.js";
import { checkpointInBackground } from "./checkpoint-in-background.js";
import type { Dialect } from "./dialect.js";
import { listMigrations } from "./migrations/index.js";
import type { Database } from "./tables.js";

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * SQLite only: runs `work` on the database itself, synchronously, in its turn on the one connection
   * Kysely's queries share (none of theirs runs meanwhile). For hot paths whose SQL is fixed.
   */
  withDatabase?<T>(work: (database: SQLite.Database) => T): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A postgres:// URL; when absent the embedded SQLite file at sqlitePath is used. */
  databaseUrl?: string | undefined;
  sqlitePath: string;
  log: Logger;
  /** SQLite: checkpoint the write-ahead log from a background thread rather than inside commits (the app does). */
  checkpointInBackground?: boolean;
}

/** Opens the database named by the settings and applies every pending migration. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const log = options.log.child({ name: "store" });
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl, log) : openSqlite(options.sqlitePath, options.checkpointInBackground === true ? log : undefined);
  try {
    await migrate(store, log);
  } catch (error) {
    await store.close();
    throw error;
  }
  log.info({ dialect: store.dialect }, "database ready");
  return store;
}

/** The embedded database; with `checkpointLog`, its WAL checkpoints run on a background thread (logging there). */
function openSqlite(file: string, checkpointLog?: Logger): Store {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  // better-sqlite3's default, stated: a commit (so an acknowledged delivery) survives the process crashing,
  // not the host losing power; the WAL is synced when it is checkpointed, not at every commit.
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  database.pragma("foreign_keys = ON");
  const stopCheckpoints = checkpointLog && file !== ":memory:" ? checkpointInBackground(database, file, checkpointLog) : undefined;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepPreparedStatements(database) }) });
  const store: Store = { ...withHelpers(db, "sqlite"), withDatabase: (work) => db.connection().execute(async () => work(database)) };
  if (!stopCheckpoints) return store;
  return {
    ...store,
    async close() {
      await stopCheckpoints();
      await store.close();
    },
  };
}

/** Statements kept once prepared, by their SQL (Kysely would prepare each query again), the least recently used dropped past `max`. */
function keepPreparedStatements(database: SQLite.Database, max = 256): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement) statements.delete(text);
      else statement = database.prepare(text);
      statements.set(text, statement);
      if (statements.size > max) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

/**
 * A PostgreSQL pool that survives the server's restarts and stalls: an idle connection the server drops
 * (57P01, ECONNRESET), idle or in use, is logged and replaced on next use rather than crashing the process, and no
 * connection attempt or statement waits for ever.
 */
async function openPostgres(url: string, log: Logger): Promise<Store> {
  // Loaded only for PostgreSQL: the embedded store does without the driver's memory.
  const { default: postgres } = await import("pg");
  // int8 (bigint) columns hold GitHub ids, all below 2^53: read them as numbers.
  postgres.types.setTypeParser(postgres.types.builtins.INT8, (value) => Number(value));
  const pool = new postgres.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 30_000,
    query_timeout: 35_000,
    idle_in_transaction_session_timeout: 30_000,
    keepAlive: true,
  });
  pool.on("error", (error: Error) => log.warn({ err: error }, "an idle PostgreSQL connection was lost; the next query opens a new one"));
  // The pool listens only to idle connections; one checked out between two statements of a transaction
  // would otherwise throw its 57P01 as an unhandled 'error' event. The statement waiting on it still fails.
  pool.on("connect", (client: pg.PoolClient) =>
    client.on("error", (error: Error) => log.warn({ err: error }, "a PostgreSQL connection in use was lost; the statement that waited on it fails")),
  );
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return withHelpers(db, "postgres");
}

function withHelpers(db: Kysely<Database>, dialect: Dialect): Store {
  return {
    db,
    dialect,
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          sql`select 1`.execute(db).then(() => true),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 3_000))),
        ]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => db.destroy(),
  };
}

async function migrate(store: Store, log: Logger): Promise<void> {
  const migrations = listMigrations(store.dialect);
  // On PostgreSQL keep the migration bookkeeping in the schema the app's tables go to (the connection's
  // current schema), not wherever another app's Kysely tables happen to be.
  const schema =
    store.dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === "Success") log.info({ migration: result.migrationName }, "migration applied");
    if (result.status === "Error") log.error({ migration: result.migrationName }, "migration failed");
  }
  if (error) {
    throw new ReviewCoachError(
      `Could not migrate the ${store.dialect} database: ${(error as Error).message}. ` +
        (store.dialect === "postgres"
          ? "Check that DATABASE_URL points at a reachable PostgreSQL database the app may create tables in."
          : "Check that DATA_DIR is writable."),
      { cause: error },
    );
  }
}
