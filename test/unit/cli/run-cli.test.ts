import { execFile } from "node:child_process";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "@jest/globals";
import type { CliCommand } from "../../../src/cli/cli-io.js";
import { classifyLine } from "../../../src/cli/run-classify-command.js";
import { CLI_COMMANDS, renderUsage, runCli } from "../../../src/cli/run-cli.js";
import { fakeIo } from "../../helpers/fake-cli-io.js";

const DIFF = [
  "diff --git a/src/routes/users.ts b/src/routes/users.ts",
  "--- a/src/routes/users.ts",
  "+++ b/src/routes/users.ts",
  "@@ -10,3 +10,4 @@ export function register(router, db) {",
  "   router.get(\"/users/search\", async (req, res) => {",
  "+    const rows = await db.query(`SELECT id FROM users WHERE name = '${req.query.name}'`);",
  "     res.json(rows);",
  "   });",
  "diff --git a/logo.png b/logo.png",
  "Binary files a/logo.png and b/logo.png differ",
  "",
].join("\n");

describe("runCli dispatch", () => {
  it("prints usage on stdout for --help, listing every command", async () => {
    const io = fakeIo();
    expect(await runCli(["--help"], io)).toBe(0);
    for (const command of CLI_COMMANDS) expect(io.stdout.text).toContain(command.name);
    expect(io.stderr.text).toBe("");
  });

  it.each([[["frobnicate"]], [[]]])("prints usage on stderr and exits 2 for %j", async (argv) => {
    const io = fakeIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr.text).toContain("Usage: review-coach");
    expect(io.stdout.text).toBe("");
  });

  it("dispatches through a table, so new commands plug in", async () => {
    const echo: CliCommand = {
      name: "echo",
      summary: "prints its arguments",
      usage: "Usage: review-coach echo\n",
      run: async (args, io) => {
        io.stdout.write(`echo ${args.join(",")}\n`);
        return 0;
      },
    };
    const io = fakeIo();
    expect(await runCli(["echo", "--week", "3"], io, [...CLI_COMMANDS, echo])).toBe(0);
    expect(io.stdout.text).toBe("echo --week,3\n");
    expect(renderUsage([...CLI_COMMANDS, echo])).toContain("echo      prints its arguments");
  });
});

describe("review-coach classify", () => {
  it("answers each JSON line with one line, in order, and keeps going after bad lines", async () => {
    const input = [
      JSON.stringify({ id: "c1", text: "LGTM" }),
      "{not json",
      JSON.stringify({ id: 7 }),
      "",
      JSON.stringify({ id: "c4", text: "nit: rename `usr` to `user`", path: "src/a.ts", diffHunk: "@@ -1 +1 @@\n+const usr = 1;" }),
      JSON.stringify({ id: "c5", text: 42 }),
    ].join("\n");
    const io = fakeIo(`${input}\n`);
    expect(await runCli(["classify"], io)).toBe(0);
    const out = io.stdout.text.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(["c1", null, 7, "c4", "c5"]);
    expect(out[0]).toEqual(expect.objectContaining({ signals: expect.arrayContaining(["approval-only"]), tone: "respectful" }));
    expect(Object.keys(out[0] ?? {})).toEqual(["id", "concerns", "signals", "tone", "actionable", "evidence"]);
    expect(out[1]?.error).toMatch(/^invalid JSON/);
    expect(out[2]?.error).toMatch(/text/);
    expect(out[3]).toEqual(expect.objectContaining({ concerns: expect.arrayContaining(["style"]) }));
    expect(out[4]?.error).toMatch(/text/);
  });

  it("streams: answers a line before the input ends", async () => {
    const stdin = new PassThrough();
    const io = { ...fakeIo(), stdin };
    const done = runCli(["classify"], io);
    stdin.write(`${JSON.stringify({ id: 1, text: "Why is this safe?" })}\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(io.stdout.text).toContain("\"id\":1");
    stdin.end();
    expect(await done).toBe(0);
  });

  it("explains one comment given as an argument", async () => {
    const io = fakeIo();
    expect(await runCli(["classify", "LGTM, ship it"], io)).toBe(0);
    expect(io.stdout.text).toContain("Signals:");
    expect(io.stdout.text).toContain("approval-only");
    expect(io.stdout.text).toMatch(/Tone: respectful/);
  });

  it("prints one comment as JSON with --json", async () => {
    const io = fakeIo();
    expect(await runCli(["classify", "--json", "LGTM"], io)).toBe(0);
    expect(JSON.parse(io.stdout.text)).toEqual(expect.objectContaining({ signals: expect.arrayContaining(["approval-only"]) }));
  });

  it("rejects unknown options with usage on stderr", async () => {
    const io = fakeIo();
    expect(await runCli(["classify", "--bogus"], io)).toBe(2);
    expect(io.stderr.text).toContain("Usage:");
  });

  it("validates lines with the schema", () => {
    expect(classifyLine("[]")).toEqual({ id: null, error: expect.stringContaining("invalid input") });
    expect(classifyLine(JSON.stringify({ id: { x: 1 }, text: "hi" }))).toEqual({ id: null, error: expect.stringContaining("id") });
  });
});

describe("review-coach risk", () => {
  it("prints a readable profile of a diff file", async () => {
    const io = fakeIo("", { "pr.diff": DIFF });
    expect(await runCli(["risk", "pr.diff"], io)).toBe(0);
    expect(io.stdout.text).toContain("Risk: high.");
    expect(io.stdout.text).toContain("src/routes/users.ts");
    expect(io.stdout.text).toMatch(/HIGH\s+L11\s+security\s+builds a SQL query from a variable/);
    expect(io.stdout.text).toContain("logo.png (binary)");
  });

  it("reads stdin and prints JSON with --json", async () => {
    const io = fakeIo(DIFF);
    expect(await runCli(["risk", "--json", "--min-severity", "high"], io)).toBe(0);
    const profile = JSON.parse(io.stdout.text) as { level: string; findings: { rule: string; line: number }[] };
    expect(profile.level).toBe("high");
    expect(profile.findings.map((f) => [f.rule, f.line])).toEqual([["sql-from-variable", 11]]);
  });

  it("takes extra sensitive globs", async () => {
    const io = fakeIo(DIFF);
    expect(await runCli(["risk", "--json", "--sensitive", "src/routes/**"], io)).toBe(0);
    expect(io.stdout.text).toContain("sensitive-path");
  });

  it("validates options with the schema", async () => {
    const io = fakeIo(DIFF);
    expect(await runCli(["risk", "--min-severity", "extreme"], io)).toBe(2);
    expect(io.stderr.text).toContain("minSeverity");
  });

  it("fails with exit 1 when the file cannot be read", async () => {
    const io = fakeIo();
    expect(await runCli(["risk", "missing.diff"], io)).toBe(1);
    expect(io.stderr.text).toContain("cannot read missing.diff");
  });
});

describe("the real entry point", () => {
  it("runs through npx tsx src/cli/main.ts", async () => {
    const run = promisify(execFile);
    const { stdout } = await run("npx", ["tsx", "src/cli/main.ts", "--help"], { cwd: process.cwd(), timeout: 20000 });
    expect(stdout).toContain("Usage: review-coach <command>");
    const failed = await run("npx", ["tsx", "src/cli/main.ts", "nope"], { cwd: process.cwd(), timeout: 20000 }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command") });
  });
});
