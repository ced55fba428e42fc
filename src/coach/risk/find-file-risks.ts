// File-level findings: sensitive paths, new/removed/moved modules, schema and migration files,
// tests removed. Line: the file's first added line (so a nudge can anchor there), or null.

import type { PathMatcher } from "../compile-path-matcher.js";
import type { Concern, Severity } from "../types.js";
import { TEST_CASE } from "./testing-rules.js";
import type { FileView, RawFinding } from "./raw-finding.js";

const SCHEMA_FILE =
  /\.(?:proto|graphqls?|gql|avsc|thrift|xsd)$|(?:^|\/)(?:openapi|swagger|asyncapi)[^/]*\.(?:ya?ml|json)$|\.schema\.json$|(?:^|\/)schema\.(?:prisma|rb|sql|graphql|json)$|(?:^|\/)structure\.sql$/i;
const MIGRATION_FILE =
  /(?:^|\/)(?:migrations?|migrate|alembic\/versions|db\/migrate|flyway|liquibase|changelogs?\/db)\/[^/]+$|(?:^|\/)V\d+(?:_\d+)*__\w+\.sql$/i;
/** Added modules at least this long are medium, below that low. */
const LARGE_MODULE_LINES = 200;

export interface FileRiskContext {
  isSensitive: PathMatcher;
  /** The globs, to name the one that matched. */
  sensitivePatterns: readonly string[];
  matchGlob: (path: string, glob: string) => boolean;
}

export function findFileRisks(file: FileView, context: FileRiskContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const { kind } = file;
  const add = (concern: Concern, severity: Severity, rule: string, reason: string, line = file.firstAddedLine): void => {
    findings.push({ concern, severity, rule, reason, path: file.path, line, anchor: "file" });
  };

  if (context.isSensitive(file.path) || (file.previousPath !== null && context.isSensitive(file.previousPath))) {
    const glob = context.sensitivePatterns.find(
      (pattern) => context.matchGlob(file.path, pattern) || (file.previousPath !== null && context.matchGlob(file.previousPath, pattern)),
    );
    add(
      "security",
      "medium",
      "sensitive-path",
      `changes a security-sensitive path${glob ? ` (\`${glob}\`)` : ""}: check who can now do what, and what could leak`,
    );
  }

  if (kind.isCode && !kind.isTest && !kind.isDocs) {
    if (file.status === "added") {
      add(
        "architecture",
        file.additions >= LARGE_MODULE_LINES ? "medium" : "low",
        "new-module",
        `adds a new module (${file.additions} lines): check where it belongs, what it depends on and what it exposes`,
      );
    } else if (file.status === "renamed" && file.previousPath !== null) {
      add("architecture", "low", "moved-module", "moves or renames a module: check imports, public paths and anything that loads it by name");
    }
  }

  if (SCHEMA_FILE.test(file.path)) {
    add("architecture", "medium", "schema-file", "changes a schema or API contract: check compatibility with existing clients and stored data");
  }
  if (MIGRATION_FILE.test(file.path) && file.status !== "removed") {
    add("architecture", "medium", "migration", "adds or changes a database migration: check locks, running code during rollout, and rollback");
  }

  if (kind.isTest && file.status !== "added") {
    let removed = 0;
    let addedCases = 0;
    for (const view of file.hunks) {
      for (const line of view.hunk.lines) {
        if (!TEST_CASE.test(line.text)) continue;
        if (line.kind === "deleted") removed += 1;
        else if (line.kind === "added") addedCases += 1;
      }
    }
    if (removed > addedCases) {
      const count = removed - addedCases;
      add("testing", "medium", "removed-tests", `removes ${count} test case${count === 1 ? "" : "s"}: what stops being checked?`);
    }
  }
  return findings;
}

/** Findings for a removed file (it has no right side, so line is null). */
export function findRemovedFileRisks(file: FileView, context: FileRiskContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const add = (concern: Concern, severity: Severity, rule: string, reason: string): void => {
    findings.push({ concern, severity, rule, reason, path: file.path, line: null, anchor: "file" });
  };
  if (file.kind.isTest) {
    add("testing", "medium", "deleted-test-file", "deletes a test file: what stops being checked, and is it covered elsewhere?");
  } else if (file.kind.isCode && !file.kind.isDocs) {
    add("architecture", "low", "deleted-module", "deletes a module: check nothing still imports, loads or documents it");
  }
  if (context.isSensitive(file.path)) {
    add("security", "medium", "sensitive-path", "deletes a file in a security-sensitive path: was a check or a protection removed?");
  }
  return findings;
}
