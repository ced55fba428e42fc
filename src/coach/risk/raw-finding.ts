// Findings as the rules produce them, before fingerprints, de-duplication and sorting.

import type { Concern, Confidence, Severity } from "../types.js";
import type { PatchHunk, PatchLine } from "../parse-patch.js";
import type { CodeLine, FileSyntax } from "../syntax/file-syntax.js";
import type { FileKind } from "./detect-file-kind.js";

export interface RawFinding {
  concern: Concern;
  severity: Severity;
  confidence: Confidence;
  reason: string;
  rule: string;
  path: string;
  line: number | null;
  /**
   * Where the finding is, independent of line numbers, so its fingerprint survives pushes that shift
   * lines: the normalised text of the flagged line ("line:…"), of a hunk ("hunk:…"), "file", or a
   * PR-level key ("pr:…").
   */
  anchor: string;
}

/**
 * What a hunk does (DESIGN.md, "change kind"): new code, code moved from elsewhere in the same pull
 * request, the same code reformatted, or version numbers bumped. Only new code is read by the rules.
 */
export type ChangeKind = "new" | "moved" | "reformatted" | "version-bump";

/** The pull request's text, line by line with all whitespace removed, to tell moved lines from new ones. */
export interface PullRequestText {
  added: ReadonlySet<string>;
  deleted: ReadonlySet<string>;
}

/** One hunk, ready for rules: its new side in order, and a line-number-free identity. */
export interface HunkView {
  hunk: PatchHunk;
  change: ChangeKind;
  /** Added and context lines, in new-file order. */
  newSide: PatchLine[];
  /** The hunk's identity: its added text, trimmed and whitespace-collapsed (deleted text if nothing was added). */
  anchor: string;
  /** New-file line of the first added line, or null. */
  firstAddedLine: number | null;
}

export interface FileView {
  path: string;
  previousPath: string | null;
  status: string;
  kind: FileKind;
  hunks: HunkView[];
  /** The whole pull request's added and deleted lines (compacted), shared by every file. */
  text: PullRequestText;
  additions: number;
  deletions: number;
  /** New-file line of the first added line in the file, or null. */
  firstAddedLine: number | null;
  /**
   * The new version's syntax, when its content was read and a grammar parses it; null otherwise (line rules only).
   * Parsed on first call, so a file whose added lines no rule's pattern matches is never parsed.
   */
  syntax: () => FileSyntax | null;
  /** A 1-based line of the new version as a lexer tells it without parsing (see SyntaxSource.lexLines), or null. */
  codeLine: (line: number) => CodeLine | null;
}

export function buildHunkView(hunk: PatchHunk, text: PullRequestText): HunkView {
  const newSide: PatchLine[] = [];
  const added: string[] = [];
  const deleted: string[] = [];
  let firstAddedLine: number | null = null;
  for (const line of hunk.lines) {
    if (line.kind === "deleted") {
      deleted.push(normaliseLine(line.text));
      continue;
    }
    newSide.push(line);
    if (line.kind === "added") {
      added.push(normaliseLine(line.text));
      if (firstAddedLine === null) firstAddedLine = line.newLine;
    }
  }
  const anchor = added.length > 0 ? `hunk:+${added.join("\n")}` : `hunk:-${deleted.join("\n")}`;
  return { hunk, change: classifyChange(added, deleted, text), newSide, anchor, firstAddedLine };
}

/** A line with all whitespace removed: how moved and reformatted lines are recognised. */
export function compactLine(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Collects the compacted added and deleted lines of every hunk of a pull request. */
export function buildPullRequestText(hunks: readonly PatchHunk[]): PullRequestText {
  const added = new Set<string>();
  const deleted = new Set<string>();
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "context") continue;
      const compact = compactLine(line.text);
      if (compact === "") continue;
      (line.kind === "added" ? added : deleted).add(compact);
    }
  }
  return { added, deleted };
}

/** Whether an added line only moved: the same text (whitespace aside) is deleted elsewhere in the pull request. */
export function isMovedLine(text: string, pr: PullRequestText): boolean {
  if (pr.deleted.size === 0) return false;
  const compact = compactLine(text);
  return compact.length >= MIN_MOVED_LENGTH && pr.deleted.has(compact);
}

const MIN_MOVED_LENGTH = 4;
const VERSION = /\bv?\d+(?:\.\d+){1,3}(?:[-+.][\w.]+)?\b|\b[0-9a-f]{40}\b/;
const VERSIONS = new RegExp(VERSION.source, "g");

function classifyChange(added: readonly string[], deleted: readonly string[], pr: PullRequestText): ChangeKind {
  const addedCode = added.filter((line) => line !== "");
  const deletedCode = deleted.filter((line) => line !== "");
  if (addedCode.length === 0) {
    // Only deletions: moved when every telling line is added elsewhere in the pull request.
    return everyTellingLineIn(deletedCode, pr.added) ? "moved" : "new";
  }
  if (deletedCode.length > 0 && compactLine(addedCode.join("")) === compactLine(deletedCode.join(""))) return "reformatted";
  // Moved: every line long enough to tell is deleted elsewhere (a lone `}` or `end` tells nothing).
  if (everyTellingLineIn(addedCode, pr.deleted)) return "moved";
  if (
    deletedCode.length === addedCode.length &&
    addedCode.every((line, i) => VERSION.test(line) && withoutVersions(line) === withoutVersions(deletedCode[i] ?? ""))
  ) {
    return "version-bump";
  }
  return "new";
}

/** Whether the lines long enough to tell (at least one) all appear, compacted, in the other side's set. */
function everyTellingLineIn(lines: readonly string[], other: ReadonlySet<string>): boolean {
  const telling = lines.map(compactLine).filter((line) => line.length >= MIN_MOVED_LENGTH);
  return telling.length > 0 && telling.every((line) => other.has(line));
}

function withoutVersions(line: string): string {
  return compactLine(line.replace(VERSIONS, "#"));
}

/** The anchor of a finding about one line: its text, trimmed and whitespace-collapsed. */
export function lineAnchor(text: string): string {
  return `line:${normaliseLine(text)}`;
}

function normaliseLine(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** Makes a matched snippet safe and short for a reason: no backticks or newlines, at most 48 characters. */
export function quoteMatch(text: string): string {
  const clean = text.replace(/[`\r\n\t]+/g, " ").replace(/\s+/g, " ").trim();
  return clean.length > 48 ? `${clean.slice(0, 47)}…` : clean;
}
