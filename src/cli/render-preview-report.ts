// The preview report as text for a terminal, or as Markdown a lead can paste into an issue (where no
// quoted nudge pings the reviewer it addresses). Pure.

import { escapeMarkdown, inlineCode, neutralizeMentions } from "../coach/render/escape-markdown.js";
import type { PreviewPullRequest, PreviewReport } from "../use-cases/preview-report.js";

const percent = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const day = (iso: string) => iso.slice(0, 10);

function describeWindow(report: PreviewReport): string {
  if (report.window.pullRequests) return `pull requests ${report.window.pullRequests.map((n) => `#${n}`).join(", ")}`;
  return `pull requests merged since ${day(report.window.since ?? "")}`;
}

function describeConfig(report: PreviewReport): string {
  const c = report.config;
  return `mode ${c.mode}, nudges from severity ${c.severity}, at most ${c.maxNudgesPerReview} per review and ${c.maxNudgesPerPullRequest} per pull request (config: ${c.sources.join(", then ")})`;
}

function describeTotals(report: PreviewReport): { headline: string; stamps: string; coverage: string[]; score: string } {
  const t = report.totals;
  const verb = report.config.mode === "shadow" ? "recorded (shadow mode)" : "posted";
  return {
    headline: `${plural(t.pullRequests, "merged pull request")}, ${plural(t.reviews, "review")}: ${plural(t.nudges, "nudge")} would have been ${verb}.`,
    stamps: `Rubber stamps (approvals with no substantive comment): ${t.rubberStamps.count}; by risk: high ${t.rubberStamps.byRisk.high ?? 0}, medium ${t.rubberStamps.byRisk.medium ?? 0}, low ${t.rubberStamps.byRisk.low ?? 0}, none ${t.rubberStamps.byRisk.none ?? 0}.`,
    coverage: t.coverage.map((c) => `${c.concern}: covered on ${c.covered} of ${plural(c.asked, "PR")} that asked for it (${percent(c.share)})`),
    score: `Repository score: ${t.repositoryScore.score ?? "n/a"} (risk-weighted mean of the PR scores over the ${t.repositoryScore.windowDays} days to now; a merge without review counts 0).`,
  };
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((l) => (l === "" ? prefix.trimEnd() : `${prefix}${l}`))
    .join("\n");
}

function renderPullRequestText(pr: PreviewPullRequest): string[] {
  const lines = [
    `#${pr.number} ${pr.title}`,
    `  ${pr.url}`,
    `  merged ${day(pr.mergedAt)} by ${pr.author}; risk ${pr.risk.level} (${plural(pr.risk.findings, "finding")}${pr.risk.concerns.length ? `: ${pr.risk.concerns.join(", ")}` : ""}); PR score ${pr.score ?? "none (no review)"}`,
  ];
  for (const review of pr.reviews) {
    const flags = review.flags.length ? ` [${review.flags.join(", ")}]` : "";
    lines.push(`  review by ${review.reviewer}, ${review.state.toLowerCase()} ${day(review.submittedAt)}: score ${review.score}${flags}${review.counted ? "" : " (not counted)"}`);
    for (const factor of review.breakdown) lines.push(`    ${factor.name.padEnd(13)} ${`${factor.points}/${factor.weight}`.padStart(9)}  ${factor.explanation}`);
  }
  for (const nudge of pr.nudges) {
    const where = nudge.line === null ? nudge.path : `${nudge.path}:${nudge.line}`;
    lines.push(`  would nudge ${nudge.reviewer} (${nudge.placement}) at ${where}, ${nudge.concern}, ${nudge.severity}:`, indent(nudge.text, "    | "), `    ${nudge.link}`);
  }
  if (pr.nudges.length === 0) lines.push("  no nudge");
  return lines;
}

export function renderPreviewText(report: PreviewReport): string {
  const totals = describeTotals(report);
  const lines = [
    `review-coach preview of ${report.repository} on ${report.host}: ${describeWindow(report)}`,
    describeConfig(report),
    "",
    ...report.pullRequests.flatMap((pr) => [...renderPullRequestText(pr), ""]),
    ...report.skipped.map((s) => `#${s.number} skipped: ${s.reason}`),
    ...(report.skipped.length ? [""] : []),
    "Totals",
    `  ${totals.headline}`,
    "  Nudges per reviewer per week (counts only, by week then name):",
    ...(report.totals.nudgesPerReviewerPerWeek.length ? report.totals.nudgesPerReviewerPerWeek.map((n) => `    ${n.week}  ${n.reviewer}: ${n.nudges}`) : ["    none"]),
    `  ${totals.stamps}`,
    "  What reviews covered:",
    ...totals.coverage.map((c) => `    ${c}`),
    `  ${totals.score}`,
    "",
    `The digest for ${report.digest.isoWeek}, as it would be delivered:`,
    "",
    report.digest.markdown.trimEnd(),
    "",
    `${plural(report.requests.made, "GitHub request")} made${report.requests.rateLimitRemaining === null ? "" : `, ${report.requests.rateLimitRemaining} left in the token's hourly budget`}.`,
  ];
  return `${lines.join("\n")}\n`;
}

function renderPullRequestMarkdown(pr: PreviewPullRequest): string[] {
  const lines = [
    `### [#${pr.number}](${pr.url}) ${escapeMarkdown(pr.title)}`,
    "",
    `Merged ${day(pr.mergedAt)} · risk **${pr.risk.level}** (${plural(pr.risk.findings, "finding")}${pr.risk.concerns.length ? `: ${pr.risk.concerns.join(", ")}` : ""}) · PR score **${pr.score ?? "none (no review)"}**`,
    "",
  ];
  for (const review of pr.reviews) {
    const flags = review.flags.length ? ` · ${review.flags.join(", ")}` : "";
    lines.push(
      `<details><summary>Review by ${inlineCode(review.reviewer)}, ${review.state.toLowerCase()}: score ${review.score}${flags}${review.counted ? "" : " (not counted)"}</summary>`,
      "",
      "| factor | points | why |",
      "|---|---:|---|",
      ...review.breakdown.map((f) => `| ${f.name} | ${f.points}/${f.weight} | ${escapeMarkdown(f.explanation)} |`),
      "",
      "</details>",
      "",
    );
  }
  if (pr.nudges.length === 0) lines.push("No nudge.", "");
  for (const nudge of pr.nudges) {
    const where = nudge.line === null ? nudge.path : `${nudge.path} line ${nudge.line}`;
    lines.push(`- [${inlineCode(where)}](${nudge.link}): ${nudge.concern} (${nudge.severity}), ${nudge.placement}, to ${inlineCode(nudge.reviewer)}`, "", indent(neutralizeMentions(nudge.text), "  > "), "");
  }
  return lines;
}

export function renderPreviewMarkdown(report: PreviewReport): string {
  const totals = describeTotals(report);
  const lines = [
    `## review-coach preview of ${escapeMarkdown(report.repository)}`,
    "",
    `${describeWindow(report)} on ${report.host}; ${escapeMarkdown(describeConfig(report))}.`,
    "",
    `**${totals.headline}**`,
    "",
    "| week | reviewer | nudges |",
    "|---|---|---:|",
    ...report.totals.nudgesPerReviewerPerWeek.map((n) => `| ${n.week} | ${inlineCode(n.reviewer)} | ${n.nudges} |`),
    "",
    "_Counts only, by week then name: not a ranking._",
    "",
    totals.stamps,
    "",
    ...totals.coverage.map((c) => `- ${c}`),
    "",
    totals.score,
    "",
    "### Pull requests",
    "",
    ...report.pullRequests.flatMap(renderPullRequestMarkdown),
    ...report.skipped.map((s) => `- #${s.number} skipped: ${s.reason}`),
    ...(report.skipped.length ? [""] : []),
    `<details><summary>The digest for ${report.digest.isoWeek}, as it would be delivered</summary>`,
    "",
    report.digest.markdown.trimEnd(),
    "",
    "</details>",
  ];
  return `${lines.join("\n")}\n`;
}
