import { beforeEach, describe, expect, it } from "@jest/globals";
import type nock from "nock";
import { blobAnswer as blob, fileTextsQuery as query } from "../helpers/file-texts-query.js";
import { PullRequestScenario, REPO } from "../helpers/pull-request-scenario.js";
import { mockRepoConfig, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";

const sha = (digit: string) => digit.repeat(40);
const SEARCH_TS = [
  "export async function search(req, res) {",
  "  const term = req.query.q;",
  "  const rows = await db.query(\"SELECT * FROM items WHERE name = '\" + term + \"'\");",
  "  res.json(rows);",
  "}",
  "",
].join("\n");
const VIEWS_PY = ["def show(request):", "    return redirect(request.GET['next'])", ""].join("\n");

/** A PR's files as "list pull request files" returns them, blob shas included. */
function listedFiles(views: { sha: string; patch: string }) {
  return [
    {
      sha: sha("1"),
      filename: "src/routes/search.ts",
      status: "modified",
      additions: 2,
      deletions: 1,
      changes: 3,
      patch: "@@ -1,4 +1,5 @@\n export async function search(req, res) {\n-  const rows = await db.query(\"SELECT 1\");\n+  const term = req.query.q;\n+  const rows = await db.query(\"SELECT * FROM items WHERE name = '\" + term + \"'\");\n   res.json(rows);\n }",
    },
    { sha: views.sha, filename: "app/views.py", status: "added", additions: 2, deletions: 0, changes: 2, patch: views.patch },
    { sha: sha("3"), filename: "assets/logo.png", status: "modified", additions: 0, deletions: 0, changes: 0 },
    { sha: sha("0"), filename: "src/old.ts", status: "removed", additions: 0, deletions: 2, changes: 2, patch: "@@ -1,2 +0,0 @@\n-a\n-b" },
    { sha: sha("4"), filename: "vendor/lib/util.ts", status: "modified", additions: 1, deletions: 0, changes: 1, patch: "@@ -1 +1,2 @@\n a\n+b" },
    { sha: sha("5"), filename: "docs/guide.md", status: "modified", additions: 1, deletions: 1, changes: 2, patch: "@@ -1 +1 @@\n-teh\n+the" },
    { sha: sha("6"), filename: "src/generated/huge.ts", status: "modified", additions: 9000, deletions: 9000, changes: 18000 },
  ];
}
const VIEWS = { sha: sha("2"), patch: "@@ -0,0 +1,2 @@\n+def show(request):\n+    return redirect(request.GET['next'])" };

describe("reading the changed files' contents at a PR head", () => {
  const app = useTestApp();
  let t: TestApp;
  let seed = 9100;
  let requests: string[];
  const record = (scope: nock.Scope) => scope.on("request", (req: { method: string; path: string }) => requests.push(`${req.method} ${req.path}`));
  beforeEach(() => {
    t = app.current;
    requests = [];
  });
  const profileCount = (s: PullRequestScenario) => t.app.store.db.selectFrom("risk_profiles").select("head_sha").where("pull_request_id", "=", s.prId).execute();

  it("costs two requests per head (files, one GraphQL read of the code files), none for a second event on the head, and only new blobs on the next head", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = record(s.github());
    let graphql: unknown;
    scope.post("/graphql", (body) => ((graphql = body), true)).reply(200, { data: { repository: { f0: blob(sha("1"), SEARCH_TS), f1: blob(sha("2"), VIEWS_PY) } } });
    await s.open(scope, listedFiles(VIEWS));
    scope.done();

    expect(requests).toEqual([
      `POST /app/installations/${s.installationId}/access_tokens`,
      `GET /repos/${REPO}/contents/.github%2Freview-coach.yml`,
      "GET /repos/Codertocat/.github/contents/.github%2Freview-coach.yml",
      `GET /repos/${REPO}/pulls/2/files?per_page=100`,
      "POST /graphql",
    ]);
    // Only changed code files a grammar reads: not the image, the removed, vendored, docs or patch-less files.
    expect(graphql).toEqual({
      query: query(2),
      variables: { owner: "Codertocat", name: "Hello-World", e0: `${s.headSha}:src/routes/search.ts`, e1: `${s.headSha}:app/views.py` },
    });
    expect(await profileCount(s)).toEqual([{ head_sha: s.headSha }]);

    // A second event on the same head: the config is read again (no cache in tests), nothing else.
    requests = [];
    mockRepoConfig(scope, REPO, null);
    await t.post("pull_request", s.pullRequestEvent("ready_for_review"));
    await t.waitForIdle();
    scope.done();
    expect(requests).toEqual([`GET /repos/${REPO}/contents/.github%2Freview-coach.yml`, "GET /repos/Codertocat/.github/contents/.github%2Freview-coach.yml"]);

    // A push changing only views.py: the unchanged search.ts blob comes from the cache.
    requests = [];
    const nextHead = sha("9");
    const nextViews = { sha: sha("7"), patch: VIEWS.patch.replace("next", "to") };
    mockRepoConfig(scope, REPO, null).get(`/repos/${REPO}/pulls/2/files`).query({ per_page: 100 }).reply(200, listedFiles(nextViews));
    scope.post("/graphql", (body) => ((graphql = body), true)).reply(200, { data: { repository: { f0: blob(sha("7"), VIEWS_PY.replace("next", "to")) } } });
    await t.post("pull_request", s.pullRequestEvent("synchronize", nextHead));
    await t.waitForIdle();
    scope.done();
    expect(requests.filter((r) => !r.includes("review-coach.yml"))).toEqual([`GET /repos/${REPO}/pulls/2/files?per_page=100`, "POST /graphql"]);
    expect(graphql).toEqual({ query: query(1), variables: { owner: "Codertocat", name: "Hello-World", e0: `${nextHead}:app/views.py` } });
    expect((await profileCount(s)).map((p) => p.head_sha).sort()).toEqual([nextHead, s.headSha].sort());
  });

  it("builds the profile from the patches when GraphQL answers with errors", async () => {
    const s = new PullRequestScenario(t, seed++);
    const scope = record(s.github());
    scope.post("/graphql").reply(200, { data: { repository: { f0: null, f1: null } }, errors: [{ type: "NOT_FOUND", message: "Could not resolve to a node" }] });
    await s.open(scope, listedFiles({ sha: sha("8"), patch: VIEWS.patch }));
    scope.done();
    expect(requests.filter((r) => !r.includes("review-coach.yml") && !r.includes("access_tokens"))).toEqual([`GET /repos/${REPO}/pulls/2/files?per_page=100`, "POST /graphql"]);
    const stored = await t.app.store.db.selectFrom("pull_requests").select("risk_level").where("id", "=", s.prId).executeTakeFirstOrThrow();
    expect(stored.risk_level).toBe("high");
  });
});
