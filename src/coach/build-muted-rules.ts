// Per-rule learning (DESIGN.md, coaching policy; issue 13): a rule whose nudges a repository, or the
// org's repositories together, keep dismissing and seldom act on is muted there for a while. Pure: the
// nudges' outcomes, the pins, the rule versions and the clock come in; the muted rules, with the
// counts that explain them, come out.

import { compareText } from "./compare-text.js";

/** What became of one delivered nudge, as far as learning goes. */
export type RuleOutcomeKind = "pending" | "acted-on" | "dismissed" | "ignored";

export interface RuleOutcome {
  rule: string;
  /** The rule's version when the nudge was sent. */
  ruleVersion: string;
  repositoryId: number;
  outcome: RuleOutcomeKind;
  /** When the nudge was sent (ISO). */
  sentAt: string;
  /** When the outcome happened (ISO); the send time for a pending nudge. */
  outcomeAt: string;
}

/** `rules.<id>` in the config: off, a severity, or on. Any pin wins over what was learned. */
export type RulePin = "off" | "low" | "medium" | "high" | "on";
export type RulePins = Readonly<Partial<Record<string, RulePin>>>;

export interface RuleLearningCounts {
  sent: number;
  actedOn: number;
  dismissed: number;
  ignored: number;
}

export interface MutedRule extends RuleLearningCounts {
  rule: string;
  /** repository: this repository's nudges alone; org: every repository of the installation together. */
  scope: "repository" | "org";
  /** When the third dismissal (or the one that tipped the balance) came (ISO). */
  since: string;
  /** When the muting lapses and the rule gets a fresh chance (ISO). */
  until: string;
}

export interface MutedRulesInput {
  /** The repository asking. */
  repositoryId: number;
  /** Outcomes of the nudges of every repository of the installation (the org). */
  outcomes: readonly RuleOutcome[];
  /** `/coach unmute` in this repository: nothing learned before `at` counts for it. */
  resets: readonly { rule: string; at: string }[];
  pins: RulePins;
  /** The rule's current version: outcomes of other versions are not counted. */
  ruleVersion: (rule: string) => string;
  now: Date;
  /** How long a muting lasts. */
  expiryDays: number;
}

/** A rule is muted once its nudges were dismissed this many times… */
export const MUTE_MIN_DISMISSALS = 3;
/** …while at most this share of them was acted on. */
export const MUTE_MAX_ACTED_ON_SHARE = 0.2;

const DAY_MS = 86_400_000;

/**
 * The rules muted for one repository, repository mutes first, then org-wide ones (a rule muted in both
 * is listed once, as the repository's). Pinned rules are never muted.
 */
export function buildMutedRules(input: MutedRulesInput): MutedRule[] {
  const resets = new Map(input.resets.map((r) => [r.rule, Date.parse(r.at)]));
  const byRule = new Map<string, TimedOutcome[]>();
  const versions = new Map<string, string>();
  for (const outcome of input.outcomes) {
    let version = versions.get(outcome.rule);
    if (version === undefined) versions.set(outcome.rule, (version = input.ruleVersion(outcome.rule)));
    if (input.pins[outcome.rule] !== undefined || outcome.ruleVersion !== version) continue;
    const list = byRule.get(outcome.rule) ?? [];
    list.push({ outcome: outcome.outcome, repositoryId: outcome.repositoryId, sentAt: Date.parse(outcome.sentAt), outcomeAt: Date.parse(outcome.outcomeAt) });
    byRule.set(outcome.rule, list);
  }
  const muted: MutedRule[] = [];
  for (const [rule, outcomes] of [...byRule].sort(([a], [b]) => compareText(a, b))) {
    const from = resets.get(rule) ?? Number.NEGATIVE_INFINITY;
    const own = findMuting(outcomes.filter((o) => o.repositoryId === input.repositoryId), from, input.now, input.expiryDays);
    const org = own ? null : findMuting(outcomes, from, input.now, input.expiryDays);
    if (own) muted.push({ rule, scope: "repository", ...own });
    else if (org) muted.push({ rule, scope: "org", ...org });
  }
  return muted.sort((a, b) => (a.scope === b.scope ? compareText(a.rule, b.rule) : a.scope === "repository" ? -1 : 1));
}

/** One nudge of a rule with its times as numbers, parsed once. */
interface TimedOutcome {
  outcome: RuleOutcomeKind;
  repositoryId: number;
  sentAt: number;
  outcomeAt: number;
}

/**
 * Walks one rule's outcomes in time. The rule is muted from the first dismissal that brings the window
 * to MUTE_MIN_DISMISSALS with at most MUTE_MAX_ACTED_ON_SHARE acted on, for `expiryDays`; when that
 * lapses, the window starts afresh. Null when it is not muted now. One sweep over the window's events
 * per window, so thousands of nudges of one rule cost milliseconds.
 */
function findMuting(timed: readonly TimedOutcome[], from: number, now: Date, expiryDays: number): (RuleLearningCounts & { since: string; until: string }) | null {
  const end = now.getTime();
  let windowStart = from;
  for (;;) {
    const window = timed.filter((o) => o.sentAt >= windowStart && o.sentAt <= end);
    const tipping = findTipping(window, end);
    if (tipping === null) return null;
    const until = tipping + expiryDays * DAY_MS;
    if (end < until) {
      const counts = countAt(window, end);
      return isMuting(counts) ? { ...counts, since: new Date(tipping).toISOString(), until: new Date(until).toISOString() } : null;
    }
    windowStart = until;
  }
}

/** The first moment, up to `end`, at which a dismissal leaves the window's counts at the muting bar; null if none. */
function findTipping(window: readonly TimedOutcome[], end: number): number | null {
  // Each nudge is two events: sent, then its outcome. Events at one instant all count before the check.
  const events: Array<{ at: number; kind: "sent" | RuleOutcomeKind }> = [];
  for (const o of window) {
    events.push({ at: o.sentAt, kind: "sent" });
    if (o.outcome !== "pending" && o.outcomeAt <= end) events.push({ at: o.outcomeAt, kind: o.outcome });
  }
  events.sort((a, b) => a.at - b.at);
  const counts: RuleLearningCounts = { sent: 0, actedOn: 0, dismissed: 0, ignored: 0 };
  let dismissalAtInstant = false;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (i === 0 || events[i - 1]!.at !== event.at) dismissalAtInstant = false;
    if (event.kind === "sent") counts.sent += 1;
    else if (event.kind === "acted-on") counts.actedOn += 1;
    else if (event.kind === "dismissed") counts.dismissed += 1;
    else if (event.kind === "ignored") counts.ignored += 1;
    if (event.kind === "dismissed") dismissalAtInstant = true;
    const instantDone = i + 1 === events.length || events[i + 1]!.at !== event.at;
    if (instantDone && dismissalAtInstant && isMuting(counts)) return event.at;
  }
  return null;
}

function isMuting(counts: RuleLearningCounts): boolean {
  return counts.dismissed >= MUTE_MIN_DISMISSALS && counts.actedOn <= MUTE_MAX_ACTED_ON_SHARE * counts.sent;
}

/** The counts as they stood at `at`: nudges sent by then, outcomes that had happened by then. */
function countAt(window: readonly TimedOutcome[], at: number): RuleLearningCounts {
  const counts: RuleLearningCounts = { sent: 0, actedOn: 0, dismissed: 0, ignored: 0 };
  for (const o of window) {
    if (o.sentAt > at) continue;
    counts.sent += 1;
    if (o.outcomeAt > at) continue;
    if (o.outcome === "acted-on") counts.actedOn += 1;
    if (o.outcome === "dismissed") counts.dismissed += 1;
    if (o.outcome === "ignored") counts.ignored += 1;
  }
  return counts;
}
