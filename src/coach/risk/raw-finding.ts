// Findings as the rules produce them, before fingerprints, de-duplication and sorting.

import type { Concern, Severity } from "../types.js";
import type { PatchHunk, PatchLine } from "../parse-patch.js";
import type { FileSyntax } from "../syntax/file-syntax.js";
import type { FileKind } from "./detect-file-kind.js";

export interface RawFinding {
  concern: Concern;
  severity: Severity;
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

/** One hunk, ready for rules: its new side in order, and a line-number-free identity. */
export interface HunkView {
  hunk: PatchHunk;
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
  additions: number;
  deletions: number;
  /** New-file line of the first added line in the file, or null. */
  firstAddedLine: number | null;
  /** The new version's syntax, when its content was read and a grammar parses it; null otherwise (line rules only). */
  syntax: FileSyntax | null;
}

export function buildHunkView(hunk: PatchHunk): HunkView {
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
  return { hunk, newSide, anchor, firstAddedLine };
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
