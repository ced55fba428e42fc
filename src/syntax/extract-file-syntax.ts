// Reads a tree-sitter tree into plain FileSyntax data: masked code per line, string literals, functions
// with their parameters, and assignments. One query per grammar captures just those nodes.

import type { Language as TreeSitterLanguage, Node, Query, Tree } from "@vscode/tree-sitter-wasm";
import type { FileSyntax, SyntaxAssignment, SyntaxFunction, SyntaxLine } from "../coach/syntax/file-syntax.js";
import type { Language } from "../coach/risk/detect-file-kind.js";
import { indexLines } from "./index-lines.js";

/** Nodes whose whole text is string content: masked in code, collected as the literal's value. */
const STRING_CONTENT = new Set([
  "string_fragment",
  "string_content",
  "multiline_string_fragment",
  "interpreted_string_literal_content",
  "raw_string_literal_content",
  "string_literal_content",
  "escape_sequence",
  "heredoc_content",
]);

/** String literals that have no content children: everything between the first and last quote is content. */
const STRING_LEAF = new Set(["verbatim_string_literal", "raw_string"]);

/** String literals, as wholes (their contents are gathered from the content nodes under them). */
const STRING_LITERAL = new Set([
  "string",
  "template_string",
  "string_literal",
  "interpreted_string_literal",
  "raw_string_literal",
  "encapsed_string",
  "interpolated_string_expression",
  "heredoc_body",
  ...STRING_LEAF,
]);

const FUNCTIONS = new Set([
  "function_declaration",
  "function_expression",
  "generator_function_declaration",
  "generator_function",
  "function",
  "arrow_function",
  "method_definition",
  "function_definition",
  "lambda",
  "method_declaration",
  "constructor_declaration",
  "func_literal",
  "lambda_expression",
  "method",
  "singleton_method",
  "anonymous_function",
  "anonymous_function_creation_expression",
  "local_function_statement",
  "function_item",
  "closure_expression",
]);

/** Assignment-like nodes: [field of the bound names, field of the value]. */
const ASSIGNMENTS: Record<string, [string, string]> = {
  variable_declarator: ["name", "value"],
  assignment_expression: ["left", "right"],
  assignment: ["left", "right"],
  short_var_declaration: ["left", "right"],
  assignment_statement: ["left", "right"],
  var_spec: ["name", "value"],
  let_declaration: ["pattern", "value"],
  named_expression: ["name", "value"],
};

/** Name-binding leaves. */
const NAME_LEAVES = new Set(["identifier", "shorthand_property_identifier_pattern", "variable_name", "simple_identifier"]);
/** Patterns whose named children bind names. */
const NAME_PATTERNS = new Set([
  "object_pattern",
  "array_pattern",
  "tuple_pattern",
  "list_pattern",
  "pattern_list",
  "expression_list",
  "list_splat_pattern",
  "dictionary_splat_pattern",
  "rest_pattern",
  "tuple_struct_pattern",
  "left_assignment_list",
  "splat_parameter",
  "hash_splat_parameter",
  "destructured_parameter",
  "variadic_parameter_declaration",
]);

const MAX_VALUE_LENGTH = 400;
const MAX_PARAMETER_TEXT = 200;

/** What a captured node is to the extraction; the capture names of the grammar's query. */
type Role = "comment" | "docstring" | "content" | "leaf" | "literal" | "function" | "assignment";

const ROLE_ORDER: Record<Role, number> = { docstring: 0, comment: 1, literal: 2, leaf: 2, function: 3, assignment: 4, content: 5 };

function roleOfType(type: string): Role | null {
  if (type.includes("comment")) return "comment";
  if (STRING_CONTENT.has(type)) return "content";
  if (STRING_LEAF.has(type)) return "leaf";
  if (STRING_LITERAL.has(type)) return "literal";
  if (FUNCTIONS.has(type)) return "function";
  if (type in ASSIGNMENTS) return "assignment";
  return null;
}

/**
 * One query per grammar capturing only the nodes the extraction reads: running it stays inside
 * WebAssembly, where walking every node from JavaScript crossed the boundary a few times per node.
 */
const queries = new WeakMap<TreeSitterLanguage, Query>();

function queryOf(language: TreeSitterLanguage, makeQuery: MakeQuery): Query {
  let query = queries.get(language);
  if (!query) {
    const patterns = new Set<string>();
    for (const type of language.types) {
      const role = type ? roleOfType(type) : null;
      if (role !== null && language.idForNodeType(type, true)) patterns.add(`(${type}) @${role}`);
    }
    if (language.idForNodeType("expression_statement", true) && language.idForNodeType("string", true)) {
      patterns.add("(expression_statement . (string) .) @docstring");
    }
    query = makeQuery(language, [...patterns].join("\n"));
    queries.set(language, query);
  }
  return query;
}

/** How the caller's tree-sitter module builds a query (the module is loaded lazily by the parser). */
export type MakeQuery = (language: TreeSitterLanguage, source: string) => Query;

export type SyntaxDeclarations = Pick<FileSyntax, "functions" | "assignments">;

/**
 * How the functions and assignments are read when the tree is kept: on first use, from the tree while
 * it is alive (`isAlive`), or else from `reread` (a new parse). Most files never need them.
 */
export interface DeferredDeclarations {
  isAlive(): boolean;
  reread(): SyntaxDeclarations;
}

/**
 * Reads the file's syntax. Without `deferred`, everything is read now and the caller may delete the tree;
 * with it, functions and assignments are read on first use.
 */
export function extractFileSyntax(tree: Tree, content: string, language: Language, makeQuery: MakeQuery, deferred?: DeferredDeclarations): FileSyntax {
  const { lineStarts, rowOf } = indexLines(content);
  // Ranges to blank out (comments, string contents), met in document order and never overlapping.
  const blanks: number[] = [];
  const hasComment = new Uint8Array(lineStarts.length);
  const strings: string[][] = lineStarts.map(() => []);
  const functionNodes: Node[] = [];
  const assignmentNodes: Node[] = [];
  const literals: { row: number; end: number; parts: string[] }[] = [];

  const blank = (start: number, end: number): void => {
    if (end > start) blanks.push(start, end);
  };
  const closeLiteralsBefore = (index: number): void => {
    while (literals.length > 0 && literals.at(-1)!.end <= index) {
      const done = literals.pop()!;
      strings[done.row]?.push(done.parts.join(""));
    }
  };

  const captures = queryOf(tree.language, makeQuery)
    .captures(tree.rootNode)
    .map(({ name, node }) => ({ role: name as Role, node, start: node.startIndex, end: node.endIndex }))
    // Document order, outer nodes first, as a walk meets them.
    .sort((a, b) => a.start - b.start || b.end - a.end || ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  let skipUntil = -1;
  for (const { role, node, start, end } of captures) {
    if (start < skipUntil) continue;
    closeLiteralsBefore(start);
    if (role === "comment" || (role === "docstring" && language === "python" && isDocstring(node))) {
      blank(start, end);
      for (let row = rowOf(start), last = rowOf(Math.max(start, end - 1)); row <= last; row++) hasComment[row] = 1;
      skipUntil = end;
    } else if (role === "content") {
      literals.at(-1)?.parts.push(content.slice(start, end));
      blank(start, end);
      skipUntil = end;
    } else if (role === "literal") {
      literals.push({ row: rowOf(start), end, parts: [] });
    } else if (role === "leaf") {
      const open = content.slice(start, end).search(/["']/) + start + 1;
      literals.push({ row: rowOf(start), end, parts: [content.slice(open, end - 1)] });
      blank(open, end - 1);
    } else if (role === "function") {
      functionNodes.push(node);
    } else if (role === "assignment") {
      assignmentNodes.push(node);
    }
  }
  closeLiteralsBefore(Number.POSITIVE_INFINITY);

  const pieces: string[] = [];
  let at = 0;
  for (let i = 0; i < blanks.length; i += 2) {
    const start = blanks[i]!;
    const end = blanks[i + 1]!;
    if (start < at) continue;
    pieces.push(content.slice(at, start), content.slice(start, end).replace(/[^\r\n]/g, " "));
    at = end;
  }
  pieces.push(content.slice(at));
  const code = pieces.join("");
  const lines: SyntaxLine[] = lineStarts.map((lineStart, row) => {
    const next = lineStarts[row + 1];
    const text = code.slice(lineStart, next === undefined ? code.length : next - 1).replace(/\r$/, "");
    return { commentOnly: hasComment[row] === 1 && text.trim() === "", code: text, strings: strings[row]! };
  });
  const readDeclarations = (): SyntaxDeclarations => {
    const functions = functionNodes.map((node) => readFunction(node, rowOf, lineStarts));
    functions.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
    return { functions, assignments: assignmentNodes.flatMap((node) => readAssignment(node, code)) };
  };
  const syntax = { language, lines, hasErrors: tree.rootNode.hasError };
  if (!deferred) return { ...syntax, ...readDeclarations() };
  let read: SyntaxDeclarations | undefined;
  const declarations = (): SyntaxDeclarations => {
    if (!read) {
      try {
        read = deferred.isAlive() ? readDeclarations() : deferred.reread();
      } catch {
        read = deferred.reread();
      }
      // The nodes point into a tree that may be gone: keep only what was read from them.
      functionNodes.length = 0;
      assignmentNodes.length = 0;
    }
    return read;
  };
  // Enumerable getters, so the object still compares and serialises as plain data.
  return Object.defineProperties(syntax as FileSyntax, {
    functions: { enumerable: true, get: () => declarations().functions },
    assignments: { enumerable: true, get: () => declarations().assignments },
  });
}

/** A Python statement that is only a plain string: a docstring or a string used as a comment. */
function isDocstring(node: Node): boolean {
  const only = node.namedChildCount === 1 ? node.namedChild(0) : null;
  return only?.type === "string" && !only.namedChildren.some((child) => child?.type === "interpolation");
}

function readFunction(node: Node, rowOf: (index: number) => number, lineStarts: number[]): SyntaxFunction {
  const parameters = node.childForFieldName("parameters") ?? node.childForFieldName("parameter");
  const end = parameters?.endIndex ?? node.childForFieldName("body")?.startIndex ?? node.startIndex;
  const start = parameters?.startIndex ?? end;
  const position = (index: number) => {
    const row = rowOf(index);
    return { line: row + 1, column: index - lineStarts[row]! };
  };
  return {
    name: functionName(node),
    startLine: node.startPosition.row + 1,
    endLine: node.endPosition.row + 1,
    parameters: parameters ? readParameters(parameters) : [],
    parameterSpan: { start: position(start), end: position(end) },
  };
}

function functionName(node: Node): string | null {
  const own = node.childForFieldName("name");
  if (own) return own.text;
  const parent = node.parent;
  if (!parent) return null;
  const holder =
    parent.childForFieldName("name") ?? parent.childForFieldName("left") ?? parent.childForFieldName("key") ?? parent.childForFieldName("property");
  return holder && holder.id !== node.id ? collapse(holder.text, 80) : null;
}

function readParameters(list: Node): SyntaxFunction["parameters"] {
  // A lone identifier (`x => …`, Java `x -> …`) is its own parameter list.
  const items = NAME_LEAVES.has(list.type) ? [list] : list.namedChildren.filter((child): child is Node => child !== null && !child.type.includes("comment"));
  return items.flatMap((item) => {
    const text = collapse(item.text, MAX_PARAMETER_TEXT);
    const names = boundNames(item, true);
    return names.map((name) => ({ name, text }));
  });
}

/**
 * The plain names a declaration, pattern or parameter binds. Member targets (`obj.x = …`) bind none.
 * Parameters fall back to their first identifier when their shape is not known.
 */
function boundNames(node: Node, isParameter: boolean): string[] {
  if (NAME_LEAVES.has(node.type)) return [node.text];
  for (const field of ["name", "pattern", "left"]) {
    const named = node.childrenForFieldName(field).filter((child): child is Node => child !== null);
    if (named.length > 0) return named.flatMap((child) => boundNames(child, isParameter));
  }
  if (node.type === "pair_pattern") {
    const value = node.childForFieldName("value");
    return value ? boundNames(value, isParameter) : [];
  }
  if (NAME_PATTERNS.has(node.type) || (isParameter && /parameter|pattern/.test(node.type))) {
    const names = node.namedChildren
      .filter((child, index): child is Node => child !== null && node.fieldNameForNamedChild(index) !== "type" && !/type|annotation|modifier|decorator|default/.test(child.type))
      .flatMap((child) => boundNames(child, isParameter));
    if (names.length > 0 || !isParameter) return names;
  }
  if (!isParameter) return [];
  const first = node.descendantsOfType([...NAME_LEAVES])[0];
  return first ? [first.text] : [];
}

function readAssignment(node: Node, code: string): SyntaxAssignment[] {
  const [targetField, valueField] = ASSIGNMENTS[node.type]!;
  const target = node.childForFieldName(targetField);
  // C# declarators carry their value as an unnamed last child.
  const value = node.childForFieldName(valueField) ?? (node.namedChildCount > 1 ? node.namedChild(node.namedChildCount - 1) : null);
  // A function bound to a name is a declaration, not data flowing into it.
  if (!target || !value || value.id === target.id || FUNCTIONS.has(value.type)) return [];
  const targets = boundNames(target, false);
  if (targets.length === 0) return [];
  return [{ line: node.startPosition.row + 1, targets, value: collapse(code.slice(value.startIndex, value.endIndex), MAX_VALUE_LENGTH) }];
}

function collapse(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? clean.slice(0, max) : clean;
}
