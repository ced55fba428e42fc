import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createBlobTextCache, DEFAULT_BLOB_CACHE_BYTES } from "../../../src/github/blob-text-cache.js";
import { createOctokitClass } from "../../../src/github/create-octokit-class.js";
import { GitHubClient, MAX_FILE_TEXT_BYTES } from "../../../src/github/github-client.js";
import { blobAnswer as blob, fileTextsQuery as expectedQuery } from "../../helpers/file-texts-query.js";
import { silentLog } from "../../helpers/stores.js";
import { isolateNetwork } from "../../helpers/test-app.js";

const Octokit = createOctokitClass({ throttle: false, retry: false });
const HEAD = "c0ffee".padEnd(40, "0");
const repo = { owner: "acme", repo: "api" };
const sha = (digit: string) => digit.repeat(40);

describe("GitHubClient.getFileTexts", () => {
  beforeAll(isolateNetwork);
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });

  it("reads every file in one GraphQL request on GitHub Enterprise Server, then serves the same blobs from the cache", async () => {
    const client = new GitHubClient(new Octokit({ auth: "ghs_test", baseUrl: "https://ghe.example.com/api/v3" }), silentLog);
    let body: unknown;
    nock("https://ghe.example.com")
      .post("/api/graphql", (b) => ((body = b), true))
      .reply(200, { data: { repository: { f0: blob(sha("1"), "export const a = 1;\n"), f1: blob(sha("2"), "print('hi')\n") } } });
    const files = [
      { path: "src/a.ts", sha: sha("1") },
      { path: "app/b.py", sha: sha("2") },
    ];
    const texts = await client.getFileTexts(repo, HEAD, files);
    expect(Object.fromEntries(texts)).toEqual({ "src/a.ts": "export const a = 1;\n", "app/b.py": "print('hi')\n" });
    expect(body).toEqual({
      query: expectedQuery(2),
      variables: { owner: "acme", name: "api", e0: `${HEAD}:src/a.ts`, e1: `${HEAD}:app/b.py` },
    });
    expect(client.requestCount).toBe(1);

    // Same blobs at another head (a push that left them alone): no request.
    expect(Object.fromEntries(await client.getFileTexts(repo, "f".repeat(40), files))).toEqual(Object.fromEntries(texts));
    expect(client.requestCount).toBe(1);
  });

  it("leaves out binary, truncated, missing and over-1-MB files, and keeps what a partial answer gives", async () => {
    const client = new GitHubClient(new Octokit({ auth: "ghs_test" }), silentLog);
    nock("https://api.github.com")
      .post("/graphql")
      .reply(200, {
        data: {
          repository: {
            f0: blob(sha("1"), null, { isBinary: true }),
            f1: blob(sha("2"), "cut", { isTruncated: true }),
            f2: null,
            f3: blob(sha("4"), "x", { byteSize: MAX_FILE_TEXT_BYTES + 1 }),
            f4: blob(sha("5"), "fine\n"),
          },
        },
        errors: [{ type: "NOT_FOUND", path: ["repository", "f2"], message: "Could not resolve to a node" }],
      });
    const texts = await client.getFileTexts(
      repo,
      HEAD,
      ["1", "2", "3", "4", "5"].map((d) => ({ path: `f${d}.go`, sha: sha(d) })),
    );
    expect(Object.fromEntries(texts)).toEqual({ "f5.go": "fine\n" });
  });

  it("degrades to no texts when the request fails", async () => {
    const client = new GitHubClient(new Octokit({ auth: "ghs_test" }), silentLog);
    nock("https://api.github.com").post("/graphql").reply(502, { message: "Bad gateway" });
    expect((await client.getFileTexts(repo, HEAD, [{ path: "a.ts", sha: sha("1") }])).size).toBe(0);
    nock("https://api.github.com").post("/graphql").reply(200, { errors: [{ message: "Something went wrong" }] });
    expect((await client.getFileTexts(repo, HEAD, [{ path: "a.ts", sha: sha("1") }])).size).toBe(0);
    expect(await client.getFileTexts(repo, HEAD, [])).toEqual(new Map());
  });
});

describe("createBlobTextCache", () => {
  it("drops the least recently used texts beyond its size", () => {
    const cache = createBlobTextCache(10);
    cache.set("a", "1234");
    cache.set("b", "1234");
    expect(cache.get("a")).toBe("1234");
    cache.set("c", "1234");
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("1234");
    expect(cache.size).toEqual({ entries: 2, bytes: 8 });
    cache.set("huge", "x".repeat(11));
    expect(cache.get("huge")).toBeUndefined();
  });

  it("counts a text outside Latin-1 at two bytes a character, as V8 keeps it", () => {
    const cache = createBlobTextCache(10);
    cache.set("latin", "caf\u00e9");
    cache.set("wide", "\u65e5\u672c\u8a9e");
    expect(cache.size).toEqual({ entries: 2, bytes: 10 });
    cache.set("more", "\u2192");
    expect(cache.get("latin")).toBeUndefined();
    expect(cache.size).toEqual({ entries: 2, bytes: 8 });
    cache.set("emoji", "\u{1F600}".repeat(3));
    expect(cache.get("emoji")).toBeUndefined();
  });

  it("keeps at most 16 MB of text by default, shared by every installation", () => {
    const cache = createBlobTextCache();
    const text = "a".repeat(1024 * 1024);
    for (let n = 0; n < 20; n++) cache.set(`sha-${n}`, `${n}`.padEnd(2, "-") + text);
    expect(DEFAULT_BLOB_CACHE_BYTES).toBe(16 * 1024 * 1024);
    expect(cache.size.bytes).toBeLessThanOrEqual(DEFAULT_BLOB_CACHE_BYTES);
    expect(cache.get("sha-19")).toBeDefined();
    expect(cache.get("sha-4")).toBeUndefined();
  });
});
