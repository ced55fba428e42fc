// Findings about the pull request as a whole: source changed without tests, changes across many
// areas, very large diffs. Their anchor is the rule, so they keep their fingerprint across pushes.

import type { FileView, RawFinding } from "./raw-finding.js";
import { compareText } from "../compare-text.js";

const VERY_LARGE_LINES = 1000;
const VERY_LARGE_FILES = 40;
const MANY_AREAS = 4;
/** Source additions below this make "no tests" a low finding. */
const UNTESTED_MEDIUM_LINES = 30;
const CONTAINER_DIRS = new Set(["src", "lib", "app", "apps", "pkg", "internal", "packages", "services", "modules", "cmd", "source"]);

export function findPullRequestRisks(files: readonly FileView[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const source = files.filter((file) => file.kind.isCode && !file.kind.isTest && !file.kind.isDocs);
  const changedSource = source.filter((file) => file.status !== "removed" && file.additions > 0);
  const hasTests = files.some((file) => file.kind.isTest);

  if (changedSource.length > 0 && !hasTests) {
    const largest = pickLargest(changedSource);
    const lines = changedSource.reduce((sum, file) => sum + file.additions, 0);
    findings.push({
      concern: "testing",
      severity: lines >= UNTESTED_MEDIUM_LINES ? "medium" : "low",
      confidence: "low",
      reason:
        changedSource.length === 1
          ? `changes source code (${lines} added lines) with no test changes: what shows it works and keeps working?`
          : `changes ${changedSource.length} source files (${lines} added lines) with no test changes: what shows they work?`,
      rule: "untested-change",
      path: largest.path,
      line: null,
      anchor: "pr:untested-change",
    });
  }

  const areas = new Map<string, FileView[]>();
  for (const file of source) {
    const area = areaOf(file.path);
    areas.set(area, [...(areas.get(area) ?? []), file]);
  }
  if (areas.size >= MANY_AREAS) {
    const names = [...areas.keys()].sort();
    const first = [...source].sort((a, b) => compareText(a.path, b.path))[0] as FileView;
    const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ", …" : "");
    findings.push({
      concern: "architecture",
      severity: "medium",
      confidence: "low",
      reason: `touches ${names.length} areas of the code (${shown}): check the boundaries between them and what now couples them`,
      rule: "cross-layer-change",
      path: first.path,
      line: null,
      anchor: "pr:cross-layer-change",
    });
  }

  const changedLines = files.reduce((sum, file) => sum + file.additions + file.deletions, 0);
  if (files.length > 0 && (changedLines >= VERY_LARGE_LINES || files.length >= VERY_LARGE_FILES)) {
    const largest = pickLargest(files);
    findings.push({
      concern: "architecture",
      severity: "medium",
      confidence: "low",
      reason: `is a very large change (${formatThousands(changedLines)} lines in ${files.length} file${files.length === 1 ? "" : "s"}): hard to review well; could it be split?`,
      rule: "very-large-change",
      path: largest.path,
      line: null,
      anchor: "pr:very-large-change",
    });
  }
  return findings;
}

/** The top-level area of a path: its first directory, or the first two under a container like src/. */
export function areaOf(path: string): string {
  const parts = path.split("/");
  if (parts.length === 1) return "(root)";
  const top = parts[0] as string;
  if (CONTAINER_DIRS.has(top) && parts.length > 2) return `${top}/${parts[1] as string}`;
  return top;
}

function pickLargest(files: readonly FileView[]): FileView {
  let best = files[0] as FileView;
  for (const file of files) {
    const size = file.additions + file.deletions;
    const bestSize = best.additions + best.deletions;
    if (size > bestSize || (size === bestSize && file.path < best.path)) best = file;
  }
  return best;
}

function formatThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
