// The shields-style score badge. Pure: the same score always gives the same bytes.

import { escapeHtml } from "./escape-html.js";

const LABEL = "review score";

/** Badge colour by score, shields' palette: red below 40, orange, yellow, green, bright green from 80. */
export function badgeColor(score: number | null): string {
  if (score === null) return "#9f9f9f";
  if (score >= 80) return "#4c1";
  if (score >= 60) return "#97ca00";
  if (score >= 40) return "#dfb317";
  if (score >= 20) return "#fe7d37";
  return "#e05d44";
}

/** Verdana 11px widths, close enough for a badge. */
function textWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[il.:,'|!]/.test(character) ? 3.5 : /[mwMW]/.test(character) ? 10 : /[A-Z0-9]/.test(character) ? 7.5 : 6.5;
  return Math.ceil(width);
}

export function renderBadge(score: number | null): string {
  const value = score === null ? "n/a" : String(Math.round(score));
  const left = textWidth(LABEL) + 10;
  const right = textWidth(value) + 10;
  const width = left + right;
  const color = badgeColor(score);
  const label = `${LABEL}: ${value}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeHtml(label)}">`,
    `<title>${escapeHtml(label)}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${left / 2}" y="15" fill="#010101" fill-opacity=".3">${LABEL}</text><text x="${left / 2}" y="14">${LABEL}</text>`,
    `<text x="${left + right / 2}" y="15" fill="#010101" fill-opacity=".3">${value}</text><text x="${left + right / 2}" y="14">${value}</text>`,
    `</g></svg>`,
  ].join("");
}
