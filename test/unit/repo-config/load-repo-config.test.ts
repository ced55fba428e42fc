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
    expect(loaded.problems).toEqual([{ file: "acme/api: .github/review-coach.yml", key: "gate.minScore", line: 3, message: "expected number, received string" }]);
  });

  it("falls back to the defaults on invalid YAML", async () => {
    api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(...yaml("mode: [nudge\n"));
    const loaded = await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog);
    expect(loaded.config).toEqual(getDefaultConfig());
    expect(loaded.problems).toEqual([
      {
        file: "acme/api: .github/review-coach.yml",
        key: "",
        line: 2,
        message: "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      },
    ]);
  });

  it("refuses a 300 KB file of 24,000 keys before parsing it, with one request", async () => {
    const huge = Array.from({ length: 24_000 }, (_, i) => `k${i}: ${i}`).join("\n");
    expect(huge.length).toBeGreaterThan(200_000);
    api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(...yaml(huge));
    const loaded = await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog);
    expect(loaded.config).toEqual(getDefaultConfig());
    expect(loaded.problems).toEqual([
      { file: "acme/api: .github/review-coach.yml", key: "", message: `the file is ${Math.ceil(Buffer.byteLength(huge) / 1024)} KB; review-coach reads config files of at most 32 KB` },
    ]);
  });

  it("reports an alias bomb as a config problem instead of throwing", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]"].join("\n");
    api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(...yaml(bomb));
    const loaded = await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog);
    expect(loaded.config).toEqual(getDefaultConfig());
    expect(loaded.problems).toEqual([{ file: "acme/api: .github/review-coach.yml", key: "", message: "the file has more than 20 YAML aliases (*name)" }]);
  });

  it("caps the _extends chain: a long chain costs at most 4 reads and says why it was ignored", async () => {
    const scope = api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(...yaml("_extends: c1\nmode: summary\n"));
    for (let i = 1; i <= 3; i++) scope.get(`/repos/acme/c${i}/contents/.github%2Freview-coach.yml`).reply(...yaml(`_extends: c${i + 1}\n`));
    const loaded = await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog);
    expect(loaded.config).toEqual(getDefaultConfig());
    expect(loaded.problems).toEqual([
      {
        file: "acme/c3: .github/review-coach.yml",
        key: "_extends",
        message: 'the "_extends" chain is longer than 3 files (or 5 reads): point it at the org\'s .github config directly',
      },
    ]);
  });

  it("stops an _extends loop with a clear problem", async () => {
    api()
      .get("/repos/acme/api/contents/.github%2Freview-coach.yml")
      .reply(...yaml("_extends: .github\n"))
      .get("/repos/acme/.github/contents/.github%2Freview-coach.yml")
      .reply(...yaml("_extends: acme/api\n"));
    const loaded = await loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog);
    expect(loaded.problems).toEqual([
      { file: "acme/.github: .github/review-coach.yml", key: "_extends", message: '"_extends" comes back to acme/api: .github/review-coach.yml, already read: the chain loops' },
    ]);
  });

  it("lets a GitHub outage through to the queue to retry", async () => {
    api().get("/repos/acme/api/contents/.github%2Freview-coach.yml").reply(503, { message: "unavailable" });
    await expect(loadRepoConfig(github(), { owner: "acme", repo: "api" }, silentLog)).rejects.toMatchObject({ status: 503 });
  });
});
