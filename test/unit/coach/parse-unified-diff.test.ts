import { describe, expect, it } from "@jest/globals";
import { parsePatch } from "../../../src/coach/parse-patch.js";
import { parseUnifiedDiff } from "../../../src/coach/parse-unified-diff.js";

const GIT_DIFF = [
  "diff --git a/src/app.ts b/src/app.ts",
  "index 83db48f..bf269f4 100644",
  "--- a/src/app.ts",
  "+++ b/src/app.ts",
  "@@ -1,3 +1,4 @@",
  " import x from \"x\";",
  "+import y from \"y\";",
  " ",
  " x();",
  "@@ -10 +11 @@ function main() {",
  "-  old();",
  "+  neu();",
  "diff --git a/docs/new.md b/docs/new.md",
  "new file mode 100644",
  "index 0000000..e69de29",
  "--- /dev/null",
  "+++ b/docs/new.md",
  "@@ -0,0 +1,2 @@",
  "+# Title",
  "+text",
  "\\ No newline at end of file",
  "diff --git a/old.sql b/old.sql",
  "deleted file mode 100644",
  "index 1111111..0000000",
  "--- a/old.sql",
  "+++ /dev/null",
  "@@ -1,2 +0,0 @@",
  "--- a comment",
  "-select 1;",
  "diff --git a/lib/a.py b/lib/b.py",
  "similarity index 90%",
  "rename from lib/a.py",
  "rename to lib/b.py",
  "index 2222222..3333333 100644",
  "--- a/lib/a.py",
  "+++ b/lib/b.py",
  "@@ -1 +1 @@",
  "-x = 1",
  "+x = 2",
  "diff --git a/img/logo.png b/img/logo.png",
  "index 4444444..5555555 100644",
  "Binary files a/img/logo.png and b/img/logo.png differ",
  "diff --git a/bin/run b/bin/run",
  "old mode 100644",
  "new mode 100755",
  "diff --git a/src/moved.ts b/lib/moved.ts",
  "similarity index 100%",
  "rename from src/moved.ts",
  "rename to lib/moved.ts",
  "",
].join("\n");

describe("parseUnifiedDiff", () => {
  const files = parseUnifiedDiff(GIT_DIFF);

  it("finds every file with its status", () => {
    expect(files.map((f) => [f.filename, f.status])).toEqual([
      ["src/app.ts", "modified"],
      ["docs/new.md", "added"],
      ["old.sql", "removed"],
      ["lib/b.py", "renamed"],
      ["img/logo.png", "modified"],
      ["bin/run", "changed"],
      ["lib/moved.ts", "renamed"],
    ]);
  });

  it("counts additions and deletions and keeps the patch from the first @@", () => {
    const app = files[0];
    expect(app).toMatchObject({ additions: 2, deletions: 1 });
    expect(app?.patch?.startsWith("@@ -1,3 +1,4 @@")).toBe(true);
    expect(app?.patch?.split("\n")).toHaveLength(8);
    const hunks = parsePatch(app?.patch ?? "");
    expect(hunks.map((h) => h.lines.filter((l) => l.kind === "added").map((l) => l.newLine))).toEqual([[2], [11]]);
  });

  it("keeps the no-newline marker in the patch", () => {
    expect(files[1]?.patch?.endsWith("\\ No newline at end of file")).toBe(true);
    expect(files[1]).toMatchObject({ additions: 2, deletions: 0 });
  });

  it("does not mistake deleted '-- comment' lines for file headers", () => {
    expect(files[2]).toMatchObject({ filename: "old.sql", additions: 0, deletions: 2 });
  });

  it("records renames with the previous name", () => {
    expect(files[3]).toMatchObject({ previous_filename: "lib/a.py", additions: 1, deletions: 1 });
    expect(files[6]).toMatchObject({ previous_filename: "src/moved.ts", additions: 0, deletions: 0 });
    expect(files[6]?.patch).toBeUndefined();
  });

  it("marks binary files: no patch, no counts", () => {
    expect(files[4]).toEqual({ filename: "img/logo.png", status: "modified", additions: 0, deletions: 0 });
  });

  it("reads a plain `diff -u` without git headers, with timestamps", () => {
    const plain = [
      "--- a/config.yml\t2024-01-01 10:00:00.000000000 +0000",
      "+++ b/config.yml\t2024-01-02 10:00:00.000000000 +0000",
      "@@ -1,2 +1,2 @@",
      " a: 1",
      "-b: 2",
      "+b: 3",
      "--- /dev/null",
      "+++ b/new.txt",
      "@@ -0,0 +1 @@",
      "+hello",
    ].join("\n");
    expect(parseUnifiedDiff(plain)).toEqual([
      { filename: "config.yml", status: "modified", additions: 1, deletions: 1, patch: "@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n+b: 3" },
      { filename: "new.txt", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+hello" },
    ]);
  });

  it("unquotes git's C-style quoted paths", () => {
    const quoted = [
      'diff --git "a/caf\\303\\251 menu.txt" "b/caf\\303\\251 menu.txt"',
      "new file mode 100644",
      "--- /dev/null",
      '+++ "b/caf\\303\\251 menu.txt"',
      "@@ -0,0 +1 @@",
      "+x",
    ].join("\n");
    expect(parseUnifiedDiff(quoted)[0]?.filename).toBe("café menu.txt");
  });

  it("handles paths with spaces in the git header of a binary file", () => {
    const diff = ["diff --git a/my dir/pic one.png b/my dir/pic one.png", "new file mode 100644", "Binary files /dev/null and b/my dir/pic one.png differ"].join("\n");
    expect(parseUnifiedDiff(diff)).toEqual([{ filename: "my dir/pic one.png", status: "added", additions: 0, deletions: 0 }]);
  });

  it("accepts CRLF and returns nothing for empty input", () => {
    expect(parseUnifiedDiff("")).toEqual([]);
    const crlf = "diff --git a/x b/x\r\n--- a/x\r\n+++ b/x\r\n@@ -1 +1 @@\r\n-a\r\n+b\r\n";
    expect(parseUnifiedDiff(crlf)[0]).toMatchObject({ filename: "x", additions: 1, deletions: 1, patch: "@@ -1 +1 @@\n-a\n+b" });
  });
});
