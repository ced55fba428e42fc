#!/usr/bin/env node
// The `review-coach` binary: wires the process to the CLI. Everything else is in run-cli.ts.

import { readFile, stat } from "node:fs/promises";
import { runCli } from "./run-cli.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A closed pipe (`review-coach classify | head`) is not an error worth a stack trace.
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    readFile: (path) => readFile(path, "utf8"),
    cwd: process.cwd(),
    pathExists: (path) => stat(path).then(() => true, () => false),
  });
} catch (error) {
  console.error(`review-coach: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
