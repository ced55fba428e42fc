// Everything quoted from a pull request (paths, titles, logins, snippets) goes through these before it
// is posted, so nothing in it can ping people or teams, link issues, or inject markup. Pure.

const ZERO_WIDTH_JOINER = "\u200d";

/** Breaks @mentions (users and org/team) and #/GH- references so GitHub does not notify or link them. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_JOINER}`).replace(/(^|[^&\w])#(?=\d)/g, `$1#${ZERO_WIDTH_JOINER}`);
}

/** Plain text safe to put in Markdown: markup characters escaped, HTML inert, mentions broken, one line. */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, " ");
  const escaped = oneLine
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/^([#>+-])/, "\\$1");
  return neutralizeMentions(escaped);
}

/** Text as an inline code span, whatever backticks it contains. Mentions cannot fire inside code. */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, " ");
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** A login to address: only humans are mentioned, and only with a well-formed login. */
export function mention(login: string): string {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(login) ? `@${login}` : escapeMarkdown(login);
}

/**
 * A sentence the app wrote that quotes code from the PR between backticks: the prose is escaped and
 * each quoted part becomes a safe code span, whatever it contains.
 */
export function renderQuotingText(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (/^`[^`\n]+`$/.test(part) ? inlineCode(part.slice(1, -1)) : escapeMarkdown(part)))
    .join("");
}
