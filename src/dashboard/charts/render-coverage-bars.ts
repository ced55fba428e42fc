// Coverage as horizontal bars (architecture, security, edge cases, testing, style only): the share of the
// PRs that needed a concern whose reviews covered it. Inline SVG plus its data table. Pure.

import type { CoverageRow } from "../dashboard-types.js";
import { escapeHtml } from "../escape-html.js";
import { chartId, renderDataTable } from "./render-data-table.js";

const WIDTH = 480;
const ROW = 30;
const LABEL = 110;
const VALUE = 120;

const percent = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

export function describeCoverage(row: CoverageRow): string {
  if (row.key === "style-only") {
    return row.asked === 0 ? "no reviewed PRs" : `${row.covered} of ${row.asked} reviewed PRs (${percent(row.share)})`;
  }
  return row.asked === 0 ? "no PR needed it" : `${row.covered} of ${row.asked} PRs (${percent(row.share)})`;
}

export function renderCoverageBars(id: string, title: string, rows: readonly CoverageRow[]): string {
  const safeId = chartId(id);
  const height = rows.length * ROW + 8;
  const barSpace = WIDTH - LABEL - VALUE;
  const bars = rows
    .map((row, index) => {
      const top = 4 + index * ROW;
      const width = row.share === null ? 0 : Math.round(row.share * barSpace * 10) / 10;
      const kind = row.key === "style-only" ? "bar bar-warning" : "bar";
      return [
        `<text x="0" y="${top + 18}" class="bar-label">${escapeHtml(row.label)}</text>`,
        `<rect x="${LABEL}" y="${top + 5}" width="${barSpace}" height="16" class="bar-track" rx="3"/>`,
        `<rect x="${LABEL}" y="${top + 5}" width="${width}" height="16" class="${kind}" rx="3" data-key="${row.key}" data-share="${row.share === null ? "" : row.share.toFixed(3)}"/>`,
        `<text x="${LABEL + barSpace + 8}" y="${top + 18}" class="bar-value">${escapeHtml(row.asked === 0 ? "n/a" : `${percent(row.share)} (${row.covered}/${row.asked})`)}</text>`,
      ].join("");
    })
    .join("");
  const description = rows.map((row) => `${row.label}: ${describeCoverage(row)}`).join("; ");
  return [
    `<figure class="chart-figure">`,
    `<figcaption>${escapeHtml(title)}</figcaption>`,
    `<svg role="img" aria-labelledby="${safeId}-title ${safeId}-desc" viewBox="0 0 ${WIDTH} ${height}" class="chart chart-bars" data-chart="coverage" focusable="false">`,
    `<title id="${safeId}-title">${escapeHtml(title)}</title>`,
    `<desc id="${safeId}-desc">${escapeHtml(description)}.</desc>`,
    bars,
    `</svg>`,
    renderDataTable(title, ["Concern", "Covered", "Needed", "Share"], rows.map((row) => [row.label, row.covered, row.asked, percent(row.share)])),
    `</figure>`,
  ].join("");
}
