// Whether a line of a parsed file reads request input, and through what.

import type { FileSyntax } from "./file-syntax.js";
import { getSyntaxLine } from "./file-syntax.js";
import { listEnclosingFunctions } from "./find-enclosing-function.js";
import { findInputNames, findNameUses } from "./find-input-names.js";
import { findInputExpressions, isClientHeaderName } from "./input-sources.js";

/**
 * What request input the 1-based line reads, as short snippets: input expressions (`req.query`),
 * input names in scope (`name` assigned from `req.query.name`), and client-controlled header names in
 * its strings (`X-Forwarded-For`). A parameter list is not a use: only code after it counts.
 */
export function findLineInputs(syntax: FileSyntax, line: number): string[] {
  const syntaxLine = getSyntaxLine(syntax, line);
  if (!syntaxLine || syntaxLine.commentOnly) return [];
  const code = withoutParameterLists(syntax, line, syntaxLine.code);
  const found = new Set<string>(findInputExpressions(code, syntax.language));
  // A name made input by an assignment on this very line is written here, not read.
  const names = findInputNames(syntax, line)
    .filter((input) => !(input.source.kind === "assignment" && input.source.line === line))
    .map((input) => input.name);
  for (const name of findNameUses(code, names)) found.add(name);
  for (const text of syntaxLine.strings) if (isClientHeaderName(text)) found.add(text.trim());
  return [...found];
}

/** The line's code with the parameter lists declared on it blanked out. */
function withoutParameterLists(syntax: FileSyntax, line: number, code: string): string {
  let result = code;
  for (const fn of listEnclosingFunctions(syntax, line)) {
    const { start, end } = fn.parameterSpan;
    if (line < start.line || line > end.line) continue;
    const from = line === start.line ? start.column : 0;
    const to = line === end.line ? end.column : result.length;
    result = result.slice(0, from) + " ".repeat(Math.max(0, to - from)) + result.slice(to);
  }
  return result;
}

/** Whether the 1-based line reads request input (see findLineInputs). */
export function lineUsesInput(syntax: FileSyntax, line: number): boolean {
  return findLineInputs(syntax, line).length > 0;
}

/** Whether a piece of masked code at a line (e.g. a call's argument a rule matched) reads request input there. */
export function isInputExpression(syntax: FileSyntax, line: number, code: string): boolean {
  if (findInputExpressions(code, syntax.language).length > 0) return true;
  return findNameUses(code, findInputNames(syntax, line).map((input) => input.name)).length > 0;
}
