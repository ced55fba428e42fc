import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import SQLite from "better-sqlite3";
import pino from "pino";
import { checkpointInBackground } from "../../../src/store/checkpoint-in-background.js";
import { waitFor } from "../../helpers/app-process.js";

describe("WAL checkpoints on a background thread", () => {
  const open: Array<{ database: SQLite.Database; stop?: () => Promise<void> }> = [];
  afterEach(async () => {
    for (const { database, stop } of open.splice(0)) {
      await stop?.();
      database.close();
    }
  });

  function openDatabase(): { database: SQLite.Database; file: string } {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "checkpoint-")), "db.sqlite");
    const database = new SQLite(file);
    database.pragma("journal_mode = WAL");
    database.exec("create table t (x text)");
    return { database, file };
  }
  // 6 MB in one commit: past the 1,000 pages after which SQLite checkpoints inside the commit.
  const write = (database: SQLite.Database) => {
    const insert = database.prepare("insert into t values (?)");
    database.transaction(() => {
      for (let n = 0; n < 750; n++) insert.run("x".repeat(8_000));
    })();
  };

  it("commits no longer copy the log into the database file", async () => {
    const { database, file } = openDatabase();
    open.push({ database, stop: checkpointInBackground(database, file, pino({ level: "silent" }), 60_000) });
    const before = statSync(file).size;
    write(database);
    expect(statSync(file).size).toBe(before);
  });

  it("the thread does, soon after", async () => {
    const { database, file } = openDatabase();
    open.push({ database, stop: checkpointInBackground(database, file, pino({ level: "silent" }), 50) });
    write(database);
    await waitFor(() => statSync(file).size > 5_000_000, "the background checkpoint", 5_000);
  });
});
