import { describe, expect, it } from "@jest/globals";
import { buildRiskProfile } from "../../../src/coach/build-risk-profile.js";
import { parsePatch } from "../../../src/coach/parse-patch.js";
import { buildHunkView, buildPullRequestText, type ChangeKind } from "../../../src/coach/risk/raw-finding.js";
import type { PullRequestFile } from "../../../src/coach/types.js";
import { DEFAULT_RISK_CONFIG } from "../../helpers/default-risk-config.js";
import { A_TEST_FILE, addedFile, modifiedFile } from "./risk-fixtures.js";

const rulesOf = (...files: PullRequestFile[]): string[] =>
  buildRiskProfile(files, DEFAULT_RISK_CONFIG).findings.map((f) => f.rule);

function removedFile(filename: string, lines: readonly string[]): PullRequestFile {
  return {
    filename,
    status: "removed",
    additions: 0,
    deletions: lines.length,
    patch: [`@@ -1,${lines.length} +0,0 @@`, ...lines.map((line) => `-${line}`)].join("\n"),
  };
}

/** The change kind of each hunk of `file`, read against the whole pull request. */
function changeKinds(file: PullRequestFile, ...others: PullRequestFile[]): ChangeKind[] {
  const hunks = [file, ...others].map((f) => parsePatch(f.patch ?? ""));
  const text = buildPullRequestText(hunks.flat());
  return (hunks[0] ?? []).map((hunk) => buildHunkView(hunk, text).change);
}

const EVAL_FUNCTION = ["export function calculate(expression) {", "  return eval(expression);", "}"];

const SHA_OLD = "8e5e7e5ab8b370d6c329ec480221332ada57f0ab";
const SHA_NEW = "11bd71901bbe5b1630ceea73d27597364c9af683";

const PACKAGE_BUMP = modifiedFile("package.json", [
  "@@ -3,7 +3,7 @@",
  "   \"version\": \"2.4.0\",",
  "   \"dependencies\": {",
  "-    \"express\": \"^4.18.2\",",
  "+    \"express\": \"^4.19.2\",",
  "     \"zod\": \"^3.22.4\"",
  "   }",
]);

const RELEASE = modifiedFile("package.json", ["@@ -1,4 +1,4 @@", " {", "   \"name\": \"@acme/orders\",", "-  \"version\": \"2.4.0\",", "+  \"version\": \"2.5.0\",", "   \"type\": \"module\","]);

const SHA_PIN_BUMP = modifiedFile(".github/workflows/ci.yml", [
  "@@ -10,5 +10,5 @@",
  "     steps:",
  "       - uses: actions/checkout@v4",
  `-      - uses: someone/setup-thing@${SHA_OLD} # v1.2.0`,
  `+      - uses: someone/setup-thing@${SHA_NEW} # v1.3.0`,
  "       - run: npm test",
]);

const REINDENTED = modifiedFile("src/load.ts", [
  "@@ -1,5 +1,7 @@",
  "-try { load(); } catch (e) {}",
  "-const value = eval(expression);",
  "+if (enabled) {",
  "+  try { load(); } catch (e) {}",
  "+  const value = eval(expression);",
  "+}",
]);

describe("change kinds", () => {
  it("a function deleted in one file and added in another moved", () => {
    const from = removedFile("src/legacy/calc.js", EVAL_FUNCTION);
    const to = addedFile("src/math/calc.js", EVAL_FUNCTION);
    expect(changeKinds(to, from)).toEqual(["moved"]);
    expect(rulesOf(from, to, A_TEST_FILE)).not.toContain("code-eval");
  });

  it("a function moved into an existing module adds no export there", () => {
    const from = removedFile("src/legacy/calc.js", EVAL_FUNCTION);
    const to = modifiedFile("src/math/index.js", ["@@ -1,1 +1,4 @@", " export const PI = 3.14159;", ...EVAL_FUNCTION.map((line) => `+${line}`)]);
    expect(changeKinds(to, from)).toEqual(["moved"]);
    expect(rulesOf(from, to, A_TEST_FILE)).not.toContain("added-export");
    expect(rulesOf(to, A_TEST_FILE)).toContain("added-export");
  });

  it("the same function, not deleted anywhere, is new code", () => {
    const to = addedFile("src/math/calc.js", EVAL_FUNCTION);
    expect(changeKinds(to)).toEqual(["new"]);
    expect(rulesOf(to, A_TEST_FILE)).toContain("code-eval");
  });

  it("a moved function with one changed line is new code", () => {
    const from = removedFile("src/legacy/calc.js", EVAL_FUNCTION);
    const to = addedFile("src/math/calc.js", ["export function calculate(expression, scope) {", "  return eval(expression);", "}"]);
    expect(changeKinds(to, from)).toEqual(["new"]);
  });

  it("a reindented hunk is reformatted and raises nothing", () => {
    const reformatted = modifiedFile("src/load.ts", ["@@ -1,2 +1,2 @@", "-try { load(); } catch (e) {}", "-const value = eval(expression);", "+  try { load(); }   catch (e) {}", "+  const value = eval( expression );"]);
    expect(changeKinds(reformatted)).toEqual(["reformatted"]);
    const rules = rulesOf(reformatted, A_TEST_FILE);
    expect(rules).not.toContain("swallowed-error");
    expect(rules).not.toContain("code-eval");
  });

  it("reindented lines wrapped in a new block are read only for the new lines", () => {
    expect(changeKinds(REINDENTED)).toEqual(["new"]);
    const rules = rulesOf(REINDENTED, A_TEST_FILE);
    expect(rules).not.toContain("swallowed-error");
    expect(rules).not.toContain("code-eval");
  });

  it("a dependency's version bump in package.json is a version bump: only the low update note, nothing at medium", () => {
    expect(changeKinds(PACKAGE_BUMP)).toEqual(["version-bump"]);
    const findings = buildRiskProfile([PACKAGE_BUMP], DEFAULT_RISK_CONFIG).findings;
    expect(findings.map((f) => [f.rule, f.severity, f.confidence])).toEqual([["updated-dependency", "low", "low"]]);
  });

  it("a release commit's version bump raises nothing", () => {
    expect(changeKinds(RELEASE)).toEqual(["version-bump"]);
    expect(rulesOf(RELEASE)).toEqual([]);
  });

  it("a workflow's SHA-pin bump is a version bump and raises nothing", () => {
    expect(changeKinds(SHA_PIN_BUMP)).toEqual(["version-bump"]);
    expect(rulesOf(SHA_PIN_BUMP)).toEqual([]);
  });

  it("a new dependency next to a bump is new and is reported", () => {
    const file = modifiedFile("package.json", ["@@ -5,3 +5,4 @@", "   \"dependencies\": {", "+    \"left-pad\": \"^1.3.0\",", "     \"zod\": \"^3.22.4\"", "   }"]);
    expect(changeKinds(file)).toEqual(["new"]);
    expect(rulesOf(file)).toContain("new-dependency");
  });

  it("a workflow that moves an action from a SHA to a tag is new and reported", () => {
    const file = modifiedFile(".github/workflows/ci.yml", ["@@ -11,3 +11,3 @@", "       - uses: actions/checkout@v4", `-      - uses: someone/setup-thing@${SHA_OLD}`, "+      - uses: someone/setup-thing@main", "       - run: npm test"]);
    expect(changeKinds(file)).toEqual(["new"]);
    expect(rulesOf(file)).toContain("unpinned-action");
  });
});

describe("renamed and re-folded tests", () => {
  const CASES = ["describe(\"refunds\", () => {", "  it(\"refunds a paid order\", async () => {", "    expect(await refund(paid)).toBe(true);", "  });", "  it(\"refuses a refund twice\", async () => {", "    await expect(refund(refunded)).rejects.toThrow();", "  });", "});"];

  it("a test file deleted whose cases reappear in another is not a deleted test", () => {
    const rules = rulesOf(removedFile("test/orders.test.ts", CASES), addedFile("test/orders/refund.test.ts", CASES));
    expect(rules).not.toContain("deleted-test-file");
    expect(rules).not.toContain("removed-tests");
  });

  it("a test file deleted whose cases go nowhere is a deleted test", () => {
    expect(rulesOf(removedFile("test/orders.test.ts", CASES), addedFile("src/orders/refund.ts", ["export const refund = () => true;"]))).toContain(
      "deleted-test-file",
    );
  });

  it("test cases moved out of a modified test file into another are not removed tests", () => {
    const trimmed = modifiedFile("test/orders.test.ts", ["@@ -1,9 +1,1 @@", ...CASES.map((line) => `-${line}`), " import { refund } from \"../src/refund.js\";"]);
    expect(rulesOf(trimmed, addedFile("test/refund.test.ts", CASES))).not.toContain("removed-tests");
    expect(rulesOf(trimmed)).toContain("removed-tests");
  });
});
