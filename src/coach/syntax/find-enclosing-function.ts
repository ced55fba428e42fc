// The functions around a line of a parsed file.

import type { FileSyntax, SyntaxFunction } from "./file-syntax.js";

/** The innermost function whose lines include the 1-based line, or null at top level. */
export function findEnclosingFunction(syntax: FileSyntax, line: number): SyntaxFunction | null {
  return listEnclosingFunctions(syntax, line).at(-1) ?? null;
}

/** Every function whose lines include the 1-based line, outermost first. */
export function listEnclosingFunctions(syntax: FileSyntax, line: number): SyntaxFunction[] {
  // Functions are ordered by start line, outer before inner on the same line.
  return syntax.functions.filter((fn) => fn.startLine <= line && line <= fn.endLine);
}
