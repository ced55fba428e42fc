import { describe, expect, it } from "@jest/globals";
import { RequestError } from "@octokit/request-error";
import { z } from "zod";
import { PermanentError, TransientError } from "../../../src/errors.js";
import { classifyFailure } from "../../../src/queue/classify-failure.js";

const NOW = Date.parse("2026-11-02T09:00:00Z");

function githubError(status: number, message: string, headers: Record<string, string> = {}) {
  return new RequestError(message, status, {
    request: { method: "GET", url: "https://api.github.com/repos/acme/api/pulls/1/files", headers: {} },
    response: { status, url: "https://api.github.com/repos/acme/api/pulls/1/files", headers, data: { message } },
  });
}

describe("classifyFailure", () => {
  it("retries GitHub 5xx, honouring retry-after", () => {
    expect(classifyFailure(githubError(502, "Bad Gateway"), NOW)).toEqual({ kind: "retry", reason: "GitHub answered 502: Bad Gateway" });
    expect(classifyFailure(githubError(503, "Unavailable", { "retry-after": "30" }), NOW)).toEqual({
      kind: "retry",
      reason: "GitHub answered 503: Unavailable",
      retryAfterSeconds: 30,
    });
  });

  it("waits for the primary rate limit to reset", () => {
    const reset = String(NOW / 1000 + 600);
    expect(classifyFailure(githubError(403, "API rate limit exceeded", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }), NOW)).toEqual({
      kind: "throttled",
      reason: "GitHub rate limit exhausted: API rate limit exceeded",
      retryAfterSeconds: 600,
    });
  });

  it("honours retry-after on secondary rate limits and 429", () => {
    expect(classifyFailure(githubError(403, "You have exceeded a secondary rate limit", { "retry-after": "120" }), NOW)).toMatchObject({
      kind: "throttled",
      retryAfterSeconds: 120,
    });
    expect(classifyFailure(githubError(429, "Too Many Requests"), NOW)).toMatchObject({ kind: "throttled", retryAfterSeconds: 60 });
  });

  it("drops what is gone and dead-letters missing permissions with what to do", () => {
    expect(classifyFailure(githubError(404, "Not Found"), NOW)).toMatchObject({ kind: "gone" });
    const forbidden = classifyFailure(githubError(403, "Resource not accessible by integration"), NOW);
    expect(forbidden.kind).toBe("permanent");
    expect(forbidden.reason).toMatch(/may lack a permission .* accept the updated permissions/);
    expect(classifyFailure(githubError(422, "Validation Failed"), NOW)).toEqual({ kind: "permanent", reason: "GitHub answered 422: Validation Failed" });
  });

  it("reads the app's own typed errors, malformed input and network failures", () => {
    expect(classifyFailure(new TransientError("db busy", 5), NOW)).toEqual({ kind: "retry", reason: "db busy", retryAfterSeconds: 5 });
    expect(classifyFailure(new PermanentError("bad"), NOW)).toEqual({ kind: "permanent", reason: "bad" });
    const zodError = z.object({ n: z.number() }).safeParse({ n: "x" }).error;
    expect(classifyFailure(zodError, NOW)).toEqual({ kind: "permanent", reason: "malformed input: n Invalid input: expected number, received string" });
    expect(classifyFailure(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), NOW)).toEqual({
      kind: "retry",
      reason: "network error ECONNRESET: socket hang up",
    });
  });
});
