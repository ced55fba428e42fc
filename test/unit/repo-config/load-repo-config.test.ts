import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createOctokitClass } from "../../../src/github/create-octokit-class.js";
import { GitHubClient } from "../../../src/github/github-client.js";
import { getDefaultConfig } from "../../../src/repo-config/default-config.js";
import { loadRepoConfig } from "../../../src/repo-config/load-repo-config.js";
import { silentLog } from "../../helpers/stores.js";
import { isolateNetwork } from "../../helpers/test-app.js";

const Octokit = createOctokitClass({ throttle: false, retry: false });
const github = () => new GitHubClient(new Octokit({ auth: "ghs_test" }), silentLog);
const api = () => nock("https://api.github.com");
const yaml = (text: string) => [200, text, { "content-type": "text/plain" }] as const;

describe("loadRepoConfig", () => {
  beforeAll(isolateNetwork);
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });

  it("uses the defaults when neither the repo nor the org has a file", async () => {
    api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(404).get("/repos/acme/.github/contents/.github%2Freview-coach.yml").reply(404);
    expect(await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog)).toEqual({
      config: getDefaultConfig(),
      sources: ["config/default.yml"],
      problems: [],
    });
  });

  it("merges the repo file over the org defaults it extends, lists replacing lists", async () => {
    api()
      .get("/repos/acme/api/contents/.github%2Freview-coach.yml")
      .reply(...yaml("_extends: .github\nmaxNudgesPerReview: 1\npaths:\n  ignored: ['legacy/**']\n"))
      .get("/repos/acme/.github/contents/.github%2Freview-coach.yml")
      .reply(...yaml("mode: shadow\nmaxNudgesPerReview: 3\ndigest:\n  individuals: none\n"));
    const loaded = await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog);
    expect(loaded.problems).toEqual([]);
    expect(loaded.sources).toEqual(["config/default.yml", "acme/.github: .github/review-coach.yml", "acme/api: .github/review-coach.yml"]);
    expect(loaded.config).toMatchObject({ mode: "shadow", maxNudgesPerReview: 1, paths: { ignored: ["legacy/**"] }, digest: { individuals: "none", enabled: true } });
    expect(loaded.config.paths.sensitive).toEqual(getDefaultConfig().paths.sensitive);
  });

  it("ignores an invalid file as a whole and says what is wrong, where", async () => {
    api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(...yaml("mode: shadow\ngate:\n  minScore: high\n"));
    const loaded = await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog);
    expect(loaded.config).toEqual(getDefaultConfig());
    expect(loaded.problems).toEqual([{ file: "acme/api: .github/review-coach.yml", key: "gate.minScore", message: "expected number, received string" }]);
  });

  it("falls back to the defaults on invalid YAML", async () => {
    api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(...yaml("mode: [nudge\n"));
    const loaded = await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog);
    expect(loaded.config).toEqual(getDefaultConfig());
    expect(loaded.problems).toEqual([
      {
        file: "acme/api: .github/review-coach.yml",
        key: "",
        message: expect.stringMatching(/^Configuration could not be parsed from https:\/\/api\.github\.com\/repos\/acme\/api\/contents\/\.github%2Freview-coach\.yml \(invalid YAML\)/),
      },
    ]);
  });

  it("lets a GitHub outage through to the queue to retry", async () => {
    api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(503, { message: "unavailable" });
    await expect(loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog)).rejects.toMatchObject({ status: 503 });
  });
});
