// The shape of a rule that looks at the added lines of a hunk. Rules are data (precompiled regexes
// plus, rarely, a small predicate), so adding a language or a pattern means adding an entry.

import type { Concern, Confidence, Severity } from "../types.js";
import type { FileRole, Language } from "./detect-file-kind.js";

/** Which files a rule reads: a list of languages, every code language, or every non-docs file. */
export type RuleScope = readonly Language[] | "code" | "any" | "all";

export interface LineRule {
  /** Stable rule name, shown with findings ("sql-from-variable"). */
  id: string;
  concern: Concern;
  severity: Severity;
  /** How often the rule is right when it fires (measured with `npm run bench:risk`); default medium. */
  confidence?: Confidence;
  /** Short, human, specific. "{match}" is replaced by the (sanitised) matched text. */
  reason: string;
  languages: RuleScope;
  /** Tested against one added line. */
  pattern: RegExp;
  /** The rule does not fire when the line also matches this. */
  unless?: RegExp;
  /** A last say on a match, for what a regex cannot express cleanly. */
  check?: (match: RegExpExecArray, line: string) => boolean;
  /** The rule needs this nearby (new-side lines within `window` of the line), or a path matching `orPath`. */
  near?: { pattern: RegExp; window: number; orPath?: RegExp };
  /** The next non-blank line of the new side must match (multi-line idioms like `catch (e) {` + `}`). */
  followedBy?: RegExp;
  /** Raises the severity (and may change the reason) when the line or its surroundings match. */
  escalate?: { pattern: RegExp; window: number; severity: Severity; reason?: string };
  /**
   * Docs, examples, fixtures, generated and vendored files are read only by rules that name their role
   * here (a live credential is a leak wherever it is; a sample key in a fixture is not).
   */
  alsoReads?: readonly FileRole[];
  /**
   * When the file's syntax shows the line reads request input (directly, or through a variable assigned
   * from it in the same function), the finding gets this confidence and reason ("{input}" is replaced
   * by what it reads).
   */
  withInput?: { confidence: Confidence; reason: string };
  /** Whether the rule reads test files: not at all (default), only them, or also them. */
  tests?: "skip" | "only" | "also";
  /**
   * Match against the line's code only (string contents and comments masked) when the file's syntax is
   * known: for rules about code constructs, which words inside a string or comment must not trigger.
   */
  codeOnly?: boolean;
  /** Whether the rule reads comment-only lines (default no; secrets leak from comments too). */
  comments?: boolean;
  /** Only for paths matching this. */
  path?: RegExp;
}
