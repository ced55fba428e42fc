// File-level findings: sensitive paths, new/removed/moved modules, schema and migration files,
// tests removed. Each honours the file's role and reads only new code (not moved or reformatted
// lines). A finding anchors on the line that shows the risk, or has no line (listed, not inline).

import type { PathMatcher } from "../compile-path-matcher.js";
import type { Concern, Confidence, Severity } from "../types.js";
import { TEST_CASE } from "./testing-rules.js";
import { compactLine, isMovedLine, type FileView, type RawFinding } from "./raw-finding.js";

const SCHEMA_FILE =
  /\.(?:proto|graphqls?|gql|avsc|thrift|xsd)$|(?:^|\/)(?:openapi|swagger|asyncapi)[^/]*\.(?:ya?ml|json)$|\.schema\.json$|(?:^|\/)schema\.(?:prisma|rb|sql|graphql|json)$|(?:^|\/)structure\.sql$/i;
/** Added modules at least this long are medium, below that low. */
const LARGE_MODULE_LINES = 200;
/** Lines that change no behaviour: imports, includes, package clauses, lone braces. */
const INERT_LINE = /^\s*(?:import\b|from\s+\S+\s+import\b|require(?:_relative)?\b|use\s+[\w\\]+;|using\s+[\w.]+;|package\s+[\w.]+;?$|#include\b|[{}()[\];,]*$)/;

export interface FileRiskContext {
  isSensitive: PathMatcher;
  /** The globs, to name the one that matched. */
  sensitivePatterns: readonly string[];
  matchGlob: (path: string, glob: string) => boolean;
}

interface Add {
  (concern: Concern, severity: Severity, confidence: Confidence, rule: string, reason: string, line?: number | null): void;
}

export function findFileRisks(file: FileView, context: FileRiskContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const { kind } = file;
  const add: Add = (concern, severity, confidence, rule, reason, line = null) => {
    findings.push({ concern, severity, confidence, rule, reason, path: file.path, line, anchor: "file" });
  };

  const firstNewCode = firstNewCodeLine(file);
  if (isSensitiveFile(file, context) && firstNewCode !== null && ["source", "infra", "migration"].includes(kind.role)) {
    const glob = context.sensitivePatterns.find(
      (pattern) => context.matchGlob(file.path, pattern) || (file.previousPath !== null && context.matchGlob(file.previousPath, pattern)),
    );
    add(
      "security",
      "medium",
      "low",
      "sensitive-path",
      `changes a security-sensitive path${glob ? ` (\`${glob}\`)` : ""}: check who can now do what, and what could leak`,
    );
  }

  if (kind.isCode && kind.role === "source") {
    if (file.status === "added" && firstNewCode !== null) {
      add(
        "architecture",
        file.additions >= LARGE_MODULE_LINES ? "medium" : "low",
        "low",
        "new-module",
        `adds a new module (${file.additions} lines): check where it belongs, what it depends on and what it exposes`,
      );
    } else if (file.status === "renamed" && file.previousPath !== null && firstNewCode !== null) {
      add("architecture", "low", "low", "moved-module", "moves or renames a module: check imports, public paths and anything that loads it by name");
    }
  }

  if (SCHEMA_FILE.test(file.path) && firstNewCode !== null) {
    add("architecture", "medium", "medium", "schema-file", "changes a schema or API contract: check compatibility with existing clients and stored data", firstNewCode);
  }
  if (kind.role === "migration" && file.status !== "removed" && firstNewCode !== null) {
    add("architecture", "medium", "medium", "migration", "adds or changes a database migration: check locks, running code during rollout, and rollback", firstNewCode);
  }

  if (kind.isTest && file.status !== "added") {
    const removed = countRemovedTestCases(file);
    if (removed > 0) {
      add(
        "testing",
        "medium",
        "medium",
        "removed-tests",
        `removes ${removed} test case${removed === 1 ? "" : "s"}: what stops being checked?`,
      );
    }
  }
  return findings;
}

/** Findings for a removed file (it has no right side, so line is null). */
export function findRemovedFileRisks(file: FileView, context: FileRiskContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const add = (concern: Concern, severity: Severity, confidence: Confidence, rule: string, reason: string): void => {
    findings.push({ concern, severity, confidence, rule, reason, path: file.path, line: null, anchor: "file" });
  };
  if (file.kind.isTest) {
    // A test file whose cases reappear elsewhere in the pull request was renamed or re-folded, not deleted.
    if (countRemovedTestCases(file) > 0 || file.hunks.length === 0) {
      add("testing", "medium", "medium", "deleted-test-file", "deletes a test file: what stops being checked, and is it covered elsewhere?");
    }
  } else if (file.kind.isCode && file.kind.role === "source") {
    add("architecture", "low", "low", "deleted-module", "deletes a module: check nothing still imports, loads or documents it");
  }
  if (context.isSensitive(file.path) && file.kind.role === "source") {
    add("security", "medium", "low", "sensitive-path", "deletes a file in a security-sensitive path: was a check or a protection removed?");
  }
  return findings;
}

function isSensitiveFile(file: FileView, context: FileRiskContext): boolean {
  return context.isSensitive(file.path) || (file.previousPath !== null && context.isSensitive(file.previousPath));
}

/** The first added line of new code that can change behaviour (not an import, comment, brace, move or reformat), or null. */
function firstNewCodeLine(file: FileView): number | null {
  for (const view of file.hunks) {
    if (view.change !== "new") continue;
    for (const line of view.newSide) {
      if (line.kind !== "added" || line.newLine === null) continue;
      const text = line.text;
      if (text.trim() === "" || INERT_LINE.test(text) || file.kind.comment.test(text) || isMovedLine(text, file.text)) continue;
      return line.newLine;
    }
  }
  return null;
}

/** Test cases deleted and not added back anywhere in the pull request. */
function countRemovedTestCases(file: FileView): number {
  let count = 0;
  for (const view of file.hunks) {
    let removed = 0;
    for (const line of view.hunk.lines) {
      if (line.kind === "deleted" && TEST_CASE.test(line.text) && !file.text.added.has(compactLine(line.text))) removed += 1;
      if (line.kind === "added" && TEST_CASE.test(line.text) && !file.text.deleted.has(compactLine(line.text))) removed -= 1;
    }
    if (removed > 0) count += removed;
  }
  return count;
}
