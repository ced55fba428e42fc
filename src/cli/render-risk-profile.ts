// A risk profile as text for a terminal: the level, then findings grouped by file, then skipped files.

import type { Finding, RiskProfile } from "../coach/types.js";

export function renderRiskProfile(profile: RiskProfile): string {
  const { findings, stats } = profile;
  const files = new Set(findings.map((f) => f.path));
  const out: string[] = [];
  out.push(
    `Risk: ${profile.level}. ${count(findings.length, "finding")} in ${count(files.size, "file")} ` +
      `(diff: ${count(stats.files, "file")}, +${stats.additions} −${stats.deletions})`,
  );
  const byConcern = new Map<string, number>();
  for (const f of findings) byConcern.set(f.concern, (byConcern.get(f.concern) ?? 0) + 1);
  if (byConcern.size > 0) {
    out.push(`A good review looks at: ${[...byConcern].map(([concern, n]) => `${concern} (${n})`).join(", ")}`);
  }

  // Files in order of their most severe finding (findings are already sorted that way).
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.path, [...(groups.get(f.path) ?? []), f]);
  for (const [path, group] of groups) {
    out.push("", path);
    for (const f of [...group].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      const where = f.line === null ? "file" : `L${f.line}`;
      out.push(`  ${f.severity.toUpperCase().padEnd(6)} ${where.padEnd(6)} ${f.concern.padEnd(12)} ${f.reason}  [${f.rule}, ${f.confidence} confidence]`);
    }
  }
  if (profile.skipped.length > 0) {
    out.push("", "Skipped:");
    for (const s of profile.skipped) out.push(`  ${s.path} (${s.reason})`);
  }
  if (findings.length === 0) out.push("", "Nothing in this diff calls for a closer look.");
  return `${out.join("\n")}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
