// Renders the digest's headline figures as a Slack Block Kit message that links to the digest issue.
// Pure. Text from pull requests never reaches Slack (no titles, no logins: only figures); text in mrkdwn
// that is not ours is escaped (&, <, >) so it cannot form a link, a mention or <!channel>, and the issue
// URL is kept only when it is http(s), percent-encoded so it cannot break out of <url|text>.

import { FALSE_POSITIVE_FLAG } from "../coach/build-rule-effectiveness.js";
import type { DigestData } from "./digest-types.js";
import { formatChange, formatCount, formatScore, formatShare, safeUrl } from "./format-digest-figures.js";
import { renderDigestTitle } from "./render-digest-title.js";

export interface SlackText {
  type: "plain_text" | "mrkdwn";
  text: string;
  emoji?: boolean;
}

export type SlackBlock =
  | { type: "header"; text: SlackText }
  | { type: "section"; text?: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] }
  | { type: "actions"; elements: Array<{ type: "button"; text: SlackText; url: string; action_id: string }> }
  | { type: "divider" };

export interface SlackMessage {
  /** Fallback for notifications and clients without blocks. */
  text: string;
  blocks: SlackBlock[];
}

/** Escapes the three characters Slack's mrkdwn gives meaning to. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slack caps a header at 150 characters. */
function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function coverageOf(data: DigestData, concern: "security" | "edge-cases"): string {
  const row = data.coverage.concerns.find((candidate) => candidate.concern === concern);
  if (row === undefined || row.asked === 0) return "n/a (no PR needed it)";
  return `${formatShare(row.share)} (${row.covered} of ${formatCount(row.asked, "PR")})`;
}

export function renderSlackBlocks(data: DigestData, issueUrl: string): SlackMessage {
  const title = renderDigestTitle(data.target, data.week.isoWeek);
  const change = formatChange(data.score.change);
  const score = `${formatScore(data.score.current)}${change === "" ? "" : ` ${change}`}`;
  const stamps = data.rubberStamps;
  const riskyStamps = stamps.byRisk.high + stamps.byRisk.medium;
  const nudges = data.nudges.total;
  const url = safeUrl(issueUrl);

  const fields: SlackText[] = [
    { type: "mrkdwn", text: `*Review-quality score*\n${score}` },
    { type: "mrkdwn", text: `*PRs merged*\n${data.activity.mergedPullRequests}` },
    { type: "mrkdwn", text: `*Security covered*\n${coverageOf(data, "security")}` },
    { type: "mrkdwn", text: `*Edge cases covered*\n${coverageOf(data, "edge-cases")}` },
    {
      type: "mrkdwn",
      text: `*Rubber stamps*\n${stamps.count}${stamps.count > 0 ? ` (${riskyStamps} on risky PRs, ${formatShare(stamps.share)} of the risk)` : ""}`,
    },
    {
      type: "mrkdwn",
      text: `*Nudges acted on*\n${nudges.delivered === 0 ? "none sent" : `${nudges.actedOn} of ${nudges.delivered} (${formatShare(data.nudges.actedOnShare)})`}`,
    },
  ];
  if (data.weakHighRiskMerges.length > 0) {
    fields.push({ type: "mrkdwn", text: `*High-risk PRs merged on a weak review*\n${data.weakHighRiskMerges.length}` });
  }
  const flagged = data.nudges.byRule.filter((row) => row.flagged);
  if (flagged.length > 0) {
    const names = flagged.slice(0, 5).map((row) => escapeSlack(row.rule)).join(", ");
    fields.push({ type: "mrkdwn", text: `*Rules above ${formatShare(FALSE_POSITIVE_FLAG)} false positives*\n${names}${flagged.length > 5 ? ` and ${flagged.length - 5} more` : ""}` });
  }

  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(title, 150), emoji: true } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `${data.week.firstDay} to ${data.week.lastDay} (Monday to Sunday, UTC)` }],
    },
    { type: "section", fields },
  ];
  if (data.partialHistory.length > 0) {
    const names = data.partialHistory.map((history) => history.repository).join(", ");
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: escapeSlack(`Partial history (${names}): the score counts only the PRs stored so far; the digest says what is missing.`) }],
    });
  }
  if (url !== null) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `The full digest, with the trend, the coaching agenda and kudos: <${url}|read it on GitHub>` },
    });
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "Open the digest" }, url, action_id: "open-digest" }],
    });
  }
  const summary = escapeSlack(`${title}: score ${score}`);
  return { text: url === null ? summary : `${summary}. <${url}|Open the digest>`, blocks };
}
