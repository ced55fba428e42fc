// What the parser learned about one file's new version, as plain serialisable data (no tree objects),
// so rules can tell code from strings and comments and know the function around a line.

import type { Language } from "../risk/detect-file-kind.js";

/** One line of the new file. */
export interface SyntaxLine {
  /** The line holds comments only (a blank line is not a comment). */
  commentOnly: boolean;
  /** The line's code: comments blanked out and string-literal contents replaced by spaces (same length). */
  code: string;
  /** The contents of the string literals that start on this line, in order (interpolations left out). */
  strings: string[];
}

export interface SyntaxParameter {
  /** The name it binds (`req`, `$request`, `r`); destructured parameters give one entry per name. */
  name: string;
  /** The whole declaration, whitespace-collapsed: type and annotations included (`r *http.Request`). */
  text: string;
}

export interface SyntaxPosition {
  line: number;
  column: number;
}

export interface SyntaxFunction {
  /** Its name, or the variable, property or key it is assigned to; null when anonymous. */
  name: string | null;
  /** 1-based new-file lines, inclusive. */
  startLine: number;
  endLine: number;
  parameters: SyntaxParameter[];
  /** The parameter list's place (1-based lines, 0-based columns, end exclusive): names there are declared, not used. */
  parameterSpan: { start: SyntaxPosition; end: SyntaxPosition };
}

/** An assignment or declaration that binds plain names (destructuring gives several). */
export interface SyntaxAssignment {
  line: number;
  targets: string[];
  /** The assigned expression's code (comments out, strings masked, whitespace-collapsed, at most 400 characters). */
  value: string;
}

export interface FileSyntax {
  language: Language;
  /** Index 0 is line 1. */
  lines: SyntaxLine[];
  /** Every function, nested ones included, ordered by start line. */
  functions: SyntaxFunction[];
  assignments: SyntaxAssignment[];
  /** The parser had to recover from syntax errors somewhere in the file. */
  hasErrors: boolean;
}

/** What a line rule reads of a line: its code and whether it holds comments only. */
export type CodeLine = Pick<SyntaxLine, "code" | "commentOnly">;

/** What buildRiskProfile needs from a parser: the syntax of a file's new content, or null when it cannot tell. */
export interface SyntaxSource {
  parse(content: string, language: Language, path?: string): FileSyntax | null;
  /**
   * The lines `parse` would give (by 1-based number), read by a lexer without parsing: null for a line it
   * cannot tell exactly, and no lines at all when `parse` would give no syntax. Rules reading only code skip the parse.
   */
  lexLines?(content: string, language: Language, path?: string): ((line: number) => CodeLine | null) | null;
}

/** The line's syntax (1-based), or null outside the file. */
export function getSyntaxLine(syntax: FileSyntax, line: number): SyntaxLine | null {
  return syntax.lines[line - 1] ?? null;
}

/** Whether a 1-based line holds only comments. */
export function isCommentLine(syntax: FileSyntax, line: number): boolean {
  return getSyntaxLine(syntax, line)?.commentOnly ?? false;
}
