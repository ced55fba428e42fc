// An 8-week sparkline as inline SVG: a line through the weeks that have a score, a dot on the last one.
// Pure and deterministic.

import type { ScorePoint } from "../dashboard-types.js";
import { escapeHtml } from "../escape-html.js";
import { chartId, formatPoint, renderDataTable } from "./render-data-table.js";

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

const x = (index: number, count: number) => (count <= 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (count - 1));
const y = (score: number) => PAD + ((100 - score) * (HEIGHT - 2 * PAD)) / 100;
const fixed = (value: number) => Number(value.toFixed(1));

/** Polyline point lists, one per run of consecutive weeks with a score (gaps break the line). */
export function buildLineSegments(points: readonly ScorePoint[], toX: (index: number) => number, toY: (score: number) => number): string[] {
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((point, index) => {
    if (point.score === null) {
      if (current.length > 0) segments.push(current.join(" "));
      current = [];
      return;
    }
    current.push(`${fixed(toX(index))},${fixed(toY(point.score))}`);
  });
  if (current.length > 0) segments.push(current.join(" "));
  return segments;
}

export function renderSparkline(id: string, subject: string, points: readonly ScorePoint[]): string {
  const safeId = chartId(id);
  const known = points.filter((point) => point.score !== null);
  const first = known[0];
  const last = known[known.length - 1];
  const summary =
    first && last
      ? `From ${formatPoint(first.score)} in ${first.label} to ${formatPoint(last.score)} in ${last.label}.`
      : "No week has a score yet.";
  const partial = points.filter((point) => point.partial).map((point) => point.label);
  const caveat = partial.length === 0 ? "" : ` Partial history (the window reaches back before what is stored) in ${partial.join(", ")}.`;
  const segments = buildLineSegments(points, (index) => x(index, points.length), y);
  const lines = segments
    .map((segment) => (segment.includes(" ") ? `<polyline points="${segment}" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>` : ""))
    .join("");
  const dots = points
    .map((point, index) =>
      point.score === null
        ? ""
        : `<circle class="point" cx="${fixed(x(index, points.length))}" cy="${fixed(y(point.score))}" r="${point === last ? 3 : 1.5}" data-week="${escapeHtml(point.label)}" data-score="${point.score}"${point.partial ? ` data-partial="true" fill="none" stroke="currentColor"` : ""}/>`,
    )
    .join("");
  return [
    `<span class="sparkline">`,
    `<svg role="img" aria-labelledby="${safeId}-title ${safeId}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" class="chart chart-sparkline" data-chart="sparkline" focusable="false">`,
    `<title id="${safeId}-title">${escapeHtml(subject)}: score over the last ${points.length} weeks</title>`,
    `<desc id="${safeId}-desc">${escapeHtml(summary + caveat)}</desc>`,
    `<line x1="0" x2="${WIDTH}" y1="${fixed(y(50))}" y2="${fixed(y(50))}" class="gridline"/>`,
    lines,
    dots,
    `</svg>`,
    renderDataTable(`${subject}: weekly score`, ["Week", "Score"], points.map((point) => [point.label, formatPoint(point.score)])),
    `</span>`,
  ].join("");
}
