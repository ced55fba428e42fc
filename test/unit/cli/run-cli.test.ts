import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "@jest/globals";
import type { CliCommand } from "../../../src/cli/cli-io.js";
import { findCheckoutFor, readCheckoutContents } from "../../../src/cli/read-checkout-contents.js";
import { classifyLine } from "../../../src/cli/run-classify-command.js";
import { parseUnifiedDiff } from "../../../src/coach/parse-unified-diff.js";
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

/** src/routes/users.ts as the diff's new side has it: lines 10 to 13, after nine lines of its own. */
const USERS_TS = [
  ...Array.from({ length: 9 }, (_, i) => `// line ${i + 1}`),
  '  router.get("/users/search", async (req, res) => {',
  "    const rows = await db.query(`SELECT id FROM users WHERE name = '${req.query.name}'`);",
  "    res.json(rows);",
  "  });",
  "",
].join("\n");

describe("review-coach risk with a checkout", () => {
  const checkoutIo = (files: Record<string, string>, cwd?: string) => {
    const io = fakeIo("", { "pr.diff": DIFF, ...files });
    const ancestors = (file: string): string[] => (path.dirname(file) === file ? [file] : [file, ...ancestors(path.dirname(file))]);
    const known = new Set(Object.keys(files).flatMap(ancestors));
    return Object.assign(io, { cwd, pathExists: async (p: string) => known.has(p) || p === "/repo/.git" });
  };

  it("reads the changed files from --repo, with the same findings as the bare diff", async () => {
    const bare = fakeIo("", { "pr.diff": DIFF });
    await runCli(["risk", "--json", "pr.diff"], bare);
    const io = checkoutIo({ "/repo/src/routes/users.ts": USERS_TS }, "/elsewhere");
    expect(await runCli(["risk", "--json", "--repo", "/repo", "pr.diff"], io)).toBe(0);
    expect(io.stderr.text).toBe("review-coach risk: read 1 file from /repo\n");
    expect(JSON.parse(io.stdout.text)).toEqual(JSON.parse(bare.stdout.text));
  });

  it("says which files differ from the diff or are missing, and analyses them from the diff", async () => {
    const io = checkoutIo({ "/repo/src/routes/users.ts": USERS_TS.replace("res.json(rows)", "res.send(rows)") }, "/elsewhere");
    expect(await runCli(["risk", "--repo", "/repo", "pr.diff"], io)).toBe(0);
    expect(io.stderr.text).toBe("review-coach risk: read 0 files from /repo; differing from the diff, analysed from it alone: src/routes/users.ts\n");
    expect(io.stdout.text).toContain("Risk: high.");
  });

  it("fails with exit 1 when --repo is not a folder", async () => {
    const io = checkoutIo({}, "/elsewhere");
    expect(await runCli(["risk", "--repo", "/nope", "pr.diff"], io)).toBe(1);
    expect(io.stderr.text).toBe("review-coach risk: --repo /nope: no such folder\n");
  });

  it("uses the git work tree around the current folder only when the diff's files are there", async () => {
    const files = parseUnifiedDiff(DIFF);
    const exists = (paths: string[]) => async (p: string) => paths.includes(p);
    expect(await findCheckoutFor(files, "/repo/src", exists(["/repo/.git", "/repo/src/routes/users.ts"]))).toBe("/repo");
    expect(await findCheckoutFor(files, "/repo/src", exists(["/repo/.git"]))).toBeNull();
    expect(await findCheckoutFor(files, "/repo/src", exists(["/repo/src/routes/users.ts"]))).toBeNull();
    // Found by default: a stale file is reported, a matching one read silently.
    const stale = checkoutIo({ "/repo/src/routes/users.ts": "other\n" }, "/repo/src");
    expect(await runCli(["risk", "pr.diff"], stale)).toBe(0);
    expect(stale.stderr.text).toContain("differing from the diff, analysed from it alone: src/routes/users.ts");
    const fresh = checkoutIo({ "/repo/src/routes/users.ts": USERS_TS }, "/repo/src");
    expect(await runCli(["risk", "pr.diff"], fresh)).toBe(0);
    expect(fresh.stderr.text).toBe("");
  });

  it("reads only wanted, present, non-removed files that match their patch", async () => {
    const files = parseUnifiedDiff(DIFF);
    const io = fakeIo("", { "/repo/src/routes/users.ts": USERS_TS });
    const all = await readCheckoutContents(files, "/repo", io, () => true);
    expect(all.read).toEqual(["src/routes/users.ts"]);
    expect(all.files.find((f) => f.filename === "src/routes/users.ts")?.content).toBe(USERS_TS);
    expect(all.files.find((f) => f.filename === "logo.png")?.content).toBeUndefined();
    const none = await readCheckoutContents(files, "/repo", io, () => false);
    expect(none.read).toEqual([]);
    expect(await readCheckoutContents(files, "/empty", io, () => true)).toMatchObject({ read: [], missing: ["src/routes/users.ts"] });
  });
});

describe("the real entry point", () => {
  it("reads contents from a real checkout with --repo", async () => {
    const run = promisify(execFile);
    const dir = await mkdtemp(path.join(tmpdir(), "review-coach-risk-"));
    await mkdir(path.join(dir, "src/routes"), { recursive: true });
    await writeFile(path.join(dir, "src/routes/users.ts"), USERS_TS);
    await writeFile(path.join(dir, "pr.diff"), DIFF);
    const { stdout, stderr } = await run("npx", ["tsx", "src/cli/main.ts", "risk", "--repo", dir, path.join(dir, "pr.diff")], { cwd: process.cwd(), timeout: 20000 });
    expect(stderr).toBe(`review-coach risk: read 1 file from ${dir}\n`);
    expect(stdout).toContain("Risk: high.");
  });

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
