import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { createDiskCache } from "../../../src/cli/create-disk-cache.js";

describe("the preview's disk cache", () => {
  it("keeps private repositories' answers and code readable by the user who ran it only", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "rc-cache-")), "review-coach");
    const cache = createDiskCache(dir);
    cache.responses.set("GET /repos/o/r/pulls?page=1", { etag: '"e1"', url: "https://api.github.com/repos/o/r/pulls", headers: {}, data: [] });
    cache.blobTexts.set("0123456789abcdef", "const secret = process.env.KEY;\n");
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "responses"))).toBe(0o700);
    expect(mode(path.join(dir, "blobs", "0123456789abcdef"))).toBe(0o600);
    expect(cache.blobTexts.get("0123456789abcdef")).toBe("const secret = process.env.KEY;\n");
    expect(cache.responses.get("GET /repos/o/r/pulls?page=1")?.etag).toBe('"e1"');
  });
});
