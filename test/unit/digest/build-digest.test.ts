import { describe, expect, it } from "@jest/globals";
import { buildDailySnapshot } from "../../../src/digest/build-daily-snapshot.js";
import { buildDigest } from "../../../src/digest/build-digest.js";
import { renderDigestMarkdown } from "../../../src/digest/render-digest-markdown.js";
import { renderSlackBlocks } from "../../../src/digest/render-slack-blocks.js";
import { renderDigestMarker, renderDigestTitle } from "../../../src/digest/render-digest-title.js";
import { NOW, pullRequest, repositoryInput, review } from "./digest-fixture.js";

const ISSUE_URL = "https://github.com/acme/shop/issues/7";

describe("the weekly digest of a repository (fixed data and clock)", () => {
  const data = buildDigest(repositoryInput());

  it("renders the issue body", () => {
    expect(renderDigestMarkdown(data)).toMatchSnapshot();
  });

  it("renders the Slack message", () => {
    expect(renderSlackBlocks(data, ISSUE_URL)).toMatchSnapshot();
  });

  it("reports on 2026-W45 and scores as of its end, against the week before", () => {
    expect(data.week.isoWeek).toBe("2026-W45");
    expect(renderDigestTitle(data.target, data.week.isoWeek)).toBe("review-coach digest: acme/shop, 2026-W45");
    expect(renderDigestMarker(data.target, data.week.isoWeek)).toBe("<!-- review-coach:digest repository acme/shop 2026-W45 -->");
    expect(data.score).toEqual({ current: 49, previous: 55, change: -6, mergedInWindow: 13, windowDays: 28, partial: false });
  });

  it("draws eight weekly points, each the daily snapshot of its week end, and the headline is the last", () => {
    expect(data.trend.map((point) => point.isoWeek)).toEqual([
      "2026-W38", "2026-W39", "2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45",
    ]);
    expect(data.trend.map((point) => point.score)).toEqual([37, 40, 43, 46, 49, 52, 55, 49]);
    expect(data.trend.every((point) => !point.partial)).toBe(true);
    const input = repositoryInput();
    for (const point of data.trend) {
      const day = new Date(Date.parse(point.weekEnd) - 86_400_000).toISOString().slice(0, 10);
      const snapshot = buildDailySnapshot(input.pullRequests, input.target, day, 28);
      expect(point.score).toBe(snapshot.score === null ? null : Math.round(snapshot.score));
    }
    const last = buildDailySnapshot(input.pullRequests, input.target, "2026-11-08", 28);
    expect(data.score.current).toBe(Math.round(last.score!));
    expect(data.score.mergedInWindow).toBe(last.mergedPullRequests);
  });

  it("marks the weeks whose window reaches back before the stored history, and says what is missing", () => {
    const backfilling = {
      repository: "acme/shop",
      backfill: "in-progress" as const,
      completeFrom: "2026-10-20T00:00:00.000Z",
      missing: { from: "2026-10-12T00:00:00.000Z", to: "2026-10-20T00:00:00.000Z" },
      importedPullRequests: 9,
    };
    const partial = buildDigest(repositoryInput({ history: [backfilling] }));
    expect(partial.trend.map((point) => point.partial)).toEqual(Array(8).fill(true));
    expect(partial.score.partial).toBe(true);
    expect(partial.partialHistory).toEqual([backfilling]);
    const markdown = renderDigestMarkdown(partial);
    expect(markdown).toContain("**Partial history.** The score's 28-day window reaches back before what review-coach has stored");
    expect(markdown).toContain("the backfill of acme/shop had not finished when this digest was built (9 pull requests imported so far). PRs merged from 2026-10-12 to 2026-10-20 are not imported yet.");
    expect(markdown).toContain('x-axis ["W38*", "W39*", "W40*", "W41*", "W42*", "W43*", "W44*", "W45*"]');
    expect(JSON.stringify(renderSlackBlocks(partial, ISSUE_URL).blocks)).toContain("Partial history (acme/shop)");

    // Done, from 2026-10-12: the last week's window is whole, the ones before are partial.
    const done = buildDigest(repositoryInput({ history: [{ ...backfilling, backfill: "done", completeFrom: "2026-10-12T00:00:00.000Z", missing: null }] }));
    expect(done.trend.map((point) => point.partial)).toEqual([...Array(7).fill(true), false]);
    expect(done.partialHistory).toEqual([]);
    const doneMarkdown = renderDigestMarkdown(done);
    expect(doneMarkdown).not.toContain("Partial history");
    expect(doneMarkdown).toContain('"W44*", "W45"]');
    expect(doneMarkdown).toContain("_* Partial: these 7 weeks' 28-day window reaches back before the history review-coach has");
  });

  it("measures coverage over the week's merged PRs that asked for each concern", () => {
    expect(data.activity).toEqual({ mergedPullRequests: 7, reviewedPullRequests: 6, unreviewedMerges: 1 });
    expect(data.coverage.concerns).toEqual([
      { concern: "architecture", asked: 2, covered: 0, share: 0 },
      // #102 "covered" security, but only in a self-review and a bot review: it does not count.
      { concern: "security", asked: 4, covered: 1, share: 0.25 },
      { concern: "edge-cases", asked: 3, covered: 2, share: 2 / 3 },
      { concern: "testing", asked: 2, covered: 1, share: 0.5 },
    ]);
    expect(data.coverage.styleOnly).toEqual({ count: 1, reviewed: 6, share: 1 / 6 });
  });

  it("weights rubber stamps by risk and lists weak high-risk merges, weakest first", () => {
    expect(data.rubberStamps).toEqual({
      count: 2,
      byRisk: { high: 0, medium: 1, low: 1, none: 0 },
      weighted: 3,
      totalWeight: 14.5,
      share: 3 / 14.5,
    });
    expect(data.weakHighRiskMerges.map((merge) => [merge.number, merge.score])).toEqual([
      [102, null],
      [101, 35],
    ]);
  });

  it("measures time to first review from the request, for first reviews in the week", () => {
    // 0.5, 2, 6, 30, 36 and 96 hours (#102 waited since the week before).
    expect(data.timeToFirstReview).toEqual({ measured: 6, medianHours: 18, p90Hours: 96 });
  });

  it("counts the week's nudges by concern", () => {
    expect(data.nudges.total).toEqual({ delivered: 5, actedOn: 2, dismissed: 1, shadow: 0, failed: 1 });
    expect(data.nudges.byConcern.map((row) => row.concern)).toEqual(["security", "edge-cases", "testing"]);
    expect(data.nudges.actedOnShare).toBe(0.4);
  });

  it("tables each rule's effectiveness over the score's window, flagging an effective false-positive rate above 10%", () => {
    expect(data.nudges.byRuleWindowDays).toBe(28);
    expect(data.nudges.byRule.map(({ rule, sent, actedOn, dismissed, ignored, falsePositiveRate, flagged }) => [rule, sent, actedOn, dismissed, ignored, falsePositiveRate, flagged])).toEqual([
      ["changed-export", 1, 0, 0, 1, 1, true],
      ["sql-from-variable", 3, 1, 1, 0, 1 / 3, true],
      ["swallowed-error", 2, 1, 0, 0, 0, false],
    ]);
  });

  it("sets a three-item agenda naming the most affected area", () => {
    expect(data.agenda).toHaveLength(3);
    expect(data.agenda[0]).toEqual({
      topic: "security",
      text: "Security findings in 3 merged PRs went unreviewed, most of them in the auth area: pair on the next auth change and walk through untrusted input, authorization and secrets together.",
    });
    expect(data.agenda.map((item) => item.topic)).toEqual(["security", "weak-high-risk-merges", "architecture"]);
  });

  it("is the same whenever during the following week it is built", () => {
    const later = buildDigest(repositoryInput({ now: "2026-11-12T17:00:00.000Z" }));
    expect(later).toEqual(data);
  });
});

describe("a quiet week", () => {
  it("still renders, with n/a and three agenda items", () => {
    const data = buildDigest({ ...repositoryInput(), pullRequests: [], nudges: [], toneIssues: 0 });
    expect(data.score).toEqual({ current: null, previous: null, change: null, mergedInWindow: 0, windowDays: 28, partial: false });
    expect(data.coverage.concerns.every((row) => row.share === null)).toBe(true);
    expect(data.agenda).toHaveLength(3);
    const markdown = renderDigestMarkdown(data);
    expect(markdown).toContain("| Security | 0 | 0 | n/a |");
    expect(markdown).toContain("Not enough history for a trend yet");
    expect(markdown).not.toContain("```mermaid");
    expect(renderSlackBlocks(data, ISSUE_URL).text).toContain("score n/a");
  });

  it("leaves weeks without a score out of the chart", () => {
    const data = buildDigest(
      repositoryInput({
        pullRequests: [
          pullRequest(1, { mergedAt: "2026-09-24T10:00:00.000Z", score: 50 }),
          pullRequest(2, { mergedAt: "2026-11-05T10:00:00.000Z", score: 70 }),
        ],
      }),
    );
    expect(data.trend.map((point) => point.score)).toEqual([null, 50, 50, 50, 50, null, null, 70]);
    const markdown = renderDigestMarkdown(data);
    expect(markdown).toContain('x-axis ["W39", "W40", "W41", "W42", "W45"]');
    expect(markdown).toContain("line [50, 50, 50, 50, 70]");
    expect(markdown).toContain("2 weeks without merged PRs in the window are left out of the chart.");
  });
});

describe("shadow mode", () => {
  it("says how often nudges would have fired", () => {
    const data = buildDigest(
      repositoryInput({
        shadowRepositories: ["acme/shop", "acme/elsewhere"],
        nudges: [
          { repository: "acme/shop", concern: "security", status: "shadow", mode: "shadow", createdAt: "2026-11-03T10:00:00.000Z" },
          { repository: "acme/shop", concern: "security", status: "shadow", mode: "shadow", createdAt: "2026-11-04T10:00:00.000Z" },
          { repository: "acme/shop", concern: "edge-cases", status: "shadow", mode: "shadow", createdAt: "2026-11-05T10:00:00.000Z" },
        ],
      }),
    );
    expect(data.nudges.total).toEqual({ delivered: 0, actedOn: 0, dismissed: 0, shadow: 3, failed: 0 });
    expect(data.nudges.shadowRepositories).toEqual(["acme/shop"]);
    const markdown = renderDigestMarkdown(data);
    expect(markdown).toContain("| Security | 0 | 0 | 0 | 2 |");
    expect(markdown).toContain("This week it would have nudged 3 times.");
  });
});

describe("self-reviews and bots in the week's figures", () => {
  it("never count as coverage, flags or kudos", () => {
    const data = buildDigest(
      repositoryInput({
        pullRequests: [
          pullRequest(1, {
            authorLogin: "carol",
            riskLevel: "high",
            concernsAsked: ["security"],
            concernsCovered: ["security"],
            flags: ["exemplary", "rubber-stamp"],
            reviews: [
              review("carol", { isSelfReview: true, flags: ["exemplary"] }),
              review("helper[bot]", { flags: ["exemplary"] }),
            ],
          }),
        ],
      }),
    );
    expect(data.activity.unreviewedMerges).toBe(1);
    expect(data.coverage.concerns.find((row) => row.concern === "security")).toMatchObject({ asked: 1, covered: 0 });
    expect(data.rubberStamps.count).toBe(0);
    expect(data.kudos).toEqual([]);
    expect(data.weakHighRiskMerges).toHaveLength(1);
  });
});

it("uses the clock it is given", () => {
  expect(() => buildDigest(repositoryInput({ now: "yesterday" }))).toThrow(/not an ISO time/);
  expect(buildDigest(repositoryInput({ now: NOW })).week.end).toBe("2026-11-09T00:00:00.000Z");
});
