// Names the part of the codebase a set of PRs has most in common, from their titles, so coaching can say
// "in the auth area" rather than "somewhere". Never a person: candidate names equal to a login are
// dropped. Pure.

import { compareText } from "../coach/compare-text.js";

/** Conventional-commit scope ("fix(auth): …") or a leading tag ("[auth] …", "auth: …"). */
const SCOPE_PATTERNS: readonly RegExp[] = [
  /^\s*[a-z]+\(([^)]{1,40})\)!?:/i,
  /^\s*\[([^\]]{1,40})\]/,
  /^\s*([a-z][a-z0-9._/-]{1,39}):\s/i,
];

/** Conventional-commit types, which are not areas ("fix: …"). */
const COMMIT_TYPES = new Set([
  "feat", "feature", "fix", "bugfix", "hotfix", "chore", "docs", "doc", "style", "refactor", "perf", "test",
  "tests", "build", "ci", "revert", "wip", "release", "deps",
]);

/** Title words that point at an area, checked in this order. */
const AREA_KEYWORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(auth\w*|login|logout|sign[- ]?in|sign[- ]?up|session|oauth|sso|saml|password|jwt|permissions?|rbac|acl)\b/i, "auth"],
  [/\b(payments?|billing|invoices?|checkout|stripe|subscriptions?|refunds?)\b/i, "billing"],
  [/\b(sql|quer(y|ies)|database|db|migrations?|schema|orm)\b/i, "database"],
  [/\b(uploads?|downloads?|attachments?|s3|buckets?)\b/i, "file handling"],
  [/\b(webhooks?|queues?|workers?|jobs?|cron|scheduler)\b/i, "background jobs"],
  [/\b(cache|caching|redis)\b/i, "caching"],
  [/\b(api|endpoints?|routes?|graphql|controllers?)\b/i, "API"],
  [/\b(workflows?|pipelines?|deploy\w*|docker\w*|kubernetes|k8s|terraform|helm|infra\w*)\b/i, "CI and infrastructure"],
  [/\b(dependenc(y|ies)|bump|upgrade)\b/i, "dependencies"],
  [/\b(config\w*|settings)\b/i, "configuration"],
];

function areaOfTitle(title: string): string | null {
  for (const pattern of SCOPE_PATTERNS) {
    const scope = pattern.exec(title)?.[1]?.trim().toLowerCase();
    if (scope !== undefined && scope !== "" && !COMMIT_TYPES.has(scope) && /^[a-z0-9][a-z0-9 ._/-]*$/.test(scope)) {
      return scope;
    }
  }
  for (const [pattern, area] of AREA_KEYWORDS) {
    if (pattern.test(title)) return area;
  }
  return null;
}

/**
 * The most common area among the titles, when it is telling: shared by at least two PRs, or the only PR.
 * Ties go to the alphabetically first area, so the result does not depend on input order.
 */
export function inferArea(titles: readonly string[], logins: ReadonlySet<string> = new Set()): string | null {
  const counts = new Map<string, number>();
  for (const title of titles) {
    const area = areaOfTitle(title);
    if (area === null || logins.has(area.toLowerCase())) continue;
    counts.set(area, (counts.get(area) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b));
  const top = ranked[0];
  if (top === undefined) return null;
  return top[1] >= 2 || titles.length === 1 ? top[0] : null;
}
