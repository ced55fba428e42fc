import { describe, expect, it } from "@jest/globals";
import { renderCoverageBars } from "../../../src/dashboard/charts/render-coverage-bars.js";
import { renderLineChart } from "../../../src/dashboard/charts/render-line-chart.js";
import { renderSparkline } from "../../../src/dashboard/charts/render-sparkline.js";
import { renderWeekBars } from "../../../src/dashboard/charts/render-week-bars.js";
import type { CoverageRow, ScorePoint, WeekCoverage } from "../../../src/dashboard/dashboard-types.js";
import { renderBadge } from "../../../src/dashboard/render-badge.js";

const TREND: ScorePoint[] = [41, 44, null, 52, 55, 61, 58, 66].map((score, index) => ({
  label: `W${38 + index}`,
  at: new Date(Date.UTC(2026, 8, 21 + index * 7)).toISOString(),
  score,
  source: index < 5 ? "computed" : "snapshot",
}));

const COVERAGE: CoverageRow[] = [
  { key: "architecture", label: "Architecture", asked: 5, covered: 2, share: 0.4 },
  { key: "security", label: "Security", asked: 7, covered: 4, share: 4 / 7 },
  { key: "edge-cases", label: "Edge cases", asked: 0, covered: 0, share: null },
  { key: "testing", label: "Testing", asked: 4, covered: 4, share: 1 },
  { key: "style-only", label: "Style only", asked: 10, covered: 1, share: 0.1 },
];

describe("SVG charts", () => {
  it("draws an 8-week sparkline with a gap, a title, a description and a data table", () => {
    const svg = renderSparkline("spark-1", "acme/<shop>", TREND);
    expect(svg).toMatchSnapshot();
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/data-score="/g)).toHaveLength(7);
    expect(svg).toContain("<title id=\"spark-1-title\">acme/&lt;shop&gt;: score over the last 8 weeks</title>");
    expect(svg).toContain("<td>no score</td>");
  });

  it("draws the score trend on a 0-100 axis", () => {
    expect(renderLineChart("trend", "Score by week", TREND)).toMatchSnapshot();
  });

  it("says so when no week has a score", () => {
    const empty = TREND.map((point) => ({ ...point, score: null }));
    const svg = renderLineChart("trend", "Score by week", empty);
    expect(svg).toContain("<desc id=\"trend-desc\">No week has a score yet.</desc>");
    expect(svg).not.toContain("<polyline");
  });

  it("draws coverage bars, n/a where nothing needed the concern", () => {
    const svg = renderCoverageBars("coverage", "Coverage, last 4 weeks", COVERAGE);
    expect(svg).toMatchSnapshot();
    expect(svg).toContain('data-key="edge-cases" data-share=""');
  });

  it("draws coverage week by week as small multiples", () => {
    const weeks: WeekCoverage[] = [0, 1, 2, 3].map((index) => ({
      isoWeek: `2026-W${42 + index}`,
      weekEnd: "",
      mergedPullRequests: 3,
      coverage: COVERAGE.map((row) => ({ ...row, share: row.share === null ? null : Math.min(1, row.share + index * 0.1) })),
    }));
    expect(renderWeekBars("weekly", weeks, "security")).toMatchSnapshot();
  });

  it("renders the badge, coloured by score", () => {
    expect(renderBadge(83)).toMatchSnapshot();
    expect(renderBadge(null)).toContain("n/a");
    expect(renderBadge(15)).toContain("#e05d44");
    expect(renderBadge(65)).toContain("#97ca00");
  });
});
