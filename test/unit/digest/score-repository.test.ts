import { describe, expect, it } from "@jest/globals";
import { buildDailySnapshot, snapshotInstant } from "../../../src/digest/build-daily-snapshot.js";
import { scoreRepository } from "../../../src/coach/score-repository.js";
import { pullRequest, review } from "./digest-fixture.js";

const NOW = new Date("2026-11-09T00:00:00.000Z");
const DAY = 86_400_000;
const at = (msBeforeNow: number): string => new Date(NOW.getTime() - msBeforeNow).toISOString();

describe("scoreRepository", () => {
  it("is null with no merges in the window, and ignores unmerged PRs", () => {
    expect(scoreRepository([], NOW, 28)).toEqual({ score: null, mergedPullRequests: 0, weightedBy: 0 });
    expect(scoreRepository([pullRequest(1, { mergedAt: null, score: 90 })], NOW, 28).score).toBeNull();
  });

  it("counts the window as [now - windowDays, now): the start is in, `now` itself and later are out", () => {
    const prs = [
      pullRequest(1, { mergedAt: at(28 * DAY), score: 80, riskLevel: "low" }), // exactly at the start: in
      pullRequest(2, { mergedAt: at(28 * DAY + 1), score: 10, riskLevel: "low" }), // 1 ms before: out
      pullRequest(3, { mergedAt: at(1), score: 40, riskLevel: "low" }), // 1 ms before now: in
      pullRequest(4, { mergedAt: at(0), score: 0, riskLevel: "low" }), // at now: out
      pullRequest(5, { mergedAt: at(-DAY), score: 0, riskLevel: "low" }), // in the future: out
    ];
    expect(scoreRepository(prs, NOW, 28)).toEqual({ score: 60, mergedPullRequests: 2, weightedBy: 2 });
    expect(scoreRepository(prs, NOW, 7)).toEqual({ score: 40, mergedPullRequests: 1, weightedBy: 1 });
  });

  it("weights each PR score by its risk weight", () => {
    const prs = [
      pullRequest(1, { mergedAt: at(DAY), score: 90, riskLevel: "high" }), // weight 3
      pullRequest(2, { mergedAt: at(DAY), score: 30, riskLevel: "low" }), // weight 1
    ];
    expect(scoreRepository(prs, NOW, 28)).toEqual({ score: 75, mergedPullRequests: 2, weightedBy: 4 });
  });

  it("counts a merge without a review as 0", () => {
    const prs = [
      pullRequest(1, { mergedAt: at(DAY), score: 80, riskLevel: "medium" }),
      pullRequest(2, { mergedAt: at(DAY), score: null, reviews: [], riskLevel: "medium" }),
    ];
    expect(scoreRepository(prs, NOW, 28).score).toBe(40);
  });

  it("ignores self-approvals and bot reviews: a PR with only those was merged without review", () => {
    const selfOnly = pullRequest(1, {
      mergedAt: at(DAY),
      authorLogin: "carol",
      score: 95,
      reviews: [review("carol", { isSelfReview: true, score: 95 })],
    });
    const sameLoginNotFlagged = pullRequest(2, { mergedAt: at(DAY), authorLogin: "Carol", score: 95, reviews: [review("carol")] });
    const botOnly = pullRequest(3, {
      mergedAt: at(DAY),
      score: 95,
      reviews: [review("renovate[bot]", { score: 95 }), review("ci-helper", { reviewerIsBot: true, score: 95 })],
    });
    const human = pullRequest(4, { mergedAt: at(DAY), score: 80, reviews: [review("bob"), review("dependabot[bot]", { reviewerIsBot: true })] });
    expect(scoreRepository([selfOnly, sameLoginNotFlagged, botOnly, human], NOW, 28)).toEqual({
      score: 20,
      mergedPullRequests: 4,
      weightedBy: 8,
    });
  });

  it("treats negative or invalid weights as 0, and falls back to a plain mean when every weight is 0", () => {
    const prs = [
      pullRequest(1, { mergedAt: at(DAY), score: 100, riskWeight: 0 }),
      pullRequest(2, { mergedAt: at(DAY), score: 50, riskWeight: -2 }),
      pullRequest(3, { mergedAt: at(DAY), score: 20, riskWeight: Number.NaN }),
    ];
    expect(scoreRepository(prs, NOW, 28)).toEqual({ score: (100 + 50 + 20) / 3, mergedPullRequests: 3, weightedBy: 0 });
    expect(scoreRepository([...prs, pullRequest(4, { mergedAt: at(DAY), score: 10, riskWeight: 2 })], NOW, 28).score).toBe(10);
  });

  it("rejects a window that is not positive", () => {
    expect(() => scoreRepository([], NOW, 0)).toThrow(/windowDays must be positive/);
  });
});

describe("buildDailySnapshot", () => {
  it("scores the target as of the end of the day", () => {
    const prs = [
      pullRequest(1, { mergedAt: "2026-11-08T23:59:59.000Z", score: 70 }),
      pullRequest(2, { mergedAt: "2026-11-09T00:00:00.000Z", score: 10 }), // the next day
      pullRequest(3, { repository: "acme/other", mergedAt: "2026-11-08T10:00:00.000Z", score: 10 }),
    ];
    expect(snapshotInstant("2026-11-08").toISOString()).toBe("2026-11-09T00:00:00.000Z");
    expect(buildDailySnapshot(prs, { kind: "repository", name: "acme/shop" }, "2026-11-08", 28)).toEqual({
      repository: "acme/shop",
      day: "2026-11-08",
      score: 70,
      mergedPullRequests: 1,
    });
    expect(buildDailySnapshot(prs, { kind: "org", name: "acme" }, "2026-11-08", 28)).toEqual({ repository: "acme", day: "2026-11-08", score: 40, mergedPullRequests: 2 });
    expect(() => buildDailySnapshot(prs, { kind: "org", name: "acme" }, "8 Nov", 28)).toThrow(/YYYY-MM-DD/);
  });
});
