// Whether a file's text is the new version a patch describes, so its lines and the diff's agree.

import { parsePatch } from "./parse-patch.js";

/** True when every added and context line of the patch is the text at its new line number (CRLF ignored). */
export function hasPatchNewSide(content: string, patch: string): boolean {
  const lines = content.split("\n");
  for (const hunk of parsePatch(patch)) {
    for (const line of hunk.lines) {
      if (line.newLine === null) continue;
      const actual = lines[line.newLine - 1];
      if (actual === undefined || actual.replace(/\r$/, "") !== line.text.replace(/\r$/, "")) return false;
    }
  }
  return true;
}
