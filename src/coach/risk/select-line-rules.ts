// All line rules, and the subset that reads a given kind of file (memoised per language and test-ness).

import { ARCHITECTURE_RULES } from "./architecture-rules.js";
import { CODE_LANGUAGES, type FileKind, type FileRole, type Language } from "./detect-file-kind.js";
import { EDGE_CASE_RULES } from "./edge-case-rules.js";
import { INFRASTRUCTURE_RULES } from "./infrastructure-rules.js";
import type { LineRule, RuleScope } from "./line-rule.js";
import { PERFORMANCE_RULES } from "./performance-rules.js";
import { SECURITY_RULES } from "./security-rules.js";
import { TESTING_RULES } from "./testing-rules.js";
import { TRUST_BOUNDARY_RULES } from "./trust-boundary-rules.js";

export const LINE_RULES: readonly LineRule[] = [
  ...SECURITY_RULES,
  ...TRUST_BOUNDARY_RULES,
  ...INFRASTRUCTURE_RULES,
  ...EDGE_CASE_RULES,
  ...PERFORMANCE_RULES,
  ...ARCHITECTURE_RULES,
  ...TESTING_RULES,
];

/** Roles whose content is not the project's running code: only rules that ask for them read them. */
const PASSIVE_ROLES: readonly FileRole[] = ["docs", "example", "fixture", "generated", "vendored"];

const selected = new Map<string, readonly LineRule[]>();

export function selectLineRules(kind: FileKind): readonly LineRule[] {
  const key = `${kind.language}:${kind.role}:${kind.isTest ? "test" : "src"}:${kind.isDocs ? "docs" : ""}`;
  const cached = selected.get(key);
  if (cached) return cached;
  const rules = LINE_RULES.filter((rule) => {
    if (PASSIVE_ROLES.includes(kind.role)) return rule.alsoReads?.includes(kind.role) ?? false;
    if (!inScope(rule.languages, kind.language, kind.isDocs)) return false;
    const tests = rule.tests ?? "skip";
    if (kind.isTest) return tests !== "skip";
    return tests !== "only";
  });
  selected.set(key, rules);
  return rules;
}

function inScope(scope: RuleScope, language: Language, isDocs: boolean): boolean {
  if (scope === "all") return true;
  if (scope === "any") return !isDocs && language !== "docs";
  if (scope === "code") return CODE_LANGUAGES.includes(language) && !isDocs;
  return scope.includes(language);
}
