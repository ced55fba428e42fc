// Parses the `patch` of one file (the hunks of a unified diff, as GitHub's API returns them)
// into lines with their numbers on both sides. Pure.
//
// Line numbers follow GitHub's rules for review comments: `newLine` is the line on the RIGHT side
// (the new file) for added and context lines, `oldLine` the line on the LEFT side for deleted and
// context lines. Hunk headers may omit a count ("@@ -3 +3 @@" means one line), and
// "\ No newline at end of file" markers take no line number.

export type PatchLineKind = "added" | "deleted" | "context";

export interface PatchLine {
  kind: PatchLineKind;
  /** The line's text without its leading "+", "-" or " ". */
  text: string;
  /** Line number in the old file (deleted and context lines), else null. */
  oldLine: number | null;
  /** Line number in the new file (added and context lines), else null. */
  newLine: number | null;
}

export interface PatchHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The text after the second "@@" (often the enclosing function), trimmed. */
  section: string;
  lines: PatchLine[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/**
 * Parses a patch into hunks. Text before the first hunk header is ignored, as are lines after a
 * hunk's counts are used up (trailing blank lines, stray text). An empty line inside a hunk is read
 * as an empty context line (some tools strip the leading space).
 */
export function parsePatch(patch: string): PatchHunk[] {
  const hunks: PatchHunk[] = [];
  let current: PatchHunk | null = null;
  let oldLine = 0;
  let newLine = 0;
  let oldLeft = 0;
  let newLeft = 0;

  for (const rawLine of splitLines(patch)) {
    if (rawLine.startsWith("@@")) {
      const header = HUNK_HEADER.exec(rawLine);
      if (header) {
        current = {
          oldStart: Number(header[1]),
          oldLines: header[2] === undefined ? 1 : Number(header[2]),
          newStart: Number(header[3]),
          newLines: header[4] === undefined ? 1 : Number(header[4]),
          section: (header[5] ?? "").trim(),
          lines: [],
        };
        hunks.push(current);
        oldLine = current.oldStart;
        newLine = current.newStart;
        oldLeft = current.oldLines;
        newLeft = current.newLines;
        continue;
      }
    }
    if (!current) continue;
    if (rawLine.startsWith("\\")) continue; // "\ No newline at end of file"
    if (oldLeft <= 0 && newLeft <= 0) continue;
    const marker = rawLine[0];
    const text = rawLine.slice(1);
    if (marker === "+" && newLeft > 0) {
      current.lines.push({ kind: "added", text, oldLine: null, newLine });
      newLine += 1;
      newLeft -= 1;
    } else if (marker === "-" && oldLeft > 0) {
      current.lines.push({ kind: "deleted", text, oldLine, newLine: null });
      oldLine += 1;
      oldLeft -= 1;
    } else if ((marker === " " || marker === undefined) && oldLeft > 0 && newLeft > 0) {
      current.lines.push({ kind: "context", text, oldLine, newLine });
      oldLine += 1;
      newLine += 1;
      oldLeft -= 1;
      newLeft -= 1;
    }
    // Anything else does not fit the hunk's counts and is ignored.
  }
  return hunks;
}

/** The new-file line numbers a review comment can be anchored to (added and context lines). */
export function listCommentableLines(patch: string): Set<number> {
  const lines = new Set<number>();
  for (const hunk of parsePatch(patch)) {
    for (const line of hunk.lines) if (line.newLine !== null) lines.add(line.newLine);
  }
  return lines;
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
  }
  return lines;
}
