// The installation (org) overview for leads. No people: repositories and totals only. Pure.

import { renderCoverageBars } from "../charts/render-coverage-bars.js";
import { renderSparkline } from "../charts/render-sparkline.js";
import type { InstallationOverview, NudgeOutcomes, RubberStampSummary } from "../dashboard-types.js";
import { escapeHtml } from "../escape-html.js";
import { formatDay, formatPercent, formatScoreText, type PageViewer, renderPageLayout } from "./render-page-layout.js";

export function renderRubberStamps(stamps: RubberStampSummary): string {
  if (stamps.count === 0) return `<p>No merged PR was approved without a substantive comment in this period.</p>`;
  const levels = (["high", "medium", "low", "none"] as const)
    .map((level) => `<tr><th scope="row">${level === "none" ? "No" : level[0]!.toUpperCase() + level.slice(1)} risk</th><td class="num">${stamps.byRisk[level]}</td></tr>`)
    .join("");
  return [
    `<p><span class="figure-big">${stamps.count}</span> rubber stamp${stamps.count === 1 ? "" : "s"}: weighted by risk ${stamps.weighted} of ${stamps.totalWeight}, `,
    `<strong>${formatPercent(stamps.share)}</strong> of the merged risk.</p>`,
    `<div class="table-wrap"><table class="data"><caption class="visually-hidden">Rubber stamps by risk</caption><thead><tr><th scope="col">Risk</th><th scope="col" class="num">Merged PRs approved without a substantive comment</th></tr></thead><tbody>${levels}</tbody></table></div>`,
  ].join("");
}

export function renderNudgeOutcomes(nudges: NudgeOutcomes): string {
  const acted = nudges.sent > 0 ? ` (${formatPercent(nudges.actedOn / nudges.sent)} acted on)` : "";
  return [
    `<dl class="cards">`,
    `<div class="card"><dt>Sent</dt><dd class="figure-big">${nudges.sent}</dd></div>`,
    `<div class="card"><dt>Acted on</dt><dd class="figure-big">${nudges.actedOn}</dd><dd class="note">${escapeHtml(acted.trim())}</dd></div>`,
    `<div class="card"><dt>Dismissed</dt><dd class="figure-big">${nudges.dismissed}</dd></div>`,
    nudges.shadow > 0 ? `<div class="card"><dt>Would have fired (shadow mode)</dt><dd class="figure-big">${nudges.shadow}</dd></div>` : "",
    `</dl>`,
  ].join("");
}

export function renderInstallationPage(viewer: PageViewer, overview: InstallationOverview): string {
  const { installation, period } = overview;
  const periodText = `${formatDay(period.from)} to ${formatDay(new Date(Date.parse(period.to) - 86_400_000).toISOString())}`;
  const rows = overview.repositories
    .map((repository) => {
      const [owner = "", name = ""] = repository.fullName.split("/");
      return [
        `<tr>`,
        `<th scope="row"><a href="/dashboard/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}">${escapeHtml(repository.fullName)}</a></th>`,
        `<td class="num score">${formatScoreText(repository.score)}</td>`,
        `<td>${renderSparkline(`spark-${repository.id}`, repository.fullName, repository.trend)}</td>`,
        `<td class="num">${repository.mergedInWindow}</td>`,
        `</tr>`,
      ].join("");
    })
    .join("");
  const comparison =
    overview.comparison.rows.length > 0
      ? `<div class="table-wrap"><table class="data"><caption>Coverage by repository (last ${period.weeks} weeks)</caption><thead><tr><th scope="col">Repository</th><th scope="col" class="num">Score</th><th scope="col" class="num">Security covered</th><th scope="col" class="num">Edge cases covered</th></tr></thead><tbody>${overview.comparison.rows
          .map(
            (row) =>
              `<tr><th scope="row">${escapeHtml(row.fullName)}</th><td class="num">${formatScoreText(row.score)}</td><td class="num">${formatPercent(row.securityShare)}</td><td class="num">${formatPercent(row.edgeCasesShare)}</td></tr>`,
          )
          .join("")}</tbody></table></div>`
      : "";
  const footnote = overview.comparison.footnote ? `<p class="note">${escapeHtml(overview.comparison.footnote)}</p>` : "";
  const body = [
    `<h1>${escapeHtml(installation.accountLogin)}: review quality</h1>`,
    `<p class="muted">Repositories you can see in this ${escapeHtml(installation.accountType === "Organization" ? "organization" : "account")}. Totals cover the last ${period.weeks} complete weeks (${escapeHtml(periodText)}, UTC); scores cover each repository's rolling window up to now.</p>`,
    `<section aria-labelledby="repos-heading"><h2 id="repos-heading">Repository scores</h2>`,
    overview.repositories.length === 0
      ? `<p>No repository of this installation that you can see has data yet.</p>`
      : `<div class="table-wrap"><table class="data"><caption class="visually-hidden">Score per repository with its 8-week trend</caption><thead><tr><th scope="col">Repository</th><th scope="col" class="num">Score now</th><th scope="col">Last 8 weeks</th><th scope="col" class="num">PRs merged in the window</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    `</section>`,
    `<section aria-labelledby="coverage-heading"><h2 id="coverage-heading">What reviews covered</h2>`,
    renderCoverageBars("coverage-installation", `Share of PRs whose reviews covered what they needed, last ${period.weeks} weeks`, overview.coverage),
    comparison,
    footnote,
    `</section>`,
    `<section aria-labelledby="stamps-heading"><h2 id="stamps-heading">Rubber stamps, weighted by risk</h2>${renderRubberStamps(overview.rubberStamps)}</section>`,
    `<section aria-labelledby="nudges-heading"><h2 id="nudges-heading">Nudges</h2>${renderNudgeOutcomes(overview.nudges)}</section>`,
  ].join("");
  return renderPageLayout({
    title: `${installation.accountLogin} overview`,
    viewer,
    body,
    breadcrumbs: [
      ["Installations", "/dashboard"],
      [installation.accountLogin, `/dashboard/installations/${installation.id}`],
    ],
  });
}
