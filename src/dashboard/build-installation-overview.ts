// The installation (org) overview: every visible repository's score and trend, and the totals. Group
// comparisons (coverage side by side) only for repositories with at least five distinct reviewers. Pure.

import { MINIMUM_GROUP_REVIEWERS } from "../digest/build-digest.js";
import type { DigestPullRequest } from "../digest/digest-types.js";
import type { RepositoryFigures } from "./build-repository-summary.js";
import { selectComparable, sumCoverageRows, sumNudgeOutcomes, sumRubberStampSummaries } from "./build-repository-summary.js";
import type { ComparisonRow, InstallationOverview, PeriodInfo } from "./dashboard-types.js";
import { compareText } from "../coach/compare-text.js";

export function buildInstallationOverview(input: {
  installation: InstallationOverview["installation"];
  figures: RepositoryFigures[];
  pullRequests: DigestPullRequest[];
  now: Date;
  windowDays: number;
  period: PeriodInfo;
}): InstallationOverview {
  const summaries = input.figures.map((figure) => figure.summary).sort((a, b) => compareText(a.fullName, b.fullName));
  const comparable = new Set(selectComparable(input.pullRequests, input.now, input.windowDays));
  const rows: ComparisonRow[] = summaries
    .filter((summary) => comparable.has(summary.fullName))
    .map((summary) => ({
      fullName: summary.fullName,
      score: summary.score,
      securityShare: summary.coverage.find((row) => row.key === "security")?.share ?? null,
      edgeCasesShare: summary.coverage.find((row) => row.key === "edge-cases")?.share ?? null,
    }));
  const rule = `at least ${MINIMUM_GROUP_REVIEWERS} distinct reviewers in the last ${input.windowDays} days, so that no one can be singled out`;
  let footnote: string | null = null;
  if (rows.length < 2) {
    footnote = summaries.length < 2 ? null : `Coverage is not compared repository by repository: that needs two or more repositories with ${rule}.`;
  } else if (rows.length < summaries.length) {
    const left = summaries.length - rows.length;
    footnote = `${left === 1 ? "1 repository is" : `${left} repositories are`} left out of the comparison: only repositories with ${rule} are compared.`;
  }
  return {
    installation: input.installation,
    period: input.period,
    repositories: summaries,
    coverage: sumCoverageRows(summaries.map((summary) => summary.coverage)),
    rubberStamps: sumRubberStampSummaries(summaries.map((summary) => summary.rubberStamps)),
    nudges: sumNudgeOutcomes(summaries.map((summary) => summary.nudges)),
    comparison: { minimumReviewers: MINIMUM_GROUP_REVIEWERS, rows: rows.length < 2 ? [] : rows, footnote },
  };
}
