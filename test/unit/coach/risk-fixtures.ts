// Helpers to write pull-request files in tests as readable source lines.

import { expect, it } from "@jest/globals";
import { buildRiskProfile } from "../../../src/coach/build-risk-profile.js";
import type { Finding, PullRequestFile } from "../../../src/coach/types.js";
import { DEFAULT_RISK_CONFIG } from "../../helpers/default-risk-config.js";

/** A new file whose every line is added: line N of `lines` is new-file line N. */
export function addedFile(filename: string, lines: readonly string[]): PullRequestFile {
  return {
    filename,
    status: "added",
    additions: lines.length,
    deletions: 0,
    patch: [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join("\n"),
  };
}

/** A modified file from a patch written out by hand (counts are computed). */
export function modifiedFile(filename: string, patchLines: readonly string[], extra: Partial<PullRequestFile> = {}): PullRequestFile {
  const additions = patchLines.filter((line) => line.startsWith("+")).length;
  const deletions = patchLines.filter((line) => line.startsWith("-")).length;
  return { filename, status: "modified", additions, deletions, patch: patchLines.join("\n"), ...extra };
}

/** A test file that keeps "source changed without tests" quiet in rule tests. */
export const A_TEST_FILE: PullRequestFile = addedFile("test/placeholder.test.ts", ["it(\"works\", () => {});"]);

/** The findings of a pull request made of these files plus a test file, with the default configuration. */
export function profileOf(...files: PullRequestFile[]): Finding[] {
  return buildRiskProfile([...files, A_TEST_FILE], DEFAULT_RISK_CONFIG).findings;
}

/** A new file on which `rule` must fire on the (1-based) `line`. */
export type FiringCase = [label: string, path: string, lines: string[], rule: string, line: number];
/** A new file on which `rule` must not fire. */
export type QuietCase = [label: string, path: string, lines: string[], rule: string];

/** Table-driven cases for line rules: each firing case fires on its line, each quiet case stays quiet. */
export function itFiresAndStaysQuiet(fires: readonly FiringCase[], quiet: readonly QuietCase[]): void {
  const firing = fires.map(([label, path, lines, rule, line]) => ({ label, path, lines, rule, line }));
  it.each(firing)("$label ($path) → $rule on line $line", ({ path, lines, rule, line }) => {
    const match = profileOf(addedFile(path, lines)).find((f) => f.rule === rule);
    expect({ rule: match?.rule, line: match?.line }).toEqual({ rule, line });
    expect(match?.reason.length).toBeGreaterThan(20);
  });
  const quieting = quiet.map(([label, path, lines, rule]) => ({ label, path, lines, rule }));
  it.each(quieting)("$label ($path) stays quiet for $rule", ({ path, lines, rule }) => {
    expect(profileOf(addedFile(path, lines)).filter((f) => f.rule === rule)).toEqual([]);
  });
}
