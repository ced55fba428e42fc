// Coverage over time: for each concern a small bar chart of its weekly share (small multiples), so each
// series is read on its own without relying on colour. Inline SVG plus a data table. Pure.

import type { CoverageKey, WeekCoverage } from "../dashboard-types.js";
import { escapeHtml } from "../escape-html.js";
import { chartId, renderDataTable } from "./render-data-table.js";

const WIDTH = 200;
const HEIGHT = 80;
const BASE = 64;

const percent = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

export function renderWeekBars(id: string, weeks: readonly WeekCoverage[], key: CoverageKey): string {
  const safeId = chartId(`${id}-${key}`);
  const label = weeks[0]?.coverage.find((row) => row.key === key)?.label ?? key;
  const slot = WIDTH / Math.max(1, weeks.length);
  const values = weeks.map((week) => ({ week: week.isoWeek.slice(5), row: week.coverage.find((row) => row.key === key) }));
  const bars = values
    .map(({ week, row }, index) => {
      const share = row?.share ?? null;
      const height = share === null ? 0 : Math.round(share * (BASE - 6) * 10) / 10;
      const xPos = Math.round((index * slot + slot * 0.15) * 10) / 10;
      const width = Math.round(slot * 0.7 * 10) / 10;
      const mark =
        share === null
          ? `<line x1="${xPos}" x2="${xPos + width}" y1="${BASE - 1}" y2="${BASE - 1}" class="no-data" data-week="${escapeHtml(week)}" data-share=""/>`
          : `<rect x="${xPos}" y="${BASE - height}" width="${width}" height="${height}" class="${key === "style-only" ? "bar bar-warning" : "bar"}" data-week="${escapeHtml(week)}" data-share="${share.toFixed(3)}"/>`;
      return `${mark}<text x="${Math.round((index * slot + slot / 2) * 10) / 10}" y="${HEIGHT - 2}" text-anchor="middle" class="axis-label small">${escapeHtml(week)}</text>`;
    })
    .join("");
  const description = values.map(({ week, row }) => `${week} ${percent(row?.share ?? null)}`).join(", ");
  return [
    `<figure class="chart-figure mini">`,
    `<figcaption>${escapeHtml(label)}</figcaption>`,
    `<svg role="img" aria-labelledby="${safeId}-title ${safeId}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" class="chart chart-weeks" data-chart="weekly-coverage" focusable="false">`,
    `<title id="${safeId}-title">${escapeHtml(label)}: weekly coverage</title>`,
    `<desc id="${safeId}-desc">${escapeHtml(description)}.</desc>`,
    `<line x1="0" x2="${WIDTH}" y1="${BASE}" y2="${BASE}" class="axis"/>`,
    bars,
    `</svg>`,
    renderDataTable(`${label}: weekly coverage`, ["Week", "Covered", "Needed", "Share"], values.map(({ week, row }) => [week, row?.covered ?? 0, row?.asked ?? 0, percent(row?.share ?? null)])),
    `</figure>`,
  ].join("");
}
