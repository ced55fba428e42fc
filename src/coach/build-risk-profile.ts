// Builds a pull request's risk profile from its files: what a good review of this change should
// cover, and where. Pure and deterministic: files and config in, findings out.

import { compilePathMatcher, matchPath } from "./compile-path-matcher.js";
import { parsePatch, type PatchHunk } from "./parse-patch.js";
import { detectFileKind } from "./risk/detect-file-kind.js";
import { findDependencyChanges } from "./risk/find-dependency-changes.js";
import { findExportChanges } from "./risk/find-export-changes.js";
import { findFileRisks, findRemovedFileRisks, type FileRiskContext } from "./risk/find-file-risks.js";
import { findPullRequestRisks } from "./risk/find-pull-request-risks.js";
import { findWorkflowRisks } from "./risk/find-workflow-risks.js";
import { hashFnv1a64 } from "./risk/hash-fnv1a64.js";
import { buildHunkView, buildPullRequestText, type FileView, type PullRequestText, type RawFinding } from "./risk/raw-finding.js";
import { scanHunk } from "./risk/scan-hunk.js";
import { selectLineRules } from "./risk/select-line-rules.js";
import type { SyntaxSource } from "./syntax/file-syntax.js";
import { severityRank, type Finding, type PullRequestFile, type RiskConfig, type RiskProfile, type SkippedFile } from "./types.js";


/** At most this many findings per file (the most severe are kept). */
export const MAX_FINDINGS_PER_FILE = 10;
/** At most this many findings per pull request. */
export const MAX_FINDINGS = 200;

export interface RiskProfileOptions {
  /** Parses the new content of files that carry it; without it (or without content) rules read lines only. */
  syntax?: SyntaxSource;
}

/** Builds the profile; the path lists and threshold come from the repository's config (`buildRiskConfig`). */
export function buildRiskProfile(files: readonly PullRequestFile[], config: RiskConfig, options: RiskProfileOptions = {}): RiskProfile {
  const isIgnored = compilePathMatcher(config.ignoredPaths);
  const fileContext: FileRiskContext = {
    isSensitive: compilePathMatcher(config.sensitivePaths),
    sensitivePatterns: config.sensitivePaths,
    // names the glob that made a path sensitive: a negated one ("!docs/**") never does
    matchGlob: (path, glob) => !glob.trim().startsWith("!") && matchPath(path, glob),
  };
  const skipped: SkippedFile[] = [];
  const raw: RawFinding[] = [];
  const analysed: FileView[] = [];
  let additions = 0;
  let deletions = 0;
  const patches = new Map(files.map((file) => [file, file.patch === undefined ? [] : parsePatch(file.patch)]));
  const text = buildPullRequestText([...patches.values()].flat());

  for (const file of files) {
    additions += file.additions;
    deletions += file.deletions;
    if (isIgnored(file.filename)) {
      skipped.push({ path: file.filename, reason: "ignored" });
      continue;
    }
    const view = buildFileView(file, patches.get(file) ?? [], text, options.syntax);
    analysed.push(view);

    if (file.status === "removed") {
      skipped.push({ path: file.filename, reason: "removed" });
      raw.push(...findRemovedFileRisks(view, fileContext));
      continue;
    }
    if (isBinary(file, view)) {
      skipped.push({ path: file.filename, reason: "binary" });
      continue;
    }
    if (file.patch === undefined && file.additions + file.deletions > 0) {
      // GitHub leaves out the patch of very large files: say so, and flag it if it is sensitive.
      skipped.push({ path: file.filename, reason: "too-large" });
      if (fileContext.isSensitive(file.filename)) {
        raw.push({
          concern: "security",
          severity: "medium",
          confidence: "low",
          reason: "changes a security-sensitive file too large for GitHub to show: review it locally",
          rule: "sensitive-path-too-large",
          path: file.filename,
          line: null,
          anchor: "file",
        });
      }
      continue;
    }

    raw.push(...findFileRisks(view, fileContext));
    const rules = selectLineRules(view.kind);
    for (const hunk of view.hunks) raw.push(...scanHunk(view, hunk, rules));
    raw.push(...findExportChanges(view), ...findDependencyChanges(view), ...findWorkflowRisks(view));
  }
  raw.push(...findPullRequestRisks(analysed));

  const findings = finaliseFindings(corroborate(raw), config);
  return {
    findings,
    level: findings.reduce<RiskProfile["level"]>(
      (level, finding) => (level === "none" || severityRank(finding.severity) > severityRank(level) ? finding.severity : level),
      "none",
    ),
    skipped,
    stats: { files: files.length, additions, deletions },
  };
}

function buildFileView(file: PullRequestFile, patch: readonly PatchHunk[], text: PullRequestText, syntax: SyntaxSource | undefined): FileView {
  const hunks = patch.map((hunk) => buildHunkView(hunk, text));
  const kind = detectFileKind(file.filename);
  const content = syntax && file.status !== "removed" ? file.content : undefined;
  const codeLines = readOnce(() => (content !== undefined ? (syntax!.lexLines?.(content, kind.language, file.filename) ?? null) : null));
  return {
    path: file.filename,
    previousPath: file.previous_filename ?? null,
    status: file.status,
    kind,
    hunks,
    text,
    additions: file.additions,
    deletions: file.deletions,
    firstAddedLine: hunks.find((hunk) => hunk.firstAddedLine !== null)?.firstAddedLine ?? null,
    syntax: readOnce(() => (content !== undefined ? syntax!.parse(content, kind.language, file.filename) : null)),
    codeLine: (line) => codeLines()?.(line) ?? null,
  };
}

function readOnce<T>(read: () => T): () => T {
  let value: { read: T } | undefined;
  return () => (value ??= { read: read() }).read;
}

/** Binary: a known binary extension, or no patch and no counted lines for a file that has content changes. */
function isBinary(file: PullRequestFile, view: FileView): boolean {
  if (view.kind.isBinary) return true;
  if (file.patch !== undefined || file.additions + file.deletions > 0) return false;
  // Renames, copies and mode changes have no patch either; an empty new text file is not binary.
  if (file.status !== "added" && file.status !== "modified") return false;
  return view.kind.language === "other" && !view.path.split("/").pop()?.startsWith(".");
}

/** Lines within which two security findings of different rules corroborate each other. */
const CORROBORATION_LINES = 4;

/**
 * Independent evidence raises confidence: a medium-confidence security finding with a finding of
 * another security rule on another line within a few lines of the same file (a redirect next to an
 * origin check, a credential header next to a host comparison) is a high-confidence finding. Two
 * rules matching the same line often match the same words, so they do not count as independent.
 */
function corroborate(raw: readonly RawFinding[]): RawFinding[] {
  const security = raw.filter((f) => f.concern === "security" && f.line !== null && severityRank(f.severity) >= 1 && f.confidence !== "low");
  return raw.map((finding) => {
    if (finding.confidence !== "medium" || !security.includes(finding)) return finding;
    const near = security.some(
      (other) =>
        other !== finding &&
        other.rule !== finding.rule &&
        other.path === finding.path &&
        other.line !== finding.line &&
        Math.abs((other.line ?? 0) - (finding.line ?? 0)) <= CORROBORATION_LINES,
    );
    return near ? { ...finding, confidence: "high" } : finding;
  });
}

/**
 * Fingerprints, then one finding per concern per place (hunk, file or PR-level key: the most severe,
 * first by line), severity threshold, a per-file and a total cap, and a stable order.
 */
function finaliseFindings(raw: readonly RawFinding[], config: RiskConfig): Finding[] {
  const minRank = severityRank(config.minSeverity);
  const byFingerprint = new Map<string, Finding>();
  for (const item of raw) {
    if (severityRank(item.severity) < minRank) continue;
    const fingerprint = fingerprintFinding(item);
    const finding: Finding = {
      concern: item.concern,
      path: item.path,
      line: item.line,
      severity: item.severity,
      confidence: item.confidence,
      reason: item.reason,
      fingerprint,
      rule: item.rule,
    };
    // Same concern at the same place: keep the most severe; on a tie the earlier line, then the
    // rule listed first (rules are listed from specific to general).
    const existing = byFingerprint.get(fingerprint);
    if (!existing || outranks(finding, existing)) byFingerprint.set(fingerprint, finding);
  }

  const sorted = [...byFingerprint.values()].sort(compareFindings);
  const perFile = new Map<string, number>();
  const kept: Finding[] = [];
  for (const finding of sorted) {
    const count = perFile.get(finding.path) ?? 0;
    if (count >= MAX_FINDINGS_PER_FILE) continue;
    perFile.set(finding.path, count + 1);
    kept.push(finding);
    if (kept.length >= MAX_FINDINGS) break;
  }
  return kept;
}

function outranks(a: Finding, b: Finding): boolean {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity !== 0) return bySeverity > 0;
  return (a.line ?? 0) < (b.line ?? 0);
}

/**
 * FNV-1a 64 of concern, path and place. The place is the flagged line's normalised text (or the
 * hunk's, for aggregated findings), never a line number, so pushes that shift lines keep it.
 * PR-level findings hash without a path: the file they are shown on may change between pushes.
 */
export function fingerprintFinding(item: Pick<RawFinding, "concern" | "path" | "anchor">): string {
  const path = item.anchor.startsWith("pr:") ? "*" : item.path;
  return hashFnv1a64(`${item.concern}\n${path}\n${item.anchor}`);
}

/** Severity (high first), then path, then line (file-level first), then concern and rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.path, b.path) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.concern, b.concern) ||
    compareText(a.rule, b.rule)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
