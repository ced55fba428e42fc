// Small formatting helpers shared by the digest renderers. Pure.

import { concernLabel } from "../coach/render/render-nudge.js";
import type { Concern } from "../coach/types.js";
import type { DigestPullRequestLink, DigestTarget } from "./digest-types.js";

/** "40%", or "n/a" when there was nothing to measure. */
export function formatShare(share: number | null): string {
  return share === null ? "n/a" : `${Math.round(share * 100)}%`;
}

/** "▲ 4", "▼ 3", "no change", or "" when there is nothing to compare with. */
export function formatChange(change: number | null): string {
  if (change === null) return "";
  if (change > 0) return `▲ ${change}`;
  if (change < 0) return `▼ ${-change}`;
  return "no change";
}

export function formatScore(score: number | null): string {
  return score === null ? "n/a" : String(score);
}

/** "3.5 h"; "n/a" when unknown. */
export function formatHours(hours: number | null): string {
  return hours === null ? "n/a" : `${hours.toFixed(1)} h`;
}

export function formatCount(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Edge cases" for a table row. */
export function formatConcern(concern: Concern): string {
  const label = concernLabel(concern);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "#12" in a repository digest, "owner/name#12" in an org digest (plain text, not escaped). */
export function formatReference(target: DigestTarget, link: Pick<DigestPullRequestLink, "repository" | "number">): string {
  return target.kind === "repository" && link.repository === target.name ? `#${link.number}` : `${link.repository}#${link.number}`;
}

/** An http(s) URL safe to put in a Markdown link or a Slack link, or null when it is not one. */
export function safeUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return parsed.href.replace(/[()<>|"'\s\\`[\]{}]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
