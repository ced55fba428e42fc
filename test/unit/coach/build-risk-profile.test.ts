import { describe, expect, it } from "@jest/globals";
import { DEFAULT_IGNORED_PATHS, DEFAULT_RISK_CONFIG, DEFAULT_SENSITIVE_PATHS } from "../../helpers/default-risk-config.js";
import {
  buildRiskProfile,
  MAX_FINDINGS_PER_FILE,
} from "../../../src/coach/build-risk-profile.js";
import { parseUnifiedDiff } from "../../../src/coach/parse-unified-diff.js";
import { hashFnv1a64 } from "../../../src/coach/risk/hash-fnv1a64.js";
import { severityRank, type PullRequestFile, type RiskConfig } from "../../../src/coach/types.js";
import { A_TEST_FILE, addedFile, modifiedFile } from "./risk-fixtures.js";

const config: RiskConfig = DEFAULT_RISK_CONFIG;

describe("buildRiskProfile: line numbers", () => {
  it("anchors findings on the right-side line of GitHub's hunks (several hunks, deletions, no-newline marker)", () => {
    const file = modifiedFile("src/api/users.ts", [
      "@@ -3,6 +3,7 @@ import { db } from \"../db.js\";",
      " ",
      " export async function findUser(req, res) {",
      "-  const rows = await db.query(\"SELECT * FROM users WHERE id = $1\", [req.params.id]);",
      "+  const id = req.params.id;",
      "+  const rows = await db.query(`SELECT * FROM users WHERE id = ${id}`);",
      "   res.json(rows[0]);",
      " }",
      " ",
      "@@ -40,4 +41,5 @@ export async function load() {",
      "   try {",
      "     await refresh();",
      "-  } catch (e) { log(e); }",
      "+  } catch (e) {}",
      "+  return;",
      " }",
      "\\ No newline at end of file",
    ]);
    const { findings } = buildRiskProfile([file, A_TEST_FILE], config);
    expect(findings.find((f) => f.rule === "sql-from-variable")?.line).toBe(6);
    expect(findings.find((f) => f.rule === "swallowed-error")?.line).toBe(43);
  });

  it("gets the same lines from a parsed `git diff` as from GitHub's files", () => {
    const diff = [
      "diff --git a/app/jobs.py b/app/jobs.py",
      "index 1..2 100644",
      "--- a/app/jobs.py",
      "+++ b/app/jobs.py",
      "@@ -20,3 +20,4 @@ def run(job):",
      "     data = job.payload",
      "-    obj = json.loads(data)",
      "+    obj = pickle.loads(data)",
      "+    os.system(f\"notify {obj.owner}\")",
      "     return obj",
    ].join("\n");
    const { findings } = buildRiskProfile([...parseUnifiedDiff(diff), A_TEST_FILE], config);
    expect(findings.filter((f) => f.concern === "security").map((f) => [f.rule, f.line])).toEqual([
      ["unsafe-deserialisation", 21],
      ["shell-from-variable", 22],
    ]);
  });

  it("never produces a line finding on a deleted or context line", () => {
    const file = modifiedFile("src/x.ts", ["@@ -1,3 +1,3 @@", " eval(a);", "-eval(b);", "+const ok = 1;", " eval(c);"]);
    const { findings } = buildRiskProfile([file, A_TEST_FILE], config);
    expect(findings.filter((f) => f.rule === "code-eval")).toEqual([]);
  });
});

describe("buildRiskProfile: skipped files and config", () => {
  it("skips ignored, binary, removed and too-large files, with reasons", () => {
    const files: PullRequestFile[] = [
      addedFile("package-lock.json", ["{\"lockfileVersion\": 3, \"token\": \"ghp_0123456789abcdefghijABCDEFGHIJ012345\"}"]),
      { filename: "assets/logo.png", status: "added", additions: 0, deletions: 0 },
      { filename: "assets/blob", status: "modified", additions: 0, deletions: 0 },
      { filename: "src/huge.ts", status: "modified", additions: 5000, deletions: 20 },
      { filename: "src/old.ts", status: "removed", additions: 0, deletions: 12, patch: "@@ -1,12 +0,0 @@\n-x" },
      { filename: "src/renamed.ts", status: "renamed", previous_filename: "src/was.ts", additions: 0, deletions: 0 },
    ];
    const profile = buildRiskProfile(files, config);
    expect(profile.skipped).toEqual([
      { path: "package-lock.json", reason: "ignored" },
      { path: "assets/logo.png", reason: "binary" },
      { path: "assets/blob", reason: "binary" },
      { path: "src/huge.ts", reason: "too-large" },
      { path: "src/old.ts", reason: "removed" },
    ]);
    expect(profile.findings.some((f) => f.path === "package-lock.json")).toBe(false);
    expect(profile.findings.find((f) => f.path === "src/old.ts")).toMatchObject({ rule: "deleted-module", line: null });
    expect(profile.stats).toEqual({ files: 6, additions: 5001, deletions: 32 });
  });

  it("reports a too-large file in a sensitive path as a file-level security finding", () => {
    const profile = buildRiskProfile([{ filename: "src/auth/policy.ts", status: "modified", additions: 4000, deletions: 10 }], config);
    expect(profile.skipped).toEqual([{ path: "src/auth/policy.ts", reason: "too-large" }]);
    expect(profile.findings).toContainEqual(
      expect.objectContaining({ concern: "security", rule: "sensitive-path-too-large", line: null, severity: "medium" }),
    );
    expect(profile.findings.find((f) => f.rule === "very-large-change")?.reason).toContain("4,010 lines in 1 file)");
  });

  it("flags changes in sensitive paths, naming the glob, as a file-level finding of low confidence", () => {
    const file = modifiedFile("billing/ledger.ts", ["@@ -7,2 +7,3 @@", " const a = 1;", "+const b = 2;", " const c = 3;"]);
    const profile = buildRiskProfile([file, A_TEST_FILE], { ...config, sensitivePaths: ["billing/**"] });
    expect(profile.findings).toContainEqual(
      expect.objectContaining({ rule: "sensitive-path", concern: "security", line: null, confidence: "low", reason: expect.stringContaining("`billing/**`") }),
    );
  });

  it("drops findings below minSeverity and reports the level", () => {
    const file = addedFile("src/pager.ts", ["export function last(items: string[]) {", "  if (items.length === 0) return null;", "  return items[items.length - 1];", "}"]);
    const all = buildRiskProfile([file, A_TEST_FILE], config);
    expect(all.findings.some((f) => f.severity === "low")).toBe(true);
    const medium = buildRiskProfile([file, A_TEST_FILE], { ...config, minSeverity: "medium" });
    expect(medium.findings.length).toBeGreaterThan(0);
    expect(medium.findings.every((f) => f.severity !== "low")).toBe(true);
    expect(medium.level).toBe("medium");
    const high = buildRiskProfile([file, A_TEST_FILE], { ...config, minSeverity: "high" });
    expect(high).toMatchObject({ findings: [], level: "none" });
  });

  it("reads its default path lists from config/default.yml", () => {
    expect(DEFAULT_IGNORED_PATHS).toContain("**/package-lock.json");
    expect(DEFAULT_SENSITIVE_PATHS).toContain("**/.env");
  });

  it("finds nothing in a three-line typo fix in docs", () => {
    const docs = modifiedFile("docs/guide.md", [
      "@@ -12,3 +12,3 @@ ## Install",
      " Run the installer.",
      "-Teh server starts on port 3000.",
      "+The server starts on port 3000.",
      " Then open the browser.",
    ]);
    expect(buildRiskProfile([docs], config)).toMatchObject({ findings: [], level: "none", skipped: [] });
  });
});

describe("buildRiskProfile: de-duplication, caps and order", () => {
  it("keeps at most one finding per rule per hunk", () => {
    const file = addedFile("src/a.ts", ["eval(a);", "eval(b);", "eval(c);"]);
    const { findings } = buildRiskProfile([file, A_TEST_FILE], config);
    expect(findings.filter((f) => f.rule === "code-eval")).toHaveLength(1);
  });

  it("caps findings per file, keeping the most severe", () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? `function f${i}() { return eval(x${i}); }` : `const v${i} = parseInt(s${i}) + items.length - 1;`,
    );
    const hunks = lines.map((line, i) => `@@ -${i * 10 + 1},0 +${i * 10 + 1},1 @@\n+${line}`).join("\n");
    const file: PullRequestFile = { filename: "src/many.ts", status: "modified", additions: 40, deletions: 0, patch: hunks };
    const { findings } = buildRiskProfile([file, A_TEST_FILE], config);
    const inFile = findings.filter((f) => f.path === "src/many.ts");
    expect(inFile).toHaveLength(MAX_FINDINGS_PER_FILE);
    expect(inFile.every((f) => f.severity === "high")).toBe(true);
  });

  it("sorts by severity, then path, then line", () => {
    const profile = buildRiskProfile(
      [
        addedFile("src/b.ts", ["const x = items[items.length - 1];", "eval(code);"]),
        addedFile("src/a.ts", ["new Function(body);"]),
      ],
      config,
    );
    const keys = profile.findings.map((f) => [severityRank(f.severity), f.path, f.line ?? 0] as const);
    const sorted = [...keys].sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0) || x[2] - y[2]);
    expect(keys).toEqual(sorted);
    expect(profile.level).toBe("high");
  });
});

describe("buildRiskProfile: fingerprints", () => {
  const patchAt = (start: number, extra = "  return rows;"): PullRequestFile =>
    modifiedFile("src/search.ts", [
      `@@ -${start},3 +${start},4 @@ export async function search(db, term) {`,
      "   const clean = term.trim();",
      "+  const rows = await db.query(`SELECT * FROM items WHERE name LIKE '%${clean}%'`);",
      `+${extra}`,
      " }",
    ]);

  it("survives pushes that shift lines, and changes with the place", () => {
    const first = buildRiskProfile([patchAt(10), A_TEST_FILE], config).findings.find((f) => f.rule === "sql-from-variable");
    const shifted = buildRiskProfile([patchAt(42), A_TEST_FILE], config).findings.find((f) => f.rule === "sql-from-variable");
    expect(first?.line).toBe(11);
    expect(shifted?.line).toBe(43);
    expect(shifted?.fingerprint).toBe(first?.fingerprint);
    expect(first?.fingerprint).toMatch(/^[0-9a-f]{16}$/);

    const otherPath = buildRiskProfile([{ ...patchAt(10), filename: "src/other.ts" }, A_TEST_FILE], config).findings.find(
      (f) => f.rule === "sql-from-variable",
    );
    expect(otherPath?.fingerprint).not.toBe(first?.fingerprint);
  });

  it("keeps fingerprints unique within a profile", () => {
    const { findings } = buildRiskProfile(
      [addedFile("src/a.ts", ["eval(a);", "const t = Math.random(); // token", "exec(`rm ${x}`);"]), addedFile("src/b.ts", ["eval(a);"])],
      config,
    );
    const prints = findings.map((f) => f.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("hashes with FNV-1a 64 (reference vectors)", () => {
    expect(hashFnv1a64("")).toBe("cbf29ce484222325");
    expect(hashFnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(hashFnv1a64("foobar")).toBe("85944171f73967e8");
    expect(hashFnv1a64("é")).toBe(hashFnv1a64("\u00e9"));
  });
});

describe("buildRiskProfile: dependencies", () => {
  it("reports added npm dependencies (medium) and updates (low)", () => {
    const file = modifiedFile("package.json", [
      "@@ -10,7 +10,8 @@",
      "   \"dependencies\": {",
      "-    \"express\": \"^4.18.0\",",
      "+    \"express\": \"^4.19.2\",",
      "+    \"left-pad\": \"^1.3.0\",",
      "     \"zod\": \"^4.0.0\"",
      "   },",
      "@@ -30,3 +31,3 @@",
      "   \"devDependencies\": {",
      "-    \"jest\": \"^29.0.0\"",
      "+    \"jest\": \"^30.0.0\"",
    ]);
    const { findings } = buildRiskProfile([file], config);
    expect(findings.filter((f) => f.path === "package.json").map((f) => [f.rule, f.severity, f.line])).toEqual([
      ["new-dependency", "medium", 12],
      ["updated-dependency", "low", 32],
    ]);
    expect(findings.find((f) => f.rule === "new-dependency")?.reason).toContain("`left-pad`");
  });

  it("does not mistake scripts or the version field for dependencies", () => {
    const file = modifiedFile("package.json", ["@@ -2,3 +2,4 @@", "   \"version\": \"1.0.0\",", "+  \"private\": true,", "   \"scripts\": {", "+    \"lint\": \"eslint .\","]);
    expect(buildRiskProfile([file], config).findings.filter((f) => f.concern === "security" && f.rule.includes("dependency"))).toEqual([]);
  });

  it.each([
    ["requirements.txt", ["@@ -1,2 +1,3 @@", " django==5.0", "+requests>=2.31", " celery==5.3"], "`requests`"],
    ["go.mod", ["@@ -5,3 +5,4 @@ require (", " \tgithub.com/a/b v1.0.0", "+\tgithub.com/evil/pkg v0.1.0", " )"], "`github.com/evil/pkg`"],
    ["Gemfile", ["@@ -3,2 +3,3 @@", " gem \"rails\", \"~> 7.1\"", "+gem \"httparty\""], "`httparty`"],
    [
      "pom.xml",
      ["@@ -20,2 +20,7 @@", "   <dependencies>", "+    <dependency>", "+      <groupId>org.yaml</groupId>", "+      <artifactId>snakeyaml</artifactId>", "+      <version>1.33</version>", "+    </dependency>", "     <dependency>"],
      "`snakeyaml`",
    ],
    ["Cargo.toml", ["@@ -8,2 +8,3 @@", " [dependencies]", " serde = \"1\"", "+reqwest = { version = \"0.12\", features = [\"json\"] }"], "`reqwest`"],
    ["pyproject.toml", ["@@ -5,3 +5,4 @@", " dependencies = [", "   \"fastapi>=0.110\",", "+  \"python-jose>=3.3\",", " ]"], "`python-jose`"],
    ["app/build.gradle", ["@@ -30,2 +30,3 @@", " dependencies {", "+    implementation 'com.squareup.okhttp3:okhttp:4.12.0'", " }"], "`com.squareup.okhttp3:okhttp`"],
  ])("reports a new dependency in %s", (path, patch, name) => {
    const { findings } = buildRiskProfile([modifiedFile(path, patch)], config);
    const finding = findings.find((f) => f.rule === "new-dependency");
    expect(finding?.reason).toContain(name);
    expect(finding?.line).not.toBeNull();
  });
});

describe("buildRiskProfile: GitHub Actions", () => {
  it("flags untrusted event text expanded in run:, not when passed through env:", () => {
    const workflow = addedFile(".github/workflows/greet.yml", [
      "on: pull_request",
      "jobs:",
      "  greet:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - name: safe",
      "        env:",
      "          TITLE: ${{ github.event.pull_request.title }}",
      "        run: echo \"$TITLE\"",
      "      - name: unsafe",
      "        run: |",
      "          echo \"Checking ${{ github.event.pull_request.title }}\"",
      "          ./check.sh",
    ]);
    const { findings } = buildRiskProfile([workflow], config);
    const injections = findings.filter((f) => f.rule === "workflow-script-injection");
    expect(injections.map((f) => [f.line, f.severity])).toEqual([[12, "high"]]);
  });

  it("flags an inline run: with the head branch name", () => {
    const workflow = modifiedFile(".github/workflows/ci.yml", ["@@ -20,2 +20,3 @@", "       - uses: actions/checkout@v4", "+      - run: git push origin ${{ github.head_ref }}", "       - run: npm test"]);
    expect(buildRiskProfile([workflow], config).findings.find((f) => f.rule === "workflow-script-injection")?.line).toBe(21);
  });

  it("flags pull_request_target workflows that check out the PR head", () => {
    const workflow = addedFile(".github/workflows/label.yml", [
      "on:",
      "  pull_request_target:",
      "jobs:",
      "  build:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "        with:",
      "          ref: ${{ github.event.pull_request.head.sha }}",
      "      - run: npm ci && npm test",
    ]);
    const finding = buildRiskProfile([workflow], config).findings.find((f) => f.rule === "pull-request-target-checkout");
    expect(finding).toMatchObject({ severity: "high", line: 9, concern: "security" });
  });
});

describe("buildRiskProfile: architecture and testing", () => {
  it("reports removed and changed exports of a modified module", () => {
    const file = modifiedFile("src/billing/api.ts", [
      "@@ -1,6 +1,6 @@",
      "-export function charge(amount: number): Receipt {",
      "+export function charge(amount: number, currency: string): Receipt {",
      "   return pay(amount);",
      " }",
      "-export const REFUND_WINDOW_DAYS = 30;",
      "+const refundWindowDays = 30;",
      " export type Receipt = { id: string };",
    ]);
    const { findings } = buildRiskProfile([file, A_TEST_FILE], config);
    expect(findings.filter((f) => f.concern === "architecture").map((f) => [f.rule, f.line])).toEqual(
      expect.arrayContaining([
        ["changed-export", 1],
        ["removed-export", 1],
      ]),
    );
    expect(findings.find((f) => f.rule === "removed-export")?.reason).toContain("`REFUND_WINDOW_DAYS`");
  });

  it("reports new modules, schema files and migrations", () => {
    const { findings } = buildRiskProfile(
      [
        addedFile("src/payments/stripe-client.ts", ["export class StripeClient {}"]),
        addedFile("proto/orders.proto", ["message Order { string id = 1; }"]),
        addedFile("db/migrations/0007_orders.sql", ["CREATE TABLE orders (id bigint primary key);"]),
        A_TEST_FILE,
      ],
      config,
    );
    const rules = findings.map((f) => [f.path, f.rule]);
    expect(rules).toContainEqual(["src/payments/stripe-client.ts", "new-module"]);
    expect(rules).toContainEqual(["proto/orders.proto", "schema-file"]);
    expect(rules).toContainEqual(["db/migrations/0007_orders.sql", "migration"]);
  });

  it("reports source changed without tests, once, on the largest file", () => {
    const { findings } = buildRiskProfile(
      [addedFile("src/a.ts", ["export const a = 1;"]), addedFile("src/b.ts", Array.from({ length: 40 }, (_, i) => `export const b${i} = ${i};`))],
      config,
    );
    const untested = findings.filter((f) => f.rule === "untested-change");
    expect(untested).toEqual([expect.objectContaining({ path: "src/b.ts", line: null, severity: "medium", concern: "testing" })]);
  });

  it("reports deleted test files and removed test cases", () => {
    const { findings } = buildRiskProfile(
      [
        { filename: "test/old.test.ts", status: "removed", additions: 0, deletions: 30 },
        modifiedFile("tests/test_orders.py", ["@@ -10,6 +10,2 @@", " import pytest", "-def test_refund():", "-    assert refund(1) == 1", "-def test_partial_refund():", "-    assert refund(2) == 2", " # end"]),
      ],
      config,
    );
    expect(findings.find((f) => f.rule === "deleted-test-file")).toMatchObject({ path: "test/old.test.ts", line: null, severity: "medium" });
    expect(findings.find((f) => f.rule === "removed-tests")?.reason).toContain("removes 2 test cases");
  });

  it("reports changes across many areas and very large diffs at PR level", () => {
    const files = ["api/routes.ts", "web/page.tsx", "worker/job.py", "db/store.go", "src/core/model.ts"].map((path) =>
      addedFile(path, Array.from({ length: 250 }, (_, i) => `const v${i} = ${i};`)),
    );
    const { findings } = buildRiskProfile([...files, A_TEST_FILE], config);
    expect(findings.find((f) => f.rule === "cross-layer-change")).toMatchObject({ concern: "architecture", line: null });
    expect(findings.find((f) => f.rule === "very-large-change")?.reason).toContain("1,251 lines");
  });
});
