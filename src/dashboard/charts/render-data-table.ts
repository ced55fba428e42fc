import { escapeHtml } from "../escape-html.js";

/** A chart's text alternative: its data as a table, hidden visually but read by screen readers. */
export function renderDataTable(caption: string, head: string[], rows: Array<Array<string | number>>): string {
  const headHtml = head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join("");
  const bodyHtml = rows
    .map((row) => `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join("")}</tr>`)
    .join("");
  return `<div class="visually-hidden"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${headHtml}</tr></thead><tbody>${bodyHtml}</tbody></table></div>`;
}

/** "42", or "no score" when there is none. */
export function formatPoint(score: number | null): string {
  return score === null ? "no score" : String(score);
}

/** An id safe in HTML and SVG. */
export function chartId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "-");
}
