import type { Concern, Finding } from "../types.js";
import { inlineCode, mention, renderQuotingText } from "./escape-markdown.js";

/** The question that teaches what to check, per concern (DESIGN.md: teach how to think). */
const TEACHING_QUESTION: Record<Concern, string> = {
  security: "Where does the input reaching this line come from, and what stops someone from controlling it?",
  architecture: "Does this change a shape other code depends on (an API, a schema, a module boundary), and is that intended?",
  "edge-cases": "What happens here with empty, missing, huge or concurrent input, and when a call fails?",
  testing: "Which test would fail if this line broke?",
  performance: "How does this behave with ten times the data or traffic?",
  readability: "Will the next reader understand this without asking its author?",
  documentation: "Does the documentation still say what the code now does?",
  style: "Is this consistent with the rest of the codebase?",
};

const CONCERN_LABEL: Record<Concern, string> = {
  security: "security",
  architecture: "architecture",
  "edge-cases": "edge cases",
  testing: "testing",
  performance: "performance",
  readability: "readability",
  documentation: "documentation",
  style: "style",
};

export const NUDGE_MARKER_PREFIX = "<!-- review-coach:nudge ";

/** The hidden marker that ties a posted comment back to its finding. */
export function nudgeMarker(fingerprint: string): string {
  return `${NUDGE_MARKER_PREFIX}${fingerprint} -->`;
}

export function readNudgeMarker(body: string): string | null {
  const match = /<!-- review-coach:nudge ([0-9a-f]+) -->/.exec(body);
  return match?.[1] ?? null;
}

export function concernLabel(concern: Concern): string {
  return CONCERN_LABEL[concern];
}

/**
 * One inline nudge: addressed to the reviewer being coached, a question about what the review did not
 * examine, the reason, and how to answer. Never a verdict on the code. Pure.
 */
export function renderNudge(finding: Finding, reviewerLogin: string): string {
  const reason = renderQuotingText(finding.reason);
  return [
    `${mention(reviewerLogin)}, a question about your review (${CONCERN_LABEL[finding.concern]}): this line ${lowerFirst(reason)}.`,
    `Was that considered? ${TEACHING_QUESTION[finding.concern]}`,
    "",
    `<sub>review-coach nudges reviewers, not authors. Reply \`/coach dismiss\` if it does not apply, \`/coach explain\` for your review's breakdown, or \`/coach off\` to stop these in this repository.</sub>`,
    nudgeMarker(finding.fingerprint),
  ].join("\n");
}

/** A finding as a list item with its place: used where a nudge cannot be anchored inline. Pure. */
export function renderFindingItem(finding: Finding): string {
  const where = finding.line === null ? inlineCode(finding.path) : `${inlineCode(finding.path)} line ${finding.line}`;
  return `- **${CONCERN_LABEL[finding.concern]}** (${finding.severity}) at ${where}: ${renderQuotingText(finding.reason)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
