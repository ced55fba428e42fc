import { describe, expect, it } from "@jest/globals";
import { listCommentableLines, parsePatch } from "../../../src/coach/parse-patch.js";

describe("parsePatch", () => {
  it("numbers added, deleted and context lines on both sides", () => {
    const patch = ["@@ -10,4 +10,5 @@ function demo() {", " a", "-b", "+B", "+C", " d", " e"].join("\n");
    const [hunk] = parsePatch(patch);
    expect(hunk).toMatchObject({ oldStart: 10, oldLines: 4, newStart: 10, newLines: 5, section: "function demo() {" });
    expect(hunk?.lines).toEqual([
      { kind: "context", text: "a", oldLine: 10, newLine: 10 },
      { kind: "deleted", text: "b", oldLine: 11, newLine: null },
      { kind: "added", text: "B", oldLine: null, newLine: 11 },
      { kind: "added", text: "C", oldLine: null, newLine: 12 },
      { kind: "context", text: "d", oldLine: 12, newLine: 13 },
      { kind: "context", text: "e", oldLine: 13, newLine: 14 },
    ]);
  });

  it("reads omitted counts as one line", () => {
    const [hunk] = parsePatch("@@ -3 +3 @@\n-old\n+new");
    expect(hunk).toMatchObject({ oldLines: 1, newLines: 1 });
    expect(hunk?.lines.map((l) => [l.kind, l.newLine])).toEqual([
      ["deleted", null],
      ["added", 3],
    ]);
  });

  it("handles a new file (-0,0) and a deleted file (+0,0)", () => {
    const [added] = parsePatch("@@ -0,0 +1,2 @@\n+one\n+two");
    expect(added?.lines.map((l) => l.newLine)).toEqual([1, 2]);
    const [removed] = parsePatch("@@ -1,2 +0,0 @@\n-one\n-two");
    expect(removed?.lines.map((l) => l.oldLine)).toEqual([1, 2]);
  });

  it("skips '\\ No newline at end of file' without consuming a line number", () => {
    const patch = ["@@ -1,2 +1,2 @@", " keep", "-last", "\\ No newline at end of file", "+last!", "\\ No newline at end of file"].join("\n");
    const [hunk] = parsePatch(patch);
    expect(hunk?.lines.map((l) => [l.kind, l.text, l.newLine])).toEqual([
      ["context", "keep", 1],
      ["deleted", "last", null],
      ["added", "last!", 2],
    ]);
  });

  it("parses several hunks and keeps their own numbering", () => {
    const patch = ["@@ -1,2 +1,3 @@", " a", "+b", " c", "@@ -20,2 +21,2 @@ class X", "-y", "+Y", " z"].join("\n");
    const hunks = parsePatch(patch);
    expect(hunks).toHaveLength(2);
    expect(hunks[1]?.lines.find((l) => l.kind === "added")?.newLine).toBe(21);
    expect(hunks[1]?.section).toBe("class X");
  });

  it("reads lines that look like headers by the hunk's counts (a deleted SQL comment is '--- x')", () => {
    const patch = ["@@ -1,2 +1,2 @@", "--- old comment", "+++ new", " select 1;"].join("\n");
    const [hunk] = parsePatch(patch);
    expect(hunk?.lines.map((l) => [l.kind, l.text])).toEqual([
      ["deleted", "-- old comment"],
      ["added", "++ new"],
      ["context", "select 1;"],
    ]);
  });

  it("treats an empty line inside a hunk as empty context and ignores trailing garbage", () => {
    const patch = ["@@ -1,3 +1,3 @@", " a", "", "-c", "+C", "", "trailing"].join("\n");
    const [hunk] = parsePatch(patch);
    expect(hunk?.lines.map((l) => [l.kind, l.newLine])).toEqual([
      ["context", 1],
      ["context", 2],
      ["deleted", null],
      ["added", 3],
    ]);
  });

  it("accepts CRLF line endings", () => {
    const [hunk] = parsePatch("@@ -1 +1 @@\r\n-a\r\n+b\r\n");
    expect(hunk?.lines[1]).toEqual({ kind: "added", text: "b", oldLine: null, newLine: 1 });
  });

  it("lists the lines a review comment can anchor to", () => {
    const patch = ["@@ -5,3 +5,3 @@", " a", "-b", "+B", " c"].join("\n");
    expect([...listCommentableLines(patch)]).toEqual([5, 6, 7]);
  });

  it("returns nothing for text without hunks", () => {
    expect(parsePatch("")).toEqual([]);
    expect(parsePatch("Binary files differ")).toEqual([]);
  });
});
