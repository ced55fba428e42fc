import { describe, expect, it } from "@jest/globals";
import { buildInstallationOverview } from "../../../src/dashboard/build-installation-overview.js";
import { buildMyCoaching } from "../../../src/dashboard/build-my-coaching.js";
import { buildRepositoryFigures, buildRepositoryReport } from "../../../src/dashboard/build-repository-summary.js";
import { renderInstallationPage } from "../../../src/dashboard/pages/render-installation-page.js";
import { renderMePage } from "../../../src/dashboard/pages/render-me-page.js";
import { renderRepositoryPage } from "../../../src/dashboard/pages/render-repository-page.js";
import { NOW, REPOSITORY, repositoryInput } from "../digest/digest-fixture.js";

const VIEWER = { login: "alice", csrfToken: "csrf-token" };
const now = new Date(NOW);
const input = repositoryInput();
const inputs = { id: 7, fullName: REPOSITORY, pullRequests: input.pullRequests, nudges: input.nudges, history: input.history[0]!, toneCommentTimes: ["2026-11-04T10:00:00.000Z"] };
const config = { sources: ["config/default.yml"], problems: [], mode: "nudge", windowDays: 28, individuals: "kudos" as const, badgeEnabled: false, yaml: "mode: nudge\n", loaded: true };

describe("dashboard pages", () => {
  it("renders the repository page from the digest's fixture week", () => {
    const figures = buildRepositoryFigures(inputs, { now, windowDays: 28, individuals: "kudos", shadow: false });
    const mutedRules = [{ rule: "sql-from-variable", scope: "repository" as const, sent: 3, actedOn: 0, dismissed: 3, ignored: 0, since: "2026-11-03T10:00:00.000Z", until: "2027-02-01T10:00:00.000Z" }];
    const report = buildRepositoryReport(figures, { installationId: 1, config, inShadowMode: false, mutedRules });
    expect(report.ruleEffectiveness.rows.map((row) => [row.rule, row.flagged])).toEqual([
      ["changed-export", true],
      ["sql-from-variable", true],
      ["swallowed-error", false],
    ]);
    expect(report.summary.trend).toHaveLength(8);
    expect(report.weeks).toHaveLength(8);
    expect(renderRepositoryPage(VIEWER, report, "acme")).toMatchSnapshot();
  });

  it("names nobody in kudos when the config says none", () => {
    const figures = buildRepositoryFigures(inputs, { now, windowDays: 28, individuals: "none", shadow: false });
    const report = buildRepositoryReport(figures, { installationId: 1, config: { ...config, individuals: "none" }, inShadowMode: false, mutedRules: [] });
    expect(report.kudos.every((kudos) => kudos.reviewer === null)).toBe(true);
  });

  it("renders the installation overview", () => {
    const figures = buildRepositoryFigures(inputs, { now, windowDays: 28, individuals: "none", shadow: false });
    const overview = buildInstallationOverview({
      installation: { id: 1, accountLogin: "acme", accountType: "Organization" },
      figures: [figures],
      pullRequests: inputs.pullRequests,
      now,
      windowDays: 28,
      period: figures.period,
    });
    expect(renderInstallationPage(VIEWER, overview)).toMatchSnapshot();
  });

  it("renders my coaching page with a breakdown, a nudge, a tone suggestion and the opt-out form", () => {
    const pr = { repository: "acme/shop", number: 12, title: "Fix <login>", url: "https://github.com/acme/shop/pull/12" };
    const me = buildMyCoaching({
      login: "alice",
      now,
      reviews: [
        {
          ...pr,
          id: 1,
          htmlUrl: null,
          submittedAt: "2026-11-04T12:00:00.000Z",
          state: "APPROVED",
          score: 35,
          flags: '["style-only"]',
          breakdown: JSON.stringify({
            bodyClassification: {},
            result: {
              score: 35,
              breakdown: [{ name: "coverage", weight: 60, value: 0.25, points: 15, explanation: "Addressed 1 of 4 findings." }],
              evidence: [],
              flags: ["style-only"],
              addressed: [],
              uncovered: ["a", "b"],
              demand: 1,
            },
          }),
        },
      ],
      nudges: [{ ...pr, concern: "security", path: "src/auth.ts", line: 3, status: "acted-on", mode: "nudge", createdAt: "2026-11-04T12:01:00.000Z" }],
      comments: [{ ...pr, body: "This is obviously wrong.", tone: "harsh", createdAt: "2026-11-04T12:00:00.000Z" }],
      optOuts: [{ repositoryId: 7, repository: "acme/shop", optedOut: false }],
    });
    expect(me.reviews[0]?.factors).toHaveLength(1);
    expect(renderMePage(VIEWER, me)).toMatchSnapshot();
  });
});
