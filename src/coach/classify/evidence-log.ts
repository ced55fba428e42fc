// What a classification is built from: the labels found so far and the words that led to each.

import type { Concern, Evidence, Signal } from "../types.js";
import type { Cue } from "./cues/cue.js";
import { isNegated, type NegationMode } from "./is-negated.js";
import { execIndexed, mayMatch } from "./word-index.js";

export type Label = Evidence["label"];

export class EvidenceLog {
  readonly items: Evidence[] = [];
  /** Each item's match as added, lower-cased: an item is added once per label and lower-cased match. */
  private readonly lowered: string[] = [];

  add(label: Label, match: string): void {
    const lower = match.toLowerCase();
    for (let i = 0; i < this.items.length; i += 1) if (this.items[i]!.label === label && this.lowered[i] === lower) return;
    this.lowered.push(lower);
    this.items.push({ label, match: match.trim() });
  }

  /** Takes back every item of `label` (a later stage overruled it). */
  drop(label: Label): void {
    for (let i = this.items.length - 1; i >= 0; i -= 1) {
      if (this.items[i]!.label !== label) continue;
      this.items.splice(i, 1);
      this.lowered.splice(i, 1);
    }
  }
}

/** The first match of `re` in `text` that is not negated, or null. */
export function firstMatch(text: string, re: RegExp, negation: NegationMode): RegExpExecArray | null {
  re.lastIndex = 0;
  if (!mayMatch(text, re)) return null;
  for (let m = execIndexed(re, text); m !== null; m = execIndexed(re, text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (!isNegated(text, m.index, m[0].length, negation)) return m;
  }
  return null;
}

export function matchCues<L extends string>(
  text: string,
  cues: readonly Cue<L>[],
  found: Set<L>,
  evidence: EvidenceLog,
  prefix: "concern" | "signal",
): void {
  for (const { label, re, negation } of cues) {
    if (found.has(label)) continue;
    const m = firstMatch(text, re, negation);
    if (m !== null) {
      found.add(label);
      evidence.add(`${prefix}:${label}` as Label, m[0]);
    }
  }
}

/** The labels of one comment while its stages run. */
export interface Draft {
  concerns: Set<Concern>;
  signals: Set<Signal>;
  actionable: boolean;
  evidence: EvidenceLog;
}

export function createDraft(): Draft {
  return { concerns: new Set(), signals: new Set(), actionable: false, evidence: new EvidenceLog() };
}

/** Adds a concern with its evidence. */
export function addConcern(draft: Draft, concern: Concern, match: string): void {
  draft.concerns.add(concern);
  draft.evidence.add(`concern:${concern}`, match);
}

/** Takes a concern back with its evidence. */
export function dropConcern(draft: Draft, concern: Concern): void {
  draft.concerns.delete(concern);
  draft.evidence.drop(`concern:${concern}`);
}

/** Adds a signal with its evidence. */
export function addSignal(draft: Draft, signal: Signal, match: string): void {
  draft.signals.add(signal);
  draft.evidence.add(`signal:${signal}`, match);
}

/** Marks the comment actionable with its evidence. */
export function markActionable(draft: Draft, match: string): void {
  draft.actionable = true;
  draft.evidence.add("actionable", match);
}
