// Runs the line rules over the added lines of one hunk, plus the loop-aware "query in a loop" check.
// At most one finding per rule per hunk; each anchored to the text of its line.

import { getSyntaxLine } from "../syntax/file-syntax.js";
import { findLineInputs } from "../syntax/line-uses-input.js";
import type { Confidence, Severity } from "../types.js";
import type { LineRule } from "./line-rule.js";
import { LOOP_HEADER, QUERY_CALL } from "./performance-rules.js";
import { isMovedLine, lineAnchor, quoteMatch, type FileView, type HunkView, type RawFinding } from "./raw-finding.js";

/** Lines longer than this (minified code, data) are read only up to this length. */
const MAX_LINE_LENGTH = 1000;

interface Candidate {
  rule: LineRule;
  /** The rule's match on the raw line. */
  match: RegExpExecArray;
}

export function scanHunk(file: FileView, view: HunkView, rules: readonly LineRule[]): RawFinding[] {
  const findings: RawFinding[] = [];
  if (view.change !== "new") return findings;
  const fired = new Set<string>();
  const { newSide } = view;
  const comment = file.kind.comment;
  const scanned: number[] = [];
  const texts: string[] = [];
  for (let k = 0; k < newSide.length; k += 1) {
    const line = newSide[k];
    if (!line || line.kind !== "added" || line.newLine === null) continue;
    const raw = line.text;
    if (raw.trim() === "" || isMovedLine(raw, file.text)) continue;
    scanned.push(k);
    texts.push(raw.length > MAX_LINE_LENGTH ? raw.slice(0, MAX_LINE_LENGTH) : raw);
  }
  // A rule whose pattern matches none of the hunk's lines together matches none of them alone.
  const block = texts.join("\n");
  const applicable = rules.filter((rule) => (!rule.path || rule.path.test(file.path)) && mayMatchSomeLine(rule.pattern, block));

  for (let i = 0; i < scanned.length && applicable.length > 0; i += 1) {
    const k = scanned[i]!;
    const line = newSide[k]!;
    const newLine = line.newLine!;
    const raw = line.text;
    const text = texts[i]!;
    // A rule is tried on a line's code (strings and comments blanked) only when it matches the raw line; the
    // rules' patterns look for code, which blanking can hide but not create. Most lines end here, unparsed.
    const candidates: Candidate[] = [];
    for (const rule of applicable) {
      if (fired.has(rule.id)) continue;
      const match = rule.pattern.exec(text);
      // What the raw lines alone rule out needs no syntax (a rule's `check` reads the code's match: later).
      if (!match || rule.unless?.test(text)) continue;
      if (rule.near && !isNear(rule.near, newSide, k, file.path)) continue;
      if (rule.followedBy && !isFollowedBy(rule.followedBy, newSide, k)) continue;
      candidates.push({ rule, match });
    }
    if (candidates.length === 0) continue;
    // With the file's syntax, comments (block comments and docstrings too) and strings are known exactly;
    // a line the lexer tells as exactly needs no parse, unless a rule reads request input.
    const lexed = candidates.some(({ rule }) => rule.withInput) ? null : file.codeLine(newLine);
    const syntax = lexed ? null : file.syntax();
    const syntaxLine = lexed ?? (syntax ? getSyntaxLine(syntax, newLine) : null);
    const known = syntaxLine !== null && syntaxLine.code.length === raw.length;
    const isComment = known ? syntaxLine.commentOnly : comment.test(text);
    const code = known ? syntaxLine.code.slice(0, MAX_LINE_LENGTH) : text;

    for (const candidate of candidates) {
      const { rule } = candidate;
      if (isComment && !rule.comments) continue;
      // The raw line's match stands unless the rule reads code and the code is known.
      const match = rule.codeOnly && known ? rule.pattern.exec(code) : candidate.match;
      if (!match) continue;
      if (rule.check && !rule.check(match, text)) continue;

      let severity: Severity = rule.severity;
      let reason = rule.reason;
      if (rule.escalate && anyInWindow(rule.escalate.pattern, newSide, k, rule.escalate.window)) {
        severity = rule.escalate.severity;
        reason = rule.escalate.reason ?? reason;
      }
      let confidence: Confidence = rule.confidence ?? "medium";
      if (rule.withInput && known && syntax) {
        const inputs = findLineInputs(syntax, newLine);
        if (inputs.length > 0) {
          confidence = rule.withInput.confidence;
          reason = rule.withInput.reason.replace("{input}", quoteMatch(inputs.join(", ")));
        }
      }
      fired.add(rule.id);
      findings.push({
        concern: rule.concern,
        severity,
        confidence,
        reason: reason.replace("{match}", quoteMatch(match[0])),
        rule: rule.id,
        path: file.path,
        line: newLine,
        anchor: lineAnchor(raw),
      });
    }
  }

  if (file.kind.isCode && !file.kind.isTest) {
    const loopFinding = findQueryInLoop(file, view);
    if (loopFinding) findings.push(loopFinding);
  }
  return findings;
}

const blockPatterns = new WeakMap<RegExp, RegExp | null>();

/**
 * Whether a pattern may match one of the lines joined by "\n" in `block`. Read line by line ("m"), a
 * pattern without lookarounds matches the block wherever it matches a line, so a miss rules out every
 * line; a pattern with lookarounds could see past a line's end, and is always tried line by line.
 */
function mayMatchSomeLine(pattern: RegExp, block: string): boolean {
  let blockPattern = blockPatterns.get(pattern);
  if (blockPattern === undefined) {
    const local = !/\(\?<?[=!]/.test(pattern.source) && !pattern.global && !pattern.sticky;
    blockPattern = local ? new RegExp(pattern.source, `${pattern.flags}m`.replace(/m(?=.*m)/, "")) : null;
    blockPatterns.set(pattern, blockPattern);
  }
  return blockPattern === null || blockPattern.test(block);
}

function isNear(near: NonNullable<LineRule["near"]>, newSide: HunkView["newSide"], k: number, path: string): boolean {
  if (near.orPath?.test(path)) return true;
  return anyInWindow(near.pattern, newSide, k, near.window);
}

function anyInWindow(pattern: RegExp, newSide: HunkView["newSide"], k: number, window: number): boolean {
  const from = Math.max(0, k - window);
  const to = Math.min(newSide.length - 1, k + window);
  for (let i = from; i <= to; i += 1) {
    const text = newSide[i]?.text;
    if (text !== undefined && pattern.test(text.length > MAX_LINE_LENGTH ? text.slice(0, MAX_LINE_LENGTH) : text)) {
      return true;
    }
  }
  return false;
}

function isFollowedBy(pattern: RegExp, newSide: HunkView["newSide"], k: number): boolean {
  for (let i = k + 1; i < newSide.length; i += 1) {
    const text = newSide[i]?.text ?? "";
    if (text.trim() === "") continue;
    return pattern.test(text);
  }
  return false;
}

/**
 * A database or network call on an added line inside a loop visible in the hunk (by indentation,
 * which holds for brace and indentation languages alike), or in an inline iteration callback.
 */
function findQueryInLoop(file: FileView, view: HunkView): RawFinding | null {
  const loops: number[] = [];
  for (const line of view.newSide) {
    const text = line.text;
    if (text.trim() === "") continue;
    const indent = measureIndent(text);
    while (loops.length > 0 && indent <= (loops[loops.length - 1] as number)) loops.pop();
    if (file.kind.comment.test(text)) continue;
    const header = LOOP_HEADER.exec(text);
    if (line.kind === "added" && line.newLine !== null && (loops.length > 0 || header !== null)) {
      const query = QUERY_CALL.exec(text);
      if (query && (loops.length > 0 || (header !== null && header.index < query.index)) && !isMovedLine(text, file.text)) {
        return {
          concern: "performance",
          severity: "medium",
          confidence: "medium",
          reason: `calls the database or network inside a loop (\`${quoteMatch(query[0])}\`): one round trip per item; batch it`,
          rule: "query-in-loop",
          path: file.path,
          line: line.newLine,
          anchor: lineAnchor(text),
        };
      }
    }
    if (header) loops.push(indent);
  }
  return null;
}

function measureIndent(text: string): number {
  let width = 0;
  for (const char of text) {
    if (char === " ") width += 1;
    else if (char === "\t") width += 4;
    else break;
  }
  return width;
}
