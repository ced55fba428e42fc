// Parses a whole unified diff (`git diff` output, GitHub's `.diff` media type, or plain `diff -u`)
// into the shape GitHub's "list pull request files" returns, so the same risk analysis runs on both.
// Pure: text in, data out.

import type { PullRequestFile } from "./types.js";

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const GIT_HEADER = /^diff --git (.+)$/;

interface FileDraft {
  oldPath: string | null;
  newPath: string | null;
  headerPaths: { old: string; new: string } | null;
  isNew: boolean;
  isDeleted: boolean;
  renamedFrom: string | null;
  copiedFrom: string | null;
  modeChanged: boolean;
  binary: boolean;
  patchLines: string[];
  additions: number;
  deletions: number;
}

/** Turns a unified diff into one PullRequestFile per file; `patch` starts at the file's first "@@". */
export function parseUnifiedDiff(text: string): PullRequestFile[] {
  const files: PullRequestFile[] = [];
  let draft: FileDraft | null = null;
  let oldLeft = 0;
  let newLeft = 0;
  const lines = text.split("\n");

  const finish = (): void => {
    if (draft) {
      const file = toPullRequestFile(draft);
      if (file) files.push(file);
    }
    draft = null;
  };

  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i] as string;
    if (line.endsWith("\r")) line = line.slice(0, -1);

    // Inside a hunk: the counts say which lines belong to it, whatever they look like.
    if (draft && (oldLeft > 0 || newLeft > 0)) {
      const d: FileDraft = draft;
      const marker = line[0];
      if (marker === "+" && newLeft > 0) {
        d.additions += 1;
        newLeft -= 1;
      } else if (marker === "-" && oldLeft > 0) {
        d.deletions += 1;
        oldLeft -= 1;
      } else if ((marker === " " || line === "") && oldLeft > 0 && newLeft > 0) {
        oldLeft -= 1;
        newLeft -= 1;
        if (line === "") line = " ";
      } else if (marker === "\\") {
        // "\ No newline at end of file": part of the patch, takes no line.
      } else {
        // Malformed counts: close the hunk and read this line as a header.
        oldLeft = 0;
        newLeft = 0;
        i -= 1;
        continue;
      }
      d.patchLines.push(line);
      continue;
    }

    const gitHeader = GIT_HEADER.exec(line);
    if (gitHeader) {
      finish();
      draft = emptyDraft();
      draft.headerPaths = splitGitHeaderPaths(gitHeader[1] as string);
      continue;
    }

    if (line.startsWith("--- ") && (lines[i + 1] ?? "").startsWith("+++ ")) {
      // A plain `diff -u` has no "diff --git" line: "---" starts the next file.
      if (!draft || draft.patchLines.length > 0 || draft.oldPath !== null) {
        finish();
        draft = emptyDraft();
      }
      const d: FileDraft = draft as FileDraft;
      d.oldPath = parseMarkerPath(line.slice(4));
      d.newPath = parseMarkerPath((lines[i + 1] as string).replace(/\r$/, "").slice(4));
      if (d.oldPath === null) d.isNew = true;
      if (d.newPath === null) d.isDeleted = true;
      i += 1;
      continue;
    }

    if (!draft) continue;
    const d: FileDraft = draft;

    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      d.patchLines.push(line);
      continue;
    }
    if (line.startsWith("\\") && d.patchLines.length > 0) {
      d.patchLines.push(line);
      continue;
    }
    if (line.startsWith("new file mode")) d.isNew = true;
    else if (line.startsWith("deleted file mode")) d.isDeleted = true;
    else if (line.startsWith("rename from ")) d.renamedFrom = unquotePath(line.slice(12));
    else if (line.startsWith("rename to ")) d.newPath = unquotePath(line.slice(10));
    else if (line.startsWith("copy from ")) d.copiedFrom = unquotePath(line.slice(10));
    else if (line.startsWith("copy to ")) d.newPath = unquotePath(line.slice(8));
    else if (line.startsWith("old mode ") || line.startsWith("new mode ")) d.modeChanged = true;
    else if (line === "GIT binary patch" || /^Binary files .* differ$/.test(line)) d.binary = true;
  }
  finish();
  return files;
}

function emptyDraft(): FileDraft {
  return {
    oldPath: null,
    newPath: null,
    headerPaths: null,
    isNew: false,
    isDeleted: false,
    renamedFrom: null,
    copiedFrom: null,
    modeChanged: false,
    binary: false,
    patchLines: [],
    additions: 0,
    deletions: 0,
  };
}

function toPullRequestFile(draft: FileDraft): PullRequestFile | null {
  const oldPath = draft.renamedFrom ?? draft.copiedFrom ?? draft.oldPath ?? draft.headerPaths?.old ?? null;
  const newPath = draft.newPath ?? draft.headerPaths?.new ?? null;
  const filename = draft.isDeleted ? (oldPath ?? newPath) : (newPath ?? oldPath);
  if (filename === null) return null;

  let status: PullRequestFile["status"] = "modified";
  if (draft.isNew) status = "added";
  else if (draft.isDeleted) status = "removed";
  else if (draft.renamedFrom !== null) status = "renamed";
  else if (draft.copiedFrom !== null) status = "copied";
  else if (draft.modeChanged && draft.patchLines.length === 0 && !draft.binary) status = "changed";

  const file: PullRequestFile = {
    filename,
    status,
    additions: draft.additions,
    deletions: draft.deletions,
  };
  if (draft.patchLines.length > 0) file.patch = draft.patchLines.join("\n");
  if ((status === "renamed" || status === "copied") && oldPath !== null && oldPath !== filename) {
    file.previous_filename = oldPath;
  }
  return file;
}

/** Reads the path of a "---" or "+++" line; null for /dev/null. Strips "a/"/"b/" and timestamps. */
function parseMarkerPath(raw: string): string | null {
  let value = raw;
  if (!value.startsWith('"')) {
    const tab = value.indexOf("\t");
    if (tab !== -1) value = value.slice(0, tab);
  }
  value = unquotePath(value.trimEnd());
  if (value === "/dev/null") return null;
  return stripPrefix(value);
}

function stripPrefix(path: string): string {
  return /^[abciwo]\//.test(path) ? path.slice(2) : path;
}

/** Splits "a/x b/y" of a git header; exact when the two paths are equal or quoted. */
function splitGitHeaderPaths(rest: string): { old: string; new: string } {
  if (rest.startsWith('"')) {
    const end = findQuoteEnd(rest, 0);
    const old = unquotePath(rest.slice(0, end + 1));
    const next = rest.slice(end + 2);
    return { old: stripPrefix(old), new: stripPrefix(unquotePath(next)) };
  }
  const quoted = rest.indexOf(' "');
  if (quoted !== -1) {
    return { old: stripPrefix(rest.slice(0, quoted)), new: stripPrefix(unquotePath(rest.slice(quoted + 1))) };
  }
  // Same path on both sides ("a/p b/p") is the common case: split in the middle.
  const middle = (rest.length - 1) / 2;
  if (Number.isInteger(middle) && rest[middle] === " ") {
    const old = rest.slice(0, middle);
    const next = rest.slice(middle + 1);
    if (old.slice(2) === next.slice(2)) return { old: stripPrefix(old), new: stripPrefix(next) };
  }
  const split = rest.indexOf(" b/");
  if (split !== -1) return { old: stripPrefix(rest.slice(0, split)), new: stripPrefix(rest.slice(split + 1)) };
  return { old: stripPrefix(rest), new: stripPrefix(rest) };
}

function findQuoteEnd(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j += 1) {
    if (text[j] === "\\") j += 1;
    else if (text[j] === '"') return j;
  }
  return text.length - 1;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** Undoes git's C-style quoting of unusual paths ("a/caf\303\251.txt" → a/café.txt). */
function unquotePath(raw: string): string {
  if (!(raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"'))) return raw;
  const body = raw.slice(1, -1);
  const bytes: number[] = [];
  for (let j = 0; j < body.length; j += 1) {
    const c = body[j] as string;
    if (c !== "\\") {
      for (const b of new TextEncoder().encode(c)) bytes.push(b);
      continue;
    }
    const next = body[j + 1] ?? "";
    const octal = /^[0-7]{3}/.exec(body.slice(j + 1, j + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      j += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      j += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
