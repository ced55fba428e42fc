// Stage: a conventional-comments prefix ("nit:", "question (security):") gives signals and concerns.

import type { Concern, Signal } from "../../types.js";
import { markActionable, type Draft } from "../evidence-log.js";
import type { ConventionalPrefix } from "../parse-conventional-prefix.js";

/** A comment opening with a low-severity marker that the conventional-prefix reader does not take. */
const NIT_OPENING = /^\W{0,3}(?:nit(?:pick)?s?|minor|tiny nit|super nit)\b\W/i;

const CONVENTIONAL_SIGNALS: Partial<Record<string, Signal>> = {
  praise: "praise",
  nit: "nit",
  nitpick: "nit",
  polish: "nit",
  quibble: "nit",
  suggestion: "suggestion",
  question: "question",
};
const ACTIONABLE_CONVENTIONAL = new Set(["issue", "todo", "suggestion", "chore", "typo", "polish"]);
const DECORATION_CONCERNS: ReadonlyArray<[RegExp, Concern]> = [
  [/^(?:security|sec|auth|privacy)$/, "security"],
  [/^(?:perf|performance|speed)$/, "performance"],
  [/^(?:tests?|testing|coverage)$/, "testing"],
  [/^(?:docs?|documentation)$/, "documentation"],
  [/^(?:style|format|formatting|lint)$/, "style"],
  [/^(?:readability|clarity)$/, "readability"],
  [/^(?:architecture|design|api)$/, "architecture"],
  [/^(?:edge[- ]?cases?|correctness|bug|error[- ]handling|concurrency)$/, "edge-cases"],
];

export function applyConventional(conventional: ConventionalPrefix, draft: Draft): void {
  const { concerns, signals, evidence } = draft;
  const signal = CONVENTIONAL_SIGNALS[conventional.label];
  if (signal !== undefined) {
    signals.add(signal);
    evidence.add(`signal:${signal}`, conventional.raw);
  }
  if (conventional.label === "typo") {
    concerns.add("style");
    evidence.add("concern:style", conventional.raw);
  }
  for (const decoration of conventional.decorations) {
    if (decoration === "non-blocking" || decoration === "if-minor" || decoration === "optional") {
      signals.add("nit");
      evidence.add("signal:nit", conventional.raw);
    }
    for (const [re, concern] of DECORATION_CONCERNS) {
      if (re.test(decoration)) {
        concerns.add(concern);
        evidence.add(`concern:${concern}`, conventional.raw);
      }
    }
  }
  if (ACTIONABLE_CONVENTIONAL.has(conventional.label) || conventional.decorations.includes("blocking")) {
    markActionable(draft, conventional.raw);
  }
}

/** Whether the writer marked the comment low severity, by a conventional label or a "nit" opening. */
export function isNitMarked(conventional: ConventionalPrefix | null, prose: string, signals: ReadonlySet<Signal>): boolean {
  return conventional !== null ? signals.has("nit") && CONVENTIONAL_SIGNALS[conventional.label] === "nit" : NIT_OPENING.test(prose);
}
