// Helpers to write pull-request files in tests as readable source lines.

import type { PullRequestFile } from "../../../src/coach/types.js";

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
