// How long deciding the muted rules takes for one review event as an installation's history grows: the
// pure decision over every nudge outcome of the org (store reads not included). Run: npm run bench:learning
import { performance } from "node:perf_hooks";
import { buildMutedRules, type RuleOutcome } from "../src/coach/build-muted-rules.js";
import { getRuleVersion, RULE_IDS } from "../src/coach/risk/rule-versions.js";
import { median, printTable } from "./print-table.js";

const DAY = 86_400_000;
const START = Date.parse("2026-01-01T00:00:00.000Z");
const KINDS: RuleOutcome["outcome"][] = ["acted-on", "dismissed", "ignored", "pending", "dismissed"];

/** A deterministic history: `count` nudges over a year, spread over 50 repositories and every rule. */
function history(count: number): RuleOutcome[] {
  return Array.from({ length: count }, (_, i) => {
    const rule = RULE_IDS[(i * 7) % RULE_IDS.length]!;
    const sentAt = START + ((i * 9973) % (365 * 24)) * 3_600_000;
    return {
      rule,
      ruleVersion: getRuleVersion(rule),
      repositoryId: i % 50,
      outcome: KINDS[(i * 13) % KINDS.length]!,
      sentAt: new Date(sentAt).toISOString(),
      outcomeAt: new Date(sentAt + DAY).toISOString(),
    };
  });
}

const rows = [["nudges in the org", "median ms", "muted rules"]];
for (const count of [1_000, 10_000, 50_000]) {
  const outcomes = history(count);
  const times: number[] = [];
  let muted = 0;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    muted = buildMutedRules({ repositoryId: 1, outcomes, resets: [], pins: {}, ruleVersion: getRuleVersion, now: new Date(START + 365 * DAY), expiryDays: 90 }).length;
    times.push(performance.now() - started);
  }
  rows.push([count.toLocaleString("en"), median(times).toFixed(1), String(muted)]);
}
printTable(rows);
