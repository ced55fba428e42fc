import { once } from "node:events";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type SQLite from "better-sqlite3";
import type { Logger } from "../log.js";

// SQLite copies the write-ahead log into the database file (a checkpoint, with its fsync) inside the
// commit that passes 1,000 pages, on the event loop: every request waiting then waits for it. Here a
// thread with a connection of its own checkpoints instead, every intervalMs, without blocking writers.
const CHECKPOINTER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (error) { parentPort.postMessage(String(error)); }
}, workerData.intervalMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Moves the WAL checkpoints of `database` (the file `file`) to a background thread; returns how to stop it.
 * Should the thread fail, SQLite's own checkpoints in the commit come back.
 */
export function checkpointInBackground(database: SQLite.Database, file: string, log: Logger, intervalMs = 1_000): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, file, intervalMs } });
  database.pragma("wal_autocheckpoint = 0");
  let stopping = false;
  const fallBack = (reason: unknown) => {
    if (stopping) return;
    stopping = true;
    database.pragma("wal_autocheckpoint = 1000");
    log.warn({ err: reason }, "the background WAL checkpointer stopped: SQLite checkpoints in its commits again");
  };
  worker.on("error", fallBack);
  worker.on("exit", (code) => fallBack(new Error(`checkpointer thread exited with code ${code}`)));
  worker.on("message", (problem: string) => log.warn({ problem }, "a WAL checkpoint failed; the next one retries"));
  worker.unref();
  return async () => {
    if (stopping) return;
    stopping = true;
    const exited = once(worker, "exit");
    worker.postMessage("stop");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await worker.terminate();
  };
}
