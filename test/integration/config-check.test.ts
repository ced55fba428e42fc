import { beforeEach, describe, expect, it } from "@jest/globals";
import { mockGitHub, mockRepoConfig, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

describe("a pull request that changes .github/review-coach.yml", () => {
  const app = useTestApp();
  let t: TestApp;
  let installationId = 2000;
  beforeEach(() => {
    t = app.current;
  });

  function openedWithConfig(configText: string) {
    const payload = loadExample<{ pull_request: { head: { sha: string } } }>("pull_request", "opened");
    payload.installation.id = installationId++;
    const sha = installationId.toString(16).padStart(40, "0");
    // the config in effect comes from the default branch (none yet); the PR's own file is checked at its head
    const scope = mockRepoConfig(mockGitHub(payload.installation.id), "Codertocat/Hello-World", null)
      .get("/repos/Codertocat/Hello-World/pulls/2/files")
      .query({ per_page: 100 })
      .reply(200, [
        { filename: ".github/review-coach.yml", status: "added", additions: 3, deletions: 0, changes: 3, patch: "@@ -0,0 +1,3 @@" },
        { filename: "src/index.js", status: "modified", additions: 1, deletions: 1, changes: 2, patch: "@@ -1 +1 @@\n-a\n+b" },
      ])
      .get("/repos/Codertocat/Hello-World/contents/.github%2Freview-coach.yml")
      .query({ ref: sha })
      .reply(200, configText, { "content-type": "text/plain" })
      .get(`/repos/Codertocat/Hello-World/commits/${sha}/check-runs`)
      .query({ check_name: "review-coach config", filter: "latest", per_page: 1 })
      .reply(200, { total_count: 0, check_runs: [] });
    payload.pull_request.head.sha = sha;
    return { payload, scope, sha };
  }

  it("gets a failing config check with each problem annotated on its line", async () => {
    const { payload, scope, sha } = openedWithConfig("mode: loud\ngate:\n  minScore: 150\nmaxNudgePerReview: 1\n");
    let posted: unknown;
    scope.post("/repos/Codertocat/Hello-World/check-runs", (body) => ((posted = body), true)).reply(201, { id: 55 });

    await t.post("pull_request", payload);
    await t.waitForIdle();
    scope.done();
    expect(posted).toEqual({
      name: "review-coach config",
      head_sha: sha,
      status: "completed",
      conclusion: "failure",
      output: {
        title: "review-coach config has 3 problems",
        summary: expect.stringContaining(
          "- `Codertocat/Hello-World: .github/review-coach.yml` line 1, key `mode`: Invalid option: expected one of \"nudge\"|\"summary\"|\"shadow\"|\"off\"\n" +
            "- `Codertocat/Hello-World: .github/review-coach.yml` line 3, key `gate.minScore`: Too big: expected number to be <=100\n" +
            "- `Codertocat/Hello-World: .github/review-coach.yml` line 4, key `maxNudgePerReview`: unknown key: did you mean \"maxNudgesPerReview\"?",
        ),
        annotations: [
          { path: ".github/review-coach.yml", start_line: 1, end_line: 1, annotation_level: "failure", title: "review-coach config: mode", message: 'Invalid option: expected one of "nudge"|"summary"|"shadow"|"off"' },
          { path: ".github/review-coach.yml", start_line: 3, end_line: 3, annotation_level: "failure", title: "review-coach config: gate.minScore", message: "Too big: expected number to be <=100" },
          {
            path: ".github/review-coach.yml",
            start_line: 4,
            end_line: 4,
            annotation_level: "failure",
            title: "review-coach config: maxNudgePerReview",
            message: expect.stringMatching(/^unknown key: did you mean "maxNudgesPerReview"\? Expected one of: mode, strictness, severity/),
          },
        ],
      },
    });
  });

  it("gets a passing config check when the file is valid", async () => {
    const { payload, scope, sha } = openedWithConfig("mode: shadow\n");
    scope
      .post("/repos/Codertocat/Hello-World/check-runs", {
        name: "review-coach config",
        head_sha: sha,
        status: "completed",
        conclusion: "success",
        output: {
          title: "review-coach config is valid",
          summary: "`.github/review-coach.yml` matches the review-coach config schema. It takes effect once merged into the default branch.",
        },
      })
      .reply(201, { id: 56 });
    await t.post("pull_request", payload);
    await t.waitForIdle();
    scope.done();
  });

  it("checks the file again on the job's retry when the first attempt failed (an alias bomb, then GitHub's 502)", async () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join("\n")}\n`;
    const { payload, scope, sha } = openedWithConfig(bomb);
    scope.post("/repos/Codertocat/Hello-World/check-runs").reply(502, { message: "Server Error" });
    // The retry reads the files and the config file again, and this time the check is written.
    let posted: { conclusion: string; output: { title: string } } | undefined;
    mockRepoConfig(scope, "Codertocat/Hello-World", null)
      .get("/repos/Codertocat/Hello-World/pulls/2/files")
      .query({ per_page: 100 })
      .reply(200, [{ filename: ".github/review-coach.yml", status: "added", additions: 9, deletions: 0, changes: 9, patch: "@@ -0,0 +1,9 @@" }])
      .get("/repos/Codertocat/Hello-World/contents/.github%2Freview-coach.yml")
      .query({ ref: sha })
      .reply(200, bomb, { "content-type": "text/plain" })
      .get(`/repos/Codertocat/Hello-World/commits/${sha}/check-runs`)
      .query({ check_name: "review-coach config", filter: "latest", per_page: 1 })
      .reply(200, { total_count: 0, check_runs: [] })
      .post("/repos/Codertocat/Hello-World/check-runs", (body) => ((posted = body as typeof posted), true))
      .reply(201, { id: 58 });
    await t.post("pull_request", payload);
    await t.waitForIdle();
    scope.done();
    expect(posted!.conclusion).toBe("failure");
    expect(posted!.output.title).toBe("review-coach config has 1 problem");
  });

  it("cuts a config check with 120 problems to GitHub's limits, each key safe in its code span", async () => {
    const keys = Array.from({ length: 119 }, (_, i) => `unknown${i}`);
    const text = `"![x](https://example.com/x.png)\`": 1\n${keys.map((k) => `${k}: 1`).join("\n")}\n`;
    const { payload, scope } = openedWithConfig(text);
    let posted: { output: { summary: string; annotations: unknown[] } } | undefined;
    scope.post("/repos/Codertocat/Hello-World/check-runs", (body) => ((posted = body as typeof posted), true)).reply(201, { id: 57 });
    await t.post("pull_request", payload);
    await t.waitForIdle();
    scope.done();
    expect(posted!.output.annotations).toHaveLength(50);
    expect(posted!.output.summary.length).toBeLessThanOrEqual(65_535);
    expect(posted!.output.summary).toContain("- …and 70 more\n");
    expect(posted!.output.summary).toContain("…and 70 more not annotated on the file (GitHub shows at most 50).");
    // the backtick cannot close the span: the image stays code
    expect(posted!.output.summary).toContain("key `` ![x](https://example.com/x.png)` ``: unknown key");
  });
});
