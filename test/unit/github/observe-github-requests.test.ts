import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { Counter, Gauge, Registry } from "prom-client";
import { createOctokitClass } from "../../../src/github/create-octokit-class.js";
import { GitHubClient } from "../../../src/github/github-client.js";
import {
  GitHubForbiddenError,
  GitHubGoneError,
  GitHubRateLimitedError,
  GitHubRefusedError,
  GitHubUnauthorizedError,
  GitHubUnavailableError,
  GitHubUnprocessableError,
} from "../../../src/github/to-github-error.js";
import { silentLog } from "../../helpers/stores.js";
import { isolateNetwork } from "../../helpers/test-app.js";

const API = "https://api.github.com";
const repo = { owner: "acme", repo: "api" };
const RESET = 1_790_000_000;

function metrics() {
  const registry = new Registry();
  return {
    registry,
    githubRequests: new Counter({ name: "github_requests_total", help: "requests", labelNames: ["status"], registers: [registry] }),
    rateLimitRemaining: new Gauge({ name: "github_rate_limit_remaining", help: "remaining", registers: [registry] }),
  };
}

describe("the door's Octokit plugin", () => {
  beforeAll(isolateNetwork);
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });

  it("counts every request, in the client and the metrics, and keeps the rate limit of the latest answer", async () => {
    const requestMetrics = metrics();
    const Octokit = createOctokitClass({ throttle: false, retry: false, requestMetrics });
    const github = new GitHubClient(new Octokit({ auth: { token: "ghs_test" } }), silentLog);
    nock(API)
      .get("/repos/acme/api")
      .reply(200, { id: 1, full_name: "acme/api" }, { "x-ratelimit-remaining": "4990", "x-ratelimit-reset": String(RESET) })
      .get("/repos/acme/api/pulls/7")
      .reply(404, { message: "Not Found" }, { "x-ratelimit-remaining": "4989" });

    expect(await github.getRepository(repo)).toEqual({ id: 1, full_name: "acme/api" });
    await expect(github.getPullRequest(repo, 7)).rejects.toBeInstanceOf(GitHubGoneError);

    expect(github.requestCount).toBe(2);
    expect(github.rateLimit).toEqual({ remaining: 4990, resetAt: RESET * 1000 });
    expect((await requestMetrics.githubRequests.get()).values.map(({ labels, value }) => [labels.status, value]).sort()).toEqual([
      ["200", 1],
      ["404", 1],
    ]);
    expect((await requestMetrics.rateLimitRemaining.get()).values[0]?.value).toBe(4990);
  });

  it.each([
    [502, { message: "Bad Gateway" }, { "retry-after": "30" }, GitHubUnavailableError, "GitHub answered 502: Bad Gateway"],
    [404, { message: "Not Found" }, {}, GitHubGoneError, "GitHub answered 404 (deleted, or not visible to the app): Not Found"],
    [410, { message: "Gone" }, {}, GitHubGoneError, "GitHub answered 410 (deleted, or not visible to the app): Gone"],
    [401, { message: "Bad credentials" }, {}, GitHubUnauthorizedError, /^GitHub answered 401: Bad credentials\. The installation may lack a permission/],
    [403, { message: "Resource not accessible by integration" }, { "x-ratelimit-remaining": "4000" }, GitHubForbiddenError, /^GitHub answered 403: Resource not accessible by integration\. The installation may lack/],
    [422, { message: "Validation Failed" }, {}, GitHubUnprocessableError, "GitHub answered 422: Validation Failed"],
    [409, { message: "Conflict" }, {}, GitHubRefusedError, "GitHub answered 409: Conflict"],
  ] as const)("turns a %i answer into its typed error, keeping GitHub's message, the status and the answer as cause", async (status, body, headers, type, reason) => {
    const Octokit = createOctokitClass({ throttle: false, retry: false });
    const github = new GitHubClient(new Octokit({ auth: { token: "ghs_test" } }), silentLog);
    nock(API).get("/repos/acme/api").reply(status, body, headers);
    const error = await github.getRepository(repo).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ name: type.name, status, message: body.message, cause: expect.objectContaining({ name: "HttpError", status }) });
    expect((error as { reason: string }).reason).toEqual(typeof reason === "string" ? reason : expect.stringMatching(reason));
    if (status === 502) expect((error as GitHubUnavailableError).retryAfterSeconds).toBe(30);
  });

  it("gives a rate limit's retry time: the primary limit's reset, or the secondary limit's retry-after", async () => {
    const Octokit = createOctokitClass({ throttle: false, retry: false });
    const github = new GitHubClient(new Octokit({ auth: { token: "ghs_test" } }), silentLog);
    nock(API)
      .get("/repos/acme/api")
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(RESET) })
      .get("/repos/acme/api")
      .reply(403, { message: "You have exceeded a secondary rate limit" }, { "retry-after": "120" })
      .get("/repos/acme/api")
      .reply(429, { message: "Too Many Requests" });

    const primary = (await github.getRepository(repo).catch((error: unknown) => error)) as GitHubRateLimitedError;
    expect(primary).toBeInstanceOf(GitHubRateLimitedError);
    expect(primary.reason).toBe("GitHub rate limit exhausted: API rate limit exceeded");
    expect(primary.secondsToWait((RESET - 600) * 1000)).toBe(600);
    expect(primary.secondsToWait((RESET + 5) * 1000)).toBe(1);

    const secondary = (await github.getRepository(repo).catch((error: unknown) => error)) as GitHubRateLimitedError;
    expect(secondary).toBeInstanceOf(GitHubRateLimitedError);
    expect(secondary.reason).toBe("GitHub secondary rate limit: You have exceeded a secondary rate limit");
    expect(secondary.secondsToWait(Date.now())).toBe(120);

    const tooMany = (await github.getRepository(repo).catch((error: unknown) => error)) as GitHubRateLimitedError;
    expect(tooMany).toBeInstanceOf(GitHubRateLimitedError);
    expect(tooMany.secondsToWait(Date.now())).toBe(60);
  });

  it("runs around the retry plugin, which still sees GitHub's own answer and retries a 5xx", async () => {
    const Octokit = createOctokitClass({ throttle: false, retry: true });
    const github = new GitHubClient(new Octokit({ auth: { token: "ghs_test" }, request: { retryAfterBaseValue: 1 } }), silentLog);
    nock(API).get("/repos/acme/api").reply(502, { message: "Bad Gateway" }).get("/repos/acme/api").reply(200, { id: 1 });
    expect(await github.getRepository(repo)).toEqual({ id: 1 });
    expect(github.requestCount).toBe(1);
  });
});
