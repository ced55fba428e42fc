// A score trend as an inline SVG line chart (0–100 axis, one point per week), with its data table as the
// text alternative. Pure and deterministic. A partial point (its window reaches back before the stored
// history) is labelled with a "*", drawn hollow, and said so in the table and under the chart.

import type { ScorePoint } from "../dashboard-types.js";
import { escapeHtml } from "../escape-html.js";
import { chartId, formatPoint, renderDataTable } from "./render-data-table.js";
import { buildLineSegments } from "./render-sparkline.js";

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 40;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 32;

const fixed = (value: number) => Number(value.toFixed(1));
const labelOf = (point: ScorePoint) => `${point.label}${point.partial ? "*" : ""}`;

export function renderLineChart(id: string, title: string, points: readonly ScorePoint[], valueName = "Score"): string {
  const safeId = chartId(id);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) => LEFT + (points.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (points.length - 1));
  const y = (score: number) => TOP + ((100 - score) * plotHeight) / 100;
  const known = points.filter((point) => point.score !== null);
  const first = known[0];
  const last = known[known.length - 1];
  const description =
    first && last
      ? `${valueName} per week: ${points.map((point) => `${labelOf(point)} ${formatPoint(point.score)}${point.partial ? " (partial)" : ""}`).join(", ")}. From ${formatPoint(first.score)} to ${formatPoint(last.score)}.`
      : "No week has a score yet.";
  const grid = [0, 25, 50, 75, 100]
    .map(
      (value) =>
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${fixed(y(value))}" y2="${fixed(y(value))}" class="gridline"/>` +
        `<text x="${LEFT - 6}" y="${fixed(y(value) + 4)}" text-anchor="end" class="axis-label">${value}</text>`,
    )
    .join("");
  const labels = points
    .map((point, index) => `<text x="${fixed(x(index))}" y="${HEIGHT - 10}" text-anchor="middle" class="axis-label">${escapeHtml(labelOf(point))}</text>`)
    .join("");
  const lines = buildLineSegments(points, x, y)
    .map((segment) => `<polyline points="${segment}" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round" class="series"/>`)
    .join("");
  const dots = points
    .map((point, index) =>
      point.score === null
        ? ""
        : `<circle class="point${point.partial ? " partial" : ""}" cx="${fixed(x(index))}" cy="${fixed(y(point.score))}" r="4" data-week="${escapeHtml(point.label)}" data-score="${point.score}" data-source="${point.source}"${point.partial ? ` data-partial="true" fill="none" stroke="currentColor" stroke-width="2"` : ""}/>`,
    )
    .join("");
  return [
    `<figure class="chart-figure">`,
    `<figcaption>${escapeHtml(title)}</figcaption>`,
    `<svg role="img" aria-labelledby="${safeId}-title ${safeId}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" class="chart chart-line" data-chart="line" focusable="false">`,
    `<title id="${safeId}-title">${escapeHtml(title)}</title>`,
    `<desc id="${safeId}-desc">${escapeHtml(description)}</desc>`,
    grid,
    labels,
    lines,
    dots,
    `</svg>`,
    renderDataTable(title, ["Week", valueName], points.map((point) => [labelOf(point), `${formatPoint(point.score)}${point.partial ? " (partial)" : ""}`])),
    points.some((point) => point.partial)
      ? `<p class="note">* Partial: the week's score window reaches back before the history review-coach has stored (the backfill covers only part of it), so it counts only the pull requests stored.</p>`
      : "",
    `</figure>`,
  ].join("");
}
