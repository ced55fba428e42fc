// Renders the digest as a GitHub issue body (DESIGN.md, flow 6). Pure, snapshot-tested.
//
// Everything that comes from pull requests (titles, repository names, logins) goes through
// escapeMarkdown: no @mentions (a zero-width joiner follows every "@"), no #123 cross-references, no
// markup or HTML. URLs are kept only when they are http(s), and percent-encoded so they cannot break out
// of a link.

import { FALSE_POSITIVE_FLAG } from "../coach/build-rule-effectiveness.js";
import { escapeMarkdown, inlineCode } from "../coach/render/escape-markdown.js";
import type { DigestData, DigestPullRequestLink, DigestRepositoryHistory, DigestTrendPoint } from "./digest-types.js";
import {
  formatChange,
  formatConcern,
  formatCount,
  formatHours,
  formatReference,
  formatScore,
  formatShare,
  safeUrl,
} from "./format-digest-figures.js";
import { renderDigestMarker } from "./render-digest-title.js";

/** `[#12](url) Title`, escaped; without a usable URL the reference is plain text. */
function renderLink(data: DigestData, link: DigestPullRequestLink, url: string = link.url): string {
  // Built from safe parts: inside link text "#12" is not a cross-reference, and the number is a number.
  const reference = formatReference(data.target, link) === `#${link.number}` ? `#${link.number}` : `${escapeMarkdown(link.repository)}#${link.number}`;
  const href = safeUrl(url);
  const title = escapeMarkdown(link.title);
  return href === null ? `${reference} ${title}` : `[${reference}](${href}) ${title}`;
}

function renderHeadline(data: DigestData): string {
  const parts: string[] = [];
  const change = formatChange(data.score.change);
  parts.push(`**Review-quality score ${formatScore(data.score.current)}${change === "" ? "" : ` ${change}`}**`);
  parts.push(`${formatCount(data.activity.mergedPullRequests, "PR")} merged`);
  const security = data.coverage.concerns.find((row) => row.concern === "security");
  if (security !== undefined && security.asked > 0) {
    parts.push(`security covered in ${security.covered} of ${formatCount(security.asked, "PR")} that needed it`);
  }
  if (data.rubberStamps.count > 0) parts.push(formatCount(data.rubberStamps.count, "rubber stamp"));
  if (data.nudges.total.delivered > 0) parts.push(`${data.nudges.total.actedOn} of ${formatCount(data.nudges.total.delivered, "nudge")} acted on`);
  return parts.join(" · ");
}

function renderScore(data: DigestData): string[] {
  const { score } = data;
  const lines = [`### Review-quality score: ${formatScore(score.current)}${score.change === null ? "" : ` ${formatChange(score.change)}`}`, ""];
  if (score.current === null) {
    lines.push(`No pull requests were merged in the ${score.windowDays} days to the end of the week, so there is no score yet.`);
  } else {
    const before =
      score.previous === null
        ? "There was no score a week earlier."
        : score.change === null
          ? `A week earlier it was ${score.previous}, over part of its window only, so the two are not compared.`
          : `A week earlier it was ${score.previous}.`;
    lines.push(
      `Risk-weighted over the ${formatCount(score.mergedInWindow, "PR")} merged in the ${score.windowDays} days to the end of the week. ${before}`,
    );
  }
  lines.push("", ...renderTrend(data.trend, score.windowDays));
  return lines;
}

/**
 * A Mermaid xychart GitHub draws natively; weeks without a score are left out. A week whose window
 * reaches back before the stored history is labelled with a "*" and explained under the chart.
 */
function renderTrend(trend: readonly DigestTrendPoint[], windowDays: number): string[] {
  const firstKnown = trend.findIndex((point) => point.score !== null);
  const shown = firstKnown < 0 ? [] : trend.slice(firstKnown).filter((point) => point.score !== null);
  if (shown.length < 2) {
    return ["_Not enough history for a trend yet: the chart appears once two weeks have a score._"];
  }
  const labels = shown.map((point) => `"${point.isoWeek.slice(5)}${point.partial ? "*" : ""}"`).join(", ");
  const values = shown.map((point) => String(point.score)).join(", ");
  const lines = [
    "```mermaid",
    "xychart-beta",
    `  title "Review-quality score, last ${trend.length} weeks"`,
    `  x-axis [${labels}]`,
    `  y-axis "Score" 0 --> 100`,
    `  line [${values}]`,
    "```",
  ];
  const gaps = trend.length - firstKnown - shown.length;
  if (gaps > 0) lines.push("", `_${formatCount(gaps, "week")} without merged PRs in the window ${gaps === 1 ? "is" : "are"} left out of the chart._`);
  const partial = shown.filter((point) => point.partial).length;
  if (partial > 0) {
    lines.push(
      "",
      `_* Partial: ${partial === 1 ? "this week's" : `these ${partial} weeks'`} ${windowDays}-day window reaches back before the history review-coach has, so the score counts only the PRs it has._`,
    );
  }
  return lines;
}

/** "2026-10-12" from an ISO instant. */
const dayOf = (iso: string): string => iso.slice(0, 10);

function describeHistory(history: DigestRepositoryHistory): string {
  const name = escapeMarkdown(history.repository);
  if (history.backfill === "in-progress") {
    const missing = history.missing === null ? "" : ` PRs merged from ${dayOf(history.missing.from)} to ${dayOf(history.missing.to)} are not imported yet.`;
    return `the backfill of ${name} had not finished when this digest was built (${formatCount(history.importedPullRequests, "pull request")} imported so far).${missing}`;
  }
  if (history.backfill === "not-started") {
    return `the backfill of ${name} has not run, so its history starts when the app was installed, on ${dayOf(history.completeFrom)}.`;
  }
  return `the history of ${name} starts on ${dayOf(history.completeFrom)} (\`backfill.weeks\` in .github/review-coach.yml sets how far back it reaches).`;
}

/** Says plainly when the score's window is not all stored, and what is missing. */
function renderPartialHistory(data: DigestData): string[] {
  if (data.partialHistory.length === 0) return [];
  const lines = [
    `> [!NOTE]`,
    `> **Partial history.** The score's ${data.score.windowDays}-day window reaches back before what review-coach has stored, so the score and the trend count only the PRs it has:`,
  ];
  for (const history of data.partialHistory) lines.push(`> - ${describeHistory(history)}`);
  return lines;
}

function renderCoverage(data: DigestData): string[] {
  const lines = [
    "### What reviews covered",
    "",
    `Of the PRs merged this week whose risk profile asked for a concern, the share whose reviews covered it.`,
    "",
    "| Concern | PRs that needed it | Covered in review | Share |",
    "|---|---:|---:|---:|",
  ];
  for (const row of data.coverage.concerns) {
    lines.push(`| ${formatConcern(row.concern)} | ${row.asked} | ${row.covered} | ${formatShare(row.share)} |`);
  }
  const { styleOnly } = data.coverage;
  lines.push("");
  lines.push(
    styleOnly.reviewed === 0
      ? "No merged PR had a review this week, so there is no style-only share."
      : `Style-only reviews: ${styleOnly.count} of ${formatCount(styleOnly.reviewed, "reviewed PR")} (${formatShare(styleOnly.share)}).`,
  );
  if (data.activity.unreviewedMerges > 0) {
    lines.push("", `${formatCount(data.activity.unreviewedMerges, "PR was", "PRs were")} merged without a review; each counts 0 in the score.`);
  }
  return lines;
}

function renderRubberStamps(data: DigestData): string[] {
  const stamps = data.rubberStamps;
  const lines = ["### Rubber stamps", ""];
  if (stamps.count === 0) {
    lines.push("No merged PR was approved without a substantive comment this week.");
    return lines;
  }
  const levels = (["high", "medium", "low", "none"] as const)
    .filter((level) => stamps.byRisk[level] > 0)
    .map((level) => `${stamps.byRisk[level]} ${level === "none" ? "no" : level} risk`)
    .join(", ");
  lines.push(
    `${formatCount(stamps.count, "merged PR was", "merged PRs were")} approved without a substantive comment (${levels}). ` +
      `Weighted by risk that is ${stamps.weighted} of ${stamps.totalWeight}, ${formatShare(stamps.share)} of the week's merged risk.`,
  );
  return lines;
}

function renderWeakMerges(data: DigestData): string[] {
  const lines = ["### High-risk PRs merged on a weak review", ""];
  if (data.weakHighRiskMerges.length === 0) {
    lines.push("None this week: every high-risk PR that merged had a solid review.");
    return lines;
  }
  lines.push("High-risk PRs merged with a PR score under 50 or no review at all:", "");
  for (const merge of data.weakHighRiskMerges) {
    lines.push(`- ${renderLink(data, merge)} (${merge.score === null ? "no review" : `score ${merge.score}`})`);
  }
  return lines;
}

function renderTimeToFirstReview(data: DigestData): string[] {
  const wait = data.timeToFirstReview;
  const lines = ["### Time to first review", ""];
  if (wait.measured === 0) {
    lines.push("No PR got its first review this week after a review request, so there is nothing to measure.");
  } else {
    lines.push(
      `Median ${formatHours(wait.medianHours)}, 90th percentile ${formatHours(wait.p90Hours)}, from the review request to the first review, over the ${formatCount(wait.measured, "PR")} whose first review came this week.`,
    );
  }
  return lines;
}

function renderNudges(data: DigestData): string[] {
  const { nudges } = data;
  const lines = ["### Nudges", ""];
  const total = nudges.total;
  const anything = total.delivered + total.shadow + total.failed > 0;
  if (!anything) {
    lines.push("review-coach did not nudge anyone this week.");
  } else {
    const withShadow = total.shadow > 0;
    lines.push(`| Concern | Sent | Acted on | Dismissed |${withShadow ? " Would have fired (shadow) |" : ""}`);
    lines.push(`|---|---:|---:|---:|${withShadow ? "---:|" : ""}`);
    for (const row of nudges.byConcern) {
      lines.push(`| ${formatConcern(row.concern)} | ${row.delivered} | ${row.actedOn} | ${row.dismissed} |${withShadow ? ` ${row.shadow} |` : ""}`);
    }
    lines.push(`| **Total** | **${total.delivered}** | **${total.actedOn}** | **${total.dismissed}** |${withShadow ? ` **${total.shadow}** |` : ""}`);
    lines.push("");
    if (total.delivered > 0) lines.push(`${formatShare(nudges.actedOnShare)} of the nudges sent were acted on.`);
    if (total.failed > 0) lines.push(`${formatCount(total.failed, "nudge")} could not be posted; see the app's logs.`);
  }
  if (nudges.byRule.length > 0) lines.push("", ...renderRuleEffectiveness(data));
  if (nudges.shadowRepositories.length > 0) {
    const names = nudges.shadowRepositories.map((repository) => escapeMarkdown(repository)).join(", ");
    lines.push(
      "",
      `Shadow mode (${names}): review-coach posts nothing there and only records what it would have said. ` +
        `This week it would have nudged ${formatCount(total.shadow, "time")}.`,
    );
  }
  return lines;
}

/** Per rule, Tricorder-style: how many nudges it sent and how many missed (dismissed or left unanswered). */
function renderRuleEffectiveness(data: DigestData): string[] {
  const { byRule, byRuleWindowDays } = data.nudges;
  const lines = [
    `#### Per rule, last ${byRuleWindowDays} days`,
    "",
    "| Rule | Sent | Acted on | Dismissed | Ignored | Effective false-positive rate |",
    "|---|---:|---:|---:|---:|---:|",
    ...byRule.map(
      (row) =>
        `| ${inlineCode(row.rule)} | ${row.sent} | ${row.actedOn} | ${row.dismissed} | ${row.ignored} | ${formatShare(row.falsePositiveRate)}${row.flagged ? " ⚠️" : ""} |`,
    ),
  ];
  const flagged = byRule.filter((row) => row.flagged).length;
  if (flagged > 0) {
    lines.push(
      "",
      `⚠️ ${formatCount(flagged, "rule")} above ${formatShare(FALSE_POSITIVE_FLAG)} (dismissed or ignored over sent): more than 1 nudge in 10 was not worth the reviewer's time. ` +
        "Rules the team keeps dismissing are muted by themselves; to decide for them, pin them in `.github/review-coach.yml` (`rules: { <rule>: off }`).",
    );
  }
  return lines;
}

function renderKudos(data: DigestData): string[] {
  const lines = ["### Kudos", ""];
  if (data.kudos.length === 0) {
    lines.push("No review was marked exemplary this week.");
    return lines;
  }
  for (const kudos of data.kudos) {
    const who = kudos.reviewer === null ? "An exemplary review" : `**${escapeMarkdown(`@${kudos.reviewer}`)}** for an exemplary review`;
    lines.push(`- ${who} on ${renderLink(data, kudos, kudos.reviewUrl)}`);
  }
  return lines;
}

function renderComparison(data: DigestData): string[] {
  const comparison = data.comparison;
  if (comparison === null) return [];
  if (comparison.rows.length === 0) {
    return comparison.footnote === null ? [] : ["### By repository", "", `_${escapeMarkdown(comparison.footnote)}_`];
  }
  const lines = [
    "### By repository",
    "",
    "| Repository | Score | Merged this week | Security covered | Edge cases covered |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const row of comparison.rows) {
    lines.push(
      `| ${escapeMarkdown(row.name)} | ${formatScore(row.score)} | ${row.mergedPullRequests} | ${formatShare(row.securityShare)} | ${formatShare(row.edgeCasesShare)} |`,
    );
  }
  if (comparison.footnote !== null) lines.push("", `_${escapeMarkdown(comparison.footnote)}_`);
  return lines;
}

function renderAgenda(data: DigestData): string[] {
  return ["### Coaching agenda for the retro", "", ...data.agenda.map((item, index) => `${index + 1}. ${escapeMarkdown(item.text)}`)];
}

function renderTone(data: DigestData): string[] {
  if (data.toneIssues === 0) return [];
  return [
    "### Tone",
    "",
    `${formatCount(data.toneIssues, "review comment was", "review comments were")} worded harshly this week. ` +
      "They are counted, never quoted or attributed: each reviewer sees a suggested rephrasing in their private dashboard.",
  ];
}

function renderFooter(data: DigestData): string[] {
  const naming = data.namesReviewers
    ? "Reviewers are named only in kudos, and only those who have not opted out."
    : "This digest names no one: kudos are listed by pull request.";
  return [
    "---",
    "",
    "<details><summary>How the score works, and what this digest shares</summary>",
    "",
    "Each review is scored 0–100 on how well it covered what the PR's risk profile asked for (design, security, edge cases, tests…), " +
      "how deep it went and how it was said. A PR's score is the union of its reviews; self-approvals and bot reviews are not reviews. " +
      `The repository score is the risk-weighted mean of the scores of the PRs merged in the last ${data.score.windowDays} days: ` +
      "riskier PRs weigh more, and a PR merged without a review counts 0. " +
      "The week runs from Monday 00:00 to Sunday 24:00 UTC; coverage, rubber stamps and weak reviews are about the PRs merged in it.",
    "",
    `${naming} Nothing negative points at a person: weak reviews and rubber stamps are listed by pull request, ` +
      `harsh comments are only counted, and groups are compared only when each has at least 5 reviewers.`,
    "",
    "</details>",
  ];
}

/** The issue body; `notices` (configuration problems) are shown at the top. */
export function renderDigestMarkdown(data: DigestData, notices: readonly string[] = []): string {
  const { week } = data;
  const sections: string[][] = [
    [
      renderDigestMarker(data.target, week.isoWeek),
      `## Review digest for ${escapeMarkdown(data.target.name)}, ${week.isoWeek}`,
      "",
      `_${week.firstDay} to ${week.lastDay} (Monday to Sunday, UTC)_`,
      "",
      renderHeadline(data),
    ],
    notices.map((notice) => `> [!WARNING]\n> ${escapeMarkdown(notice)}`),
    renderPartialHistory(data),
    renderScore(data),
    renderCoverage(data),
    renderRubberStamps(data),
    renderWeakMerges(data),
    renderTimeToFirstReview(data),
    renderNudges(data),
    renderKudos(data),
    renderComparison(data),
    renderAgenda(data),
    renderTone(data),
    renderFooter(data),
  ];
  return `${sections
    .filter((section) => section.length > 0)
    .map((section) => section.join("\n"))
    .join("\n\n")}\n`;
}
