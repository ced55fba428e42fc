// A repository's page for leads: score trend, coverage over time, weak high-risk merges (by PR, never by
// person), kudos (as the config allows), nudges by concern, shadow-mode counts, and the config in effect.
// Pure.

import { FALSE_POSITIVE_FLAG } from "../../coach/build-rule-effectiveness.js";
import { formatConcern } from "../../digest/format-digest-figures.js";
import { renderCoverageBars } from "../charts/render-coverage-bars.js";
import { renderLineChart } from "../charts/render-line-chart.js";
import { renderWeekBars } from "../charts/render-week-bars.js";
import type { CoverageKey, RepositoryReport } from "../dashboard-types.js";
import { escapeHtml, safeHref } from "../escape-html.js";
import { renderNudgeOutcomes, renderRubberStamps } from "./render-installation-page.js";
import { formatPercent, formatScoreText, type PageViewer, renderPageLayout } from "./render-page-layout.js";

const COVERAGE_KEYS: CoverageKey[] = ["architecture", "security", "edge-cases", "testing", "style-only"];

function link(url: string, text: string): string {
  const href = safeHref(url);
  return href ? `<a href="${href}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** Rules muted by learning (counts, since when, until when) and each rule's effectiveness, the least effective first. */
function renderRules(report: RepositoryReport): string {
  const muted =
    report.mutedRules.length === 0
      ? `<p>No rule is muted here: reviewers have not kept dismissing any rule's nudges.</p>`
      : `<div class="table-wrap"><table class="data" id="muted-rules"><caption>Muted by learning: review-coach does not nudge about these here</caption><thead><tr><th scope="col">Rule</th><th scope="col">Where</th><th scope="col" class="num">Sent</th><th scope="col" class="num">Acted on</th><th scope="col" class="num">Dismissed</th><th scope="col" class="num">Ignored</th><th scope="col">Since</th><th scope="col">Until</th></tr></thead><tbody>${report.mutedRules
          .map(
            (m) =>
              `<tr><th scope="row"><code>${escapeHtml(m.rule)}</code></th><td>${m.scope === "repository" ? "this repository" : "the organization"}</td><td class="num">${m.sent}</td><td class="num">${m.actedOn}</td><td class="num">${m.dismissed}</td><td class="num">${m.ignored}</td><td>${escapeHtml(m.since.slice(0, 10))}</td><td>${escapeHtml(m.until.slice(0, 10))}</td></tr>`,
          )
          .join("")}</tbody></table></div><p class="note">A pin in <code>.github/review-coach.yml</code> (<code>rules: { &lt;rule&gt;: on }</code>) wins over learning; <code>/coach unmute &lt;rule&gt;</code> by someone with write access resets it.</p>`;
  const { rows, windowDays } = report.ruleEffectiveness;
  const effectiveness =
    rows.length === 0
      ? `<p>No nudge with a known rule was sent in the last ${windowDays} days.</p>`
      : `<div class="table-wrap"><table class="data" id="rule-effectiveness"><caption>Nudges per rule, last ${windowDays} days</caption><thead><tr><th scope="col">Rule</th><th scope="col" class="num">Sent</th><th scope="col" class="num">Acted on</th><th scope="col" class="num">Dismissed</th><th scope="col" class="num">Ignored</th><th scope="col" class="num">Effective false-positive rate</th></tr></thead><tbody>${rows
          .map(
            (row) =>
              `<tr${row.flagged ? ` class="flagged"` : ""}><th scope="row"><code>${escapeHtml(row.rule)}</code></th><td class="num">${row.sent}</td><td class="num">${row.actedOn}</td><td class="num">${row.dismissed}</td><td class="num">${row.ignored}</td><td class="num">${formatPercent(row.falsePositiveRate)}${row.flagged ? ` <strong>above ${formatPercent(FALSE_POSITIVE_FLAG)}</strong>` : ""}</td></tr>`,
          )
          .join("")}</tbody></table></div><p class="note">Effective false-positive rate: nudges dismissed or left unanswered, over nudges sent. Above ${formatPercent(FALSE_POSITIVE_FLAG)}, more than 1 nudge in 10 was not worth the reviewer's time.</p>`;
  return `<h3>Muted rules</h3>${muted}<h3>Effectiveness</h3>${effectiveness}`;
}

export function renderRepositoryPage(viewer: PageViewer, report: RepositoryReport, installationLogin: string): string {
  const { summary, config } = report;
  const [owner = "", name = ""] = summary.fullName.split("/");
  const base = `/dashboard/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  const weak =
    report.weakHighRiskMerges.length === 0
      ? `<p>None in the last ${report.period.weeks} weeks: every high-risk PR that merged had a solid review.</p>`
      : `<ul>${report.weakHighRiskMerges
          .map((merge) => `<li>${link(merge.url, `#${merge.number} ${merge.title}`)} <span class="muted">(${merge.score === null ? "no review" : `PR score ${merge.score}`})</span></li>`)
          .join("")}</ul>`;
  const kudos =
    report.kudos.length === 0
      ? `<p>No review was marked exemplary in the last ${report.period.weeks} weeks.</p>`
      : `<ul>${report.kudos
          .map(
            (item) =>
              `<li>${item.reviewer === null ? "An exemplary review" : `<strong>${escapeHtml(item.reviewer)}</strong> for an exemplary review`} on ${link(item.reviewUrl, `#${item.number} ${item.title}`)}</li>`,
          )
          .join("")}</ul>${report.namesReviewers ? "" : `<p class="note">This repository's config names nobody (<code>digest.individuals: none</code>).</p>`}`;
  const nudgeRows = report.nudgesByConcern
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(formatConcern(row.concern))}</th><td class="num">${row.sent}</td><td class="num">${row.actedOn}</td><td class="num">${row.dismissed}</td><td class="num">${row.shadow}</td></tr>`,
    )
    .join("");
  const nudges =
    report.nudgesByConcern.length === 0
      ? `<p>review-coach did not nudge anyone here in the last ${report.period.weeks} weeks.</p>`
      : `<div class="table-wrap"><table class="data"><caption>Nudges by concern, last ${report.period.weeks} weeks</caption><thead><tr><th scope="col">Concern</th><th scope="col" class="num">Sent</th><th scope="col" class="num">Acted on</th><th scope="col" class="num">Dismissed</th><th scope="col" class="num">Would have fired (shadow)</th></tr></thead><tbody>${nudgeRows}</tbody></table></div>`;
  const rules = renderRules(report);
  const shadow = report.shadow.inShadowMode
    ? `<p>This repository is in <strong>shadow mode</strong>: review-coach posts nothing and records what it would have said. In the last ${report.period.weeks} weeks it would have nudged <strong>${report.shadow.wouldHaveFired}</strong> time${report.shadow.wouldHaveFired === 1 ? "" : "s"}.</p>`
    : report.shadow.wouldHaveFired > 0
      ? `<p>${report.shadow.wouldHaveFired} nudge${report.shadow.wouldHaveFired === 1 ? "" : "s"} would have fired while shadow mode was on.</p>`
      : `<p>Not in shadow mode (mode: <code>${escapeHtml(config.mode)}</code>).</p>`;
  const shadowTable =
    report.shadow.byConcern.length > 0
      ? `<ul>${report.shadow.byConcern.map((row) => `<li>${escapeHtml(formatConcern(row.concern))}: ${row.count}</li>`).join("")}</ul>`
      : "";
  const problems =
    config.problems.length > 0
      ? `<h3>Problems</h3><ul>${config.problems.map((problem) => `<li><code>${escapeHtml(problem.file)}</code>${problem.key ? ` at <code>${escapeHtml(problem.key)}</code>` : ""}: ${escapeHtml(problem.message)}</li>`).join("")}</ul>`
      : "";
  const body = [
    `<h1>${escapeHtml(summary.fullName)}</h1>`,
    `<div class="cards">`,
    `<div class="card"><p>Review-quality score now</p><p class="figure-big score">${formatScoreText(summary.score)}</p><p class="note">Risk-weighted over the ${summary.mergedInWindow} PR${summary.mergedInWindow === 1 ? "" : "s"} merged in the last ${summary.windowDays} days.</p></div>`,
    `<div class="card"><p>Rubber stamps, last ${report.period.weeks} weeks</p><p class="figure-big">${summary.rubberStamps.count}</p><p class="note">${formatPercent(summary.rubberStamps.share)} of the merged risk.</p></div>`,
    `<div class="card"><p>Nudges acted on</p><p class="figure-big">${summary.nudges.actedOn}/${summary.nudges.sent}</p><p class="note">Last ${report.period.weeks} weeks.</p></div>`,
    `</div>`,
    `<p><a href="${base}/digests">Digest archive</a></p>`,
    `<section aria-labelledby="trend-heading"><h2 id="trend-heading">Score trend</h2>`,
    renderLineChart("trend", `Review-quality score at the end of each of the last ${summary.trend.length} weeks`, summary.trend),
    `</section>`,
    `<section aria-labelledby="coverage-heading"><h2 id="coverage-heading">What reviews covered</h2>`,
    renderCoverageBars("coverage-repository", `Coverage, last ${report.period.weeks} weeks`, summary.coverage),
    `<h3>Week by week</h3><div class="multiples">${COVERAGE_KEYS.map((key) => renderWeekBars("weekly", report.weeks, key)).join("")}</div>`,
    `</section>`,
    `<section aria-labelledby="weak-heading"><h2 id="weak-heading">High-risk PRs merged on a weak review</h2>${weak}</section>`,
    `<section aria-labelledby="stamps-heading"><h2 id="stamps-heading">Rubber stamps, weighted by risk</h2>${renderRubberStamps(summary.rubberStamps)}</section>`,
    `<section aria-labelledby="nudges-heading"><h2 id="nudges-heading">Nudges</h2>${renderNudgeOutcomes(summary.nudges)}${nudges}</section>`,
    `<section aria-labelledby="rules-heading"><h2 id="rules-heading">Rules</h2>${rules}</section>`,
    `<section aria-labelledby="shadow-heading"><h2 id="shadow-heading">Shadow mode</h2>${shadow}${shadowTable}</section>`,
    `<section aria-labelledby="kudos-heading"><h2 id="kudos-heading">Kudos</h2>${kudos}</section>`,
    report.toneIssues > 0
      ? `<section aria-labelledby="tone-heading"><h2 id="tone-heading">Tone</h2><p>${report.toneIssues} review comment${report.toneIssues === 1 ? " was" : "s were"} worded harshly in the last ${report.period.weeks} weeks. They are counted, never quoted or attributed; each reviewer sees suggestions on their own page.</p></section>`
      : "",
    `<section aria-labelledby="config-heading"><h2 id="config-heading">Config in effect</h2>`,
    config.loaded ? "" : `<p class="note">The config has not been read from GitHub yet (the app reads it at its next event for this repository); these are the defaults.</p>`,
    `<p>Built from, lowest precedence first:</p><ol>${config.sources.map((source) => `<li><code>${escapeHtml(source)}</code></li>`).join("")}</ol>`,
    problems,
    `<details><summary>The whole config</summary><pre><code>${escapeHtml(config.yaml)}</code></pre></details>`,
    `</section>`,
  ].join("");
  return renderPageLayout({
    title: summary.fullName,
    viewer,
    body,
    breadcrumbs: [
      ["Installations", "/dashboard"],
      [installationLogin, `/dashboard/installations/${report.installationId}`],
      [summary.fullName, base],
    ],
  });
}
