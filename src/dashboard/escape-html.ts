// Everything the dashboard prints that it did not write itself (titles, logins, paths, comment bodies,
// config values) goes through this. Pure.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe in HTML element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return "";
  return String(text).replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** An http(s) URL for an href, escaped; null when it is anything else (javascript:, data:, relative junk). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? escapeHtml(parsed.href) : null;
  } catch {
    return null;
  }
}
