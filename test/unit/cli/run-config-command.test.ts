import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createConfigCommand } from "../../../src/cli/run-config-command.js";
import { runCli } from "../../../src/cli/run-cli.js";
import { fakeIo } from "../../helpers/fake-cli-io.js";
import { isolateNetwork } from "../../helpers/test-app.js";

const FILE = ".github/review-coach.yml";
const INVALID = "mode: loud\ngate:\n  minScore: 150\nmaxNudgePerReview: 1\n";
const yaml = (text: string) => [200, text, { "content-type": "text/plain" }] as const;

async function check(args: string[], files: Record<string, string>, env: Record<string, string | undefined> = {}) {
  const io = fakeIo("", files);
  const command = createConfigCommand(env, { throttle: false, retry: false });
  const code = await runCli(["config", ...args], io, [command]);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe("review-coach config check", () => {
  beforeAll(isolateNetwork);
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });

  it("passes a valid file, read from .github/review-coach.yml by default, without asking GitHub", async () => {
    const result = await check(["check"], { [FILE]: "mode: shadow\npaths:\n  ignored: ['*.lock', '!keep.lock']\n" });
    expect(result).toEqual({ code: 0, stdout: "review-coach config is valid\nmerged: config/default.yml, then .github/review-coach.yml\n", stderr: "" });
  });

  it("lists every problem with file, line, key and 'did you mean', as the app's check run does, and exits 1", async () => {
    const result = await check(["check", "config/review-coach.yml"], { "config/review-coach.yml": INVALID });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatchSnapshot();
    expect(result.stdout).toContain('- `config/review-coach.yml` line 4, key `maxNudgePerReview`: unknown key: did you mean "maxNudgesPerReview"?');
  });

  it("reports invalid YAML with its line", async () => {
    const result = await check(["check", "x.yml"], { "x.yml": "mode: shadow\ngate: [\n" });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchSnapshot();
  });

  it("follows _extends through GitHub with the token, checking each file it extends as the app does", async () => {
    const api = nock("https://api.github.com", { reqheaders: { authorization: "token ghp_cli_test" } })
      .get("/repos/acme/.github/contents/.github%2Freview-coach.yml")
      .reply(...yaml("_extends: acme/policies:review-coach/base.yml\nseverity: loud\n"))
      .get("/repos/acme/policies/contents/review-coach%2Fbase.yml")
      .reply(...yaml("digest:\n  individuals: none\n  shedule: {}\n"));
    const result = await check(["check", "--repo", "acme/api"], { [FILE]: "_extends: .github\nmode: shadow\nmaxNudgesPerReveiw: 1\n" }, { GITHUB_TOKEN: "ghp_cli_test" });
    api.done();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatchSnapshot();
    expect(result.stdout).toContain("- `acme/.github: .github/review-coach.yml` line 2, key `severity`: Invalid option");
    expect(result.stdout).toContain('- `acme/policies: review-coach/base.yml` line 3, key `digest.shedule`: unknown key: did you mean "schedule"?');
  });

  it("passes a valid chain, on GitHub Enterprise Server with --host and --token", async () => {
    const api = nock("https://ghe.example.com/api/v3", { reqheaders: { authorization: "token ghp_flag" } })
      .get("/repos/acme/.github/contents/.github%2Freview-coach.yml")
      .reply(...yaml("mode: summary\n"));
    const result = await check(["check", "--repo", "acme/api", "--token", "ghp_flag", "--host", "ghe.example.com"], { [FILE]: "_extends: .github\nmaxNudgesPerReview: 1\n" }, { GITHUB_TOKEN: "ghp_env" });
    api.done();
    expect(result).toEqual({
      code: 0,
      stdout: "review-coach config is valid\nmerged: config/default.yml, then acme/.github: .github/review-coach.yml, then .github/review-coach.yml\n",
      stderr: "",
    });
  });

  it("says what could not be read when GitHub refuses the token", async () => {
    nock("https://api.github.com").get("/repos/acme/.github/contents/.github%2Freview-coach.yml").reply(401, { message: "Bad credentials" });
    const result = await check(["check", "--repo", "acme/api"], { [FILE]: "_extends: .github\n" }, { GITHUB_TOKEN: "ghp_revoked" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("- `acme/api: .github/review-coach.yml`: Bad credentials");
  });

  it("says when _extends is not followed, and checks the file itself", async () => {
    const result = await check(["check"], { [FILE]: "_extends: .github\nmode: shadow\n" });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'review-coach config: _extends (".github") not followed: give --repo owner/name and a token (--token or GITHUB_TOKEN) to check the files it extends\n',
    );
  });

  it.each([
    [["check", "--repo", "acme"], /--repo must be owner\/name/],
    [["lint"], /unknown subcommand "lint"/],
    [[], /no subcommand given/],
    [["check", "a.yml", "b.yml"], /unknown argument b\.yml/],
  ])("exits 2 on a wrong call %j", async (args, message) => {
    const result = await check(args, {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage: review-coach config check");
  });

  it("exits 1 when the file cannot be read", async () => {
    const result = await check(["check", "missing.yml"], {});
    expect(result).toEqual({ code: 1, stdout: "", stderr: "review-coach config: cannot read missing.yml: ENOENT: no such file, open 'missing.yml'\n" });
  });
});
