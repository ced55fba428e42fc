// Public API changes of a modified file: exported names added, removed or changed, comparing the
// added and deleted lines of all its hunks (so a name moved within the file is not a removal).

import type { Language } from "./detect-file-kind.js";
import { lineAnchor, quoteMatch, type FileView, type HunkView, type RawFinding } from "./raw-finding.js";

const EXPORT_PATTERNS: Partial<Record<Language, RegExp[]>> = {
  js: [
    /^\s*export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/,
    /^\s*(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=/,
    /^\s*export\s+default\s+(?!function|class|async)([A-Za-z_$][\w$]*)/,
  ],
  python: [/^(?:async\s+)?def\s+([A-Za-z]\w*)\s*\(/, /^class\s+([A-Za-z]\w*)\b/],
  go: [/^func\s+(?:\([^)]*\)\s*)?([A-Z]\w*)\s*[[(]/, /^type\s+([A-Z]\w*)\s/, /^(?:var|const)\s+([A-Z]\w*)\b/],
  java: [
    /^\s*public\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\s+)*(?:class|interface|enum|record|@interface)\s+(\w+)/,
    /^\s*public\s+(?:(?:static|final|abstract|synchronized|default|native)\s+)*(?:<[^>]+>\s+)?[\w<>[\],.? ]+\s+(\w+)\s*\(/,
  ],
  csharp: [
    /^\s*public\s+(?:(?:static|sealed|abstract|partial|readonly)\s+)*(?:class|interface|enum|record|struct)\s+(\w+)/,
    /^\s*public\s+(?:(?:static|virtual|override|async|abstract|sealed)\s+)*[\w<>[\],.? ]+\s+(\w+)\s*\(/,
  ],
  rust: [/^\s*pub\s+(?:async\s+)?(?:fn|struct|enum|trait|type|const|static|mod)\s+(\w+)/],
  php: [/^\s*public\s+(?:static\s+)?function\s+(\w+)\s*\(/],
};

interface ExportSite {
  text: string;
  line: number | null;
  view: HunkView;
}

export function findExportChanges(file: FileView): RawFinding[] {
  const patterns = EXPORT_PATTERNS[file.kind.language];
  if (!patterns || file.kind.isTest || file.status === "added") return [];
  const added = new Map<string, ExportSite>();
  const deleted = new Map<string, ExportSite>();

  for (const view of file.hunks) {
    if (view.change !== "new") continue;
    for (const line of view.hunk.lines) {
      if (line.kind === "context") continue;
      const name = exportedName(patterns, line.text.slice(0, 300));
      if (!name || NOT_API.has(name)) continue;
      const site: ExportSite = { text: signatureOf(line.text), line: line.newLine, view };
      const target = line.kind === "added" ? added : deleted;
      if (!target.has(name)) target.set(name, site);
    }
  }

  const findings: RawFinding[] = [];
  for (const [name, site] of added) {
    const before = deleted.get(name);
    if (before && before.text === site.text) continue; // moved, unchanged
    findings.push({
      concern: "architecture",
      severity: before ? "medium" : "low",
      confidence: "low",
      reason: before
        ? `changes the signature of exported \`${quoteMatch(name)}\`: check every caller and whether this is a breaking change`
        : `adds \`${quoteMatch(name)}\` to the public API: is its name and shape right for callers to depend on?`,
      rule: before ? "changed-export" : "added-export",
      path: file.path,
      line: site.line,
      anchor: lineAnchor(site.text),
    });
  }
  for (const [name, site] of deleted) {
    if (added.has(name)) continue;
    findings.push({
      concern: "architecture",
      severity: "medium",
      confidence: "medium",
      reason: `removes exported \`${quoteMatch(name)}\`: code that imports it breaks`,
      rule: "removed-export",
      path: file.path,
      line: site.view.firstAddedLine,
      anchor: `removed-export:${name}`,
    });
  }
  return findings;
}

/** Entry points and initialisers: no caller imports them. */
const NOT_API = new Set(["main", "init", "__init__", "setup", "teardown"]);

/**
 * What callers depend on in a declaration line: the text before any initialiser (a version constant's
 * new value is no API change), without whitespace, trailing commas (also before `)`) and `{`, with `interface{}` read as
 * `any` (the same type in Go).
 */
function signatureOf(text: string): string {
  const declaration = /^\s*(?:export\s+)?(?:declare\s+)?(?:const|let|var|public\s+(?:static\s+)?(?:final\s+)?[\w<>[\],.? ]+\s+\w+\s*=)/.test(text)
    ? text.split("=")[0] ?? text
    : text;
  return declaration
    .replace(/interface\s*\{\s*\}/g, "any")
    .replace(/[\s,{]+$/g, "")
    .replace(/\s+/g, "")
    .replace(/,([)\]>])/g, "$1");
}

function exportedName(patterns: RegExp[], text: string): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match?.[1]) return match[1];
  }
  return null;
}
