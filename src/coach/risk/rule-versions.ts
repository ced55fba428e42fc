// Every rule's id and version. What a team learned about a rule (issue 13: muting) holds for one version
// only, so an improved rule gets a fresh chance. A line rule's version is a hash of its definition (any
// change to its pattern, reason, severity or scope is a new version); the rules written as code carry
// a number here, next to their id: bump it when the rule's logic changes.

import { hashFnv1a64 } from "./hash-fnv1a64.js";
import type { LineRule } from "./line-rule.js";
import { LINE_RULES } from "./select-line-rules.js";

/** Rules written as code (file, pull-request, dependency, export and workflow checks): id → version. */
const CODE_RULE_VERSIONS: Readonly<Record<string, number>> = {
  "sensitive-path": 1,
  "sensitive-path-too-large": 1,
  "new-module": 1,
  "moved-module": 1,
  "schema-file": 1,
  migration: 1,
  "removed-tests": 1,
  "deleted-test-file": 1,
  "deleted-module": 1,
  "new-dependency": 1,
  "updated-dependency": 1,
  "added-export": 1,
  "changed-export": 1,
  "removed-export": 1,
  "untested-change": 1,
  "cross-layer-change": 1,
  "very-large-change": 1,
  "workflow-script-injection": 1,
  "pull-request-target-checkout": 1,
  "query-in-loop": 1,
};

/** A stable text of a line rule's definition: regexes by source and flags, functions by their text. */
function describeLineRule(rule: LineRule): string {
  return JSON.stringify(rule, (_key, value: unknown) => {
    if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
    if (typeof value === "function") return value.toString();
    return value;
  });
}

const VERSIONS: ReadonlyMap<string, string> = new Map([
  ...Object.entries(CODE_RULE_VERSIONS).map(([id, version]): [string, string] => [id, `v${version}`]),
  ...LINE_RULES.map((rule): [string, string] => [rule.id, hashFnv1a64(describeLineRule(rule)).slice(0, 12)]),
]);

/** Every rule id, sorted: what `rules.<id>` in the config and `/coach unmute <id>` accept. */
export const RULE_IDS: readonly string[] = [...VERSIONS.keys()].sort();

/** The rule's current version; "unknown" for an id no rule has (e.g. one removed since). */
export function getRuleVersion(ruleId: string): string {
  return VERSIONS.get(ruleId) ?? "unknown";
}

export function isKnownRule(ruleId: string): boolean {
  return VERSIONS.has(ruleId);
}
