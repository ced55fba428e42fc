// How useful each rule's nudges were, as leads read it (Tricorder's effective false-positive rate): of
// the nudges a rule sent, how many were acted on, and how many were dismissed or left unanswered. Pure.

import { compareText } from "./compare-text.js";

/** A rule whose effective false-positive rate is above this is flagged (Tricorder's bar: 10%). */
export const FALSE_POSITIVE_FLAG = 0.1;

export interface RuleNudgeOutcome {
  /** Null for nudges recorded before the rule was kept. */
  rule: string | null;
  status: string;
  mode: string;
}

export interface RuleEffectiveness {
  rule: string;
  sent: number;
  actedOn: number;
  dismissed: number;
  /** Left unanswered on a pull request that closed. */
  ignored: number;
  /** (dismissed + ignored) / sent. */
  falsePositiveRate: number;
  /** Above FALSE_POSITIVE_FLAG. */
  flagged: boolean;
}

const DELIVERED = new Set(["sent", "listed", "acted-on", "dismissed", "ignored"]);

/** One row per rule that delivered a nudge, the least effective first. Shadow and failed nudges are not sent. */
export function buildRuleEffectiveness(nudges: readonly RuleNudgeOutcome[]): RuleEffectiveness[] {
  const rows = new Map<string, RuleEffectiveness>();
  for (const nudge of nudges) {
    if (nudge.rule === null || nudge.mode === "shadow" || !DELIVERED.has(nudge.status)) continue;
    const row = rows.get(nudge.rule) ?? { rule: nudge.rule, sent: 0, actedOn: 0, dismissed: 0, ignored: 0, falsePositiveRate: 0, flagged: false };
    row.sent += 1;
    if (nudge.status === "acted-on") row.actedOn += 1;
    if (nudge.status === "dismissed") row.dismissed += 1;
    if (nudge.status === "ignored") row.ignored += 1;
    rows.set(nudge.rule, row);
  }
  return [...rows.values()]
    .map((row) => {
      const falsePositiveRate = (row.dismissed + row.ignored) / row.sent;
      return { ...row, falsePositiveRate, flagged: falsePositiveRate > FALSE_POSITIVE_FLAG };
    })
    .sort((a, b) => b.falsePositiveRate - a.falsePositiveRate || b.sent - a.sent || compareText(a.rule, b.rule));
}
