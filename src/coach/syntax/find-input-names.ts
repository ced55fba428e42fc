// Which names carry request input at a line: the input parameters of the functions around it, and the
// locals assigned from input inside them (followed through assignments and destructuring, in any order).

import type { FileSyntax, SyntaxAssignment } from "./file-syntax.js";
import { listEnclosingFunctions } from "./find-enclosing-function.js";
import { findInputExpressions, isClientHeaderName, isInputParameter } from "./input-sources.js";

export interface InputName {
  name: string;
  /** Where its input comes from: a parameter, or the line of the assignment that first made it input. */
  source: { kind: "parameter"; line: number } | { kind: "assignment"; line: number };
}

/** Names computed per scope, kept as long as the syntax object lives (the data is immutable). */
const memo = new WeakMap<FileSyntax, Map<string, InputName[]>>();

/** The names that carry request input at a 1-based line (empty outside handlers with no input in sight). */
export function findInputNames(syntax: FileSyntax, line: number): InputName[] {
  const chain = listEnclosingFunctions(syntax, line);
  const outer = chain[0];
  const key = chain.map((fn) => `${fn.startLine}:${fn.endLine}`).join("/") || "top";
  let perScope = memo.get(syntax);
  if (!perScope) memo.set(syntax, (perScope = new Map()));
  const cached = perScope.get(key);
  if (cached) return cached;

  const names = new Map<string, InputName>();
  for (const fn of chain) {
    for (const parameter of fn.parameters) {
      if (isInputParameter(parameter, syntax.language)) names.set(parameter.name, { name: parameter.name, source: { kind: "parameter", line: fn.startLine } });
    }
  }
  const inScope = (assignment: SyntaxAssignment): boolean =>
    outer ? outer.startLine <= assignment.line && assignment.line <= outer.endLine : !syntax.functions.some((fn) => fn.startLine <= assignment.line && assignment.line <= fn.endLine);
  let pending = syntax.assignments.filter(inScope);
  // Each pass settles at least one assignment or stops, so this ends.
  for (let changed = true; changed && pending.length > 0; ) {
    changed = false;
    const known = [...names.keys()];
    pending = pending.filter((assignment) => {
      const isInput =
        findInputExpressions(assignment.value, syntax.language).length > 0 ||
        findNameUses(assignment.value, known).length > 0 ||
        (syntax.lines[assignment.line - 1]?.strings.some(isClientHeaderName) ?? false);
      if (!isInput) return true;
      for (const target of assignment.targets) {
        if (!names.has(target)) names.set(target, { name: target, source: { kind: "assignment", line: assignment.line } });
      }
      changed = true;
      return false;
    });
  }
  const result = [...names.values()];
  perScope.set(key, result);
  return result;
}

/** The names among `names` that code uses as a variable (not as a property: `.name` does not count). */
export function findNameUses(code: string, names: readonly string[]): string[] {
  return names.filter((name) => {
    for (let at = code.indexOf(name); at !== -1; at = code.indexOf(name, at + 1)) {
      const before = code[at - 1] ?? "";
      const after = code[at + name.length] ?? "";
      const isWordStart = !/[\w$.]/.test(before) && !(before === ">" && code[at - 2] === "-") && !(before === ":" && code[at - 2] === ":");
      if (isWordStart && !/[\w$]/.test(after)) return true;
    }
    return false;
  });
}
