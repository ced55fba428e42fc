import type { ReviewScore } from "../score-review.js";
import { escapeMarkdown, mention } from "./escape-markdown.js";
import { publicExplanation, publicFlags } from "./render-check-run.js";

/**
 * The reply to `/coach explain`: the breakdown of the person's latest review on this PR. It is a public
 * comment, so tone is left to the private dashboard page. Pure.
 */
export function renderExplanation(login: string, score: ReviewScore | null, publicScores: boolean): string {
  if (!score) return `${mention(login)}, I have no review of yours on this pull request to explain yet.`;
  const lines = [`${mention(login)}, here is how your latest review on this pull request reads:`, ""];
  if (publicScores) {
    lines.push("| factor | weight | value | why |", "|---|---:|---:|---|");
    for (const f of score.breakdown) lines.push(`| ${f.name} | ${f.weight} | ${f.value.toFixed(2)} | ${escapeMarkdown(publicExplanation(f))} |`);
    const flags = publicFlags(score.flags);
    lines.push("", `Score: **${score.score}/100**${flags.length ? ` (${flags.join(", ")})` : ""}.`);
  } else {
    // The repository keeps numeric scores private: the advice stays, the numbers go.
    lines.push("| factor | why |", "|---|---|");
    for (const f of score.breakdown) lines.push(`| ${f.name} | ${escapeMarkdown(publicExplanation(f))} |`);
  }
  lines.push("", `Findings covered: ${score.addressed.length}; still open: ${score.uncovered.length}. The formula is in review-coach's docs/scoring.md.`);
  return lines.join("\n");
}

export const COACH_HELP = [
  "review-coach understands:",
  "- `/coach explain`: the breakdown of your latest review on this pull request",
  "- `/coach dismiss` (as a reply to a nudge): that nudge does not apply; it will not come back",
  "- `/coach off` / `/coach on`: stop or resume nudges for you in this repository",
  "- `/coach kudos off` / `/coach kudos on`: keep your name out of (or back in) the weekly digest's kudos",
  "- `/coach unmute <rule>` (with write access): nudge about a rule muted by learning again in this repository",
].join("\n");
